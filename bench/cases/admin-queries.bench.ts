import { listJobs } from '../../apps/web/src/server/admin/job-list.ts';
import { loadOverview } from '../../apps/web/src/server/admin/overview.ts';
import type { JobListInput } from '../../apps/web/src/server/routers/admin/jobs/jobs.schema.ts';
import { type BenchCase, measureAgainstBaseline } from '../harness.ts';
import { ADMIN_BENCH_ROWS, acquireAdminDatabase, releaseAdminDatabase } from './admin-bench-database.ts';

/**
 * web.admin.overview and web.admin.jobsList: p95 latency of the admin monitor's queries with
 * 1,000,000 Downloads in history (admin-bench-database.ts). Target from the issue: p95 ≤ 200 ms.
 *
 * - overview: everything the overview page asks for on each 3 s refresh (counts per state, pg-boss
 *   queue counts, per-minute and per-hour throughput, wait/run percentiles, story deadline share).
 *   Baseline: the naive `SELECT state, count(*) … GROUP BY state` over the whole history alone.
 * - jobsList: one page of 50, rotating through what the jobs page asks for (first page, a state, a
 *   deep keyset page, a user's email, error text, a link, stories in a time range). Baseline: the
 *   first page read with one `ORDER BY "createdAt" DESC` over all states (no per-state merge).
 */
const TARGET_P95_MS = 200;

export const adminOverviewCase: BenchCase = {
  name: 'web.admin.overview',
  metric: 'p95 latency',
  unit: 'ms',
  target: TARGET_P95_MS,
  higherIsBetter: false,
  run: async () => {
    const loading = acquireAdminDatabase();
    try {
      const started = performance.now();
      const database = await loading;
      const loadSeconds = (performance.now() - started) / 1000;
      const ctx = { db: database.db, boss: async () => database.boss };
      const check = await loadOverview(ctx, new Date());
      const finished = Object.values(check.states.finished).reduce((a, b) => a + b, 0);
      if (finished < 20_000 || check.queues.every((queue) => queue.name !== 'media.download')) {
        throw new Error(`overview looks wrong: ${finished} finished in 24 h`);
      }
      const { candidate, baseline } = await measureAgainstBaseline(
        async () => {
          const overview = await loadOverview(ctx, new Date());
          return overview.states.active.queued;
        },
        async () => {
          const rows = await database.db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM "Download" GROUP BY state`;
          return rows.length;
        },
        1,
        { warmupReps: 3, reps: 30 },
      );
      return {
        value: Number(candidate.p95Ms.toFixed(1)),
        baseline: Number(baseline.p95Ms.toFixed(1)),
        details: {
          baselineIs: 'SELECT count(*) … GROUP BY state over the whole history',
          rows: ADMIN_BENCH_ROWS,
          finishedLast24h: finished,
          loadSecondsIfFirst: Number(loadSeconds.toFixed(1)),
          medianMs: Number(candidate.medianMs.toFixed(1)),
          reps: candidate.reps,
        },
      };
    } finally {
      releaseAdminDatabase();
    }
  },
};

export const adminJobsListCase: BenchCase = {
  name: 'web.admin.jobsList',
  metric: 'p95 latency',
  unit: 'ms',
  target: TARGET_P95_MS,
  higherIsBetter: false,
  run: async () => {
    const loading = acquireAdminDatabase();
    try {
      const database = await loading;
      const db = database.db;
      // A cursor 20 pages deep, found once (untimed).
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        cursor = (await listJobs(db, { filter: {}, cursor, limit: 50 })).nextCursor;
      }
      const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const variants: JobListInput[] = [
        { filter: {}, limit: 50 },
        { filter: { states: ['failed'] }, limit: 50 },
        { filter: {}, cursor, limit: 50 },
        { filter: { search: { by: 'email', text: 'bench-1234@example.test' } }, limit: 50 },
        { filter: { states: ['failed'], search: { by: 'error', text: 'error 42' } }, limit: 50 },
        { filter: { search: { by: 'url', text: '7500000000000123456' } }, limit: 50 },
        { filter: { kind: 'story', from: twoDaysAgo, to: dayAgo }, limit: 50 },
      ];
      for (const input of variants) {
        const page = await listJobs(db, input);
        if (page.jobs.length === 0) throw new Error(`no rows for ${JSON.stringify(input.filter)}`);
      }
      let turn = 0;
      const { candidate, baseline } = await measureAgainstBaseline(
        async () => {
          const input = variants[turn++ % variants.length] as JobListInput;
          return (await listJobs(db, input)).jobs.length;
        },
        async () => {
          const rows = await db.$queryRaw<{ id: string }[]>`
            SELECT d.id::text AS id FROM "Download" d JOIN "user" u ON u.id = d."userId"
            ORDER BY d."createdAt" DESC, d.id DESC LIMIT 51`;
          return rows.length;
        },
        1,
        { warmupReps: variants.length, reps: variants.length * 8 },
      );
      return {
        value: Number(candidate.p95Ms.toFixed(1)),
        baseline: Number(baseline.p95Ms.toFixed(1)),
        details: {
          baselineIs: 'first page by one ORDER BY createdAt DESC over every state',
          rows: ADMIN_BENCH_ROWS,
          variants: variants.length,
          medianMs: Number(candidate.medianMs.toFixed(1)),
          reps: candidate.reps,
        },
      };
    } finally {
      releaseAdminDatabase();
    }
  },
};
