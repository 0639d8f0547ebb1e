import { AppError, isAppError, parseTargetUrl } from '@tiksavr/core';
import type { PushSubscription } from '@tiksavr/db';
import { notifyEnv } from '../../env.ts';
import type {
  DeviceEventsInput,
  DeviceIdInput,
  PushSubscribeInput,
} from '../routers/notifications/notifications.schema.ts';
import type { UserContext } from '../trpc.ts';
import { checkNotifyTarget } from './check-notify-target.ts';
import { deviceLabel } from './device-label.ts';
import { readPrivateTargets } from './private-targets.ts';

type NotifyContext = Pick<UserContext, 'db' | 'user'>;

/** One device in the person's list. */
export type PushDeviceDto = {
  id: string;
  /** "Chrome on Android". */
  label: string;
  /** The push service address: the browser compares it with its own to say "this device". */
  endpoint: string;
  onSaved: boolean;
  onFailed: boolean;
  onWatchedStory: boolean;
  createdAt: string;
  lastSuccessAt: string | null;
  /** Deliveries that failed in a row. */
  failures: number;
};

/** Devices one person may have; a ceiling on a script filling the table. */
export const MAX_DEVICES = 20;

function toDto(row: PushSubscription): PushDeviceDto {
  return {
    id: row.id,
    label: row.userAgent || 'A browser',
    endpoint: row.endpoint,
    onSaved: row.onSaved,
    onFailed: row.onFailed,
    onWatchedStory: row.onWatchedStory,
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    failures: row.failures,
  };
}

/** The key browsers subscribe with; null when this server has none (push is off). */
export function pushPublicKey(): string | null {
  return notifyEnv().vapidPublicKey;
}

function keyBytes(value: string): Buffer | null {
  return /^[A-Za-z0-9_-]+=*$/.test(value) ? Buffer.from(value, 'base64url') : null;
}

/**
 * Keeps a browser's push subscription for the signed-in person (one row per endpoint: the same
 * browser subscribing again, or after another person signed in on it, takes the row over). The
 * endpoint is checked like a webhook address (https, and not a private address unless the admin
 * allows them): the worker will POST to it.
 */
export async function subscribeDevice(ctx: NotifyContext, input: PushSubscribeInput): Promise<PushDeviceDto> {
  if (pushPublicKey() === null) throw new AppError('push_not_configured', 'no VAPID_PUBLIC_KEY');
  const p256dh = keyBytes(input.keys.p256dh);
  const auth = keyBytes(input.keys.auth);
  if (p256dh?.length !== 65 || p256dh[0] !== 0x04 || auth?.length !== 16) {
    throw new AppError('push_subscription_invalid', 'keys are not a P-256 public key and a 16-byte secret');
  }
  try {
    const { allowed } = await readPrivateTargets(ctx.db);
    const url = parseTargetUrl(input.endpoint, allowed ? ['https:', 'http:'] : ['https:']);
    await checkNotifyTarget(ctx.db, url);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError('push_subscription_invalid', `endpoint refused: ${error.message}`, { cause: error });
  }
  const label = deviceLabel(input.userAgent);
  const row = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "user" WHERE "id" = ${ctx.user.id} FOR UPDATE`;
    const existing = await tx.pushSubscription.findUnique({ where: { endpoint: input.endpoint } });
    if (existing?.userId !== ctx.user.id) {
      const count = await tx.pushSubscription.count({ where: { userId: ctx.user.id } });
      if (count >= MAX_DEVICES) {
        // The oldest device that has not worked lately makes room: a person's list never blocks a new phone.
        const oldest = await tx.pushSubscription.findFirst({
          where: { userId: ctx.user.id },
          orderBy: [{ lastSuccessAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
        });
        if (oldest) await tx.pushSubscription.delete({ where: { id: oldest.id } });
      }
    }
    const keys = { p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: label };
    return tx.pushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { userId: ctx.user.id, endpoint: input.endpoint, ...keys },
      update: { userId: ctx.user.id, ...keys, failures: 0 },
    });
  });
  return toDto(row);
}

export async function listDevices(ctx: NotifyContext): Promise<PushDeviceDto[]> {
  const rows = await ctx.db.pushSubscription.findMany({
    where: { userId: ctx.user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(toDto);
}

/** Removes one of the person's devices; someone else's fails exactly like one that does not exist. */
export async function removeDevice(ctx: NotifyContext, input: DeviceIdInput): Promise<{ removed: true }> {
  const { count } = await ctx.db.pushSubscription.deleteMany({
    where: { id: input.id, userId: ctx.user.id },
  });
  if (count === 0) throw new AppError('push_subscription_not_found', `device ${input.id} not found`);
  return { removed: true };
}

export async function setDeviceEvents(ctx: NotifyContext, input: DeviceEventsInput): Promise<PushDeviceDto> {
  const { count } = await ctx.db.pushSubscription.updateMany({
    where: { id: input.id, userId: ctx.user.id },
    data: input.events,
  });
  if (count === 0) throw new AppError('push_subscription_not_found', `device ${input.id} not found`);
  return toDto(await ctx.db.pushSubscription.findUniqueOrThrow({ where: { id: input.id } }));
}
