import {
  listDevices,
  pushPublicKey,
  removeDevice,
  setDeviceEvents,
  subscribeDevice,
} from '../../notifications/push-devices.ts';
import { sendTestNotification } from '../../notifications/send-test-notification.ts';
import { protectedProcedure, router } from '../../trpc.ts';
import { DeviceEventsSchema, DeviceIdSchema, PushSubscribeSchema } from './notifications.schema.ts';

/** Web Push on the person's own devices (Settings → Notifications on this device). */
export const pushRouter = router({
  /** The VAPID public key to subscribe with; null: this server has no keys, push is off. */
  config: protectedProcedure.query(() => ({ publicKey: pushPublicKey() })),
  list: protectedProcedure.query(({ ctx }) => listDevices(ctx)),
  subscribe: protectedProcedure
    .input(PushSubscribeSchema)
    .mutation(({ ctx, input }) => subscribeDevice(ctx, input)),
  setEvents: protectedProcedure
    .input(DeviceEventsSchema)
    .mutation(({ ctx, input }) => setDeviceEvents(ctx, input)),
  remove: protectedProcedure.input(DeviceIdSchema).mutation(({ ctx, input }) => removeDevice(ctx, input)),
  test: protectedProcedure
    .input(DeviceIdSchema)
    .mutation(({ ctx, input }) => sendTestNotification(ctx, { channel: 'push', deviceId: input.id })),
});
