import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { getPage } from './sim-test-client.ts';
import type { SimCreator, SimPosted, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

type StoryListView = { itemList?: Array<{ id: string }>; statusCode: number };

describe('creators: stories on the sim clock, deletion, renames, private and banned accounts', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  const storyIds = async (creator: SimCreator) => {
    const res = await fetch(
      `${sim.origin}/api/story/item_list/?authorId=${creator.tiktokId}&count=30&cursor=0`,
    );
    const body = (await res.json()) as StoryListView;
    return { status: body.statusCode, ids: body.itemList?.map((i) => i.id) ?? [] };
  };
  const pageStatus = async (posted: SimPosted) =>
    (await getPage(posted.simUrl)).scopes?.['webapp.video-detail']?.statusCode;
  const profileStatus = async (handle: string) =>
    (await getPage(`${sim.origin}/@${handle}`)).scopes?.['webapp.user-detail']?.statusCode;

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${sim.origin}/__sim/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  test('a story is listed and served while sim now < createTime + 24 h, then 10204 and off the list', async () => {
    const creator = sim.addCreator({ handle: 'clock.story' });
    const story = sim.addStory('clock.story', { ageSeconds: 86_400 - 60 });
    assert.equal(story.expiresAt, new Date(Date.parse(story.createTime) + 86_400_000).toISOString());
    assert.deepEqual((await storyIds(creator)).ids, [story.id]);
    assert.equal(await pageStatus(story), 0);
    sim.advanceClock(61);
    assert.deepEqual((await storyIds(creator)).ids, []);
    assert.equal(await pageStatus(story), 10204);
  });

  test('a story made for later appears when the sim clock reaches it', async () => {
    const creator = sim.addCreator({ handle: 'later.story' });
    const story = sim.addStory('later.story', { createTime: sim.now() + 600_000 });
    assert.deepEqual((await storyIds(creator)).ids, []);
    assert.equal(await pageStatus(story), 10204);
    sim.advanceClock(601);
    assert.deepEqual((await storyIds(creator)).ids, [story.id]);
    assert.equal(await pageStatus(story), 0);
  });

  test('deleted early: the page answers 10204 status_deleted and the list drops it', async () => {
    const creator = sim.addCreator({ handle: 'early.delete' });
    const kept = sim.addStory('early.delete', { ageSeconds: 100 });
    const gone = sim.addStory('early.delete', { ageSeconds: 50, kind: 'photo' });
    const removed = await call<{ item: { visibility: string } }>('DELETE', `items/${gone.id}`);
    assert.equal(removed.json.item.visibility, 'deleted');
    assert.deepEqual((await storyIds(creator)).ids, [kept.id]);
    const detail = (await getPage(gone.simUrl)).scopes?.['webapp.video-detail'];
    assert.deepEqual([detail?.statusCode, detail?.statusMsg], [10204, 'status_deleted']);
  });

  test('rename: the old handle is gone (10202), the new one has the same ids and items', async () => {
    const creator = sim.addCreator({ handle: 'old.name', nickname: 'Same Person' });
    const post = sim.addPost('old.name', { ageSeconds: 3600 });
    const renamed = (await call<SimCreator>('POST', 'creators/old.name/rename', { to: 'new.name' })).json;
    assert.deepEqual(
      [renamed.handle, renamed.tiktokId, renamed.secUid],
      ['new.name', creator.tiktokId, creator.secUid],
    );
    assert.equal(await profileStatus('old.name'), 10202);
    const detail = (await getPage(`${sim.origin}/@new.name`)).scopes?.['webapp.user-detail'];
    assert.equal(detail?.userInfo.user?.id, creator.tiktokId);
    assert.equal(
      sim.items().find((i) => i.id === post.id)?.tiktokUrl,
      `https://www.tiktok.com/@new.name/video/${post.id}`,
    );
    assert.equal(await pageStatus(post), 0, 'the old page URL still works: the handle in it is ignored');
    const redirect = await fetch(`${sim.origin}/t/${post.item.shortCode}/`, { redirect: 'manual' });
    assert.match(redirect.headers.get('location') ?? '', /\/@new\.name\/video\//);
    assert.equal(
      (await call('POST', 'creators/old.name/rename', { to: 'x' })).status,
      400,
      'no such creator now',
    );
  });

  test('private: profile 10222 with the user, story list 10222, item pages 10222; and back', async () => {
    const creator = sim.addCreator({ handle: 'goes.private' });
    const story = sim.addStory('goes.private');
    const set = await call<SimCreator>('POST', 'creators/goes.private/private', { value: true });
    assert.equal(set.json.private, true);
    const detail = (await getPage(creator.profileUrl)).scopes?.['webapp.user-detail'];
    assert.deepEqual([detail?.statusCode, detail?.userInfo.user?.privateAccount], [10222, true]);
    assert.deepEqual(await storyIds(creator), { status: 10222, ids: [] });
    assert.equal(await pageStatus(story), 10222);
    sim.setCreatorPrivate('goes.private', false);
    assert.deepEqual(await storyIds(creator), { status: 0, ids: [story.id] });
  });

  test('banned: profile 10221 "user banned", lists 10221, item pages 10204', async () => {
    const creator = (await call<SimCreator>('POST', 'creators', { handle: 'will.ban', banned: false })).json;
    const story = sim.addStory('will.ban');
    await call('POST', 'creators/will.ban/banned', { value: true });
    assert.equal(await profileStatus('will.ban'), 10221);
    assert.equal((await storyIds(creator)).status, 10221);
    assert.equal(await pageStatus(story), 10204);
  });

  test('POST /__sim/creators: 201 with the ids, 200 when it exists; stories and posts by HTTP', async () => {
    const made = await call<SimCreator>('POST', 'creators', { handle: 'http.maker', nickname: 'HTTP Maker' });
    assert.equal(made.status, 201);
    assert.match(made.json.tiktokId, /^\d{19}$/);
    assert.match(made.json.secUid, /^MS4wLjABAAAA[A-Za-z0-9_-]{64}$/);
    assert.equal(made.json.tiktokProfileUrl, 'https://www.tiktok.com/@http.maker');
    const again = await call<SimCreator>('POST', 'creators', { handle: 'HTTP.Maker', private: true });
    assert.deepEqual(
      [again.status, again.json.tiktokId, again.json.private],
      [200, made.json.tiktokId, true],
    );
    sim.setCreatorPrivate('http.maker', false);

    const story = await call<SimPosted>('POST', 'creators/http.maker/stories', {
      ageSeconds: 3600,
      kind: 'photo',
    });
    assert.equal(story.status, 201);
    assert.equal(story.json.url, `https://www.tiktok.com/@http.maker/photo/${story.json.id}`);
    assert.match(story.json.shortUrl, /^https:\/\/vm\.tiktok\.com\/Z[A-Za-z0-9]{8}\/$/);
    assert.equal(Date.parse(story.json.expiresAt ?? '') - Date.parse(story.json.createTime), 86_400_000);
    assert.ok(Math.abs(sim.now() - 3600_000 - Date.parse(story.json.createTime)) < 5000);

    const post = await call<SimPosted>('POST', 'creators/http.maker/posts', {
      caption: 'hello',
      pinned: true,
    });
    assert.equal(post.json.expiresAt, null);
    assert.equal(post.json.item.pinned, true);
    assert.equal((await call('POST', 'creators/nobody.here/stories', {})).status, 400);
    assert.equal((await call('POST', 'creators/http.maker/stories', { ageSeconds: -1 })).status, 400);
    assert.equal((await call('POST', 'creators/http.maker/stories', { visibility: 'deleted' })).status, 400);
    assert.equal((await call('POST', 'creators', { handle: 'x' })).status, 400);
    const listed = await call<{ creators: SimCreator[] }>('GET', 'creators');
    assert.deepEqual(
      listed.json.creators.map((c) => c.handle),
      ['http.maker'],
    );
    assert.equal((await call('GET', 'creators/http.maker')).status, 200);
    assert.equal((await call('GET', 'creators/nobody.here')).status, 404);
  });

  test('a story of `bytes` serves a video of exactly that size', async () => {
    sim.addCreator({ handle: 'big.story' });
    const story = sim.addStory('big.story', { bytes: 3 * 1024 * 1024 });
    assert.equal(sim.mediaSize(story.id, 'video'), 3 * 1024 * 1024);
    assert.throws(() => sim.addStory('big.story', { bytes: 10 }), /largeBytes must be at least/);
  });
});
