import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getPage } from './sim-test-client.ts';
import type { TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('S4 profile page', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());

  test('carries webapp.user-detail with id, secUid, uniqueId, videoCount and statusCode 0', async () => {
    const post = sim.addItem({ kind: 'video', username: 'profile.owner' });
    sim.addItem({ kind: 'photo', username: 'profile.owner' });
    sim.addItem({ kind: 'video', username: 'profile.owner', story: true });
    sim.addItem({ kind: 'video', username: 'profile.owner', visibility: 'deleted' });
    const detail = (await getPage(`${sim.origin}/@profile.owner`)).scopes?.['webapp.user-detail'];
    assert.equal(detail?.statusCode, 0);
    assert.equal(detail?.userInfo.user?.id, post.authorId);
    assert.equal(detail?.userInfo.user?.secUid, post.secUid);
    assert.equal(detail?.userInfo.user?.uniqueId, 'profile.owner');
    assert.equal(detail?.userInfo.user?.UserStoryStatus, 1, 'has a live story');
    assert.equal(detail?.userInfo.stats?.videoCount, 2, 'posts only: no stories, no deleted');
    assert.equal(detail?.userInfo.statsV2?.videoCount, '2');
  });

  test('a private account answers 10222 with privateAccount and a videoCount', async () => {
    sim.addItem({ kind: 'video', username: 'private.person', visibility: 'private_account' });
    const detail = (await getPage(`${sim.origin}/@private.person/`)).scopes?.['webapp.user-detail'];
    assert.equal(detail?.statusCode, 10222);
    assert.equal(detail?.userInfo.user?.privateAccount, true);
    assert.equal(detail?.userInfo.stats?.videoCount, 1);
  });

  test('an unknown handle answers 10202 "user not exist"; a banned account 10221 "user banned"', async () => {
    const detail = (await getPage(`${sim.origin}/@no.such.user`)).scopes?.['webapp.user-detail'];
    assert.equal(detail?.statusCode, 10202);
    assert.equal(detail?.statusMsg, 'user not exist');
    sim.addCreator({ handle: 'gone.rogue', banned: true });
    const banned = (await getPage(`${sim.origin}/@gone.rogue`)).scopes?.['webapp.user-detail'];
    assert.deepEqual(
      [banned?.statusCode, banned?.statusMsg, banned?.userInfo.user],
      [10221, 'user banned', undefined],
    );
  });

  test('a creator without items has a profile with its ids and videoCount 0', async () => {
    const creator = sim.addCreator({ handle: 'brand.new', nickname: 'Brand New' });
    const detail = (await getPage(creator.profileUrl)).scopes?.['webapp.user-detail'];
    assert.equal(detail?.statusCode, 0);
    assert.equal(detail?.userInfo.user?.id, creator.tiktokId);
    assert.equal(detail?.userInfo.user?.secUid, creator.secUid);
    assert.equal(detail?.userInfo.stats?.videoCount, 0);
    assert.equal(detail?.userInfo.user?.UserStoryStatus, 0);
  });
});
