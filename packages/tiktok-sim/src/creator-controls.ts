import type { SimUser } from './item-registry.ts';
import type { SimContext } from './sim-context.ts';
import { SimInputError } from './sim-input-error.ts';
import type {
  SimCreator,
  SimItem,
  SimItemSpec,
  SimPosted,
  SimStorySpec,
  SimVisibility,
  TikTokSim,
} from './sim-types.ts';

/**
 * The creator half of the TikTokSim object: accounts that exist without items, stories and
 * posts made by handle (already N seconds old, or appearing later), deletion, renames and the
 * private/banned switches. The HTTP side is creator-control-route.ts.
 */
export type CreatorControls = Pick<
  TikTokSim,
  | 'addCreator'
  | 'creator'
  | 'creators'
  | 'addStory'
  | 'addPost'
  | 'deleteItem'
  | 'renameCreator'
  | 'setCreatorPrivate'
  | 'setCreatorBanned'
>;

const VISIBILITIES: readonly SimVisibility[] = [
  'public',
  'followers_only',
  'private_account',
  'deleted',
  'region_locked',
  'age_restricted',
  'private_post',
];

export function creatorView(origin: string, user: SimUser): SimCreator {
  return {
    tiktokId: user.id,
    secUid: user.secUid,
    handle: user.uniqueId,
    nickname: user.nickname,
    private: user.privateAccount,
    banned: user.banned,
    profileUrl: `${origin}/@${user.uniqueId}`,
    tiktokProfileUrl: `https://www.tiktok.com/@${user.uniqueId}`,
  };
}

function postedView(item: SimItem): SimPosted {
  return {
    id: item.id,
    url: item.tiktokUrl,
    shortUrl: item.tiktokShortUrl,
    simUrl: item.pageUrl,
    createTime: item.createTime,
    expiresAt: item.storyExpiresAt,
    item,
  };
}

function checkBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw new SimInputError(`${name} must be true or false`);
}

/** createTime from `createTime` or `ageSeconds` (default: made right now on the sim clock). */
function createTimeOf(spec: Omit<SimStorySpec, 'visibility'>, nowMs: number): SimItemSpec['createTime'] {
  if (spec.createTime !== undefined) {
    if (spec.ageSeconds !== undefined) throw new SimInputError('send ageSeconds or createTime, not both');
    return spec.createTime;
  }
  const age = spec.ageSeconds ?? 0;
  if (typeof age !== 'number' || !Number.isFinite(age) || age < 0) {
    throw new SimInputError('ageSeconds must be a number ≥ 0');
  }
  return nowMs - age * 1000;
}

function itemSpecOf(user: SimUser, spec: Omit<SimStorySpec, 'visibility'>, nowMs: number): SimItemSpec {
  if (typeof spec !== 'object' || spec === null) throw new SimInputError('send an object');
  const kind = spec.kind ?? 'video';
  if (spec.bytes !== undefined && kind !== 'video') throw new SimInputError('bytes is for videos only');
  if (spec.caption !== undefined && typeof spec.caption !== 'string') {
    throw new SimInputError('caption must be a string');
  }
  return {
    kind,
    username: user.uniqueId,
    createTime: createTimeOf(spec, nowMs),
    ...(spec.caption === undefined ? {} : { caption: spec.caption }),
    ...(spec.bytes === undefined ? {} : { largeBytes: spec.bytes }),
  };
}

export function createCreatorControls(ctx: SimContext, addItem: TikTokSim['addItem']): CreatorControls {
  function userOf(handle: string): SimUser {
    const user = typeof handle === 'string' ? ctx.registry.userByHandle(handle.replace(/^@/, '')) : undefined;
    if (!user) throw new SimInputError(`no creator @${handle}`);
    return user;
  }
  const view = (user: SimUser) => creatorView(ctx.origin, user);

  return {
    addCreator: (spec) => view(ctx.registry.addUser(spec)),
    creator(handle) {
      const user = ctx.registry.userByHandle(String(handle).replace(/^@/, ''));
      return user ? view(user) : undefined;
    },
    creators: () => ctx.registry.users().map(view),
    addStory(handle, spec = {}) {
      const user = userOf(handle);
      if (
        spec.visibility !== undefined &&
        spec.visibility !== 'public' &&
        spec.visibility !== 'followers_only'
      ) {
        throw new SimInputError("a story's visibility is 'public' or 'followers_only'");
      }
      const item = addItem({
        ...itemSpecOf(user, spec, ctx.clock.now()),
        story: true,
        ...(spec.visibility === undefined ? {} : { visibility: spec.visibility }),
      });
      return postedView(item);
    },
    addPost(handle, spec = {}) {
      const user = userOf(handle);
      if (spec.visibility !== undefined && !VISIBILITIES.includes(spec.visibility)) {
        throw new SimInputError(`visibility must be one of ${VISIBILITIES.join(', ')}`);
      }
      if (spec.pinned !== undefined) checkBoolean(spec.pinned, 'pinned');
      const item = addItem({
        ...itemSpecOf(user, spec, ctx.clock.now()),
        ...(spec.visibility === undefined ? {} : { visibility: spec.visibility }),
        ...(spec.pinned === undefined ? {} : { pinned: spec.pinned }),
      });
      return postedView(item);
    },
    deleteItem: (itemId) => ctx.registry.update(itemId, { visibility: 'deleted' }).data,
    renameCreator(handle, to) {
      const user = userOf(handle);
      ctx.registry.renameUser(user, typeof to === 'string' ? to.replace(/^@/, '') : to);
      return view(user);
    },
    setCreatorPrivate(handle, value) {
      const user = userOf(handle);
      checkBoolean(value, 'value');
      ctx.registry.updateUser(user, { privateAccount: value });
      return view(user);
    },
    setCreatorBanned(handle, value) {
      const user = userOf(handle);
      checkBoolean(value, 'value');
      ctx.registry.updateUser(user, { banned: value });
      return view(user);
    },
  };
}
