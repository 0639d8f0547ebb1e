import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { getPage, itemOf, rawGet, sha256, solveWafChallenge } from './sim-test-client.ts';
import type { TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('faults', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());
  beforeEach(() => sim.clearFaults());

  async function videoWithPage(username: string) {
    const video = sim.addItem({ kind: 'video', username });
    const page = await getPage(video.pageUrl);
    return { video, page, playAddr: itemOf(page).video?.playAddr ?? '' };
  }

  describe('challenge_once', () => {
    test('serves the challenge until a solved cookie comes back, then the real page', async () => {
      const video = sim.addItem({ kind: 'video', username: 'waf.victim' });
      sim.setFault(video.id, { kind: 'challenge_once' });
      const challenge = await getPage(video.pageUrl);
      assert.equal(challenge.status, 200);
      assert.equal(challenge.scopes, undefined);
      assert.match(challenge.html, /Please wait\.\.\./);

      const wrong = await getPage(video.pageUrl, { Cookie: '_wafchallengeid=eyJ2Ijp7fX0=' });
      assert.equal(wrong.scopes, undefined, 'a wrong answer gets the challenge again');

      const solved = await getPage(video.pageUrl, { Cookie: solveWafChallenge(wrong.html) });
      assert.equal(itemOf(solved).id, video.id);
      assert.equal(itemOf(await getPage(video.pageUrl)).id, video.id, 'used up: no more challenges');
      const stats = sim.stats().items[video.id];
      assert.equal(stats?.challengesServed, 2);
      assert.equal(stats?.challengesSolved, 1);
      assert.equal(stats?.pageGets, 4);
    });

    test("target '*' challenges profile pages too; times: 2 needs two solutions", async () => {
      sim.addItem({ kind: 'video', username: 'waf.profile' });
      sim.setFault('*', { kind: 'challenge_once', times: 2 });
      const url = `${sim.origin}/@waf.profile`;
      for (let round = 0; round < 2; round++) {
        const challenge = await getPage(url);
        assert.equal(challenge.scopes, undefined);
        const solved = await getPage(url, { Cookie: solveWafChallenge(challenge.html) });
        assert.equal(solved.scopes?.['webapp.user-detail']?.statusCode, 0);
      }
      assert.ok((await getPage(url)).scopes);
    });

    test('a solved cookie cannot be replayed', async () => {
      const video = sim.addItem({ kind: 'video', username: 'waf.replay' });
      sim.setFault(video.id, { kind: 'challenge_once', times: 2 });
      const cookie = solveWafChallenge((await getPage(video.pageUrl)).html);
      assert.ok((await getPage(video.pageUrl, { Cookie: cookie })).scopes);
      assert.equal((await getPage(video.pageUrl, { Cookie: cookie })).scopes, undefined);
    });
  });

  test('status_429 answers 429 with Retry-After, for the next N page requests', async () => {
    const video = sim.addItem({ kind: 'video', username: 'rate.limited' });
    sim.setFault(video.id, { kind: 'status_429', retryAfterSeconds: 7, times: 1 });
    const limited = await fetch(video.pageUrl);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await fetch(video.pageUrl)).status, 200);
  });

  test("status_5xx on 'media' gives 503 for media while pages stay fine", async () => {
    const { video, page, playAddr } = await videoWithPage('flaky.cdn');
    sim.setFault(video.id, { kind: 'status_5xx', on: 'media', times: 1 });
    assert.equal((await fetch(video.pageUrl)).status, 200);
    assert.equal((await rawGet(playAddr, { Cookie: page.cookies })).status, 503);
    assert.equal((await rawGet(playAddr, { Cookie: page.cookies })).status, 200);
  });

  test("status_429 on 'any' hits pages and media", async () => {
    const { video, page, playAddr } = await videoWithPage('busy.everywhere');
    sim.setFault('*', { kind: 'status_429', on: 'any' });
    assert.equal((await rawGet(playAddr, { Cookie: page.cookies })).status, 429);
    assert.equal((await fetch(video.pageUrl)).status, 429);
    assert.equal((await fetch(`${sim.origin}/api/story/item_list/?authorId=${video.authorId}`)).status, 429);
  });

  test('login_wall redirects the page to /login with the original URL', async () => {
    const video = sim.addItem({ kind: 'video', username: 'walled' });
    sim.setFault(video.id, { kind: 'login_wall' });
    const res = await fetch(video.pageUrl, { redirect: 'manual' });
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location') ?? '');
    assert.equal(location.pathname, '/login');
    assert.equal(location.searchParams.get('redirect_url'), video.pageUrl);
    const followed = await fetch(video.pageUrl);
    assert.equal(new URL(followed.url).pathname, '/login');
    assert.doesNotMatch(await followed.text(), /__UNIVERSAL_DATA_FOR_REHYDRATION__/);
  });

  test('slow_body throttles media to about bytesPerSecond', async () => {
    const { video, page, playAddr } = await videoWithPage('slow.cdn');
    sim.setFault(video.id, { kind: 'slow_body', bytesPerSecond: 40_000 });
    const started = performance.now();
    const res = await rawGet(playAddr, { Cookie: page.cookies, Range: 'bytes=0-19999' });
    const elapsed = performance.now() - started;
    assert.equal(res.body.length, 20_000);
    assert.ok(elapsed >= 400, `took ${elapsed} ms`);
  });

  test('truncate_after closes cleanly after N bytes though Content-Length promised more; Range resumes', async () => {
    const { video, page, playAddr } = await videoWithPage('cut.short');
    const size = sim.mediaSize(video.id, 'video');
    sim.setFault(video.id, { kind: 'truncate_after', bytes: 1000, times: 1 });
    const cut = await rawGet(playAddr, { Cookie: page.cookies });
    assert.equal(cut.closedBy, 'end');
    assert.equal(Number(cut.headers['content-length']), size);
    assert.equal(cut.body.length, 1000);
    const rest = await rawGet(playAddr, { Cookie: page.cookies, Range: 'bytes=1000-' });
    assert.equal(rest.status, 206);
    assert.equal(sha256(Buffer.concat([cut.body, rest.body])), await sim.mediaSha256(video.id, 'video'));
    const entry = sim.stats().items[video.id]?.media['video#0'];
    assert.equal(entry?.completeBodies, 1, 'only the resumed request completed');
  });

  test('reset_after ends the connection with a TCP reset after at most N bytes', async () => {
    const { video, page, playAddr } = await videoWithPage('reset.me');
    sim.setFault(video.id, { kind: 'reset_after', bytes: 500 });
    const res = await rawGet(playAddr, { Cookie: page.cookies });
    assert.equal(res.closedBy, 'reset');
    assert.ok(res.body.length <= 500, `${res.body.length} bytes`);
  });

  test('expired_signature mints media URLs already expired, or with a tiny TTL', async () => {
    const video = sim.addItem({ kind: 'video', username: 'stale.urls' });
    sim.setFault(video.id, { kind: 'expired_signature', times: 1 });
    const stale = await getPage(video.pageUrl);
    assert.equal((await rawGet(itemOf(stale).video?.playAddr ?? '', { Cookie: stale.cookies })).status, 403);

    sim.setFault(video.id, { kind: 'expired_signature', ttlSeconds: 5 });
    const short = await getPage(video.pageUrl);
    const url = itemOf(short).video?.playAddr ?? '';
    assert.equal((await rawGet(url, { Cookie: short.cookies })).status, 200);
    sim.advanceClock(6);
    try {
      assert.equal((await rawGet(url, { Cookie: short.cookies })).status, 403);
    } finally {
      sim.advanceClock(-6);
    }
  });

  test('media_404 makes the HEVC variant 404 while H.264 still works', async () => {
    const { video, page } = await videoWithPage('no.hevc');
    sim.setFault(video.id, { kind: 'media_404' });
    const gears = itemOf(page).video?.bitrateInfo ?? [];
    const hevc = gears.find((g) => g.CodecType === 'h265_hvc1')?.PlayAddr.UrlList[0] ?? '';
    const h264 = gears.find((g) => g.CodecType === 'h264')?.PlayAddr.UrlList[0] ?? '';
    assert.equal((await rawGet(hevc, { Cookie: page.cookies })).status, 404);
    assert.equal((await rawGet(h264, { Cookie: page.cookies })).status, 200);
  });

  test('media_forbidden refuses media even with a valid cookie, for the next N requests', async () => {
    const { video, page, playAddr } = await videoWithPage('forbidden.cdn');
    sim.setFault(video.id, { kind: 'media_forbidden', times: 1 });
    const refused = await rawGet(playAddr, { Cookie: page.cookies });
    assert.equal(refused.status, 403);
    assert.match(refused.body.toString(), /Access Denied/);
    assert.equal((await rawGet(playAddr, { Cookie: page.cookies })).status, 200);
  });

  test('a fault on one item leaves other items alone', async () => {
    const hit = sim.addItem({ kind: 'video', username: 'only.me' });
    const spared = sim.addItem({ kind: 'video', username: 'not.me' });
    sim.setFault(hit.id, { kind: 'status_5xx' });
    assert.equal((await fetch(hit.pageUrl)).status, 503);
    assert.equal((await fetch(spared.pageUrl)).status, 200);
  });
});
