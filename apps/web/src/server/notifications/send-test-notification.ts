import { AppError } from '@tiksavr/core';
import { bossDbFor } from '@tiksavr/db';
import type { UserContext } from '../trpc.ts';
import { pushPublicKey } from './push-devices.ts';

/**
 * A test message a person asks for in Settings, through the same `notify.deliver` path as a real
 * one: to the webhook (logged in the delivery log) or to one of their devices. Tried once, not
 * retried for minutes: the person is watching for it now.
 */
export async function sendTestNotification(
  ctx: UserContext,
  input: { channel: 'webhook' } | { channel: 'push'; deviceId: string },
): Promise<{ queued: true }> {
  const boss = await ctx.boss();
  if (input.channel === 'push') {
    if (pushPublicKey() === null) throw new AppError('push_not_configured', 'no VAPID_PUBLIC_KEY');
    const device = await ctx.db.pushSubscription.findFirst({
      where: { id: input.deviceId, userId: ctx.user.id },
      select: { id: true },
    });
    if (!device) throw new AppError('push_subscription_not_found', `device ${input.deviceId} not found`);
    await boss.send(
      'notify.deliver',
      { channel: 'push', event: 'test', downloadId: null, subscriptionId: device.id },
      { retryLimit: 0 },
    );
    return { queued: true };
  }
  const webhook = await ctx.db.webhook.findUnique({ where: { userId: ctx.user.id }, select: { url: true } });
  if (!webhook) throw new AppError('webhook_not_found', `user ${ctx.user.id} has no webhook`);
  await ctx.db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.create({
      data: {
        userId: ctx.user.id,
        event: 'test',
        downloadId: null,
        host: new URL(webhook.url).host,
        maxAttempts: 1,
      },
    });
    await boss.send(
      'notify.deliver',
      { channel: 'webhook', event: 'test', downloadId: null, deliveryId: delivery.id },
      { retryLimit: 0, db: bossDbFor(tx) },
    );
  });
  return { queued: true };
}
