import {
  AppError,
  isAppError,
  type JobPayload,
  type NotificationPayload,
  notificationText,
} from '@tiksavr/core';
import { allowPrivateTargets } from './allow-private-targets.ts';
import { statusProblem } from './delivery-problem.ts';
import { guardedRequest } from './guarded-request.ts';
import { notificationForDownload, testNotification } from './notification-for-download.ts';
import type { VapidKeys } from './notify-config.ts';
import type { DeliveryAttempt, DeliveryResult, NotifyDeps } from './notify-deps.ts';

/**
 * What the service worker (apps/web/public/sw.js) receives and shows: small on purpose (push
 * services take about 4 KB), the whole webhook payload is not sent.
 */
export type PushMessage = {
  readonly event: NotificationPayload['event'];
  readonly title: string;
  readonly body: string;
  /** Opened when the notification is clicked. */
  readonly url: string;
  readonly downloadId: string | null;
  readonly at: string;
};

/** A push message lives this long at the push service while the device is off (one day). */
const PUSH_TTL_SECONDS = 24 * 3600;

export function pushMessageOf(payload: NotificationPayload, publicUrl: string): PushMessage {
  const text = notificationText(payload);
  return {
    event: payload.event,
    title: text.title,
    body: text.body,
    url: payload.download?.pageUrl ?? `${publicUrl}/settings/notifications`,
    downloadId: payload.download?.id ?? null,
    at: payload.at,
  };
}

/**
 * The push service request: body encrypted to the browser's keys (RFC 8291, aes128gcm) and a
 * VAPID signature (RFC 8292), both made by the `web-push` library. It is only asked for the
 * request, not to send it: the request goes through guardedRequest like a webhook, because a
 * subscription's endpoint is whatever the browser (or someone posing as one) said. Loaded on
 * first use, so a worker that never pushes does not carry it.
 */
async function pushRequest(
  subscription: { endpoint: string; p256dh: string; auth: string },
  message: PushMessage,
  vapid: VapidKeys,
) {
  const webPush = (await import('web-push')).default;
  const details = webPush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    JSON.stringify(message),
    { vapidDetails: vapid, TTL: PUSH_TTL_SECONDS, contentEncoding: 'aes128gcm', urgency: 'normal' },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) {
    if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
  }
  return { headers, body: details.body ?? Buffer.alloc(0) };
}

/**
 * One try of a push message to one device. 404 or 410 from the push service mean the browser
 * dropped the subscription (unsubscribed, site data cleared): the device is removed from the
 * person's list. Other failures count on the device (`failures`), a success resets it.
 */
export async function deliverPush(
  deps: NotifyDeps,
  job: JobPayload<'notify.deliver'>,
  attempt: DeliveryAttempt,
): Promise<DeliveryResult> {
  const subscriptionId = job.subscriptionId;
  if (subscriptionId === undefined) return { kind: 'skipped' };
  const log = deps.log.child({ subscriptionId, downloadId: job.downloadId, event: job.event });
  const subscription = await deps.db.pushSubscription.findUnique({ where: { id: subscriptionId } });
  if (subscription === null) return { kind: 'skipped' };
  const vapid = deps.notify.vapid;
  if (vapid === null) {
    log.warn(
      'push message not sent: this worker has no VAPID keys (set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY)',
    );
    return { kind: 'failed' };
  }
  const payload =
    job.event === 'test' || job.downloadId === null
      ? testNotification(deps)
      : await notificationForDownload(deps, job.event, job.downloadId);
  if (payload === null) return { kind: 'skipped' };

  try {
    const allowPrivate = await allowPrivateTargets(deps);
    const request = await pushRequest(subscription, pushMessageOf(payload, deps.notify.publicUrl), vapid);
    const response = await guardedRequest(new URL(subscription.endpoint), request, {
      resolveHost: deps.resolveHost,
      allowPrivate,
      timeoutMs: deps.notify.timeoutMs,
      maxRedirects: 0,
      // Push services are HTTPS; plain HTTP only for a push service on a network the admin opened.
      schemes: allowPrivate ? ['https:', 'http:'] : ['https:'],
      signal: deps.shutdownSignal,
    });
    if (response.status === 404 || response.status === 410) {
      await deps.db.pushSubscription.deleteMany({ where: { id: subscriptionId } });
      log.info({ status: response.status }, 'push subscription expired: device removed');
      return { kind: 'failed' };
    }
    const problem = statusProblem(response.status);
    if (problem !== null) throw problem;
    await deps.db.pushSubscription.updateMany({
      where: { id: subscriptionId },
      data: { lastSuccessAt: deps.now(), failures: 0 },
    });
    return { kind: 'delivered' };
  } catch (error) {
    const appError = isAppError(error) ? error : new AppError('internal', 'push failed', { cause: error });
    if (!isAppError(error)) log.error({ err: error }, 'push message failed unexpectedly');
    await deps.db.pushSubscription.updateMany({
      where: { id: subscriptionId },
      data: { failures: { increment: 1 } },
    });
    const final = attempt.last || !appError.retryable;
    log.info(
      { code: appError.code, message: appError.message, attempt: attempt.number, final },
      'push not delivered',
    );
    return final ? { kind: 'failed' } : { kind: 'retry', error: appError };
  }
}
