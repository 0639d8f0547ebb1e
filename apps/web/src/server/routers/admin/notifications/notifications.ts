import { z } from 'zod';
import { listDeliveryFailures } from '../../../notifications/delivery-log.ts';
import { readPrivateTargets, setAllowPrivateTargets } from '../../../notifications/private-targets.ts';
import { adminProcedure, router } from '../../../trpc.ts';

/** The admin's view of notifications: failed deliveries and failing devices, and where webhooks may go. */
export const adminNotificationsRouter = router({
  failures: adminProcedure.query(({ ctx }) => listDeliveryFailures(ctx.db)),
  settings: adminProcedure.query(({ ctx }) => readPrivateTargets(ctx.db)),
  setAllowPrivateTargets: adminProcedure
    .input(z.object({ allow: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setAllowPrivateTargets(ctx.db, input.allow);
      return readPrivateTargets(ctx.db);
    }),
});
