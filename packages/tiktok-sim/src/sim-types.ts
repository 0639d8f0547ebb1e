/**
 * Public types of the TikTok simulator: what a test or script passes in and gets back.
 * Everything here is plain data so the same shapes travel over the `/__sim/` JSON API.
 */

/** Who may see a post, and therefore what its page says (tiktok-upstream.md §4, §7). */
export type SimVisibility =
  | 'public'
  | 'followers_only'
  | 'private_account'
  | 'deleted'
  | 'region_locked'
  | 'age_restricted'
  | 'private_post';

export type SimVideoCodec = 'h264' | 'h265' | 'bytevc2';

export type SimItemSpec = {
  kind: 'video' | 'photo';
  username: string;
  nickname?: string;
  caption?: string;
  /**
   * Date in-process; over HTTP an ISO string or epoch milliseconds. Default: sim now − 1 h.
   * An account's posts (not stories) never share a second: a taken second moves the new post
   * one second earlier (the post list pages by whole seconds). A future time: the item appears
   * (page, lists) only once the sim clock reaches it.
   */
  createTime?: Date | string | number;
  story?: boolean;
  visibility?: SimVisibility;
  /** Codecs offered in `bitrateInfo` (default h264 + h265). */
  videoCodecs?: readonly SimVideoCodec[];
  /** 1080p only as bytevc1, H.264 capped at 720p, one bytevc2 gear, one `/media-video-hvc1/` URL that 404s. */
  hevcOnly1080p?: boolean;
  /** Serve the main H.264 variant as a synthetic MP4 of exactly this many bytes (benchmarks). */
  largeBytes?: number;
  /** Serve this item's media at most this fast, always (unlike a slow_body fault, not cleared). */
  mediaBytesPerSecond?: number;
  /** Photo posts: number of images (default 3). */
  imageCount?: number;
  /** Music track format (default mp3, as on real pages). */
  musicFormat?: 'mp3' | 'm4a';
  /** Shown in the demo example list. */
  label?: string;
  /** Posts: pinned to the top of the creator's post list (`isPinnedItem`). */
  pinned?: boolean;
  /**
   * Mint the id, short code and counts from this key instead of at random: the same key and
   * createTime give the same id on every start (the demo's links). The author's ids then come
   * from its handle the same way, if this item creates the account.
   */
  stableKey?: string;
};

export type SimItem = {
  id: string;
  kind: 'video' | 'photo';
  username: string;
  nickname: string;
  authorId: string;
  secUid: string;
  caption: string;
  /** ISO 8601. */
  createTime: string;
  createTimeSeconds: number;
  story: boolean;
  visibility: SimVisibility;
  /** `${origin}/@user/video/ID`, the page that carries the item JSON. */
  pageUrl: string;
  /** `${origin}/@user/photo/ID` for photo posts, else null. */
  photoPageUrl: string | null;
  shortCode: string;
  /** `${origin}/t/CODE/`; `/vm/CODE` and `/vt/CODE` work too. */
  shortUrl: string;
  /** The link as a person would paste it from TikTok (the resolver maps it onto the sim's origin). */
  tiktokUrl: string;
  /** `https://vm.tiktok.com/CODE/`, the shared short-link form. */
  tiktokShortUrl: string;
  /** Stories: createTime + 24 h (ISO), else null. */
  storyExpiresAt: string | null;
  imageCount: number;
  largeBytes: number | null;
  mediaBytesPerSecond: number | null;
  videoCodecs: SimVideoCodec[];
  hevcOnly1080p: boolean;
  musicFormat: 'mp3' | 'm4a';
  label: string | null;
  pinned: boolean;
};

/** Changes allowed on an existing item (e.g. "deleted after it was queued"). */
export type SimItemPatch = Partial<Pick<SimItem, 'visibility' | 'caption'>>;

/**
 * One media file the sim serves for an item. `video` is the main H.264 variant (the one
 * `playAddr` points at); `video_watermarked` is `downloadAddr`.
 */
export type SimMediaRole =
  | 'video'
  | 'video_h264_low'
  | 'video_hevc'
  | 'video_bytevc2'
  | 'video_watermarked'
  | 'image'
  | 'image_webp'
  | 'audio'
  | 'cover';

