import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBoss, ensureQueues, type PgBoss } from './queue.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

let database: TestDatabase;
let boss: PgBoss;
before(async () => {
  database = await createTestDatabase('queues');
  boss = createBoss({ url: database.url, role: 'producer', onError: () => {} });
  await boss.start();
});
after(async () => {
  await boss?.stop({ graceful: false, close: true });
  await database?.drop();
});

const checks = { 'policy.check': { queue: { policy: 'stately', retryLimit: 2 } } };

describe('ensureQueues', () => {
  test('creates a queue with its policy and later updates its options', async () => {
    await ensureQueues(boss, checks);
    assert.equal((await boss.getQueue('policy.check'))?.policy, 'stately');
    await ensureQueues(boss, { 'policy.check': { queue: { policy: 'stately', retryLimit: 5 } } });
    const queue = await boss.getQueue('policy.check');
    assert.equal(queue?.retryLimit, 5);
    assert.equal(queue?.notify, true);
  });

  test('a queue created with another policy (pg-boss cannot change it) is created again while empty', async () => {
    await boss.deleteQueue('policy.check');
    await boss.createQueue('policy.check', { policy: 'standard' });
    await ensureQueues(boss, checks);
    assert.equal((await boss.getQueue('policy.check'))?.policy, 'stately');
  });

  test('…and refused, naming the queue, while it still holds jobs', async () => {
    await boss.deleteQueue('policy.check');
    await boss.createQueue('policy.check', { policy: 'standard' });
    await boss.send('policy.check', {});
    await assert.rejects(ensureQueues(boss, checks), /policy\.check has policy standard but needs stately/);
    assert.equal((await boss.getQueue('policy.check'))?.policy, 'standard', 'nothing was dropped');
  });
});
