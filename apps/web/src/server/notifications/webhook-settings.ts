import { AppError, newWebhookSecret, parseTargetUrl } from '@tiksavr/core';
import type { Webhook } from '@tiksavr/db';
import type { SaveWebhookInput, WebhookFormat } from '../routers/notifications/notifications.schema.ts';
import type { UserContext } from '../trpc.ts';
import { checkNotifyTarget } from './check-notify-target.ts';

type NotifyContext = Pick<UserContext, 'db' | 'user'>;

/** The person's webhook as Settings shows it: the secret only as its first characters. */
export type WebhookDto = {
  url: string;
  format: WebhookFormat;
  onSaved: boolean;
  onFailed: boolean;
  onWatchedStory: boolean;
  /** "whsec_AbC…": enough to tell which secret a receiver has. */
  secretPreview: string;
  createdAt: string;
  updatedAt: string;
};

function toDto(row: Webhook): WebhookDto {
  return {
    url: row.url,
    format: row.format === 'ntfy' ? 'ntfy' : 'json',
    onSaved: row.onSaved,
    onFailed: row.onFailed,
    onWatchedStory: row.onWatchedStory,
    secretPreview: `${row.secret.slice(0, 10)}…`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getWebhook(ctx: NotifyContext): Promise<WebhookDto | null> {
  const row = await ctx.db.webhook.findUnique({ where: { userId: ctx.user.id } });
  return row ? toDto(row) : null;
}

/**
 * Sets the person's webhook. The address is checked now (a whole http(s) URL, public unless the
 * admin allows private addresses) so a refusal is said here, not only in the delivery log. The
 * first save makes the signing secret and returns it: the only time it is shown whole.
 */
export async function saveWebhook(
  ctx: NotifyContext,
  input: SaveWebhookInput,
): Promise<{ webhook: WebhookDto; secret: string | null }> {
  const url = parseTargetUrl(input.url);
  await checkNotifyTarget(ctx.db, url);
  const fields = { url: url.href, format: input.format, ...input.events };
  const existing = await ctx.db.webhook.findUnique({
    where: { userId: ctx.user.id },
    select: { userId: true },
  });
  if (existing) {
    const row = await ctx.db.webhook.update({ where: { userId: ctx.user.id }, data: fields });
    return { webhook: toDto(row), secret: null };
  }
  const secret = newWebhookSecret();
  const row = await ctx.db.webhook.upsert({
    where: { userId: ctx.user.id },
    create: { userId: ctx.user.id, secret, ...fields },
    update: fields,
  });
  return { webhook: toDto(row), secret: row.secret === secret ? secret : null };
}

/** A new signing secret; the old one stops verifying with the next delivery. Shown once. */
export async function regenerateWebhookSecret(
  ctx: NotifyContext,
): Promise<{ webhook: WebhookDto; secret: string }> {
  const secret = newWebhookSecret();
  const { count } = await ctx.db.webhook.updateMany({ where: { userId: ctx.user.id }, data: { secret } });
  if (count === 0) throw new AppError('webhook_not_found', `user ${ctx.user.id} has no webhook`);
  const row = await ctx.db.webhook.findUniqueOrThrow({ where: { userId: ctx.user.id } });
  return { webhook: toDto(row), secret };
}

/** Removes the webhook; deliveries still waiting end as "removed before this was sent". The log stays. */
export async function removeWebhook(ctx: NotifyContext): Promise<{ removed: boolean }> {
  const { count } = await ctx.db.webhook.deleteMany({ where: { userId: ctx.user.id } });
  return { removed: count > 0 };
}
