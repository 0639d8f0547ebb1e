import { type IdSource, randomIdSource, seededIdSource } from './id-source.ts';
import { SimInputError } from './sim-input-error.ts';
import type {
  SimCreatorSpec,
  SimItem,
  SimItemPatch,
  SimItemSpec,
  SimVideoCodec,
  SimVisibility,
} from './sim-types.ts';
import { mintItemId, mintSecUid, mintShortCode, mintVideoStorageId } from './tiktok-ids.ts';

/**
 * The posts and accounts the sim knows: what addItem and addCreator made, found by id, short
 * code, handle, numeric author id or secUid. An account's handle can change (renameUser); its
 * ids never do.
 */

export const STORY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type SimUser = {
  id: string;
  uniqueId: string;
  nickname: string;
  secUid: string;
  privateAccount: boolean;
  banned: boolean;
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
  /** Makes the account, or updates the flags given for the one with this handle. */
  addUser(spec: SimCreatorSpec): SimUser;
  /** Gives the account a new handle; the old one then names nobody. */
  renameUser(user: SimUser, to: string): void;
  /** Changes an account's flags (private, banned); items follow on their next view. */
  updateUser(user: SimUser, patch: { privateAccount?: boolean; banned?: boolean }): void;
  userByHandle(uniqueId: string): SimUser | undefined;
  userById(id: string): SimUser | undefined;
  userBySecUid(secUid: string): SimUser | undefined;
  users(): SimUser[];
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

/** An item exists for TikTok from its createTime on: one made for later appears then. */
export function isPublished(item: StoredItem, nowMs: number): boolean {
  return nowMs >= item.createTimeMs;
}

/** Stable accounts are dated from here (2024-01-01) plus up to 600 days, so their ids never change. */
const STABLE_USER_EPOCH_S = 1_704_067_200;

function toEpochMs(value: SimItemSpec['createTime'], fallback: number): number {
  if (value === undefined) return fallback;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new SimInputError('createTime must be a Date, an ISO string or epoch ms');
  return ms;
}

function checkSpec(spec: SimItemSpec): void {
  if (spec.kind !== 'video' && spec.kind !== 'photo')
    throw new SimInputError("kind must be 'video' or 'photo'");
  checkHandle(spec.username, 'username');
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
  const rate = spec.mediaBytesPerSecond;
  if (rate !== undefined && (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0)) {
    throw new SimInputError('mediaBytesPerSecond must be a positive number');
  }
  if (spec.pinned !== undefined && typeof spec.pinned !== 'boolean') {
    throw new SimInputError('pinned must be true or false');
  }
  if (spec.stableKey !== undefined && (typeof spec.stableKey !== 'string' || spec.stableKey === '')) {
    throw new SimInputError('stableKey must be a non-empty string');
  }
}

function randomCounts(source: IdSource): ItemCounts {
  const play = source.int(2_000, 2_000_000);
  return {
    play,
    digg: Math.floor(play / source.int(8, 40)),
    share: Math.floor(play / source.int(200, 900)),
    comment: Math.floor(play / source.int(150, 700)),
    collect: Math.floor(play / source.int(100, 500)),
  };
}

function checkHandle(handle: unknown, what = 'handle'): asserts handle is string {
  if (typeof handle !== 'string' || !HANDLE.test(handle)) {
    throw new SimInputError(`${what} must be 2–24 letters, digits, dots or underscores`);
  }
}

/** The fields of an item's public view that name its author (they change with a rename). */
function authorFields(origin: string, user: SimUser, kind: SimItem['kind'], id: string) {
  return {
    username: user.uniqueId,
    nickname: user.nickname,
    authorId: user.id,
    secUid: user.secUid,
    pageUrl: `${origin}/@${user.uniqueId}/video/${id}`,
    photoPageUrl: kind === 'photo' ? `${origin}/@${user.uniqueId}/photo/${id}` : null,
    tiktokUrl: `https://www.tiktok.com/@${user.uniqueId}/${kind === 'photo' ? 'photo' : 'video'}/${id}`,
  };
}

export function createItemRegistry(origin: string, now: () => number): ItemRegistry {
  const items = new Map<string, StoredItem>();
  const shortCodes = new Map<string, StoredItem>();
  const usersByHandle = new Map<string, SimUser>();
  const usersById = new Map<string, SimUser>();
  const usersBySecUid = new Map<string, SimUser>();
  const itemsByUser = new Map<string, StoredItem[]>();

  function refreshAuthor(user: SimUser): void {
    for (const item of itemsByUser.get(user.id) ?? []) {
      item.data = { ...item.data, ...authorFields(origin, user, item.data.kind, item.data.id) };
    }
  }

  function createUser(spec: SimCreatorSpec): SimUser {
    const source = spec.stableKey === undefined ? randomIdSource : seededIdSource(`user:${spec.stableKey}`);
    const createTimeSeconds =
      spec.stableKey === undefined
        ? Math.floor(now() / 1000) - source.int(30, 900) * 86_400
        : STABLE_USER_EPOCH_S + source.int(0, 600) * 86_400;
    let id = mintItemId(createTimeSeconds, source);
    while (usersById.has(id)) id = mintItemId(createTimeSeconds, source);
    const user: SimUser = {
      id,
      uniqueId: spec.handle,
      nickname: spec.nickname ?? spec.handle,
      secUid: mintSecUid(source),
      privateAccount: spec.private ?? false,
      banned: spec.banned ?? false,
      createTimeSeconds,
    };
    usersByHandle.set(spec.handle.toLowerCase(), user);
    usersById.set(user.id, user);
    usersBySecUid.set(user.secUid, user);
    itemsByUser.set(user.id, []);
    return user;
  }

  function addUser(spec: SimCreatorSpec): SimUser {
    if (typeof spec !== 'object' || spec === null) throw new SimInputError('send a creator object');
    checkHandle(spec.handle);
    if (spec.nickname !== undefined && typeof spec.nickname !== 'string') {
      throw new SimInputError('nickname must be a string');
    }
    for (const flag of ['private', 'banned'] as const) {
      if (spec[flag] !== undefined && typeof spec[flag] !== 'boolean') {
        throw new SimInputError(`${flag} must be true or false`);
      }
    }
    const known = usersByHandle.get(spec.handle.toLowerCase());
    if (!known) return createUser(spec);
    if (spec.nickname !== undefined) known.nickname = spec.nickname;
    if (spec.private !== undefined) known.privateAccount = spec.private;
    if (spec.banned !== undefined) known.banned = spec.banned;
    refreshAuthor(known);
    return known;
  }

  function userFor(spec: SimItemSpec): SimUser {
    const user =
      usersByHandle.get(spec.username.toLowerCase()) ??
      createUser({
        handle: spec.username,
        ...(spec.nickname === undefined ? {} : { nickname: spec.nickname }),
        ...(spec.stableKey === undefined ? {} : { stableKey: spec.username.toLowerCase() }),
      });
    if (spec.visibility === 'private_account') user.privateAccount = true;
    return user;
  }

  /** Two posts of one account never share a second: the post list's cursor is in whole seconds. */
  function freeSecondFor(user: SimUser, createTimeMs: number): number {
    const taken = new Set(
      (itemsByUser.get(user.id) ?? []).filter((i) => !i.data.story).map((i) => i.data.createTimeSeconds),
    );
    let at = createTimeMs;
    while (taken.has(Math.floor(at / 1000))) at -= 1000;
    return at;
  }

  function publicView(
    stored: Omit<StoredItem, 'data'>,
    spec: SimItemSpec,
    id: string,
    code: string,
  ): SimItem {
    const { user, createTimeMs } = stored;
    const story = spec.story ?? false;
    return {
      id,
      kind: spec.kind,
      ...authorFields(origin, user, spec.kind, id),
      caption: spec.caption ?? '',
      createTime: new Date(createTimeMs).toISOString(),
      createTimeSeconds: Math.floor(createTimeMs / 1000),
      story,
      visibility: spec.visibility ?? 'public',
      shortCode: code,
      shortUrl: `${origin}/t/${code}/`,
      tiktokShortUrl: `https://vm.tiktok.com/${code}/`,
      storyExpiresAt: story ? new Date(createTimeMs + STORY_LIFETIME_MS).toISOString() : null,
      imageCount: spec.kind === 'photo' ? (spec.imageCount ?? 3) : 0,
      largeBytes: spec.kind === 'video' ? (spec.largeBytes ?? null) : null,
      mediaBytesPerSecond: spec.mediaBytesPerSecond ?? null,
      videoCodecs: spec.kind === 'video' ? [...(spec.videoCodecs ?? ['h264', 'h265'])] : [],
      hevcOnly1080p: spec.kind === 'video' && (spec.hevcOnly1080p ?? false),
      musicFormat: spec.musicFormat ?? 'mp3',
      label: spec.label ?? null,
      pinned: !story && spec.pinned === true,
    };
  }

  return {
    add(spec) {
      checkSpec(spec);
      const user = userFor(spec);
      let createTimeMs = toEpochMs(spec.createTime, now() - 60 * 60 * 1000);
      if (spec.story !== true) createTimeMs = freeSecondFor(user, createTimeMs);
      const createTimeSeconds = Math.floor(createTimeMs / 1000);
      const source = spec.stableKey === undefined ? randomIdSource : seededIdSource(`item:${spec.stableKey}`);
      let id = mintItemId(createTimeSeconds, source);
      while (items.has(id)) id = mintItemId(createTimeSeconds, source);
      let code = mintShortCode(source);
      while (shortCodes.has(code)) code = mintShortCode(source);
      const base = {
        user,
        createTimeMs,
        videoStorageId: mintVideoStorageId(source),
        musicId: mintItemId(createTimeSeconds, source),
        counts: randomCounts(source),
        mediaSeed: source.int(1, 2 ** 31),
      };
      const stored: StoredItem = { ...base, data: publicView(base, spec, id, code) };
      items.set(id, stored);
      shortCodes.set(code, stored);
      itemsByUser.get(user.id)?.push(stored);
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
    addUser,
    renameUser(user, to) {
      checkHandle(to, 'to');
      const taken = usersByHandle.get(to.toLowerCase());
      if (taken && taken !== user) throw new SimInputError(`@${to} is another account's handle`);
      usersByHandle.delete(user.uniqueId.toLowerCase());
      user.uniqueId = to;
      usersByHandle.set(to.toLowerCase(), user);
      refreshAuthor(user);
    },
    updateUser(user, patch) {
      if (patch.privateAccount !== undefined) user.privateAccount = patch.privateAccount;
      if (patch.banned !== undefined) user.banned = patch.banned;
    },
    userByHandle: (uniqueId) => usersByHandle.get(uniqueId.toLowerCase()),
    userById: (id) => usersById.get(id),
    userBySecUid: (secUid) => usersBySecUid.get(secUid),
    users: () => [...usersById.values()],
    itemsOf: (user) => [...(itemsByUser.get(user.id) ?? [])],
    all: () => [...items.values()],
    clear() {
      items.clear();
      shortCodes.clear();
      usersByHandle.clear();
      usersById.clear();
      usersBySecUid.clear();
      itemsByUser.clear();
    },
  };
}
