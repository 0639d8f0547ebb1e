import { AppError } from '../errors.ts';
import type { TikTokItem, VideoCandidate, VideoCodec } from '../page/tiktok-item.ts';

/**
 * Decides which files make up a saved post and which URLs to try for each, best first
 * (tiktok-upstream.md §3, "Format choice"):
 * - No watermark first: `playAddr` and `bitrateInfo`; the watermarked `downloadAddr` only as the
 *   very last fallback, and flagged.
 * - `compatible` (default): H.264 before HEVC, highest H.264 resolution first, because H.264 plays
 *   everywhere. `highest`: highest resolution whatever the codec (HEVC allowed).
 * - Never `bytevc2` (unplayable). URLs on TikTok's page hosts and `/aweme/v1/play/` URLs
 *   (`www.tiktok.com/aweme/v1/play/…`) are dropped: they break (yt-dlp#11034). `/media-video-hvc1/` URLs are often video-only or 404, so they are
 *   kept only when nothing else is left.
 * - Photo posts: every image in order (`.jpeg?` variants before `.webp`), then the soundtrack.
 * - The cover is an optional extra: a failure to fetch it must not fail the save.
 *
 * `candidates` of an asset are fallback URLs in order; `variants[i]` describes `candidates[i]`
 * (a fallback may be another resolution or codec). The asset's own `mime`, `codec`, `width`,
 * `height`, `expectedSize` and `watermarked` describe its first candidate.
 */

export type MediaQuality = 'compatible' | 'highest';

export type MediaPreferences = {
  readonly quality?: MediaQuality;
  /** Add the cover picture as an optional asset (default true). */
  readonly includeCover?: boolean;
};

export type MediaRole = 'video' | 'image' | 'audio' | 'cover';

export type MediaVariant = {
  readonly url: string;
  /** null when the URL does not say (the downloader then trusts Content-Type). */
  readonly mime: string | null;
  readonly codec?: VideoCodec;
  readonly width?: number;
  readonly height?: number;
  /** Bytes, as TikTok announced them. */
  readonly expectedSize?: number;
  readonly watermarked: boolean;
};

export type MediaAsset = {
  readonly role: MediaRole;
  /** Position among assets of the same role (image 0, 1, 2, …). */
  readonly index: number;
  readonly candidates: readonly string[];
  readonly variants: readonly MediaVariant[];
  readonly mime: string | null;
  readonly codec?: VideoCodec;
  readonly width?: number;
  readonly height?: number;
  readonly expectedSize?: number;
  readonly watermarked: boolean;
  /** True when the save succeeds without this asset (the cover). */
  readonly optional: boolean;
};

export type MediaPlan = {
  readonly itemId: string;
  readonly kind: TikTokItem['kind'];
  readonly quality: MediaQuality;
  /** Ordered: the video, or every image then the audio; the cover last. */
  readonly assets: readonly MediaAsset[];
};

/** Hosts that serve TikTok's pages; media URLs there (`/aweme/v1/play/`) break (yt-dlp#11034). */
const PAGE_HOSTS = new Set(['www.tiktok.com', 'tiktok.com', 'm.tiktok.com']);
/** The same play endpoint, wherever it is served from (a simulator serves it from its own origin). */
const PAGE_PLAY_PATH = '/aweme/v1/play';
const VIDEO_ONLY_HEVC_PATH = '/media-video-hvc1/';

const IMAGE_MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  png: 'image/png',
  heic: 'image/heic',
  avif: 'image/avif',
};

function parsedHttpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isUsableMediaUrl(url: string): boolean {
  const parsed = parsedHttpUrl(url);
  return (
    parsed !== undefined && !PAGE_HOSTS.has(parsed.hostname) && !parsed.pathname.startsWith(PAGE_PLAY_PATH)
  );
}

export function imageMimeOf(url: string): string | null {
  const path = parsedHttpUrl(url)?.pathname ?? '';
  const extension = /\.([a-z0-9]{2,5})$/i.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && Object.hasOwn(IMAGE_MIME_BY_EXTENSION, extension)
    ? (IMAGE_MIME_BY_EXTENSION[extension] ?? null)
    : null;
}

function pixels(candidate: VideoCandidate): number {
  return (candidate.width ?? 0) * (candidate.height ?? 0);
}

/** Lower sorts first. */
function codecGroup(codec: VideoCodec, quality: MediaQuality): number {
  if (quality === 'highest') return 0;
  if (codec === 'h264') return 0;
  if (codec === 'unknown') return 1; // usually H.264 (the page's `codecType`), but unproven
  return 2;
}

function compareVideos(quality: MediaQuality) {
  return (left: VideoCandidate, right: VideoCandidate): number =>
    Number(left.watermarked) - Number(right.watermarked) ||
    codecGroup(left.codec, quality) - codecGroup(right.codec, quality) ||
    pixels(right) - pixels(left) ||
    // Same resolution: bitrateInfo entries state their codec and size; playAddr repeats one of them.
    Number(left.source === 'playAddr') - Number(right.source === 'playAddr') ||
    (right.bitrate ?? 0) - (left.bitrate ?? 0);
}

