/**
 * What kind of network an IP address belongs to, for deciding where TikSavr may send a webhook or
 * a push message. Webhook URLs are user input: without this check a person could make the server
 * POST to its own loopback, its LAN, or a cloud metadata service (169.254.169.254).
 *
 * Hand-written rather than node:net's BlockList because core is also bundled into the browser
 * (the web app shows these rules' error words) and node:net has no browser build. Input is an
 * address in the canonical text form DNS answers and the WHATWG URL parser produce (the URL
 * parser already turns `2130706433`, `0x7f.1` and `[::ffff:127.0.0.1]` into canonical forms).
 */
export type AddressRange =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'cgnat'
  | 'multicast'
  | 'reserved';

type V4Block = readonly [first: number, prefixBits: number, range: Exclude<AddressRange, 'public'>];

const ipv4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** IPv4 blocks that are not the public internet (IANA special-purpose registry, RFC 6890). */
const V4_BLOCKS: readonly V4Block[] = [
  [ipv4(0, 0, 0, 0), 8, 'unspecified'],
  [ipv4(10, 0, 0, 0), 8, 'private'],
  [ipv4(100, 64, 0, 0), 10, 'cgnat'],
  [ipv4(127, 0, 0, 0), 8, 'loopback'],
  [ipv4(169, 254, 0, 0), 16, 'link_local'],
  [ipv4(172, 16, 0, 0), 12, 'private'],
  [ipv4(192, 0, 0, 0), 24, 'reserved'],
  [ipv4(192, 0, 2, 0), 24, 'reserved'],
  [ipv4(192, 88, 99, 0), 24, 'reserved'],
  [ipv4(192, 168, 0, 0), 16, 'private'],
  [ipv4(198, 18, 0, 0), 15, 'reserved'],
  [ipv4(198, 51, 100, 0), 24, 'reserved'],
  [ipv4(203, 0, 113, 0), 24, 'reserved'],
  [ipv4(224, 0, 0, 0), 4, 'multicast'],
  [ipv4(240, 0, 0, 0), 4, 'reserved'],
];

/** `a.b.c.d` with four decimal parts 0–255 as a 32-bit number; null for anything else. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** An IPv6 address (with `::`, an embedded IPv4 tail, or a `%zone`) as its eight 16-bit groups; null if malformed. */
export function parseIpv6(text: string): number[] | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        groups.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(Number.parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function rangeOfIpv4(value: number): AddressRange {
  for (const [first, bits, range] of V4_BLOCKS) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === first) return range;
  }
  return 'public';
}

const v4From = (high: number, low: number) => ((high << 16) | low) >>> 0;

function rangeOfIpv6(g: readonly number[]): AddressRange {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroUpTo5 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroUpTo5 && g5 === 0 && g6 === 0) {
    if (g7 === 0) return 'unspecified';
    if (g7 === 1) return 'loopback';
  }
  // ::ffff:a.b.c.d (IPv4-mapped): the IPv4 address is where the connection goes.
  if (zeroUpTo5 && g5 === 0xffff) return rangeOfIpv4(v4From(g6, g7));
  // ::a.b.c.d (IPv4-compatible, deprecated): never a public route.
  if (zeroUpTo5 && g5 === 0) return 'reserved';
  // 64:ff9b::/96, the well-known NAT64 prefix: the embedded IPv4 address decides.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return rangeOfIpv4(v4From(g6, g7));
  }
  // 64:ff9b:1::/48, NAT64 for local use only.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private';
  if (g0 >= 0xff00) return 'multicast';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique_local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link_local';
  // fec0::/10, site-local (deprecated): a private network.
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  // 2002::/16, 6to4: the IPv4 address in bits 16–47 decides.
  if (g0 === 0x2002) return rangeOfIpv4(v4From(g1, g2));
  // 2001::/23 (IETF protocol assignments, Teredo among them) and 2001:db8::/32 (documentation).
  if (g0 === 0x2001 && (g1 < 0x200 || g1 === 0xdb8)) return 'reserved';
  // Only 2000::/3 is global unicast; the rest of the space is unassigned or special.
  if ((g0 & 0xe000) !== 0x2000) return 'reserved';
  return 'public';
}

/** The range of an IPv4 or IPv6 address; null when `text` is not an IP address. */
export function addressRange(text: string): AddressRange | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return rangeOfIpv4(v4);
  const v6 = parseIpv6(text);
  return v6 === null ? null : rangeOfIpv6(v6);
}

/** True when `text` is an IP address (v4, or v6 with or without brackets). */
export function isIpAddress(text: string): boolean {
  return addressRange(text) !== null;
}

/** The ranges an admin may open up with `webhooks.allowPrivateTargets` (a LAN ntfy, a local receiver). */
const OPENABLE: ReadonlySet<AddressRange> = new Set([
  'loopback',
  'private',
  'link_local',
  'unique_local',
  'cgnat',
]);

/**
 * Whether a request may connect to `address`. Public addresses always; loopback, private,
 * link-local, unique-local and CGNAT only when the admin allows private targets; unspecified,
 * multicast and reserved never (no HTTP server a person means lives there).
 */
export function isAllowedTarget(address: string, allowPrivate: boolean): boolean {
  const range = addressRange(address);
  if (range === null) return false;
  return range === 'public' || (allowPrivate && OPENABLE.has(range));
}

/** The range in words, for the delivery log and error details. */
export function describeRange(range: AddressRange): string {
  switch (range) {
    case 'public':
      return 'a public address';
    case 'unspecified':
      return 'an unspecified address';
    case 'loopback':
      return 'this server itself (loopback)';
    case 'private':
      return 'a private network address';
    case 'link_local':
      return 'a link-local address (such as a cloud metadata service)';
    case 'unique_local':
      return 'a private IPv6 address (unique local)';
    case 'cgnat':
      return "a carrier-grade NAT address (shared, not the internet's)";
    case 'multicast':
      return 'a multicast address';
    case 'reserved':
      return 'a reserved address';
  }
}
