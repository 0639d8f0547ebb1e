import { randomInt } from 'node:crypto';
import { SimInputError } from './sim-input-error.ts';
import type { SimItem, SimItemPatch, SimItemSpec, SimVideoCodec, SimVisibility } from './sim-types.ts';
import { mintItemId, mintSecUid, mintShortCode, mintVideoStorageId } from './tiktok-ids.ts';

/**
 * The posts and accounts the sim knows: what addItem made, found by id, short code,
 * handle or numeric author id.
 */

export const STORY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type SimUser = {
  id: string;
  uniqueId: string;
  nickname: string;
  secUid: string;
  privateAccount: boolean;
  createTimeSeconds: number;
};

export type ItemCounts = { digg: number; share: number; comment: number; play: number; collect: number };

export type StoredItem = {
  /** The public view, kept current by `update`. */
  data: SimItem;
  user: SimUser;
  createTimeMs: number;
  videoStorageId: string;
  musicId: string;
  counts: ItemCounts;
  /** Seed of this item's synthetic bytes (large video, bytevc2). */
  mediaSeed: number;
};

export type ItemRegistry = {
  add(spec: SimItemSpec): StoredItem;
  update(itemId: string, patch: SimItemPatch): StoredItem;
  get(itemId: string): StoredItem | undefined;
  byShortCode(code: string): StoredItem | undefined;
  userByHandle(uniqueId: string): SimUser | undefined;
  userById(id: string): SimUser | undefined;
  itemsOf(user: SimUser): StoredItem[];
  all(): StoredItem[];
  clear(): void;
};

const VISIBILITIES: readonly SimVisibility[] = [
  'public',
  'followers_only',
  'private_account',
  'deleted',
  'region_locked',
  'age_restricted',
  'private_post',
];
const CODECS: readonly SimVideoCodec[] = ['h264', 'h265', 'bytevc2'];
const HANDLE = /^[A-Za-z0-9._]{2,24}$/;

export function isStoryLive(item: StoredItem, nowMs: number): boolean {
  return nowMs < item.createTimeMs + STORY_LIFETIME_MS;
}

function toEpochMs(value: SimItemSpec['createTime'], fallback: number): number {
  if (value === undefined) return fallback;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new SimInputError('createTime must be a Date, an ISO string or epoch ms');
  return ms;
}

function checkSpec(spec: SimItemSpec): void {
  if (spec.kind !== 'video' && spec.kind !== 'photo')
    throw new SimInputError("kind must be 'video' or 'photo'");
  if (typeof spec.username !== 'string' || !HANDLE.test(spec.username)) {
    throw new SimInputError('username must be 2–24 letters, digits, dots or underscores');
  }
  if (spec.visibility !== undefined && !VISIBILITIES.includes(spec.visibility)) {
    throw new SimInputError(`visibility must be one of ${VISIBILITIES.join(', ')}`);
  }
  if (spec.videoCodecs !== undefined) {
    if (!Array.isArray(spec.videoCodecs) || spec.videoCodecs.length === 0) {
      throw new SimInputError('videoCodecs must be a non-empty list');
    }
    for (const codec of spec.videoCodecs) {
      if (!CODECS.includes(codec))
        throw new SimInputError(`videoCodecs entries must be ${CODECS.join(', ')}`);
    }
    if (spec.videoCodecs.length === 1 && spec.videoCodecs[0] === 'bytevc2') {
      throw new SimInputError('a video needs at least one playable codec (h264 or h265)');
    }
  }
  const count = spec.imageCount;
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 35)) {
    throw new SimInputError('imageCount must be an integer from 1 to 35');
  }
  if (spec.largeBytes !== undefined && (!Number.isSafeInteger(spec.largeBytes) || spec.largeBytes <= 0)) {
    throw new SimInputError('largeBytes must be a positive integer');
  }
  if (spec.musicFormat !== undefined && spec.musicFormat !== 'mp3' && spec.musicFormat !== 'm4a') {
    throw new SimInputError("musicFormat must be 'mp3' or 'm4a'");
  }
}

function randomCounts(): ItemCounts {
  const play = randomInt(2_000, 2_000_000);
  return {
    play,
    digg: Math.floor(play / randomInt(8, 40)),
    share: Math.floor(play / randomInt(200, 900)),
    comment: Math.floor(play / randomInt(150, 700)),
    collect: Math.floor(play / randomInt(100, 500)),
  };
}

