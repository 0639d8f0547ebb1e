import type { SimMediaRole } from './sim-types.ts';
import type { UrlSigner } from './url-signer.ts';

/**
 * Builds and reads the sim's CDN URLs. Shapes follow the real ones (tiktok-upstream.md §2C):
 *   video  /cdn/video/tos/sim/tos-sim-pve-0037/ITEM/ROLE/?…&expire=E&…&signature=S&tk=tt_chain_token
 *   object /cdn/obj/BUCKET/OWNER/ROLE-INDEX~tplv-….jpeg?…&x-expires=E&x-signature=S
 * The owner is an item id (or a user id for avatars).
 */

export const HVC1_SEGMENT = 'media-video-hvc1';
const VIDEO_PATH =
  /^\/cdn\/video\/tos\/sim\/tos-sim-pve-0037\/(\d{1,21})\/([a-z0-9_]+)\/(?:(media-video-hvc1)\/)?$/;
const OBJECT_PATH = /^\/cdn\/obj\/[a-z0-9-]+\/(\d{1,21})\/([a-z_]+)-(\d{1,3})(?:[~.][^/]*)?$/;

export type VideoUrlParams = {
  itemId: string;
  role: SimMediaRole;
  chainToken: string;
  expire: number;
  logId: string;
  /** Advertised kbps (`br`), half of it is `bt`. */
  kbps: number;
  /** `cs`: 0 for H.264, 2 for HEVC, as on real pages. */
  codecFlag: number;
  /** Put the path under `/media-video-hvc1/` (those URLs 404 on real pages, §3). */
  hvc1Path?: boolean;
};

export function videoPath(itemId: string, role: SimMediaRole, hvc1Path = false): string {
  return `/cdn/video/tos/sim/tos-sim-pve-0037/${itemId}/${role}/${hvc1Path ? `${HVC1_SEGMENT}/` : ''}`;
}

export function signedVideoUrl(origin: string, signer: UrlSigner, p: VideoUrlParams): string {
  const path = videoPath(p.itemId, p.role, p.hvc1Path);
  const query = new URLSearchParams({
    a: '1988',
    bti: 'ODszNWYuMDE6',
    ch: '0',
    cr: '3',
    dr: '0',
    lr: 'all',
    cd: '0|0|0|',
    cv: '1',
    br: String(p.kbps),
    bt: String(Math.max(1, Math.round(p.kbps / 2))),
    cs: String(p.codecFlag),
    ds: '6',
    ft: 'sim.webapp',
    mime_type: 'video_mp4',
    qs: '0',
    rc: Buffer.from(`${p.itemId}:${p.role}`).toString('base64'),
    btag: 'e000b0000',
    expire: String(p.expire),
    l: p.logId,
    ply_type: '2',
    policy: '2',
    signature: signer.videoSignature(path, p.expire, p.chainToken),
    tk: 'tt_chain_token',
  });
  return `${origin}${path}?${query}`;
}

export type ObjectUrlParams = {
  bucket: string;
  ownerId: string;
  role: SimMediaRole | 'avatar';
  index: number;
  /** Appended to the file name, e.g. `~tplv-photomode-image.jpeg`. */
  suffix: string;
  expires: number;
  /** Extra query before the signature, e.g. `mime_type=audio_mpeg` for music. */
  extra?: Record<string, string>;
};

export function signedObjectUrl(origin: string, signer: UrlSigner, p: ObjectUrlParams): string {
  const path = `/cdn/obj/${p.bucket}/${p.ownerId}/${p.role}-${p.index}${p.suffix}`;
  const query = new URLSearchParams({
    lk3s: '81f88b70',
    ...p.extra,
    'x-expires': String(p.expires),
    'x-signature': signer.objectSignature(path, p.expires),
    shp: '81f88b70',
  });
  return `${origin}${path}?${query}`;
}

export type VideoPathParts = { itemId: string; role: string; hvc1Path: boolean };

export function readVideoPath(pathname: string): VideoPathParts | undefined {
  const match = VIDEO_PATH.exec(pathname);
  if (!match) return undefined;
  return { itemId: match[1] as string, role: match[2] as string, hvc1Path: match[3] !== undefined };
}

export type ObjectPathParts = { ownerId: string; role: string; index: number };

export function readObjectPath(pathname: string): ObjectPathParts | undefined {
  const match = OBJECT_PATH.exec(pathname);
  if (!match) return undefined;
  return { ownerId: match[1] as string, role: match[2] as string, index: Number(match[3]) };
}
