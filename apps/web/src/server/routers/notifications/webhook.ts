import { listOwnDeliveries } from '../../notifications/delivery-log.ts';
import { sendTestNotification } from '../../notifications/send-test-notification.ts';
import {
  getWebhook,
  regenerateWebhookSecret,
  removeWebhook,
  saveWebhook,
} from '../../notifications/webhook-settings.ts';
import { protectedProcedure, router } from '../../trpc.ts';
import { SaveWebhookSchema } from './notifications.schema.ts';

/** The person's webhook and its delivery log (Settings → Webhook). */
export const webhookRouter = router({
  get: protectedProcedure.query(({ ctx }) => getWebhook(ctx)),
  /** The answer carries the signing secret only when this save made it: the one time it is shown. */
  save: protectedProcedure.input(SaveWebhookSchema).mutation(({ ctx, input }) => saveWebhook(ctx, input)),
  regenerateSecret: protectedProcedure.mutation(({ ctx }) => regenerateWebhookSecret(ctx)),
  remove: protectedProcedure.mutation(({ ctx }) => removeWebhook(ctx)),
  test: protectedProcedure.mutation(({ ctx }) => sendTestNotification(ctx, { channel: 'webhook' })),
  deliveries: protectedProcedure.query(({ ctx }) => listOwnDeliveries(ctx)),
});
