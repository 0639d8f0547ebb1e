import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { getPage, itemOf, rawGet, solveWafChallenge } from './sim-test-client.ts';
import type { SimRequestLogEntry, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('request log', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim();
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  test('logs every page, API, media and short-link request with its kind and status; not /__sim/', async () => {
    const creator = sim.addCreator({ handle: 'logged.one' });
    const story = sim.addStory('logged.one', { ageSeconds: 30 });
    const start = sim.requests().at(-1)?.seq ?? 0;
    await fetch(`${sim.origin}/t/${story.item.shortCode}/`, { redirect: 'manual' });
    const page = await getPage(story.simUrl);
    await rawGet(itemOf(page).video?.playAddr ?? '', { Cookie: page.cookies });
    await fetch(`${sim.origin}/api/story/item_list/?authorId=${creator.tiktokId}`);
    await fetch(creator.profileUrl);
    await fetch(`${sim.origin}/__sim/stats`);
    const log = sim.requests(start);
    assert.deepEqual(
      log.map((e) => [e.kind, e.method, e.status]),
      [
        ['short_link', 'GET', 301],
        ['page', 'GET', 200],
        ['media', 'GET', 200],
        ['api', 'GET', 200],
        ['page', 'GET', 200],
      ],
    );
    assert.equal(log[3]?.path, `/api/story/item_list/?authorId=${creator.tiktokId}`);
    assert.deepEqual(
      log.map((e) => e.seq),
      log.map((_, i) => start + i + 1),
    );
    for (const entry of log) {
      assert.ok(Math.abs(entry.at - Date.now()) < 10_000);
      assert.ok(Math.abs(entry.simAt - sim.now()) < 10_000);
    }
  });

  test('GET /__sim/requests?since=SEQ answers the entries after SEQ; DELETE clears, seq keeps counting', async () => {
    await fetch(`${sim.origin}/@someone`);
    await fetch(`${sim.origin}/@someone.else`);
    const all = (await (await fetch(`${sim.origin}/__sim/requests`)).json()) as SimRequestLogEntry[];
    assert.equal(all.length, 2);
    const after = (await (
      await fetch(`${sim.origin}/__sim/requests?since=${all[0]?.seq}`)
    ).json()) as SimRequestLogEntry[];
    assert.deepEqual(
      after.map((e) => e.path),
      ['/@someone.else'],
    );
    assert.equal((await fetch(`${sim.origin}/__sim/requests`, { method: 'DELETE' })).status, 200);
    assert.deepEqual(sim.requests(), []);
    await fetch(`${sim.origin}/@third`);
    assert.equal(sim.requests()[0]?.seq, (all[1]?.seq ?? 0) + 1);
    assert.equal((await fetch(`${sim.origin}/__sim/requests?since=x`)).status, 400);
  });

  test('a 429 is logged with its status; the clock moving shows in simAt, not in at', async () => {
    sim.setFault('*', { kind: 'status_429', times: 1 });
    await fetch(`${sim.origin}/@blocked.one`);
    sim.advanceClock(86_400);
    await fetch(`${sim.origin}/@blocked.one`);
    const [blocked, later] = sim.requests();
    assert.equal(blocked?.status, 429);
    assert.equal(later?.status, 200);
    assert.ok((later?.simAt ?? 0) - (blocked?.simAt ?? 0) >= 86_400_000);
    assert.ok((later?.at ?? 0) - (blocked?.at ?? 0) < 60_000);
  });

  test('mediaServed counts bodies sent to the end, per item, also over HTTP', async () => {
    sim.addCreator({ handle: 'served.once' });
    const story = sim.addStory('served.once', { ageSeconds: 30 });
    assert.equal(sim.mediaServed(story.id), 0);
    const page = await getPage(story.simUrl);
    await rawGet(itemOf(page).video?.playAddr ?? '', { Cookie: page.cookies });
    await rawGet(itemOf(page).video?.playAddr ?? '', { Cookie: page.cookies, Range: 'bytes=0-9' });
    assert.equal(sim.mediaServed(story.id), 2);
    const served = (await (await fetch(`${sim.origin}/__sim/items/${story.id}/served`)).json()) as {
      mediaServed: number;
    };
    assert.equal(served.mediaServed, 2);
  });

  test('a challenge on the API is solved like the page one and then answers JSON', async () => {
    const creator = sim.addCreator({ handle: 'api.waf' });
    sim.addStory('api.waf', { ageSeconds: 10 });
    sim.setFault(creator.tiktokId, { kind: 'challenge_once', on: 'api' });
    const url = `${sim.origin}/api/story/item_list/?authorId=${creator.tiktokId}&count=5`;
    const challenge = await (await fetch(url)).text();
    const solved = await fetch(url, { headers: { Cookie: solveWafChallenge(challenge) } });
    const body = (await solved.json()) as { itemList?: unknown[] };
    assert.equal(body.itemList?.length, 1);
    assert.equal(
      ((await (await fetch(url)).json()) as { itemList?: unknown[] }).itemList?.length,
      1,
      'used up',
    );
  });
});
