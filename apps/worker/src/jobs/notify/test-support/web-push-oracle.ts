import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';

/**
 * The browser's side of Web Push, written from the RFCs for the tests' oracle (not shared with
 * the product, which encrypts with the `web-push` library): a subscription's keys, decryption
 * of an aes128gcm message (RFC 8188 content coding, RFC 8291 key derivation), and the check of a
 * VAPID Authorization header (RFC 8292).
 */
export type BrowserPushKeys = {
  readonly ecdh: ECDH;
  /** The subscription's keys as a browser sends them (base64url). */
  readonly p256dh: string;
  readonly auth: string;
};

export function newBrowserPushKeys(): BrowserPushKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    ecdh,
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** Decrypts an `aes128gcm` push message body to its text. */
export function decryptPushMessage(body: Buffer, keys: BrowserPushKeys): string {
  // RFC 8188 §2.1 header: salt (16) | record size (uint32) | idlen (1) | keyid (the sender's public key).
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] ?? 0;
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  // RFC 8291 §3.3–3.4: IKM from the ECDH secret, keyed by the auth secret, bound to both public keys.
  const ecdhSecret = keys.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), senderPublicKey]);
  const ikm = hkdf(ecdhSecret, Buffer.from(keys.auth, 'base64url'), keyInfo, 32);
  // RFC 8188 §2.2–2.3: content key and nonce from the salt.
  const key = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonceBase = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const parts: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += recordSize, seq++) {
    const record = records.subarray(offset, Math.min(offset + recordSize, records.length));
    const nonce = Buffer.from(nonceBase);
    // NONCE XOR the 96-bit big-endian sequence number (a few records: only the low 32 bits change).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', key, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // RFC 8188 §2: the data, a delimiter (2 in the last record, 1 before), then zero padding.
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = offset + recordSize >= records.length;
    if (plain[end] !== (last ? 2 : 1)) throw new Error(`bad padding delimiter in record ${seq}`);
    parts.push(plain.subarray(0, end));
  }
  return Buffer.concat(parts).toString('utf8');
}

export type VapidClaims = { aud: string; exp: number; sub: string };

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>`: the key is the server's, the ES256
 * signature verifies with it, and returns the claims.
 */
export function verifyVapidHeader(header: string, expectedPublicKey: string): VapidClaims {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header);
  if (!match) throw new Error(`not a VAPID header: ${header}`);
  const [, jwt = '', key = ''] = match;
  if (key !== expectedPublicKey) throw new Error('VAPID key is not the server key');
  const [head = '', claims = '', signature = ''] = jwt.split('.');
  const raw = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Error('VAPID signature does not verify');
  const parsedHead = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (parsedHead.alg !== 'ES256') throw new Error(`VAPID alg ${parsedHead.alg}`);
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as VapidClaims;
}

/** A VAPID key pair as VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY take it. */
export function newVapidKeys(): { publicKey: string; privateKey: string } {
  for (;;) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const privateKey = ecdh.getPrivateKey();
    if (privateKey.length === 32) {
      return {
        publicKey: ecdh.getPublicKey().toString('base64url'),
        privateKey: privateKey.toString('base64url'),
      };
    }
  }
}
