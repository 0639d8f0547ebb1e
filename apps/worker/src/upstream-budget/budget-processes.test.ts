import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import { gapsOf, grantTimes, installGrantLog, testBudget } from './test-support/budget-test-world.ts';

const HAMMER = fileURLToPath(new URL('./test-support/hammer-budget-process.ts', import.meta.url));

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('budgetproc');
  await installGrantLog(database.db);
});
after(async () => {
  await database?.drop();
});

async function runHammer(env: Record<string, string>): Promise<{ granted: number }> {
  const child = spawn(process.execPath, [HAMMER], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, `the hammer process failed: ${output}`);
  const done = /hammer done (\{.*\})/.exec(output);
  assert.ok(done, `no result from the hammer process: ${output}`);
  return JSON.parse(done[1]!) as { granted: number };
}

describe('the budget across real processes', () => {
  test('a child process and this one share one schedule', async () => {
    const here = testBudget(database.db, 'this-process', 600);
    const child = runHammer({ HAMMER_HOLDER: 'child-process', HAMMER_RATE: '600', HAMMER_REQUESTS: '12' });
    let mine = 0;
    // Requests here until the child is done (bounded: 60 at most).
    let childDone = false;
    const childResult = child.finally(() => {
      childDone = true;
    });
    const loop = async () => {
      while (!childDone && mine < 60) {
        await here.acquire({ purpose: 'download', dueAt: new Date() });
        mine++;
      }
    };
    await Promise.all([loop(), loop()]);
    const { granted } = await childResult;
    await here.close();
    assert.equal(granted, 12);
    assert.ok(mine > 0);
    const times = await grantTimes(database.db);
    assert.equal(times.length, granted + mine);
    const gaps = gapsOf(times);
    assert.ok(Math.min(...gaps) >= 100, `closest grants ${Math.min(...gaps)} ms apart (interval 100 ms)`);
    assert.equal(await database.db.upstreamBudgetWaiter.count(), 0);
  });
});