/**
 * Where a 429/5xx fault applies: 'page' covers pages and the JSON API (the default), 'api' the
 * JSON API only (story and post lists), 'media' the CDN, 'any' everything.
 */
export type SimFaultScope = 'page' | 'api' | 'media' | 'any';

/**
 * Every fault may be limited to the next `times` requests it affects (default: until cleared;
 * challenge_once defaults to 1 and counts solved challenges, not challenge pages served).
 * challenge_once's `on`: 'page' (the default: pages only), 'api' (the JSON API only) or 'any'.
 */
export type SimFault = { times?: number } & (
  | { kind: 'challenge_once'; on?: 'page' | 'api' | 'any' }
  | { kind: 'status_429'; on?: SimFaultScope; retryAfterSeconds?: number }
  | { kind: 'status_5xx'; on?: SimFaultScope }
  | { kind: 'login_wall' }
  | { kind: 'slow_body'; bytesPerSecond: number }
  | { kind: 'truncate_after'; bytes: number }
  | { kind: 'reset_after'; bytes: number }
  | { kind: 'expired_signature'; ttlSeconds?: number }
  | { kind: 'media_404' }
  | { kind: 'media_forbidden' }
  | { kind: 'duplicate_story_page' }
);

export type SimFaultKind = SimFault['kind'];

export type SimEndpoint =
  | 'short_link'
  | 'home'
  | 'login'
  | 'video_page'
  | 'photo_page'
  | 'profile_page'
  | 'story_list'
  | 'post_list'
  | 'media_video'
  | 'media_image'
  | 'media_audio'
  | 'control'
  | 'not_found';

export type SimMediaStats = {
  requests: number;
  /** Bytes actually written to sockets (partial bodies included). */
  bytesServed: number;
  /** Responses whose body was sent to the end (200 or 206). */
  completeBodies: number;
};

export type SimItemStats = {
  pageGets: number;
  challengesServed: number;
  challengesSolved: number;
  mediaRequests: number;
  mediaBytesServed: number;
  /** 403 answers to media requests (signature, expiry, cookie, Referer, media_forbidden). */
  mediaDenied: number;
  /** Keyed `${role}#${index}`, e.g. `video#0`, `image#2`. */
  media: Record<string, SimMediaStats>;
};

export type SimStats = {
  totalRequests: number;
  endpoints: Record<SimEndpoint, number>;
  items: Record<string, SimItemStats>;
  shortLinks: Record<string, number>;
};

export type DemoExample = {
  label: string;
  /** What the link opens: one post, one story, or a creator's profile (to watch). */
  kind: 'post' | 'story' | 'creator';
  /** The link as a person pastes it (https://www.tiktok.com/… or https://vm.tiktok.com/…). */
  url: string;
  /** The same link served directly by the simulator (for tests that fetch it themselves). */
  simUrl: string;
  /** The item's id; '' for a creator. */
  itemId: string;
};

/**
 * A TikTok account. Without items it still has a profile page and empty lists. Faults aimed at
 * its `tiktokId` apply to its profile page and its story and post lists.
 */
export type SimCreatorSpec = {
  handle: string;
  nickname?: string;
  /** A private account: profile 10222 with its user info, lists 10222, item pages 10222. */
  private?: boolean;
  /** A banned account: profile 10221 "user banned", lists 10221, item pages 10204. */
  banned?: boolean;
  /** Mint the ids from this key (the handle if 'handle'): the same ids on every start. */
  stableKey?: string;
};

export type SimCreator = {
  /** The numeric account id (`userInfo.user.id`, the story list's `authorId`). */
  tiktokId: string;
  secUid: string;
  handle: string;
  nickname: string;
  private: boolean;
  banned: boolean;
  /** `${origin}/@handle`. */
  profileUrl: string;
  /** `https://www.tiktok.com/@handle`, as a person pastes it. */
  tiktokProfileUrl: string;
};

/** A story posted by a creator: it is up for 24 h of sim time from its createTime. */
export type SimStorySpec = {
  kind?: 'video' | 'photo';
  /** Already this old when made (createTime = sim now − ageSeconds); ≥ 86400 is already expired. */
  ageSeconds?: number;
  /** Instead of ageSeconds; a future time makes a story that appears then. */
  createTime?: Date | string | number;
  /** A video of exactly this many bytes (synthetic MP4). */
  bytes?: number;
  caption?: string;
  visibility?: 'public' | 'followers_only';
};

