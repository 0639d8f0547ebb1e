import { itemIdToDate } from '../url/id-time.ts';
import {
  asArray,
  asBoolean,
  asCount,
  asIdString,
  asNumber,
  asRecord,
  asString,
  type JsonRecord,
  pathOf,
} from './lenient-json.ts';
import { mediaUrls } from './media-urls.ts';
import type {
  AudioMime,
  ItemAuthor,
  ItemFlags,
  ItemStats,
  Music,
  PhotoImage,
  TikTokItem,
  VideoCandidate,
  VideoCodec,
} from './tiktok-item.ts';

/**
 * Turns a raw `itemStruct` (any layout) into a `TikTokItem`. Field names and value formats follow
 * the real captures: `createTime` and `DataSize` arrive as strings or numbers, `CodecType` is
 * `h264` / `h265_hvc1`, a photo post has `video.playAddr: ""` and `imagePost.images[]`.
 */

export type NormalizeResult =
  | { readonly ok: true; readonly item: TikTokItem }
  | { readonly ok: false; readonly code: 'age_restricted' | 'no_media' | 'no_data' };

export type NormalizeContext = {
  /** The id to use when the item lacks one (SIGI keys items by id). */
  readonly fallbackId?: string;
  /** Old SIGI pages keep the author in `UserModule.users[uniqueId]` and only its name in the item. */
  readonly usersByUniqueId?: JsonRecord;
};

/** `h264`, `h265_hvc1`, `bytevc1`, `bytevc2`, … → our codec names. */
export function codecFromName(name: string | undefined): VideoCodec | undefined {
  if (name === undefined) return undefined;
  const lower = name.toLowerCase();
  if (lower.includes('bytevc2') || lower.includes('h266') || lower.includes('vvc1')) return 'bytevc2';
  if (
    lower.includes('h265') ||
    lower.includes('hevc') ||
    lower.includes('bytevc1') ||
    lower.includes('hvc1')
  ) {
    return 'h265';
  }
  if (lower.includes('h264') || lower.includes('avc1') || lower === 'avc') return 'h264';
  return undefined;
}

/** The codec token of a `UrlKey` such as `v…_bytevc1_1080p_1226086`. */
function codecFromUrlKey(urlKey: string | undefined): VideoCodec | undefined {
  if (urlKey === undefined || urlKey.length > 200) return undefined;
  return codecFromName(/_([a-z0-9]+)_\d+p_\d+$/i.exec(urlKey)?.[1]);
}

function playAddrCandidate(video: JsonRecord): VideoCandidate | undefined {
  const struct = asRecord(video.PlayAddrStruct);
  const urls = mediaUrls(video.playAddr, struct);
  if (urls.length === 0) return undefined;
  const urlKey = asString(struct?.UrlKey);
  return {
    urls,
    codec: codecFromName(asString(video.codecType)) ?? codecFromUrlKey(urlKey) ?? 'unknown',
    bitrate: asCount(video.bitrate) ?? null,
    width: asCount(struct?.Width) ?? asCount(video.width) ?? null,
    height: asCount(struct?.Height) ?? asCount(video.height) ?? null,
    dataSize: asCount(struct?.DataSize) ?? asCount(video.size) ?? null,
    watermarked: false,
    gearName: null,
    urlKey: urlKey ?? null,
    source: 'playAddr',
  };
}

function bitrateCandidate(entry: unknown): VideoCandidate | undefined {
  const gear = asRecord(entry);
  const address = asRecord(gear?.PlayAddr);
  if (gear === undefined || address === undefined) return undefined;
  const urls = mediaUrls(address);
  if (urls.length === 0) return undefined;
  const urlKey = asString(address.UrlKey);
  return {
    urls,
    codec: codecFromName(asString(gear.CodecType)) ?? codecFromUrlKey(urlKey) ?? 'unknown',
    bitrate: asCount(gear.Bitrate) ?? null,
    width: asCount(address.Width) ?? null,
    height: asCount(address.Height) ?? null,
    dataSize: asCount(address.DataSize) ?? null,
    watermarked: false,
    gearName: asString(gear.GearName) ?? null,
    urlKey: urlKey ?? null,
    source: 'bitrateInfo',
  };
}

function downloadAddrCandidate(video: JsonRecord): VideoCandidate | undefined {
  const struct = asRecord(video.DownloadAddrStruct);
  // `video.download.url` is where some page versions put it (yt-dlp reads both).
  const urls = mediaUrls(video.downloadAddr, struct, asRecord(video.download)?.url);
  if (urls.length === 0) return undefined;
  const urlKey = asString(struct?.UrlKey);
  return {
    urls,
    codec: codecFromUrlKey(urlKey) ?? 'unknown',
    bitrate: null,
    width: asCount(struct?.Width) ?? null,
    height: asCount(struct?.Height) ?? null,
    dataSize: asCount(struct?.DataSize) ?? null,
    watermarked: true,
    gearName: null,
    urlKey: urlKey ?? null,
    source: 'downloadAddr',
  };
}

function videoCandidates(video: JsonRecord | undefined): VideoCandidate[] {
  if (video === undefined) return [];
  const candidates: VideoCandidate[] = [];
  const play = playAddrCandidate(video);
  if (play !== undefined) candidates.push(play);
  for (const entry of asArray(video.bitrateInfo)) {
    const gear = bitrateCandidate(entry);
    if (gear !== undefined) candidates.push(gear);
  }
  const download = downloadAddrCandidate(video);
  if (download !== undefined) candidates.push(download);
  return candidates;
}