function videoVariant(url: string, candidate: VideoCandidate): MediaVariant {
  return {
    url,
    mime: 'video/mp4',
    codec: candidate.codec,
    ...(candidate.width === null ? {} : { width: candidate.width }),
    ...(candidate.height === null ? {} : { height: candidate.height }),
    ...(candidate.dataSize === null ? {} : { expectedSize: candidate.dataSize }),
    watermarked: candidate.watermarked,
  };
}

/** Keeps the first variant of each URL, drops page-host URLs, and hvc1-path URLs unless they are all that is left. */
function usableVariants(variants: readonly MediaVariant[]): MediaVariant[] {
  const seen = new Set<string>();
  const usable = variants.filter((variant) => {
    if (seen.has(variant.url) || !isUsableMediaUrl(variant.url)) return false;
    seen.add(variant.url);
    return true;
  });
  const reliable = usable.filter((variant) => !variant.url.includes(VIDEO_ONLY_HEVC_PATH));
  return reliable.length > 0 ? reliable : usable;
}

function assetFrom(
  role: MediaRole,
  index: number,
  variants: readonly MediaVariant[],
  optional: boolean,
): MediaAsset | undefined {
  const first = variants[0];
  if (first === undefined) return undefined;
  return {
    role,
    index,
    candidates: variants.map((variant) => variant.url),
    variants,
    mime: first.mime,
    ...(first.codec === undefined ? {} : { codec: first.codec }),
    ...(first.width === undefined ? {} : { width: first.width }),
    ...(first.height === undefined ? {} : { height: first.height }),
    ...(first.expectedSize === undefined ? {} : { expectedSize: first.expectedSize }),
    watermarked: first.watermarked,
    optional,
  };
}

function videoAsset(item: TikTokItem, quality: MediaQuality): MediaAsset | undefined {
  const ranked = item.videos
    .filter((candidate) => candidate.codec !== 'bytevc2')
    .sort(compareVideos(quality));
  const variants = ranked.flatMap((candidate) => candidate.urls.map((url) => videoVariant(url, candidate)));
  return assetFrom('video', 0, usableVariants(variants), false);
}

function imageAssets(item: TikTokItem): MediaAsset[] {
  const assets: MediaAsset[] = [];
  for (const image of item.images) {
    // CO picks the `.jpeg?` entry: JPEG opens everywhere, WebP not in every photo app.
    const jpegFirst = [
      ...image.urls.filter((url) => url.includes('.jpeg?')),
      ...image.urls.filter((url) => !url.includes('.jpeg?')),
    ];
    const variants = usableVariants(
      jpegFirst.map((url) => ({
        url,
        mime: imageMimeOf(url),
        ...(image.width === null ? {} : { width: image.width }),
        ...(image.height === null ? {} : { height: image.height }),
        watermarked: false,
      })),
    );
    const asset = assetFrom('image', assets.length, variants, false);
    if (asset !== undefined) assets.push(asset);
  }
  return assets;
}

function audioAsset(item: TikTokItem): MediaAsset | undefined {
  const music = item.music;
  if (music?.playUrl == null) return undefined;
  return assetFrom(
    'audio',
    0,
    usableVariants([{ url: music.playUrl, mime: music.mime, watermarked: false }]),
    false,
  );
}

function coverAsset(item: TikTokItem): MediaAsset | undefined {
  const variants = item.coverUrls.map((url) => ({ url, mime: imageMimeOf(url), watermarked: false }));
  return assetFrom('cover', 0, usableVariants(variants), true);
}

/**
 * The download plan for an item. Throws `AppError('no_media')` when no usable URL is left
 * (extractItemFromPage already rejects items without any media, so this means every URL was
 * unusable, e.g. only page-host URLs).
 */
export function chooseMedia(item: TikTokItem, preferences: MediaPreferences = {}): MediaPlan {
  const quality = preferences.quality ?? 'compatible';
  const primary: MediaAsset[] = [];
  if (item.kind === 'photo') {
    primary.push(...imageAssets(item));
    if (primary.length > 0) {
      const audio = audioAsset(item);
      if (audio !== undefined) primary.push(audio);
    }
  } else {
    const video = videoAsset(item, quality);
    if (video !== undefined) primary.push(video);
  }
  if (primary.length === 0) {
    throw new AppError('no_media', `No usable media URL in item ${item.id}`, { detail: { itemId: item.id } });
  }
  const cover = preferences.includeCover === false ? undefined : coverAsset(item);
  return {
    itemId: item.id,
    kind: item.kind,
    quality,
    assets: cover === undefined ? primary : [...primary, cover],
  };
}
