import { type Db, watchLag } from '@tiksavr/db';

/**
 * From this much lateness on, the admin pages say "Watch checks are falling behind by N min":
 * checks normally start within a minute of their due time (the scheduler ticks every minute), so
 * five minutes means the workers or the request budget cannot keep up with the watches.
 */
export const BEHIND_ALERT_SECONDS = 5 * 60;

export type WatchBehind = {
  behind: boolean;
  /** How late the oldest due check is, in whole minutes (0 when on time). */
  behindByMinutes: number;
  overdueCreators: number;
  oldestDueAt: Date | null;
  thresholdMinutes: number;
};

/** Whether watch checks fall behind their schedule, never silently (core of the admin banner). */
export async function loadWatchBehind(db: Db, now: Date): Promise<WatchBehind> {
  const lag = await watchLag(db, { now });
  return {
    behind: lag.behindBySeconds >= BEHIND_ALERT_SECONDS,
    behindByMinutes: Math.floor(lag.behindBySeconds / 60),
    overdueCreators: lag.overdueCreators,
    oldestDueAt: lag.oldestDueAt,
    thresholdMinutes: BEHIND_ALERT_SECONDS / 60,
  };
}
