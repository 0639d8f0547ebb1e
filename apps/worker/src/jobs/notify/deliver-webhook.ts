import {
  AppError,
  isAppError,
  type JobPayload,
  type NotificationPayload,
  notificationText,
  parseTargetUrl,
  SIGNATURE_HEADER,
  signWebhookBody,
} from '@tiksavr/core';
import type { Webhook } from '@tiksavr/db';
import { allowPrivateTargets } from './allow-private-targets.ts';
import { deliveryProblemText, statusProblem } from './delivery-problem.ts';
import { guardedRequest, type OutgoingRequest } from './guarded-request.ts';
import { headerText } from './header-text.ts';
import { notificationForDownload, testNotification } from './notification-for-download.ts';
import type { DeliveryAttempt, DeliveryResult, NotifyDeps } from './notify-deps.ts';

/** Redirects a webhook may take (307/308 only, each checked again: see guarded-request.ts). */
const WEBHOOK_MAX_REDIRECTS = 3;
/** Delivery log rows kept per person; older ones go when a delivery ends. */
const LOG_ROWS_KEPT = 500;

/** The request for the webhook's format: TikSavr's signed JSON, or an ntfy message. */
export function webhookRequest(
  webhook: Pick<Webhook, 'format' | 'secret'>,
  payload: NotificationPayload,
  deliveryId: string,
  nowSeconds: number,
): OutgoingRequest {
  const common = {
    'User-Agent': 'TikSavr-Webhook/1',
    'X-TikSavr-Event': payload.event,
    'X-TikSavr-Delivery': deliveryId,
  };
  if (webhook.format === 'ntfy') {
    // ntfy (https://docs.ntfy.sh/publish/): the body is the message; Title, Tags and Click are headers.
    const text = notificationText(payload);
    const body = text.body;
    return {
      body,
      headers: {
        ...common,
        'Content-Type': 'text/plain; charset=utf-8',
        Title: headerText(text.title),
        Tags: headerText(text.tags.join(',')),
        ...(payload.download ? { Click: payload.download.pageUrl } : {}),
        [SIGNATURE_HEADER]: signWebhookBody(webhook.secret, nowSeconds, body),
      },
    };
  }
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      ...common,
      'Content-Type': 'application/json',
      [SIGNATURE_HEADER]: signWebhookBody(webhook.secret, nowSeconds, body),
    },
  };
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url.slice(0, 100);
}

/**
 * One try of a webhook delivery: reads the person's webhook as it is now (a changed address is
 * used, a removed webhook ends the delivery), sends, and writes the try to the delivery log row:
 * attempt, status or problem, and deliveredAt, or failedAt when no try is left or another would
 * not help (a refused address, a 4xx answer, a redirect it won't follow).
 */
export async function deliverWebhook(
  deps: NotifyDeps,
  job: JobPayload<'notify.deliver'>,
  attempt: DeliveryAttempt,
): Promise<DeliveryResult> {
  const deliveryId = job.deliveryId;
  if (deliveryId === undefined) return { kind: 'skipped' };
  const delivery = await deps.db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (delivery === null || delivery.deliveredAt !== null || delivery.failedAt !== null)
    return { kind: 'skipped' };
  const log = deps.log.child({ deliveryId, downloadId: job.downloadId, event: job.event });
  const end = async (data: {
    statusCode?: number | null;
    error: string | null;
    delivered: boolean;
    final: boolean;
  }) => {
    const at = deps.now();
    await deps.db.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempt: attempt.number,
        maxAttempts: attempt.max,
        lastAttemptAt: at,
        statusCode: data.statusCode ?? null,
        error: data.error,
        ...(data.delivered ? { deliveredAt: at } : {}),
        ...(data.final && !data.delivered ? { failedAt: at } : {}),
      },
    });
    if (data.final || data.delivered) await trimLog(deps, delivery.userId);
  };

  const webhook = await deps.db.webhook.findUnique({ where: { userId: delivery.userId } });
  if (webhook === null) {
    await end({
      error: 'Not sent: the webhook was removed before this was sent.',
      delivered: false,
      final: true,
    });
    return { kind: 'failed' };
  }
  const payload =
    job.event === 'test' || job.downloadId === null
      ? testNotification(deps)
      : await notificationForDownload(deps, job.event, job.downloadId);
  if (payload === null) {
    await end({
      error: 'Not sent: the download was deleted before this was sent.',
      delivered: false,
      final: true,
    });
    return { kind: 'failed' };
  }
  if (hostOf(webhook.url) !== delivery.host) {
    await deps.db.webhookDelivery.update({ where: { id: deliveryId }, data: { host: hostOf(webhook.url) } });
  }

  try {
    const request = webhookRequest(webhook, payload, deliveryId, Math.floor(deps.now().getTime() / 1000));
    const response = await guardedRequest(parseTargetUrl(webhook.url), request, {
      resolveHost: deps.resolveHost,
      allowPrivate: await allowPrivateTargets(deps),
      timeoutMs: deps.notify.timeoutMs,
      maxRedirects: WEBHOOK_MAX_REDIRECTS,
      signal: deps.shutdownSignal,
    });
    const problem = statusProblem(response.status);
    if (problem === null) {
      await end({ statusCode: response.status, error: null, delivered: true, final: true });
      log.info({ status: response.status, attempt: attempt.number }, 'webhook delivered');
      return { kind: 'delivered' };
    }
    throw problem;
  } catch (error) {
    const appError = isAppError(error)
      ? error
      : new AppError('internal', 'webhook delivery failed', { cause: error });
    if (!isAppError(error)) log.error({ err: error }, 'webhook delivery failed unexpectedly');
    const final = attempt.last || !appError.retryable;
    const status = Number(appError.detail.status);
    await end({
      statusCode: Number.isInteger(status) && status > 0 ? status : null,
      error: deliveryProblemText(appError),
      delivered: false,
      final,
    });
    log.info(
      { code: appError.code, message: appError.message, attempt: attempt.number, final },
      'webhook not delivered',
    );
    return final ? { kind: 'failed' } : { kind: 'retry', error: appError };
  }
}

async function trimLog(deps: Pick<NotifyDeps, 'db'>, userId: string): Promise<void> {
  await deps.db.$executeRaw`
    DELETE FROM "WebhookDelivery" WHERE id IN (
      SELECT id FROM "WebhookDelivery" WHERE "userId" = ${userId}
      ORDER BY "createdAt" DESC OFFSET ${LOG_ROWS_KEPT})`;
}
