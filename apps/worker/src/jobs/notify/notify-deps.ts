import type { AppError, ResolveHost } from '@tiksavr/core';
import type { Db } from '@tiksavr/db';
import type { Logger } from '../../logger.ts';
import type { NotifyConfig } from './notify-config.ts';

/** What the `notify.deliver` handler works with. */
export type NotifyDeps = {
  readonly db: Db;
  readonly log: Logger;
  readonly notify: NotifyConfig;
  /** Every address of a host name (node:dns by default; tests give names answers of their own). */
  readonly resolveHost: ResolveHost;
  readonly now: () => Date;
  /** Aborted when the worker stops: a request under way gives up, and pg-boss retries it later. */
  readonly shutdownSignal: AbortSignal;
};

/** One try of a delivery, as pg-boss counts them. */
export type DeliveryAttempt = {
  /** 1 for the first try. */
  readonly number: number;
  readonly max: number;
  /** No retry follows this one. */
  readonly last: boolean;
};

/** How one try ended. */
export type DeliveryResult =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'failed' }
  /** Another try may work: pg-boss schedules it with backoff. */
  | { readonly kind: 'retry'; readonly error: AppError }
  /** Nothing to send any more (the device or the log row is gone, or the download was deleted). */
  | { readonly kind: 'skipped' };
