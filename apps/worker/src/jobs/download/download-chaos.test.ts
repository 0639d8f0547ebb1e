import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createLocalStorage } from '@tiksavr/storage';
import type { SimFault, SimItem, SimVisibility } from '@tiksavr/tiktok-sim';
import { createWorkerWorld, show, tiktokUrlOf, type WorkerWorld } from '../../test-support/worker-fixture.ts';
import type { RunningWorker } from '../../worker.ts';
import type { DownloadOutcome } from './handle-download.ts';

let world: WorkerWorld;
const workers: RunningWorker[] = [];
before(async () => {
  world = await createWorkerWorld('wchaos');
  workers.push(await world.startWorker(), await world.startWorker());
});
after(async () => {
  await world?.close();
});

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRANSIENT: SimFault[] = [
  { kind: 'status_5xx', on: 'media', times: 1 },
  { kind: 'status_5xx', on: 'page', times: 2 },
  { kind: 'status_429', on: 'any', times: 1 },
  { kind: 'reset_after', bytes: 10_000, times: 1 },
  { kind: 'truncate_after', bytes: 5_000, times: 1 },
  { kind: 'expired_signature', times: 1 },
  { kind: 'slow_body', bytesPerSecond: 2_000_000, times: 1 },
  { kind: 'challenge_once' },
];
const PERMANENT: SimVisibility[] = ['deleted', 'private_post', 'region_locked'];
const BODY_FAULTS = new Set(['reset_after', 'truncate_after', 'slow_body']);

test('200 jobs with random faults over two workers: all terminal, each item stored once, nothing left over', async () => {
  const random = seeded(20261125);
  const plans: Array<{ item: SimItem; expect: 'done' | 'failed'; bodyFault: boolean }> = [];
  for (let i = 0; i < 180; i++) {
    const roll = random();
    const kind = random() < 0.2 ? 'photo' : 'video';
    if (roll < 0.1) {
      const visibility = PERMANENT[Math.floor(random() * PERMANENT.length)] ?? 'deleted';
      plans.push({
        item: world.sim.addItem({ kind, username: `chaos_${i}`, visibility }),
        expect: 'failed',
        bodyFault: false,
      });
      continue;
    }
    const item = world.sim.addItem({ kind, username: `chaos_${i}`, imageCount: 2 });
    let bodyFault = false;
    if (roll < 0.7) {
      const fault = TRANSIENT[Math.floor(random() * TRANSIENT.length)] ?? { kind: 'challenge_once' };
      world.sim.setFault(item.id, fault);
      bodyFault = BODY_FAULTS.has(fault.kind);
    }
    plans.push({ item, expect: 'done', bodyFault });
  }
  // 20 more downloads of items already in the list: the same item from two users at once.
  const urls = plans.map((plan) => tiktokUrlOf(plan.item));
  const expectations = plans.map((plan) => plan.expect);
  for (let i = 0; i < 20; i++) {
    const twin = plans[i * 7] ?? plans[0];
    if (!twin) throw new Error('no plans');
    urls.push(tiktokUrlOf(twin.item));
    expectations.push(twin.expect);
  }
  const outcomes = new Map<string, DownloadOutcome[]>();
  for (const worker of workers) {
    worker.onOutcome((outcome, downloadId) =>
      outcomes.set(downloadId, [...(outcomes.get(downloadId) ?? []), outcome]),
    );
  }

  const started = Date.now();
  // Submitted like a busy web app would: a few requests at a time.
  const ids: string[] = [];
  for (let i = 0; i < urls.length; i += 4) {
    ids.push(...(await Promise.all(urls.slice(i, i + 4).map((url) => world.submit(url)))));
  }
  const downloads = await world.waitForTerminal(ids, 120_000);
  const elapsed = Date.now() - started;

  downloads.forEach((download, index) => {
    assert.equal(download.state, expectations[index], `${urls[index]}: ${show(download)}`);
  });
  for (const id of ids) {
    const seen = outcomes.get(id) ?? [];
    assert.ok(
      seen.filter((outcome) => outcome === 'done' || outcome === 'linked').length <= 1,
      `${id}: ${seen}`,
    );
  }

  const db = world.database.db;
  for (const plan of plans) {
    if (plan.expect !== 'done') continue;
    const stats = world.sim.stats().items[plan.item.id];
    const primary = plan.item.kind === 'video' ? 'video#0' : 'image#0';
    if (!plan.bodyFault)
      assert.equal(stats?.media[primary]?.completeBodies, 1, `${plan.item.id} fetched once`);
    const assets = await db.asset.findMany({ where: { itemId: plan.item.id } });
    const main = assets.find(
      (asset) => asset.role === (plan.item.kind === 'video' ? 'video' : 'image') && asset.index === 0,
    );
    assert.equal(
      main?.sha256,
      await world.sim.mediaSha256(plan.item.id, plan.item.kind === 'video' ? 'video' : 'image', 0),
    );
  }

  // One file per distinct content, each referenced file present, and no temp files.
  const assets = await db.asset.findMany();
  const distinct = new Set(assets.map((asset) => asset.storageKey));
  let files = 0;
  for (const prefix of await readdir(join(world.dataDir, 'media'))) {
    files += (await readdir(join(world.dataDir, 'media', prefix))).length;
  }
  assert.equal(files, distinct.size);
  const storage = createLocalStorage(world.dataDir);
  for (const key of distinct) assert.ok(await storage.stat(key), key);
  assert.deepEqual(await storage.listTemp(), []);

  // No job left waiting or running once every download is terminal.
  await new Promise((r) => setTimeout(r, 300));
  const open = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'media.download' AND state IN ('created', 'retry', 'active')`;
  assert.equal(open[0]?.n, 0);
  // Usually 15–25 s on an idle 2-core box; generous here because the box is shared.
  assert.ok(elapsed < 120_000, `took ${elapsed} ms`);
});
