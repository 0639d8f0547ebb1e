import { router } from '../../trpc.ts';
import { pushRouter } from './push.ts';
import { webhookRouter } from './webhook.ts';

/** Notifications when a save ends: every procedure is scoped to the signed-in person's own channels. */
export const notificationsRouter = router({ push: pushRouter, webhook: webhookRouter });
