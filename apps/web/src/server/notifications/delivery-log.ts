import type { Db, WebhookDelivery } from '@tiksavr/db';
import type { UserContext } from '../trpc.ts';

/** One row of the delivery log. */
export type DeliveryDto = {
  id: string;
  event: string;
  downloadId: string | null;
  host: string;
  /** waiting: not tried yet; retrying: a try failed and another will come; delivered; failed: no try left. */
  state: 'waiting' | 'retrying' | 'delivered' | 'failed';
  statusCode: number | null;
  error: string | null;
  attempt: number;
  maxAttempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
};

/** How many rows the person sees: the latest. */
export const DELIVERY_LOG_LIMIT = 50;

export function deliveryState(
  row: Pick<WebhookDelivery, 'deliveredAt' | 'failedAt' | 'attempt'>,
): DeliveryDto['state'] {
  if (row.deliveredAt) return 'delivered';
  if (row.failedAt) return 'failed';
  return row.attempt > 0 ? 'retrying' : 'waiting';
}

export function toDeliveryDto(row: WebhookDelivery): DeliveryDto {
  return {
    id: row.id,
    event: row.event,
    downloadId: row.downloadId,
    host: row.host,
    state: deliveryState(row),
    statusCode: row.statusCode,
    error: row.error,
    attempt: row.attempt,
    maxAttempts: row.maxAttempts,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
  };
}

/** The person's latest webhook deliveries, newest first. */
export async function listOwnDeliveries(ctx: Pick<UserContext, 'db' | 'user'>): Promise<DeliveryDto[]> {
  const rows = await ctx.db.webhookDelivery.findMany({
    where: { userId: ctx.user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: DELIVERY_LOG_LIMIT,
  });
  return rows.map(toDeliveryDto);
}

/** For the admin: deliveries that ended failed, newest first, with whose they are; and devices failing. */
export type AdminNotificationFailures = {
  deliveries: (DeliveryDto & { userEmail: string })[];
  devices: { id: string; label: string; userEmail: string; failures: number; lastSuccessAt: string | null }[];
};

export async function listDeliveryFailures(db: Db, limit = 100): Promise<AdminNotificationFailures> {
  const [deliveries, devices] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { failedAt: { not: null } },
      orderBy: [{ failedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { user: { select: { email: true } } },
    }),
    db.pushSubscription.findMany({
      where: { failures: { gt: 0 } },
      orderBy: [{ failures: 'desc' }, { id: 'asc' }],
      take: limit,
      include: { user: { select: { email: true } } },
    }),
  ]);
  return {
    deliveries: deliveries.map((row) => ({ ...toDeliveryDto(row), userEmail: row.user.email })),
    devices: devices.map((row) => ({
      id: row.id,
      label: row.userAgent || 'A browser',
      userEmail: row.user.email,
      failures: row.failures,
      lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    })),
  };
}
