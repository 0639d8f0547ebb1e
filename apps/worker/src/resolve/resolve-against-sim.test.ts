import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ErrorCode, isAppError, resolve } from '@tiksavr/core';
import { type SimFault, type SimItemSpec, startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';

/**
 * Core's resolver against the TikTok simulator over real HTTP, for every scenario and fault.
 * It lives here because the worker is the package that depends on both (core and the simulator
 * depend on nothing internal).
 */
describe('resolve() against the TikTok simulator', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim({ port: 0, seed: 'none' });
  });
  after(() => sim.close());

  const add = (spec: Partial<SimItemSpec> & Pick<SimItemSpec, 'username'>) =>
    sim.addItem({ kind: 'video', ...spec });
  const resolveLink = (url: string) => resolve(url, { origin: sim.origin });
  async function failureOf(url: string): Promise<ErrorCode> {
    try {
      await resolveLink(url);
    } catch (error) {
      assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
      return error.code;
    }
    assert.fail(`${url} resolved, expected a failure`);
  }

  test('a public video: H.264 without watermark first, cookies and Referer for the media', async () => {
    const item = add({ username: 'res.video', caption: 'Pasta night' });
    const resolved = await resolveLink(item.tiktokUrl);
    assert.equal(resolved.item.id, item.id);
    assert.equal(resolved.item.kind, 'video');
    assert.equal(resolved.item.caption, 'Pasta night');
    assert.equal(resolved.isStory, false);
    const video = resolved.plan.assets.find((a) => a.role === 'video');
    assert.equal(video?.codec, 'h264');
    assert.equal(video?.watermarked, false);
    assert.match(resolved.mediaRequest.headers.Cookie, /tt_chain_token=/);
    // The page it came from: TikTok's, or the simulator standing in for it.
    assert.ok(
      resolved.mediaRequest.headers.Referer.startsWith(sim.origin),
      resolved.mediaRequest.headers.Referer,
    );
    const response = await fetch(video?.candidates[0] ?? '', { headers: resolved.mediaRequest.headers });
    assert.equal(response.status, 200);
    assert.equal(Buffer.from(await response.arrayBuffer()).length, await sim.mediaSize(item.id, 'video'));
  });

  test('the same video through a vm.tiktok.com short link', async () => {
    const item = add({ username: 'res.short' });
    const resolved = await resolveLink(item.tiktokShortUrl);
    assert.equal(resolved.item.id, item.id);
  });

  test('a photo post: every image in order, then the music', async () => {
    const item = add({ kind: 'photo', username: 'res.photo', imageCount: 4 });
    const resolved = await resolveLink(item.tiktokUrl);
    assert.equal(resolved.item.kind, 'photo');
    const roles = resolved.plan.assets.filter((a) => a.role !== 'cover').map((a) => `${a.role}${a.index}`);
    assert.deepEqual(roles, ['image0', 'image1', 'image2', 'image3', 'audio0']);
  });

  test('a live story is recognised from the story list, with its deadline', async () => {
    const created = new Date(sim.now() - 23 * 3600_000);
    const item = add({ username: 'res.story', story: true, createTime: created });
    const resolved = await resolveLink(item.tiktokShortUrl);
    assert.equal(resolved.isStory, true);
    assert.ok(resolved.storyDeadline);
    const deadlineError = Math.abs(resolved.storyDeadline.getTime() - (created.getTime() + 24 * 3600_000));
    assert.ok(deadlineError < 15_000, `deadline off by ${deadlineError} ms`);
  });

  test('HEVC-only 1080p: compatible quality stays H.264, highest takes HEVC, bytevc2 never', async () => {
    const item = add({ username: 'res.hevc', hevcOnly1080p: true });
    const compatible = await resolveLink(item.tiktokUrl);
    assert.equal(compatible.plan.assets.find((a) => a.role === 'video')?.codec, 'h264');
    const highest = await resolve(item.tiktokUrl, { origin: sim.origin, quality: 'highest' });
    const best = highest.plan.assets.find((a) => a.role === 'video');
    assert.equal(best?.codec, 'h265');
    assert.ok(!highest.plan.assets.some((a) => a.codec === 'bytevc2'));
  });

  const unavailable: [SimItemSpec['visibility'], ErrorCode][] = [
    ['deleted', 'deleted'],
    ['private_post', 'private_post'],
    ['private_account', 'private_account'],
    ['region_locked', 'region_locked'],
    ['age_restricted', 'age_restricted'],
  ];
  for (const [visibility, code] of unavailable) {
    test(`visibility ${visibility} fails with ${code}`, async () => {
      const item = add({ username: `res.${visibility}`, visibility });
      assert.equal(await failureOf(item.tiktokUrl), code);
    });
  }

  test('a followers-only story has no public page: private_post', async () => {
    const item = add({ username: 'res.followers', story: true, visibility: 'followers_only' });
    assert.equal(await failureOf(item.tiktokShortUrl), 'private_post');
  });

  test('an expired story (older than 24 h) is gone: deleted, or story_expired when known to be a story', async () => {
    const item = add({
      username: 'res.expired',
      story: true,
      createTime: new Date(sim.now() - 25 * 3600_000),
    });
    assert.equal(await failureOf(item.tiktokUrl), 'deleted');
    await assert.rejects(resolve(item.tiktokUrl, { origin: sim.origin, knownStory: true }), {
      code: 'story_expired',
    });
  });

  test('an unknown short code leads to the home page: short_link_dead', async () => {
    assert.equal(await failureOf('https://vm.tiktok.com/ZZZZZZZZZ/'), 'short_link_dead');
  });

  const faults: [string, SimFault, ErrorCode | 'ok'][] = [
    ['challenge once (solved, then the page)', { kind: 'challenge_once' }, 'ok'],
    ['429 on the page', { kind: 'status_429', on: 'page' }, 'rate_limited'],
    ['503 on the page', { kind: 'status_5xx', on: 'page' }, 'upstream_error'],
    ['login wall', { kind: 'login_wall' }, 'login_required'],
  ];
  for (const [name, fault, expected] of faults) {
    test(`fault: ${name} → ${expected}`, async () => {
      const item = add({ username: `res.fault.${fault.kind}` });
      sim.setFault(item.id, fault);
      try {
        if (expected === 'ok') {
          const resolved = await resolveLink(item.tiktokUrl);
          assert.equal(resolved.item.id, item.id);
          assert.equal(sim.stats().items[item.id]?.challengesSolved, 1);
        } else {
          assert.equal(await failureOf(item.tiktokUrl), expected);
        }
      } finally {
        sim.clearFaults();
      }
    });
  }

  test('media faults surface on the media request, not in resolve: expired signature → 403', async () => {
    const item = add({ username: 'res.expiring' });
    sim.setFault(item.id, { kind: 'expired_signature', ttlSeconds: 1 });
    try {
      const resolved = await resolveLink(item.tiktokUrl);
      sim.advanceClock(5);
      const url = resolved.plan.assets.find((a) => a.role === 'video')?.candidates[0] ?? '';
      const response = await fetch(url, { headers: resolved.mediaRequest.headers });
      assert.equal(response.status, 403);
      const fresh = await resolveLink(item.tiktokUrl);
      const again = await fetch(fresh.plan.assets.find((a) => a.role === 'video')?.candidates[0] ?? '', {
        headers: fresh.mediaRequest.headers,
      });
      assert.equal(again.status, 200, 'resolving again gives a working URL');
      await again.arrayBuffer();
    } finally {
      sim.clearFaults();
    }
  });

  test('media without the page cookie is refused (403)', async () => {
    const item = add({ username: 'res.nocookie' });
    const resolved = await resolveLink(item.tiktokUrl);
    const url = resolved.plan.assets.find((a) => a.role === 'video')?.candidates[0] ?? '';
    const response = await fetch(url, { headers: { Referer: resolved.mediaRequest.headers.Referer } });
    assert.equal(response.status, 403);
    await response.arrayBuffer();
  });
});
