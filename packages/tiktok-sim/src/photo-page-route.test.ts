import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cookieValue, getPage, itemOf } from './sim-test-client.ts';
import type { TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('S3 photo page', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());

  test('has no webapp.video-detail, only seo.abtest.canonical pointing at /video/ID', async () => {
    const photo = sim.addItem({ kind: 'photo', username: 'album.maker' });
    assert.equal(photo.photoPageUrl, `${sim.origin}/@album.maker/photo/${photo.id}`);
    const page = await getPage(photo.photoPageUrl ?? '');
    assert.equal(page.status, 200);
    assert.equal(page.scopes?.['webapp.video-detail'], undefined);
    const canonical = page.scopes?.['seo.abtest']?.canonical ?? '';
    assert.equal(canonical, `${sim.origin}/@album.maker/video/${photo.id}`);
    assert.ok(cookieValue(page.headers, 'tt_chain_token'));
    // Following the canonical URL gives the item, as GDL does.
    assert.equal(itemOf(await getPage(canonical)).imagePost?.images.length, 3);
    assert.equal(sim.stats().items[photo.id]?.pageGets, 2);
  });

  test('any handle in the path is fine; the canonical names the real author', async () => {
    const photo = sim.addItem({ kind: 'photo', username: 'real.author' });
    const page = await getPage(`${sim.origin}/@someone.else/photo/${photo.id}`);
    assert.equal(page.scopes?.['seo.abtest']?.canonical, `${sim.origin}/@real.author/video/${photo.id}`);
  });
});
