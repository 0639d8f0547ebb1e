import { randomUUID } from 'node:crypto';
import { type EventSwitches, JOBS, type JobPayload, notificationEventFor, wantsEvent } from '@tiksavr/core';
import { bossDbFor, type DownloadState, type JobInsert, type PgBoss, type Prisma } from '@tiksavr/db';

/** The states a save ends in that people hear about (canceled is their own doing). */
const ENDING_STATES: ReadonlySet<DownloadState> = new Set(['done', 'failed', 'expired']);

type Channels = {
  kind: string | null;
  origin: string;
  push: ({ id: string } & EventSwitches)[];
  webhook: ({ url: string } & EventSwitches) | null;
};

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url.slice(0, 100);
}

/**
 * When a Download ends (done, failed, expired), queues one `notify.deliver` job per channel of
 * its owner that wants the event: each push device, and the webhook (with its delivery-log row,
 * so the person sees it waiting at once). Runs inside the transaction that ends the download
 * (updateDownload), so the notifications exist exactly when the new state commits. Any other
 * state returns at once without a query; a person with no channel costs one small query.
 * Returns the number of jobs queued.
 */
export async function enqueueNotifications(
  tx: Prisma.TransactionClient,
  boss: PgBoss | undefined,
  change: { readonly downloadId: string; readonly userId: string; readonly state: DownloadState },
): Promise<number> {
  if (!ENDING_STATES.has(change.state)) return 0;
  if (boss === undefined) throw new Error('ending a download needs pg-boss, to queue its notifications');
  const [row] = await tx.$queryRaw<Channels[]>`
    SELECT d.kind::text AS kind, d.origin::text AS origin,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'onSaved', p."onSaved", 'onFailed', p."onFailed",
                'onWatchedStory', p."onWatchedStory")), '[]'::json)
         FROM "PushSubscription" p WHERE p."userId" = d."userId") AS push,
      (SELECT json_build_object('url', w.url, 'onSaved', w."onSaved", 'onFailed', w."onFailed",
                'onWatchedStory', w."onWatchedStory")
         FROM "Webhook" w WHERE w."userId" = d."userId") AS webhook
    FROM "Download" d WHERE d.id = ${change.downloadId}::uuid`;
  if (row === undefined) return 0;
  const event = notificationEventFor({ state: change.state, kind: row.kind, origin: row.origin });
  if (event === null) return 0;
  const jobs: JobInsert<JobPayload<'notify.deliver'>>[] = [];
  for (const device of row.push) {
    if (wantsEvent(device, event)) {
      jobs.push({
        data: { channel: 'push', event, downloadId: change.downloadId, subscriptionId: device.id },
      });
    }
  }
  if (row.webhook !== null && wantsEvent(row.webhook, event)) {
    const deliveryId = randomUUID();
    await tx.webhookDelivery.create({
      data: {
        id: deliveryId,
        userId: change.userId,
        event,
        downloadId: change.downloadId,
        host: hostOf(row.webhook.url),
        maxAttempts: JOBS['notify.deliver'].queue.retryLimit + 1,
      },
    });
    jobs.push({ data: { channel: 'webhook', event, downloadId: change.downloadId, deliveryId } });
  }
  // Retry limit and backoff come from the queue (JOBS), so an admin's or a test's queue settings apply.
  if (jobs.length > 0) await boss.insert('notify.deliver', jobs, { db: bossDbFor(tx) });
  return jobs.length;
}
