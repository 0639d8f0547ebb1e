import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import { type SpawnedWorker, spawnWorker } from '../../testing/spawn-worker.ts';

describe('web → pg-boss → worker chain', () => {
  let database: TestDatabase;
  let worker: SpawnedWorker;
  let callers: ReturnType<typeof callerFactory>;

  before(async () => {
    database = await createTestDatabase('chain');
    worker = await spawnWorker({ DATABASE_URL: database.url, WORKER_HEARTBEAT_SECONDS: '1' });
    callers = callerFactory(database.db, database.url);
  });
  after(async () => {
    await worker?.stop();
    await callers?.close();
    await database?.drop();
  });

  test('a health job sent through tRPC is completed by the worker process', async () => {
    const admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
    const caller = callers.callerFor(admin);
    const { jobId, probeId } = await caller.health.probe();

    let result = await caller.health.probeResult({ jobId });
    for (let i = 0; i < 100 && result.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      result = await caller.health.probeResult({ jobId });
    }
    assert.equal(result.state, 'completed', worker.output());
    assert.equal(result.output?.probeId, probeId);
    const heartbeat = await database.db.workerHeartbeat.findUnique({
      where: { id: result.output?.workerId ?? '' },
    });
    assert.ok(heartbeat, 'the worker that answered has a heartbeat row');
    assert.equal(heartbeat.pid, worker.process.pid);
  });

  test('only admins may send probes', async () => {
    const user = sessionUserOf(await seedUser(database.db));
    await assert.rejects(
      callers.callerFor(user).health.probe(),
      (e: unknown) => e instanceof TRPCError && e.code === 'FORBIDDEN',
    );
    await assert.rejects(
      callers.callerFor(null).health.probe(),
      (e: unknown) => e instanceof TRPCError && e.code === 'UNAUTHORIZED',
    );
  });

  test('a stopped worker exits cleanly and removes its heartbeat', async () => {
    const code = await worker.stop();
    assert.equal(code, 0, worker.output());
    assert.equal(await database.db.workerHeartbeat.count(), 0);
  });
});
