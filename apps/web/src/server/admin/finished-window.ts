import type { Db } from '@tiksavr/db';

export type Percentiles = { p50: number | null; p95: number | null };

export type FinishedWindow = {
  /** Downloads that reached each end state since the window start. */
  counts: Record<'done' | 'failed' | 'expired' | 'canceled', number>;
  timings: {
    /** Seconds from submission to the start of the last attempt (includes retry back-off). */
    waitSeconds: Percentiles;
    /** Seconds from the start of the last attempt to its end. */
    runSeconds: Percentiles;
    /** How many done or failed Downloads the percentiles are taken over. */
    sample: number;
  };
  stories: {
    /** Stories saved before their deadline. */
    captured: number;
    /** Stories that ended (done, failed or expired) in the window; canceled ones are left out. */
    ended: number;
    /** captured / ended, or null when no story ended. */
    share: number | null;
  };
};

type Row = {
  done: number;
  failed: number;
  expired: number;
  canceled: number;
  wait50: number | null;
  wait95: number | null;
  run50: number | null;
  run95: number | null;
  sample: number;
  captured: number;
  ended: number;
};

/**
 * Everything the overview says about the Downloads that finished since `since`, in one pass over
 * them (found through the (state, finishedAt) index): counts per end state, wait and run time
 * percentiles (percentile_cont, i.e. interpolated) of the done and failed ones, and the share of
 * stories captured in time — done no later than their deadline, among stories that ended.
 */
export async function loadFinishedWindow(db: Db, since: Date): Promise<FinishedWindow> {
  const [row] = await db.$queryRaw<Row[]>`
    WITH finished AS (
      SELECT state, kind, "createdAt", "startedAt", "finishedAt", "storyDeadline",
        state IN ('done', 'failed') AND "startedAt" IS NOT NULL AS timed
      FROM "Download"
      WHERE state IN ('done', 'failed', 'expired', 'canceled') AND "finishedAt" >= ${since}
    )
    SELECT
      count(*) FILTER (WHERE state = 'done')::int AS done,
      count(*) FILTER (WHERE state = 'failed')::int AS failed,
      count(*) FILTER (WHERE state = 'expired')::int AS expired,
      count(*) FILTER (WHERE state = 'canceled')::int AS canceled,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "startedAt" - "createdAt")) FILTER (WHERE timed)::float8 AS wait50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "startedAt" - "createdAt")) FILTER (WHERE timed)::float8 AS wait95,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt")) FILTER (WHERE timed)::float8 AS run50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt")) FILTER (WHERE timed)::float8 AS run95,
      count(*) FILTER (WHERE timed)::int AS sample,
      count(*) FILTER (WHERE kind = 'story' AND state = 'done' AND "finishedAt" <= coalesce("storyDeadline", 'infinity'))::int AS captured,
      count(*) FILTER (WHERE kind = 'story' AND state <> 'canceled')::int AS ended
    FROM finished`;
  const captured = row?.captured ?? 0;
  const ended = row?.ended ?? 0;
  return {
    counts: {
      done: row?.done ?? 0,
      failed: row?.failed ?? 0,
      expired: row?.expired ?? 0,
      canceled: row?.canceled ?? 0,
    },
    timings: {
      waitSeconds: { p50: row?.wait50 ?? null, p95: row?.wait95 ?? null },
      runSeconds: { p50: row?.run50 ?? null, p95: row?.run95 ?? null },
      sample: row?.sample ?? 0,
    },
    stories: { captured, ended, share: ended === 0 ? null : captured / ended },
  };
}
