import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  type ErrorCode,
  fetchCreatorProfile,
  isAppError,
  listCreatorPosts,
  listCreatorStories,
  parseCreatorRef,
  resolve,
  type UpstreamPushback,
} from '@tiksavr/core';
import { startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';

/**
 * Core's creator reading (profile, story list, post list) against the TikTok simulator over
 * real HTTP: the contract between the two, for the watchlist. It lives here because the worker
 * is the package that depends on both (core and the simulator depend on nothing internal).
 */
describe('creator upstream against the TikTok simulator', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim({ port: 0, seed: 'none' });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  /** The sim clock, for calls whose cursor or deadlines depend on now. */
  const options = () => ({ origin: sim.origin, now: () => new Date(sim.now()) });
  async function failureOf(promise: Promise<unknown>): Promise<ErrorCode> {
    try {
      await promise;
    } catch (error) {
      assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
      return error.code;
    }
    assert.fail('expected a failure');
  }

  test('profile link → profile → stories (with deadlines) → each story resolves as a story', async () => {
    const created = sim.addCreator({ handle: 'watch.me', nickname: 'Watch Me' });
    const older = sim.addStory('watch.me', { ageSeconds: 20 * 3600 });
    const newer = sim.addStory('watch.me', { ageSeconds: 600, kind: 'photo' });
    sim.addStory('watch.me', { ageSeconds: 25 * 3600 }); // expired
    sim.addStory('watch.me', { ageSeconds: 100, visibility: 'followers_only' });

    const ref = parseCreatorRef('https://www.tiktok.com/@Watch.Me?lang=en');
    assert.ok(ref.ok);
    const profile = await fetchCreatorProfile(ref.ref, options());
    assert.deepEqual(
      [profile.tiktokId, profile.secUid, profile.handle, profile.nickname, profile.privateAccount],
      [created.tiktokId, created.secUid, 'watch.me', 'Watch Me', false],
    );
    assert.ok(profile.avatarUrl?.startsWith(sim.origin));

    const stories = await listCreatorStories(profile, options());
    assert.deepEqual(
      stories.map((s) => [s.id, s.kind]),
      [
        [older.id, 'video'],
        [newer.id, 'photo'],
      ],
    );
    // TikTok's createTime is in whole seconds: the deadline is at most 1 s early, never late.
    const early = Date.parse(older.expiresAt ?? '') - (stories[0]?.deadline.getTime() ?? 0);
    assert.ok(early >= 0 && early < 1000, `${early} ms early`);
    const resolved = await resolve(`https://www.tiktok.com/@${profile.handle}/video/${newer.id}`, options());
    assert.equal(resolved.isStory, true);
    const resolvedEarly = Date.parse(newer.expiresAt ?? '') - (resolved.storyDeadline?.getTime() ?? 0);
    assert.ok(resolvedEarly >= 0 && resolvedEarly < 1000);
  });

  test('stories over several pages, and through a stuck device_id, are all listed once', async () => {
    const creator = sim.addCreator({ handle: 'many.stories' });
    const made = Array.from({ length: 40 }, (_, i) =>
      sim.addStory('many.stories', { ageSeconds: 3600 + i * 60 }),
    );
    sim.setFault('*', { kind: 'duplicate_story_page' });
    const stories = await listCreatorStories(creator, options());
    assert.deepEqual(new Set(stories.map((s) => s.id)), new Set(made.map((s) => s.id)));
    assert.equal(stories.length, 40);
  });

  test('a story expires on the sim clock: listed before, gone after, then resolves as story_expired', async () => {
    const creator = sim.addCreator({ handle: 'short.lived' });
    const story = sim.addStory('short.lived', { ageSeconds: 86_400 - 120 });
    assert.equal((await listCreatorStories(creator, options())).length, 1);
    sim.advanceClock(180);
    assert.deepEqual(await listCreatorStories(creator, options()), []);
    const code = await failureOf(resolve(story.url, { ...options(), knownStory: true }));
    assert.equal(code, 'story_expired');
  });

  test('new posts since a time, newest first, over pages; a pinned old post does not stop it', async () => {
    const creator = sim.addCreator({ handle: 'daily.poster' });
    sim.addPost('daily.poster', { ageSeconds: 300 * 86_400, pinned: true });
    const posts = Array.from({ length: 35 }, (_, i) =>
      sim.addPost('daily.poster', { ageSeconds: 60 + i * 3600 }),
    );
    const since = new Date(sim.now() - 30.5 * 3600 * 1000);
    const listed = await listCreatorPosts(creator, { ...options(), since });
    assert.deepEqual(
      listed.map((p) => p.id),
      posts.slice(0, 31).map((p) => p.id),
    );
    assert.equal(listed[0]?.authorHandle, 'daily.poster');
    const requests = sim.requests().filter((r) => r.path.startsWith('/api/creator/item_list/'));
    assert.equal(requests.length, 3);
  });

  test('renamed: the old handle is account_not_found; the id still lists its stories', async () => {
    const creator = sim.addCreator({ handle: 'before.rename' });
    sim.addStory('before.rename', { ageSeconds: 60 });
    sim.renameCreator('before.rename', 'after.rename');
    try {
      await fetchCreatorProfile({ handle: 'before.rename' }, options());
      assert.fail('expected account_not_found');
    } catch (error) {
      assert.ok(isAppError(error) && error.code === 'account_not_found');
      assert.equal(error.detail.why, 'not_found');
    }
    assert.equal((await listCreatorStories(creator, options())).length, 1);
    const profile = await fetchCreatorProfile({ handle: 'after.rename' }, options());
    assert.equal(profile.tiktokId, creator.tiktokId);
  });

  test('private and banned accounts', async () => {
    const creator = sim.addCreator({ handle: 'closed.door', private: true });
    const profile = await fetchCreatorProfile({ handle: 'closed.door' }, options());
    assert.equal(profile.privateAccount, true);
    assert.equal(await failureOf(listCreatorStories(creator, options())), 'private_account');
    assert.equal(
      await failureOf(listCreatorPosts(creator, { ...options(), since: new Date(0) })),
      'private_account',
    );
    sim.setCreatorPrivate('closed.door', false);
    sim.setCreatorBanned('closed.door', true);
    assert.equal(
      await failureOf(fetchCreatorProfile({ handle: 'closed.door' }, options())),
      'account_not_found',
    );
    assert.equal(await failureOf(listCreatorStories(creator, options())), 'account_not_found');
  });

  test('pushback: 429 with Retry-After and the WAF challenge on the API and the profile', async () => {
    const creator = sim.addCreator({ handle: 'pushed.back' });
    sim.addStory('pushed.back', { ageSeconds: 60 });
    const seen: UpstreamPushback[] = [];
    const onPushback = (p: UpstreamPushback) => seen.push(p);

    sim.setFault(creator.tiktokId, { kind: 'status_429', on: 'api', retryAfterSeconds: 45, times: 1 });
    assert.equal(await failureOf(listCreatorStories(creator, { ...options(), onPushback })), 'rate_limited');
    assert.deepEqual(seen, [{ kind: 'rate_limited', retryAfterSeconds: 45 }]);

    seen.length = 0;
    sim.setFault(creator.tiktokId, { kind: 'challenge_once', on: 'any', times: 2 });
    assert.equal((await listCreatorStories(creator, { ...options(), onPushback })).length, 1);
    assert.equal(
      (await fetchCreatorProfile({ handle: 'pushed.back' }, { ...options(), onPushback })).tiktokId,
      creator.tiktokId,
    );
    assert.deepEqual(seen, [{ kind: 'challenge' }, { kind: 'challenge' }]);
  });
});
