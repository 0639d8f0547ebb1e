import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { cookieHeaderFrom, type ItemStructView, rawGet } from './sim-test-client.ts';
import type { SimCreator, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

type PostListView = {
  itemList?: Array<ItemStructView & { isPinnedItem: boolean }>;
  hasMorePrevious: boolean;
  hasMoreLatest: boolean;
  cursor: string;
  statusCode: number;
};

describe('post list: /api/creator/item_list/ with the ms cursor', () => {
  let sim: TikTokSim;
  let creator: SimCreator;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.reset();
    creator = sim.addCreator({ handle: 'poster' });
  });

  async function page(query: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${sim.origin}/api/creator/item_list/?aid=1988&type=1&${query}`, { headers });
    return { res, body: (await res.json()) as PostListView };
  }
  const ids = (body: PostListView) => body.itemList?.map((i) => i.id) ?? [];

  test('newest first, before the cursor; next cursor = last createTime × 1000; hasMorePrevious', async () => {
    const posts = Array.from({ length: 20 }, (_, i) => sim.addPost('poster', { ageSeconds: 60 + i * 600 }));
    const first = (await page(`secUid=${creator.secUid}&count=15&cursor=${sim.now()}`)).body;
    assert.equal(first.statusCode, 0);
    assert.deepEqual(
      ids(first),
      posts.slice(0, 15).map((p) => p.id),
    );
    assert.equal(first.hasMorePrevious, true);
    assert.equal(typeof first.itemList?.[0]?.createTime, 'number');
    const next = Number(first.itemList?.at(-1)?.createTime) * 1000;
    assert.equal(first.cursor, String(next));
    const second = (await page(`secUid=${creator.secUid}&count=15&cursor=${next}`)).body;
    assert.deepEqual(
      ids(second),
      posts.slice(15).map((p) => p.id),
    );
    assert.equal(second.hasMorePrevious, false);
  });

  test('a cursor of 0 or none means now; stories, deleted, private and unposted items are not listed', async () => {
    const shown = sim.addPost('poster', { ageSeconds: 100 });
    const gated = sim.addPost('poster', { ageSeconds: 200, visibility: 'age_restricted' });
    sim.addPost('poster', { ageSeconds: 300, visibility: 'deleted' });
    sim.addPost('poster', { ageSeconds: 400, visibility: 'followers_only' });
    sim.addPost('poster', { createTime: sim.now() + 60_000 });
    sim.addStory('poster', { ageSeconds: 50 });
    assert.deepEqual(ids((await page(`secUid=${creator.secUid}&cursor=0`)).body), [shown.id, gated.id]);
    assert.deepEqual(ids((await page(`secUid=${creator.secUid}`)).body), [shown.id, gated.id]);
  });

  test("posts made in the same second still page without a gap (the sim keeps an account's seconds distinct)", async () => {
    const createTime = sim.now() - 3600_000;
    for (let i = 0; i < 20; i++) sim.addItem({ kind: 'video', username: 'poster', createTime });
    const seconds = new Set(sim.items().map((i) => i.createTimeSeconds));
    assert.equal(seconds.size, 20);
    const first = (await page(`secUid=${creator.secUid}&count=15`)).body;
    const second = (await page(`secUid=${creator.secUid}&count=15&cursor=${first.cursor}`)).body;
    assert.equal(new Set([...ids(first), ...ids(second)]).size, 20);
  });

  test('pinned posts head the first page only, marked isPinnedItem', async () => {
    const pinned = sim.addPost('poster', { ageSeconds: 400 * 86_400, pinned: true });
    const posts = Array.from({ length: 3 }, (_, i) => sim.addPost('poster', { ageSeconds: 60 + i * 60 }));
    const first = (await page(`secUid=${creator.secUid}&count=2`)).body;
    assert.deepEqual(ids(first), [pinned.id, posts[0]?.id, posts[1]?.id]);
    assert.deepEqual(
      first.itemList?.map((i) => i.isPinnedItem),
      [true, false, false],
    );
    const second = (await page(`secUid=${creator.secUid}&count=2&cursor=${first.cursor}`)).body;
    assert.deepEqual(ids(second), [posts[2]?.id]);
  });

  test('private 10222, banned 10221, unknown secUid an empty list, count over 35 10201', async () => {
    sim.addPost('poster');
    sim.setCreatorPrivate('poster', true);
    assert.equal((await page(`secUid=${creator.secUid}`)).body.statusCode, 10222);
    sim.setCreatorPrivate('poster', false);
    sim.setCreatorBanned('poster', true);
    assert.equal((await page(`secUid=${creator.secUid}`)).body.statusCode, 10221);
    const unknown = (await page('secUid=MS4wLjABAAAAnobody')).body;
    assert.deepEqual([unknown.statusCode, unknown.itemList, unknown.hasMorePrevious], [0, undefined, false]);
    assert.equal((await page(`secUid=${creator.secUid}&count=36`)).body.statusCode, 10201);
  });

  test('media in the list is signed for the tt_chain_token it sets', async () => {
    sim.addPost('poster', { ageSeconds: 10 });
    const { res, body } = await page(`secUid=${creator.secUid}`);
    const cookie = cookieHeaderFrom(res.headers);
    assert.match(cookie, /^tt_chain_token=/);
    assert.equal((await rawGet(body.itemList?.[0]?.video?.playAddr ?? '', { Cookie: cookie })).status, 200);
  });

  test("faults aimed at the creator's id hit its lists: 429 with Retry-After on 'api', challenge with on: 'api'", async () => {
    const other = sim.addCreator({ handle: 'bystander' });
    sim.setFault(creator.tiktokId, { kind: 'status_429', on: 'api', retryAfterSeconds: 90, times: 1 });
    const blocked = await fetch(`${sim.origin}/api/creator/item_list/?secUid=${creator.secUid}`);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers.get('retry-after'), '90');
    assert.equal((await page(`secUid=${other.secUid}`)).res.status, 200, 'other creators are not hit');
    assert.equal((await page(`secUid=${creator.secUid}`)).res.status, 200, 'times: 1');
    sim.setFault(creator.tiktokId, { kind: 'status_429', on: 'api' });
    assert.equal((await fetch(creator.profileUrl)).status, 200, "'api' leaves the profile page alone");

    sim.clearFaults();
    sim.setFault('*', { kind: 'challenge_once', on: 'api' });
    const challenged = await fetch(`${sim.origin}/api/story/item_list/?authorId=${creator.tiktokId}`);
    assert.match(await challenged.text(), /Please wait\.\.\./);
    assert.equal((await fetch(creator.profileUrl)).status, 200);
    const profile = await (await fetch(creator.profileUrl)).text();
    assert.doesNotMatch(profile, /Please wait\.\.\./, "on: 'api' leaves pages alone");
  });
});
