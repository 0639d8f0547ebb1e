import type { Db } from '@tiksavr/db';

export type ThroughputPoint = { at: Date; done: number; failed: number; expired: number };
export type Throughput = {
  /** One point per minute over the last hour, oldest first (60 points). */
  perMinute: ThroughputPoint[];
  /** One point per hour over the last day, oldest first (24 points). */
  perHour: ThroughputPoint[];
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Downloads finished per minute (last hour) and per hour (last day), by end state. One query groups
 * the day by minute through the (state, finishedAt) index; the hours are summed here, and empty
 * buckets are filled with zeros so a chart shows quiet minutes as quiet.
 */
export async function loadThroughput(db: Db, now: Date): Promise<Throughput> {
  const currentMinute = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const currentHour = Math.floor(now.getTime() / HOUR) * HOUR;
  const daySince = new Date(currentHour - 23 * HOUR);
  const rows = await db.$queryRaw<{ minute: Date; state: string; n: number }[]>`
    SELECT date_bin('1 minute', "finishedAt", TIMESTAMP '2000-01-01') AS minute, state::text AS state, count(*)::int AS n
    FROM "Download"
    WHERE state IN ('done', 'failed', 'expired') AND "finishedAt" >= ${daySince}
    GROUP BY 1, 2`;

  const perMinute = emptyBuckets(currentMinute - 59 * MINUTE, MINUTE, 60);
  const perHour = emptyBuckets(daySince.getTime(), HOUR, 24);
  for (const row of rows) {
    const time = row.minute.getTime();
    addTo(perMinute, Math.floor((time - (currentMinute - 59 * MINUTE)) / MINUTE), row);
    addTo(perHour, Math.floor((time - daySince.getTime()) / HOUR), row);
  }
  return { perMinute, perHour };
}

function emptyBuckets(start: number, step: number, count: number): ThroughputPoint[] {
  return Array.from({ length: count }, (_, index) => ({
    at: new Date(start + index * step),
    done: 0,
    failed: 0,
    expired: 0,
  }));
}

function addTo(points: ThroughputPoint[], index: number, row: { state: string; n: number }): void {
  const point = points[index];
  if (!point) return;
  if (row.state === 'done' || row.state === 'failed' || row.state === 'expired') point[row.state] += row.n;
}
