import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getPage, itemOf, rawGet, sha256 } from './sim-test-client.ts';
import type { DemoExample, SimItem, SimStats, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

describe('/__sim/ control API', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim({ seed: 'demo' });
  });
  after(() => sim.close());

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${sim.origin}/__sim/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  test('POST /__sim/items adds an item (createTime as ISO) and GET lists it with the examples', async () => {
    const createTime = new Date(sim.now() - 2 * 3600 * 1000).toISOString();
    const added = await call<{ item: SimItem }>('POST', 'items', {
      kind: 'video',
      username: 'remote.maker',
      caption: 'from playwright',
      createTime,
    });
    assert.equal(added.status, 201);
    assert.equal(added.json.item.createTime, createTime);
    assert.equal(itemOf(await getPage(added.json.item.pageUrl)).desc, 'from playwright');
    const listed = await call<{ items: SimItem[]; examples: DemoExample[] }>('GET', 'items');
    assert.ok(listed.json.items.some((i) => i.id === added.json.item.id));
    assert.ok(listed.json.examples.length >= 11);
  });

  test('PATCH /__sim/items/ID changes visibility', async () => {
    const item = sim.addItem({ kind: 'video', username: 'patched' });
    const patched = await call<{ item: SimItem }>('PATCH', `items/${item.id}`, { visibility: 'deleted' });
    assert.equal(patched.json.item.visibility, 'deleted');
    assert.equal((await getPage(item.pageUrl)).scopes?.['webapp.video-detail']?.statusCode, 10204);
  });

  test('bad input answers 400 with an error message', async () => {
    const bad = await call<{ error: string }>('POST', 'items', { kind: 'movie', username: 'x1' });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error, /kind/);
    assert.equal((await call('POST', 'faults', { target: '*', fault: { kind: 'meteor' } })).status, 400);
    assert.equal((await call('POST', 'clock', {})).status, 400);
    const notJson = await fetch(`${sim.origin}/__sim/items`, { method: 'POST', body: '{oops' });
    assert.equal(notJson.status, 400);
    assert.equal((await call('GET', 'nothing-here')).status, 404);
  });

  test('POST /__sim/faults switches a fault on; { clear: true } and DELETE switch all off', async () => {
    const item = sim.addItem({ kind: 'video', username: 'remote.fault' });
    const on = await call<{ faults: unknown[] }>('POST', 'faults', {
      target: item.id,
      fault: { kind: 'status_5xx' },
    });
    assert.equal(on.json.faults.length, 1);
    assert.equal((await fetch(item.pageUrl)).status, 503);
    await call('POST', 'faults', { clear: true });
    assert.equal((await fetch(item.pageUrl)).status, 200);
    await call('POST', 'faults', { target: '*', fault: { kind: 'login_wall' } });
    assert.equal((await call<{ faults: unknown[] }>('GET', 'faults')).json.faults.length, 1);
    await call('DELETE', 'faults');
    assert.equal((await fetch(item.pageUrl, { redirect: 'manual' })).status, 200);
  });

  test('POST /__sim/clock advances or sets the sim clock', async () => {
    const before = (await call<{ nowMs: number }>('GET', 'clock')).json.nowMs;
    const advanced = await call<{ nowMs: number }>('POST', 'clock', { advanceSeconds: 3600 });
    assert.ok(advanced.json.nowMs - before >= 3600_000 && advanced.json.nowMs - before < 3700_000);
    const set = await call<{ nowMs: number; now: string }>('POST', 'clock', { nowMs: Date.UTC(2030, 0, 1) });
    assert.ok(set.json.now.startsWith('2030-01-01T00:00'));
    await call('POST', 'clock', { nowMs: Date.now() });
  });

  test('GET /__sim/stats and /__sim/media report what was served', async () => {
    const item = sim.addItem({ kind: 'video', username: 'remote.stats' });
    const page = await getPage(item.pageUrl);
    const body = (await rawGet(itemOf(page).video?.playAddr ?? '', { Cookie: page.cookies })).body;
    const stats = (await call<SimStats>('GET', 'stats')).json;
    assert.equal(stats.items[item.id]?.pageGets, 1);
    assert.equal(stats.items[item.id]?.media['video#0']?.completeBodies, 1);
    assert.ok(stats.endpoints.video_page >= 1);
    const media = await call<{ sha256: string; size: number }>(
      'GET',
      `media?itemId=${item.id}&role=video&index=0`,
    );
    assert.deepEqual(media.json, { sha256: sha256(body), size: body.length });
  });

  test('POST /__sim/reset empties items, faults and stats, then seeds the demo again', async () => {
    const extra = sim.addItem({ kind: 'video', username: 'to.be.reset' });
    sim.setFault('*', { kind: 'status_5xx' });
    const reset = await call<{ ok: boolean }>('POST', 'reset');
    assert.equal(reset.status, 200, 'the control API itself is never faulted');
    const listed = await call<{ items: SimItem[]; examples: DemoExample[] }>('GET', 'items');
    assert.ok(!listed.json.items.some((i) => i.id === extra.id));
    assert.ok(listed.json.examples.length >= 11);
    const first = listed.json.examples[0];
    assert.equal((await fetch(first?.simUrl ?? '')).status, 200);
    assert.equal(sim.stats().items[extra.id], undefined);
  });
});
