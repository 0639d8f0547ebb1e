import type { Db } from '@tiksavr/db';

export type Percentiles = { p50: number | null; p95: number | null };
export type JobTimings = {
  /** Seconds from submission to the start of the last attempt (includes retry back-off). */
  waitSeconds: Percentiles;
  /** Seconds from the start of the last attempt to its end. */
  runSeconds: Percentiles;
  /** How many finished Downloads the percentiles are taken over. */
  sample: number;
};

/**
 * Wait and run time percentiles (percentile_cont, i.e. interpolated) over the Downloads that
 * finished (done or failed) since `since`, read through the (state, finishedAt) index.
 */
export async function loadJobTimings(db: Db, since: Date): Promise<JobTimings> {
  const [row] = await db.$queryRaw<
    {
      wait50: number | null;
      wait95: number | null;
      run50: number | null;
      run95: number | null;
      sample: number;
    }[]
  >`
    SELECT
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "startedAt" - "createdAt"))::float8 AS wait50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "startedAt" - "createdAt"))::float8 AS wait95,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt"))::float8 AS run50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt"))::float8 AS run95,
      count(*)::int AS sample
    FROM "Download"
    WHERE state IN ('done', 'failed') AND "finishedAt" >= ${since} AND "startedAt" IS NOT NULL`;
  return {
    waitSeconds: { p50: row?.wait50 ?? null, p95: row?.wait95 ?? null },
    runSeconds: { p50: row?.run50 ?? null, p95: row?.run95 ?? null },
    sample: row?.sample ?? 0,
  };
}
