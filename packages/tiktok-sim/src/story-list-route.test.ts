import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { cookieHeaderFrom, type ItemStructView, rawGet } from './sim-test-client.ts';
import type { SimItem, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

type StoryList = {
  itemList?: ItemStructView[];
  HasMoreAfter: boolean;
  MaxCursor: number;
  statusCode: number;
};

const HOUR = 3600 * 1000;

describe('S7 story list', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  async function list(query: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${sim.origin}/api/story/item_list/?aid=1988&app_name=tiktok_web&${query}`, {
      headers,
    });
    return { res, body: (await res.json()) as StoryList };
  }

  function storiesOf(username: string): SimItem[] {
    const at = (hoursAgo: number, extra: object = {}) =>
      sim.addItem({
        kind: 'video',
        username,
        story: true,
        createTime: new Date(sim.now() - hoursAgo * HOUR),
        ...extra,
      });
    return [
      at(23),
      at(10),
      at(1),
      at(30), // expired
      at(2, { visibility: 'followers_only' }),
    ];
  }

  test('lists only live public stories, oldest first, as itemStructs with number createTime', async () => {
    const [old, mid, fresh] = storiesOf('story.teller');
    sim.addItem({ kind: 'video', username: 'story.teller' }); // a normal post is not a story
    const { body } = await list(`authorId=${old?.authorId}&count=5&cursor=0&loadBackward=false`);
    assert.equal(body.statusCode, 0);
    assert.deepEqual(
      body.itemList?.map((i) => i.id),
      [old?.id, mid?.id, fresh?.id],
    );
    assert.equal(body.HasMoreAfter, false);
    assert.equal(typeof body.itemList?.[0]?.createTime, 'number');
    assert.ok(body.itemList?.[0]?.video?.playAddr);
  });

  test('pages forward with the time cursor: MaxCursor of one page is the next cursor', async () => {
    const [old, mid, fresh] = storiesOf('pager');
    const first = (await list(`authorId=${old?.authorId}&count=2&cursor=0`)).body;
    assert.deepEqual(
      first.itemList?.map((i) => i.id),
      [old?.id, mid?.id],
    );
    assert.equal(first.HasMoreAfter, true);
    const second = (await list(`authorId=${old?.authorId}&count=2&cursor=${first.MaxCursor}`)).body;
    assert.deepEqual(
      second.itemList?.map((i) => i.id),
      [fresh?.id],
    );
    assert.equal(second.HasMoreAfter, false);
  });

  test('loadBackward=true lists newest first', async () => {
    const [old, , fresh] = storiesOf('backward');
    const { body } = await list(`authorId=${old?.authorId}&count=1&loadBackward=true`);
    assert.deepEqual(
      body.itemList?.map((i) => i.id),
      [fresh?.id],
    );
  });

  test('a story leaves the list when the sim clock passes 24 h', async () => {
    const [old] = storiesOf('clockwatch');
    sim.advanceClock(1.5 * 3600);
    const { body } = await list(`authorId=${old?.authorId}`);
    assert.ok(!body.itemList?.some((i) => i.id === old?.id));
    assert.equal(body.itemList?.length, 2);
  });

  test('no stories: itemList is absent and HasMoreAfter false', async () => {
    const post = sim.addItem({ kind: 'video', username: 'no.stories' });
    const { body } = await list(`authorId=${post.authorId}`);
    assert.equal(body.itemList, undefined);
    assert.equal(body.HasMoreAfter, false);
    assert.equal((await list('authorId=123')).body.itemList, undefined);
  });

  test('count above 50 is refused with 10201', async () => {
    assert.equal((await list('authorId=1&count=51')).body.statusCode, 10201);
  });

  test('media in the list is signed for the caller’s tt_chain_token (or a new one it sets)', async () => {
    const [old] = storiesOf('signed.list');
    const page = await fetch(old?.pageUrl ?? '');
    const cookies = cookieHeaderFrom(page.headers);
    const { res, body } = await list(`authorId=${old?.authorId}`, { Cookie: cookies });
    assert.equal(res.headers.getSetCookie().length, 0, 'keeps the caller’s token');
    const media = await rawGet(body.itemList?.[0]?.video?.playAddr ?? '', { Cookie: cookies });
    assert.equal(media.status, 200);

    const anonymous = await list(`authorId=${old?.authorId}`);
    const fresh = cookieHeaderFrom(anonymous.res.headers);
    assert.match(fresh, /^tt_chain_token=/);
    const mediaFresh = await rawGet(anonymous.body.itemList?.[0]?.video?.playAddr ?? '', { Cookie: fresh });
    assert.equal(mediaFresh.status, 200);
  });

  test('duplicate_story_page repeats page one for the first device_id until it changes', async () => {
    const [old, mid, fresh] = storiesOf('dupes');
    sim.setFault('*', { kind: 'duplicate_story_page' });
    const q = (device: string, cursor: number) =>
      `authorId=${old?.authorId}&count=2&cursor=${cursor}&device_id=${device}`;
    const first = (await list(q('7250000000000000001', 0))).body;
    const again = (await list(q('7250000000000000001', first.MaxCursor))).body;
    assert.deepEqual(
      again.itemList?.map((i) => i.id),
      [old?.id, mid?.id],
    );
    assert.equal(again.HasMoreAfter, true);
    const moved = (await list(q('7250000000000000002', first.MaxCursor))).body;
    assert.deepEqual(
      moved.itemList?.map((i) => i.id),
      [fresh?.id],
    );
  });
});