function photoImages(raw: JsonRecord): PhotoImage[] {
  const images: PhotoImage[] = [];
  for (const entry of asArray(pathOf(raw, 'imagePost', 'images'))) {
    const image = asRecord(entry);
    if (image === undefined) continue;
    // `imageURL` on web pages; `displayImage` (`display_image` in the app's spelling) elsewhere.
    const display = asRecord(image.displayImage) ?? asRecord(image.display_image);
    const urls = mediaUrls(image.imageURL, display);
    if (urls.length === 0) continue;
    images.push({
      urls,
      width: asCount(image.imageWidth) ?? asCount(display?.width) ?? null,
      height: asCount(image.imageHeight) ?? asCount(display?.height) ?? null,
    });
  }
  return images;
}

export function audioMimeOf(playUrl: string): AudioMime {
  return playUrl.includes('mime_type=audio_mpeg') ? 'audio/mpeg' : 'audio/mp4';
}

function musicOf(raw: JsonRecord): Music | null {
  const music = asRecord(raw.music);
  if (music === undefined) return null;
  const playUrl = mediaUrls(music.playUrl)[0] ?? null;
  const duration = asNumber(music.duration) ?? asNumber(pathOf(music, 'preciseDuration', 'preciseDuration'));
  return {
    id: asIdString(music.id) ?? asString(music.id) ?? '',
    title: asString(music.title) ?? '',
    authorName: asString(music.authorName) ?? '',
    playUrl,
    duration: duration !== undefined && duration >= 0 ? duration : null,
    mime: playUrl === null ? null : audioMimeOf(playUrl),
  };
}

function authorOf(raw: JsonRecord, usersByUniqueId: JsonRecord | undefined): ItemAuthor {
  const nameOnly = asString(raw.author); // SIGI: `author: "uniqueId"`
  const user =
    asRecord(raw.author) ??
    asRecord(raw.authorInfo) ?? // some page versions (yt-dlp reads `authorInfo` first)
    (nameOnly !== undefined && usersByUniqueId !== undefined && Object.hasOwn(usersByUniqueId, nameOnly)
      ? asRecord(usersByUniqueId[nameOnly])
      : undefined);
  const secUid = asString(user?.secUid) ?? asString(raw.authorSecId);
  const privateAccount = asBoolean(user?.privateAccount);
  return {
    id: asIdString(user?.id) ?? asIdString(user?.uid) ?? asIdString(raw.authorId) ?? '',
    uniqueId: asString(user?.uniqueId) ?? nameOnly ?? '',
    nickname: asString(user?.nickname) ?? asString(raw.nickname) ?? '',
    ...(secUid === undefined ? {} : { secUid }),
    ...(privateAccount === undefined ? {} : { privateAccount }),
  };
}

function statsOf(raw: JsonRecord): ItemStats {
  const v2 = asRecord(raw.statsV2);
  const v1 = asRecord(raw.stats);
  const read = (key: string) => asCount(v2?.[key]) ?? asCount(v1?.[key]) ?? null;
  return {
    plays: read('playCount'),
    likes: read('diggCount'),
    comments: read('commentCount'),
    shares: read('shareCount'),
    saves: read('collectCount'),
  };
}

function flagsOf(raw: JsonRecord): ItemFlags {
  const flags: Record<string, boolean> = {};
  for (const key of [
    'isContentClassified',
    'privateItem',
    'secret',
    'forFriend',
    'shareEnabled',
    'duetEnabled',
    'stitchEnabled',
  ] as const) {
    const value = asBoolean(raw[key]);
    if (value !== undefined) flags[key] = value;
  }
  return flags;
}

function createTimeOf(raw: JsonRecord, id: string): number {
  const fromItem = asCount(raw.createTime);
  if (fromItem !== undefined && fromItem > 0) return fromItem;
  const fromId = itemIdToDate(id);
  return fromId === null ? 0 : Math.floor(fromId.getTime() / 1000);
}

export function normalizeItem(raw: JsonRecord, context: NormalizeContext = {}): NormalizeResult {
  const id =
    asIdString(raw.id) ?? (context.fallbackId === undefined ? undefined : asIdString(context.fallbackId));
  if (id === undefined) return { ok: false, code: 'no_data' };

  const video = asRecord(raw.video);
  const images = photoImages(raw);
  const videos = images.length > 0 ? [] : videoCandidates(video);
  if (images.length === 0 && videos.length === 0) {
    // YT/CO: `isContentClassified` with no video object is the age gate (login needed).
    return { ok: false, code: asBoolean(raw.isContentClassified) === true ? 'age_restricted' : 'no_media' };
  }

  const music = musicOf(raw);
  const kind = images.length > 0 ? 'photo' : 'video';
  const firstImage = images[0];
  const coverUrls = mediaUrls(
    video?.cover,
    video?.originCover,
    pathOf(raw, 'imagePost', 'cover', 'imageURL'),
    pathOf(raw, 'imagePost', 'cover', 'displayImage'),
  );
  const videoWidth = asCount(video?.width) ?? 0;
  const videoHeight = asCount(video?.height) ?? 0;

  return {
    ok: true,
    item: {
      id,
      kind,
      author: authorOf(raw, context.usersByUniqueId),
      caption: asString(raw.desc) ?? '',
      createTime: createTimeOf(raw, id),
      duration: kind === 'photo' ? (music?.duration ?? 0) : Math.max(0, asNumber(video?.duration) ?? 0),
      width: videoWidth || (firstImage?.width ?? 0),
      height: videoHeight || (firstImage?.height ?? 0),
      coverUrls,
      videos,
      images,
      music,
      stats: statsOf(raw),
      flags: flagsOf(raw),
    },
  };
}
