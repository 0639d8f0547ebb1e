import { parseJobPayload } from '@tiksavr/core';
import { deliverPush } from './deliver-push.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import type { DeliveryResult, NotifyDeps } from './notify-deps.ts';

/** A `notify.deliver` job as pg-boss hands it over (with its retry counts). */
export type NotifyJob = {
  readonly id: string;
  readonly data: unknown;
  readonly retryCount: number;
  readonly retryLimit: number;
};

export type NotifyOutcome = Exclude<DeliveryResult['kind'], 'retry'>;

/**
 * One `notify.deliver` job: a push message to one device or one webhook delivery. A failure that
 * another try may fix is thrown, so pg-boss retries the job with its backoff; everything else
 * ends the job (and is in the delivery log or on the device's row).
 */
export async function handleNotify(deps: NotifyDeps, job: NotifyJob): Promise<NotifyOutcome> {
  const payload = parseJobPayload('notify.deliver', job.data);
  const attempt = {
    number: job.retryCount + 1,
    max: job.retryLimit + 1,
    last: job.retryCount >= job.retryLimit,
  };
  const result =
    payload.channel === 'push'
      ? await deliverPush(deps, payload, attempt)
      : await deliverWebhook(deps, payload, attempt);
  if (result.kind === 'retry') throw result.error;
  return result.kind;
}
