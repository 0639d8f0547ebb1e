import { z } from 'zod';

/** Inputs of the `notifications` procedures. Imports nothing server-only (the settings page uses them). */
export const EventSwitchesSchema = z.object({
  onSaved: z.boolean(),
  onFailed: z.boolean(),
  onWatchedStory: z.boolean(),
});
export type EventSwitchesInput = z.infer<typeof EventSwitchesSchema>;

/** What `PushSubscription.toJSON()` gives in the browser, plus its user agent for the device list. */
export const PushSubscribeSchema = z.object({
  endpoint: z.string().min(1).max(2000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  userAgent: z.string().max(1000).default(''),
});
export type PushSubscribeInput = z.infer<typeof PushSubscribeSchema>;

export const DeviceIdSchema = z.object({ id: z.uuid() });
export type DeviceIdInput = z.infer<typeof DeviceIdSchema>;

export const DeviceEventsSchema = DeviceIdSchema.extend({ events: EventSwitchesSchema });
export type DeviceEventsInput = z.infer<typeof DeviceEventsSchema>;

export const WEBHOOK_FORMATS = ['json', 'ntfy'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const SaveWebhookSchema = z.object({
  url: z.string().trim().min(1, 'Type the address to send to.').max(2000, 'At most 2000 characters.'),
  format: z.enum(WEBHOOK_FORMATS),
  events: EventSwitchesSchema,
});
export type SaveWebhookInput = z.infer<typeof SaveWebhookSchema>;
