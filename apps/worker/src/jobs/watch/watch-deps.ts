import type { Upstream } from '@tiksavr/core';
import type { Db, PgBoss } from '@tiksavr/db';
import type { Storage } from '@tiksavr/storage';
import type { WorkerConfig } from '../../env.ts';
import type { Logger } from '../../logger.ts';
import type { UpstreamBudget } from '../../upstream-budget/index.ts';

/** What the watch scheduler and the creator checks work with. */
export type WatchDeps = {
  readonly db: Db;
  readonly boss: PgBoss;
  /** Where avatars are kept (content-addressed, like media). */
  readonly storage: Storage;
  /** Where TikTok is (the real site or the simulator) and which media hosts may be fetched. */
  readonly upstream: Upstream;
  /** The one request budget toward TikTok, shared by every worker process. */
  readonly budget: UpstreamBudget;
  readonly config: WorkerConfig;
  readonly log: Logger;
  /** Aborted when the worker stops: a running check gives its creator back, still due. */
  readonly shutdownSignal: AbortSignal;
  readonly now: () => Date;
  readonly random: () => number;
};
