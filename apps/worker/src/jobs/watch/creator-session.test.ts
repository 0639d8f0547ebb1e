import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '@tiksavr/core';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import { startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { loadConfig } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import type { UpstreamBudget } from '../../upstream-budget/index.ts';
import {
  grantTimes,
  installGrantLog,
  testBudget,
  waitUntil,
} from '../../upstream-budget/test-support/budget-test-world.ts';
import { openCreatorSession } from './creator-session.ts';

let database: TestDatabase;
let sim: TikTokSim;
let budget: UpstreamBudget;

before(async () => {
  database = await createTestDatabase('creatorsession');
  await installGrantLog(database.db);
  sim = await startTikTokSim({ port: 0, seed: 'none' });
  budget = testBudget(database.db, 'worker', 6000);
});
after(async () => {
  await budget?.close();
  await sim?.close();
  await database?.drop();
});

async function pushbacksCounted(): Promise<number> {
  const minutes = await database.db.upstreamMinute.findMany();
  return minutes.reduce((sum, minute) => sum + minute.pushbacks, 0);
}

describe('a creator session', () => {
  test('takes one slot per request, counts the requests sent, and reports a 429 to the budget once', async () => {
    const creator = sim.addCreator({ handle: 'session_creator' });
    sim.setFault(creator.tiktokId, { kind: 'status_429', on: 'api', retryAfterSeconds: 1, times: 1 });
    const config = loadConfig({
      DATABASE_URL: database.url,
      TIKTOK_ORIGIN: sim.origin,
      WORKER_MEDIA_TIMEOUT_SECONDS: '5',
    });
    const session = openCreatorSession(
      { budget, config, log: createLogger('silent'), now: () => new Date() },
      { dueAt: new Date(), label: '@session_creator', signal: new AbortController().signal },
    );

    await assert.rejects(session.stories(creator.tiktokId), (error) => {
      return isAppError(error) && error.code === 'rate_limited';
    });
    assert.equal(session.requests(), 1);
    await waitUntil('the pushback to be recorded', async () => (await pushbacksCounted()) > 0);
    const paused = await budget.status();
    assert.equal(paused.lastPushback?.kind, 'rate_limited');
    assert.ok(paused.pausedUntil !== null, 'the Retry-After paused the budget');

    assert.deepEqual(await session.stories(creator.tiktokId), []);
    assert.equal(session.requests(), 2);
    const times = await grantTimes(database.db);
    assert.equal(times.length, 2);
    assert.ok(times[1]! >= paused.pausedUntil.getTime(), 'the second request waited for the pause');
    assert.equal(await pushbacksCounted(), 1, 'the 429 was counted once');
  });
});
