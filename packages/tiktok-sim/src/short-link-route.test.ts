import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('S1 short links', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());

  for (const prefix of ['vm', 'vt', 't']) {
    test(`GET /${prefix}/CODE → 301 to the post with _t and _r, and an <a> body`, async () => {
      const video = sim.addItem({ kind: 'video', username: 'linker' });
      const res = await fetch(`${sim.origin}/${prefix}/${video.shortCode}`, { redirect: 'manual' });
      assert.equal(res.status, 301);
      const location = res.headers.get('location') ?? '';
      assert.match(location, new RegExp(`^${sim.origin}/@linker/video/${video.id}\\?_t=[^&]+&_r=1$`));
      assert.equal(
        await res.text(),
        `<a href="${location.replace('&', '&amp;')}">Moved Permanently</a>.\n\n`,
      );
    });
  }

  test('HEAD answers the same Location without a body; a trailing slash is fine', async () => {
    const video = sim.addItem({ kind: 'video', username: 'linker' });
    const res = await fetch(`${video.shortUrl}`, { method: 'HEAD', redirect: 'manual' });
    assert.equal(res.status, 301);
    assert.ok(res.headers.get('location')?.includes(`/video/${video.id}?`));
    assert.equal(await res.text(), '');
  });

  test('a photo post short link goes to its /photo/ URL', async () => {
    const photo = sim.addItem({ kind: 'photo', username: 'snapper' });
    const res = await fetch(photo.shortUrl, { redirect: 'manual' });
    assert.ok(res.headers.get('location')?.startsWith(`${sim.origin}/@snapper/photo/${photo.id}?`));
  });

  test('an unknown code goes to the home page, which has no post', async () => {
    const res = await fetch(`${sim.origin}/vm/ZZZZnotreal/`, { redirect: 'manual' });
    assert.equal(res.status, 301);
    const location = res.headers.get('location') ?? '';
    assert.equal(location, `${sim.origin}/?_r=1`);
    const home = await fetch(location);
    assert.equal(home.status, 200);
    assert.doesNotMatch(await home.text(), /webapp\.video-detail/);
  });

  test('stats count short-link hits per code', async () => {
    const video = sim.addItem({ kind: 'video', username: 'counted' });
    await fetch(video.shortUrl, { redirect: 'manual' });
    await fetch(video.shortUrl, { redirect: 'manual' });
    assert.equal(sim.stats().shortLinks[video.shortCode], 2);
  });
});