export function createItemRegistry(origin: string, now: () => number): ItemRegistry {
  const items = new Map<string, StoredItem>();
  const shortCodes = new Map<string, StoredItem>();
  const usersByHandle = new Map<string, SimUser>();
  const usersById = new Map<string, SimUser>();

  function userFor(spec: SimItemSpec): SimUser {
    const handle = spec.username.toLowerCase();
    let user = usersByHandle.get(handle);
    if (!user) {
      const createTimeSeconds = Math.floor(now() / 1000) - randomInt(30, 900) * 86_400;
      user = {
        id: mintItemId(createTimeSeconds),
        uniqueId: spec.username,
        nickname: spec.nickname ?? spec.username,
        secUid: mintSecUid(),
        privateAccount: false,
        createTimeSeconds,
      };
      usersByHandle.set(handle, user);
      usersById.set(user.id, user);
    }
    if (spec.visibility === 'private_account') user.privateAccount = true;
    return user;
  }

  function publicView(
    stored: Omit<StoredItem, 'data'>,
    spec: SimItemSpec,
    id: string,
    code: string,
  ): SimItem {
    const { user, createTimeMs } = stored;
    const story = spec.story ?? false;
    const pagePath = `/@${user.uniqueId}/video/${id}`;
    return {
      id,
      kind: spec.kind,
      username: user.uniqueId,
      nickname: user.nickname,
      authorId: user.id,
      secUid: user.secUid,
      caption: spec.caption ?? '',
      createTime: new Date(createTimeMs).toISOString(),
      createTimeSeconds: Math.floor(createTimeMs / 1000),
      story,
      visibility: spec.visibility ?? 'public',
      pageUrl: origin + pagePath,
      photoPageUrl: spec.kind === 'photo' ? `${origin}/@${user.uniqueId}/photo/${id}` : null,
      shortCode: code,
      shortUrl: `${origin}/t/${code}/`,
      tiktokUrl: `https://www.tiktok.com/@${user.uniqueId}/${spec.kind === 'photo' ? 'photo' : 'video'}/${id}`,
      tiktokShortUrl: `https://vm.tiktok.com/${code}/`,
      storyExpiresAt: story ? new Date(createTimeMs + STORY_LIFETIME_MS).toISOString() : null,
      imageCount: spec.kind === 'photo' ? (spec.imageCount ?? 3) : 0,
      largeBytes: spec.kind === 'video' ? (spec.largeBytes ?? null) : null,
      videoCodecs: spec.kind === 'video' ? [...(spec.videoCodecs ?? ['h264', 'h265'])] : [],
      hevcOnly1080p: spec.kind === 'video' && (spec.hevcOnly1080p ?? false),
      musicFormat: spec.musicFormat ?? 'mp3',
      label: spec.label ?? null,
    };
  }

  return {
    add(spec) {
      checkSpec(spec);
      const createTimeMs = toEpochMs(spec.createTime, now() - 60 * 60 * 1000);
      const createTimeSeconds = Math.floor(createTimeMs / 1000);
      let id = mintItemId(createTimeSeconds);
      while (items.has(id)) id = mintItemId(createTimeSeconds);
      let code = mintShortCode();
      while (shortCodes.has(code)) code = mintShortCode();
      const base = {
        user: userFor(spec),
        createTimeMs,
        videoStorageId: mintVideoStorageId(),
        musicId: mintItemId(createTimeSeconds),
        counts: randomCounts(),
        mediaSeed: randomInt(1, 2 ** 31),
      };
      const stored: StoredItem = { ...base, data: publicView(base, spec, id, code) };
      items.set(id, stored);
      shortCodes.set(code, stored);
      return stored;
    },
    update(itemId, patch) {
      const stored = items.get(itemId);
      if (!stored) throw new SimInputError(`no item ${itemId}`);
      if (patch.visibility !== undefined) {
        if (!VISIBILITIES.includes(patch.visibility)) throw new SimInputError('unknown visibility');
        stored.data = { ...stored.data, visibility: patch.visibility };
        if (patch.visibility === 'private_account') stored.user.privateAccount = true;
      }
      if (patch.caption !== undefined) {
        if (typeof patch.caption !== 'string') throw new SimInputError('caption must be a string');
        stored.data = { ...stored.data, caption: patch.caption };
      }
      return stored;
    },
    get: (itemId) => items.get(itemId),
    byShortCode: (code) => shortCodes.get(code),
    userByHandle: (uniqueId) => usersByHandle.get(uniqueId.toLowerCase()),
    userById: (id) => usersById.get(id),
    itemsOf: (user) => [...items.values()].filter((item) => item.user === user),
    all: () => [...items.values()],
    clear() {
      items.clear();
      shortCodes.clear();
      usersByHandle.clear();
      usersById.clear();
    },
  };
}