export type SimPostSpec = Omit<SimStorySpec, 'visibility'> & {
  visibility?: SimVisibility;
  pinned?: boolean;
};

/** What adding a story or post answers. */
export type SimPosted = {
  id: string;
  /** `https://www.tiktok.com/@handle/video/ID` (`/photo/` for photo posts), as a person pastes it. */
  url: string;
  /** `https://vm.tiktok.com/CODE/`, the shared short link. */
  shortUrl: string;
  /** The post page on the sim origin. */
  simUrl: string;
  /** ISO 8601. */
  createTime: string;
  /** Stories: createTime + 24 h (ISO); posts: null. */
  expiresAt: string | null;
  item: SimItem;
};

export type SimRequestKind = 'page' | 'api' | 'media' | 'short_link';

/** One request the sim answered (control requests under /__sim/ are not logged). */
export type SimRequestLogEntry = {
  /** 1, 2, 3, … in arrival order; never reused, also after a clear. */
  seq: number;
  /** Wall-clock epoch ms of arrival (rates are measured in real time). */
  at: number;
  /** The sim clock at arrival (differs from `at` once the clock was moved). */
  simAt: number;
  method: string;
  /** Path and query, as requested. */
  path: string;
  kind: SimRequestKind;
  /** The HTTP status sent; null while unanswered or when the connection died first. */
  status: number | null;
};

export type TikTokSimOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** 'none' (default) or 'demo' (the example scenarios). */
  seed?: 'demo' | 'none';
  /** Base clock in epoch ms (default Date.now); the sim clock is this plus any offset. */
  now?: () => number;
  /** Lifetime of signed media URLs (default 6 h, like the 2020–2024 samples). */
  mediaTtlSeconds?: number;
  /** Media requests must carry a Referer from the sim origin or https://www.tiktok.com/. */
  requireReferer?: boolean;
};

export type TikTokSim = {
  readonly origin: string;
  close(): Promise<void>;
  addItem(spec: SimItemSpec): SimItem;
  updateItem(itemId: string, patch: SimItemPatch): SimItem;
  items(): SimItem[];
  setFault(target: string, fault: SimFault): void;
  clearFaults(): void;
  advanceClock(seconds: number): void;
  setNow(epochMs: number): void;
  /** The sim clock in epoch ms. */
  now(): number;
  mediaSha256(itemId: string, role: SimMediaRole, index?: number): Promise<string>;
  mediaSize(itemId: string, role: SimMediaRole, index?: number): number;
  mediaBytes(itemId: string, role: SimMediaRole, index?: number): Buffer;
  stats(): SimStats;
  /** Items, creators, faults, stats, the request log and the clock back to the start, then the seed again. */
  reset(): void;
  /** Labelled example links made by the demo seed (empty with seed 'none'). */
  examples(): DemoExample[];

  /** Makes an account (or updates the flags of the one with this handle). */
  addCreator(spec: SimCreatorSpec): SimCreator;
  creator(handle: string): SimCreator | undefined;
  creators(): SimCreator[];
  /** Throws SimInputError for an unknown handle. */
  addStory(handle: string, spec?: SimStorySpec): SimPosted;
  addPost(handle: string, spec?: SimPostSpec): SimPosted;
  /** The creator deletes it (a story before its 24 h are up): pages 10204, lists drop it. */
  deleteItem(itemId: string): SimItem;
  /** The old handle stops existing (profile 10202); ids stay; items move to the new handle. */
  renameCreator(handle: string, to: string): SimCreator;
  setCreatorPrivate(handle: string, value: boolean): SimCreator;
  setCreatorBanned(handle: string, value: boolean): SimCreator;
  /** Requests with a seq above `sinceSeq` (default 0: all that are kept), oldest first. */
  requests(sinceSeq?: number): SimRequestLogEntry[];
  clearRequests(): void;
  /** Media bodies of this item sent to the end (all roles: video, images, audio, cover). */
  mediaServed(itemId: string): number;
};
