import { randomUUID } from 'node:crypto';
import { JOBS, parseJobPayload, priorityFor } from '@tiksavr/core';
import { DOWNLOAD_EVENTS_CHANNEL, fromPrisma } from '@tiksavr/db';
import { RETRYABLE_STATES } from '../downloads/download-states.ts';
import type { Context } from '../trpc.ts';

/**
 * Puts failed, expired or canceled Downloads (any user's) back in the queue, each with a fresh
 * pg-boss job, in one transaction: rows and jobs commit together or not at all, and rows in any
 * other state are left alone (the count says how many changed). Unlike a user's own retry, an
 * admin retry is a fresh start: `attempts` goes back to 0 so the worker's retry budget applies
 * again, and a story's priority is recomputed from the time it has left now.
 */
export async function retryJobIds(ctx: Pick<Context, 'db' | 'boss'>, ids: readonly string[], now: Date) {
  if (ids.length === 0) return 0;
  const boss = await ctx.boss();
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string; userId: string; storyDeadline: Date | null; priority: number }[]
    >`
      SELECT id::text AS id, "userId", "storyDeadline", priority FROM "Download"
      WHERE id = ANY(${ids}::uuid[]) AND state = ANY(${[...RETRYABLE_STATES]}::"DownloadState"[])
      ORDER BY id FOR UPDATE`;
    if (rows.length === 0) return 0;
    const planned = rows.map((row) => ({
      ...row,
      jobId: randomUUID(),
      priority: row.storyDeadline ? priorityFor(row.storyDeadline, now) : row.priority,
    }));
    await tx.$executeRaw`
      UPDATE "Download" d SET state = 'queued', "jobId" = v.job_id, priority = v.priority, attempts = 0,
        "failureCode" = NULL, "failureMessage" = NULL, "bytesDone" = 0, "startedAt" = NULL,
        "finishedAt" = NULL, "updatedAt" = ${now}
      FROM unnest(${planned.map((p) => p.id)}::uuid[], ${planned.map((p) => p.jobId)}::uuid[],
        ${planned.map((p) => p.priority)}::int[]) AS v(id, job_id, priority)
      WHERE d.id = v.id`;
    await boss.insert(
      'media.download',
      planned.map((p) => ({
        id: p.jobId,
        priority: p.priority,
        data: parseJobPayload('media.download', { downloadId: p.id }),
        ...JOBS['media.download'].queue,
      })),
      { db: fromPrisma(tx) },
    );
    const events = planned.map((p) =>
      JSON.stringify({ downloadId: p.id, userId: p.userId, state: 'queued' }),
    );
    await tx.$executeRaw`SELECT pg_notify(${DOWNLOAD_EVENTS_CHANNEL}, e) FROM unnest(${events}::text[]) AS e`;
    return planned.length;
  });
}
