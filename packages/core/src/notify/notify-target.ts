import { AppError } from '../errors.ts';
import { addressRange, describeRange, isAllowedTarget } from './target-address.ts';

/**
 * Where a webhook or a push message may go. The same rules run when a person saves a webhook
 * (a clear error at once) and before every request the worker makes (DNS may answer differently
 * by then: "DNS rebinding"), and again for every redirect.
 */

/** Every address a host name resolves to, e.g. node:dns `lookup(name, { all: true })`. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

export const TARGET_URL_MAX_LENGTH = 2000;

/**
 * The admin's Setting that opens loopback, private, link-local, unique-local and CGNAT targets
 * (a webhook to a LAN ntfy, a local receiver). Stored as JSON true/false; absent means false. The
 * environment variable WEBHOOKS_ALLOW_PRIVATE_TARGETS (true/false), when set, overrides it.
 */
export const ALLOW_PRIVATE_TARGETS_SETTING = 'webhooks.allowPrivateTargets';

/** The value of WEBHOOKS_ALLOW_PRIVATE_TARGETS: null when unset (the admin's setting decides). */
export function allowPrivateTargetsFromEnv(value: string | undefined): boolean | null {
  if (value === undefined || value.trim() === '') return null;
  const text = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new Error(`WEBHOOKS_ALLOW_PRIVATE_TARGETS must be true or false (got "${value}")`);
}

/** The host of a URL without IPv6 brackets: what DNS or an address check takes. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/**
 * Parses the address a person typed (or a browser's push endpoint): a whole http:// or https://
 * URL with a host and no user name or password (credentials in a URL end up in logs; ntfy takes
 * `?auth=` instead). Throws AppError `webhook_url_invalid`.
 */
export function parseTargetUrl(input: string | URL, schemes: readonly string[] = ['http:', 'https:']): URL {
  const text = typeof input === 'string' ? input.trim() : input.href;
  if (text.length === 0 || text.length > TARGET_URL_MAX_LENGTH) {
    throw new AppError('webhook_url_invalid', 'empty or too long');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new AppError('webhook_url_invalid', 'not a URL', { cause: error });
  }
  if (!schemes.includes(url.protocol)) {
    throw new AppError('webhook_url_invalid', `scheme ${url.protocol} not allowed`, {
      detail: { scheme: url.protocol },
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError('webhook_url_invalid', 'credentials in the URL');
  }
  if (bareHostname(url) === '') throw new AppError('webhook_url_invalid', 'no host');
  return url;
}

function refused(host: string, address: string): AppError {
  const range = addressRange(address);
  const where = range === null ? 'an address TikSavr cannot check' : describeRange(range);
  return new AppError('webhook_target_refused', `${host} is ${address}, ${where}`, {
    detail: { host, address, range, where },
  });
}

/** RFC 6761: `localhost` and every name under it are this machine, whatever DNS says. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * The addresses a request to `url` may connect to, every one of them allowed: the IP in the URL,
 * or every address its host name resolves to (one refused address refuses the whole name, so a
 * name that answers both a public and a private address cannot slip through). The caller must
 * connect to one of the returned addresses, not look the name up again.
 * Throws AppError `webhook_target_refused` (naming the address and its range) or
 * `webhook_host_unknown` (the name resolves to nothing).
 */
export async function checkTarget(
  url: URL,
  options: { readonly resolveHost: ResolveHost; readonly allowPrivate: boolean },
): Promise<string[]> {
  const host = bareHostname(url);
  if (addressRange(host) !== null) {
    if (!isAllowedTarget(host, options.allowPrivate)) throw refused(host, host);
    return [host];
  }
  if (isLocalhostName(host) && !options.allowPrivate) throw refused(host, '127.0.0.1');
  let addresses: readonly string[];
  try {
    addresses = await options.resolveHost(host);
  } catch (error) {
    throw new AppError('webhook_host_unknown', `${host} does not resolve`, {
      cause: error,
      detail: { host },
    });
  }
  if (addresses.length === 0) {
    throw new AppError('webhook_host_unknown', `${host} has no address`, { detail: { host } });
  }
  for (const address of addresses) {
    if (!isAllowedTarget(address, options.allowPrivate)) throw refused(host, address);
  }
  return [...addresses];
}
