import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { isAppError, resolve } from '@tiksavr/core';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import { startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { loadConfig } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import { tiktokUrlOf } from '../../test-support/worker-fixture.ts';
import type { UpstreamBudget } from '../../upstream-budget/index.ts';
import {
  grantTimes,
  installGrantLog,
  resetBudget,
  testBudget,
  waitUntil,
} from '../../upstream-budget/test-support/budget-test-world.ts';
import { tiktokRequestOptions } from './tiktok-request-options.ts';

let database: TestDatabase;
let sim: TikTokSim;
let budget: UpstreamBudget;

before(async () => {
  database = await createTestDatabase('reqopts');
  await installGrantLog(database.db);
  sim = await startTikTokSim({ port: 0, seed: 'none' });
});
after(async () => {
  await budget?.close();
  await sim?.close();
  await database?.drop();
});
beforeEach(async () => {
  await budget?.close();
  await resetBudget(database.db);
  sim.clearFaults();
  budget = testBudget(database.db, 'worker', 6000);
});

/** What a job hands tiktokRequestOptions, with a request timeout of 1 s. */
function jobDeps() {
  const config = loadConfig({
    DATABASE_URL: database.url,
    TIKTOK_ORIGIN: sim.origin,
    WORKER_MEDIA_TIMEOUT_SECONDS: '1',
  });
  return { config, budget, log: createLogger('silent'), now: () => new Date() };
}

const claim = { purpose: 'download' as const, dueAt: new Date(), label: 'test' };

async function pushbacksCounted(): Promise<number> {
  const minutes = await database.db.upstreamMinute.findMany();
  return minutes.reduce((sum, minute) => sum + minute.pushbacks, 0);
}

describe('tiktokRequestOptions', () => {
  test('a 429 reaches the budget once with its Retry-After; the next request waits for the pause outside its 1 s timeout', async () => {
    const video = sim.addItem({ kind: 'video', username: 'polite' });
    sim.setFault(video.id, { kind: 'status_429', on: 'page', retryAfterSeconds: 2, times: 1 });
    const options = () => ({
      ...tiktokRequestOptions(jobDeps(), claim, new AbortController().signal),
      detectStory: false,
    });

    await assert.rejects(resolve(tiktokUrlOf(video), options()), (error) => {
      return isAppError(error) && error.code === 'rate_limited';
    });
    await waitUntil('the pushback to be recorded', async () => (await pushbacksCounted()) > 0);
    const paused = await budget.status();
    assert.equal(paused.lastPushback?.kind, 'rate_limited');
    assert.ok(paused.pausedUntil !== null);
    const pauseMs = paused.pausedUntil.getTime() - paused.at.getTime();
    assert.ok(pauseMs > 1_500 && pauseMs <= 2_000, `paused for ${pauseMs} ms (Retry-After: 2)`);

    const started = performance.now();
    const resolved = await resolve(tiktokUrlOf(video), options());
    assert.equal(resolved.item.id, video.id);
    const waited = performance.now() - started;
    assert.ok(waited > 1_200, `waited ${waited.toFixed(0)} ms for the pause, longer than the timeout`);
    const times = await grantTimes(database.db);
    assert.equal(times.length, 2, 'one slot per request');
    assert.ok(times[1]! >= paused.pausedUntil.getTime(), 'the second request started after the pause');
    assert.equal(await pushbacksCounted(), 1, 'the 429 was counted once');
  });

  test('a job canceled while its request waits for a slot sends nothing', async () => {
    const video = sim.addItem({ kind: 'video', username: 'patient' });
    await budget.reportPushback({ kind: 'rate_limited', retryAfterSeconds: 30 });
    const sent = sim.requests().length;
    const job = new AbortController();
    const resolving = resolve(tiktokUrlOf(video), {
      ...tiktokRequestOptions(jobDeps(), claim, job.signal),
      detectStory: false,
    });
    setTimeout(() => job.abort(), 100);
    await assert.rejects(resolving, (error) => isAppError(error) && error.code === 'canceled');
    assert.equal(sim.requests().length, sent);
    assert.equal(await database.db.upstreamBudgetWaiter.count(), 0);
  });
});
