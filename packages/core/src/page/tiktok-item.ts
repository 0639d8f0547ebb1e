import { z } from 'zod';

/**
 * One TikTok post as TikSavr understands it, normalised from whichever page layout carried it.
 * It is plain JSON (no Date, no BigInt), so it can be stored and sent between processes as is.
 *
 * - `createTime` is **unix seconds** (TikTok's own unit). It comes from the item; when the item
 *   lacks it, from the id (`id >> 32`, which is 1–11 s earlier than the real creation time).
 * - `duration` is seconds. A photo post's video duration is 0 upstream; here it is the
 *   soundtrack's duration (0 when there is no soundtrack).
 * - Every URL is kept as TikTok sent it; choosing among them is `chooseMedia`'s job.
 * - `flags` are informational only: no studied tool relies on them (tiktok-upstream.md §3).
 */

export const VideoCodecSchema = z.enum(['h264', 'h265', 'bytevc2', 'unknown']);
export type VideoCodec = z.infer<typeof VideoCodecSchema>;

/** Where in the item a video URL came from. `downloadAddr` is the watermarked copy. */
export const VideoSourceSchema = z.enum(['playAddr', 'downloadAddr', 'bitrateInfo']);
export type VideoSource = z.infer<typeof VideoSourceSchema>;

const count = z.number().int().nonnegative();

export const VideoCandidateSchema = z.object({
  /** Mirrors of the same file, in TikTok's order. */
  urls: z.array(z.string().min(1)).min(1),
  codec: VideoCodecSchema,
  /** Bits per second. */
  bitrate: count.nullable(),
  width: count.nullable(),
  height: count.nullable(),
  /** Bytes, as announced by TikTok. */
  dataSize: count.nullable(),
  watermarked: z.boolean(),
  /** e.g. `normal_540_0`, `adapt_lowest_1080_1` (bitrateInfo only). */
  gearName: z.string().nullable(),
  /** e.g. `v…_bytevc1_1080p_1226086`. */
  urlKey: z.string().nullable(),
  source: VideoSourceSchema,
});
export type VideoCandidate = z.infer<typeof VideoCandidateSchema>;

export const PhotoImageSchema = z.object({
  /** Variants of the same picture (e.g. `.jpeg?` and `.webp?`), in TikTok's order. */
  urls: z.array(z.string().min(1)).min(1),
  width: count.nullable(),
  height: count.nullable(),
});
export type PhotoImage = z.infer<typeof PhotoImageSchema>;

export const AudioMimeSchema = z.enum(['audio/mpeg', 'audio/mp4']);
export type AudioMime = z.infer<typeof AudioMimeSchema>;

export const MusicSchema = z.object({
  id: z.string(),
  title: z.string(),
  authorName: z.string(),
  playUrl: z.string().min(1).nullable(),
  /** Seconds. */
  duration: z.number().nonnegative().nullable(),
  /** From `playUrl`: `mime_type=audio_mpeg` means MP3, anything else M4A; null without a URL. */
  mime: AudioMimeSchema.nullable(),
});
export type Music = z.infer<typeof MusicSchema>;

/** Counts read from `statsV2` (strings) first, because `stats` overflows int32 and turns negative. */
export const ItemStatsSchema = z.object({
  plays: count.nullable(),
  likes: count.nullable(),
  comments: count.nullable(),
  shares: count.nullable(),
  saves: count.nullable(),
});
export type ItemStats = z.infer<typeof ItemStatsSchema>;

export const ItemFlagsSchema = z.object({
  isContentClassified: z.boolean().optional(),
  privateItem: z.boolean().optional(),
  secret: z.boolean().optional(),
  forFriend: z.boolean().optional(),
  shareEnabled: z.boolean().optional(),
  duetEnabled: z.boolean().optional(),
  stitchEnabled: z.boolean().optional(),
});
export type ItemFlags = z.infer<typeof ItemFlagsSchema>;

export const ItemAuthorSchema = z.object({
  /** Numeric user id as a string; '' when the page did not say. */
  id: z.string(),
  uniqueId: z.string(),
  nickname: z.string(),
  secUid: z.string().optional(),
  privateAccount: z.boolean().optional(),
});
export type ItemAuthor = z.infer<typeof ItemAuthorSchema>;

export const TikTokItemSchema = z.object({
  id: z.string().regex(/^\d{1,25}$/),
  kind: z.enum(['video', 'photo']),
  author: ItemAuthorSchema,
  caption: z.string(),
  createTime: count,
  duration: z.number().nonnegative(),
  width: count,
  height: count,
  /** Cover pictures, best first (`cover`, then `originCover`). */
  coverUrls: z.array(z.string().min(1)),
  /** Empty for photo posts. */
  videos: z.array(VideoCandidateSchema),
  /** Empty for videos. */
  images: z.array(PhotoImageSchema),
  music: MusicSchema.nullable(),
  stats: ItemStatsSchema,
  flags: ItemFlagsSchema,
});
export type TikTokItem = z.infer<typeof TikTokItemSchema>;
