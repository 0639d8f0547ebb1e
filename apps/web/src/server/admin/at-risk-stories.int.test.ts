import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';
import { listAtRiskStories } from './at-risk-stories.ts';

const MINUTE = 60_000;

describe('at-risk stories', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  const now = new Date();
  const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
  const ids: Record<string, string> = {};

  before(async () => {
    database = await createTestDatabase('admin_at_risk');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    const user = await seedUser(database.db);
    const boss = await callers.boss();
    const queueStory = async (
      name: string,
      deadlineMinutes: number,
      extra: { attempts?: number; startAfter?: Date } = {},
    ) => {
      const jobId = randomUUID();
      const row = await seedDownload(database.db, user.id, {
        state: 'queued',
        kind: 'story',
        storyDeadline: inMinutes(deadlineMinutes),
        attempts: extra.attempts ?? 0,
        jobId,
        ...(extra.attempts ? { failureCode: 'network', failureMessage: 'offline' } : {}),
      });
      await boss.send(
        'media.download',
        { downloadId: row.id },
        {
          id: jobId,
          priority: 1441 - deadlineMinutes,
          ...(extra.startAfter ? { startAfter: extra.startAfter } : {}),
        },
      );
      ids[name] = row.id;
    };
    await queueStory('later', 600);
    await queueStory('soon', 2);
    await queueStory('retrying', 30, { attempts: 2, startAfter: inMinutes(45) });
    await queueStory('middle', 60);
    // Not at risk lists: a running story, a finished one, an ordinary queued download.
    await seedDownload(database.db, user.id, {
      state: 'downloading',
      kind: 'story',
      storyDeadline: inMinutes(1),
    });
    await seedDownload(database.db, user.id, { state: 'done', kind: 'story', storyDeadline: inMinutes(1) });
    await seedDownload(database.db, user.id, { state: 'queued', kind: 'video' });
    // Short links still waiting to be identified: maybe stories, counted apart (a finished one is not).
    for (const state of ['queued', 'resolving', 'failed'] as const) {
      await seedDownload(database.db, user.id, {
        state,
        kind: null,
        canonicalUrl: `https://vm.tiktok.com/ZM${state}1/`,
        createdAt: inMinutes(state === 'resolving' ? -30 : -5),
      });
    }
    // One live worker with one slot, one stale worker.
    await database.db.workerHeartbeat.create({
      data: { id: 'w-live', host: 'h1', pid: 1, version: 't', concurrency: 1, inFlight: 0, lastSeenAt: now },
    });
    await database.db.workerHeartbeat.create({
      data: {
        id: 'w-stale',
        host: 'h2',
        pid: 2,
        version: 't',
        concurrency: 8,
        inFlight: 0,
        lastSeenAt: new Date(now.getTime() - MINUTE),
      },
    });
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('queued and retrying stories, least time left first', async () => {
    const { stories } = await listAtRiskStories(database.db, now, 100);
    assert.deepEqual(
      stories.map((story) => story.id),
      [ids.soon, ids.retrying, ids.middle, ids.later],
    );
    const retrying = stories[1];
    assert.equal(retrying?.retrying, true);
    assert.equal(retrying?.failureCode, 'network');
    assert.ok(retrying?.notBefore && Math.abs(retrying.notBefore.getTime() - inMinutes(45).getTime()) < 1000);
  });

  test('short links not identified yet are counted as maybe stories, apart from the known ones', async () => {
    const { stories, unidentified } = await listAtRiskStories(database.db, now, 100);
    assert.equal(stories.length, 4);
    assert.equal(unidentified.count, 2);
    assert.equal(unidentified.oldestQueuedAt?.getTime(), inMinutes(-30).getTime());
  });

  test('estimates follow the model: only live workers count; a back-off past the deadline is late', async () => {
    const { stories, model } = await listAtRiskStories(database.db, now, 100);
    assert.deepEqual(
      { slots: model.slots, liveWorkers: model.liveWorkers, typicalRunSeconds: model.typicalRunSeconds },
      { slots: 1, liveWorkers: 1, typicalRunSeconds: 30 },
    );
    const [soon, retrying, middle, later] = stories;
    assert.equal(soon?.position, 0);
    assert.equal(soon?.estimatedStart?.getTime(), now.getTime());
    assert.equal(soon?.late, false);
    assert.equal(middle?.position, 1);
    assert.equal(middle?.estimatedStart?.getTime(), now.getTime() + 30_000);
    assert.equal(later?.position, 2);
    assert.equal(retrying?.position, null);
    assert.equal(retrying?.late, true, 'its back-off ends 15 minutes after its deadline');
  });

  test('the admin procedure lists the same stories', async () => {
    const admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
    const result = await callers.callerFor(admin).admin.stories.atRisk({ limit: 2 });
    assert.deepEqual(
      result.stories.map((story) => story.id),
      [ids.soon, ids.retrying],
    );
    assert.equal(result.truncated, true);
  });
});
