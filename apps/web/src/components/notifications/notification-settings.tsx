'use client';

import { DeliveryLog } from './delivery-log.tsx';
import { PushDeviceSection } from './push-device-section.tsx';
import { WebhookSection } from './webhook-section.tsx';

/** Settings → Notifications: this device, the webhook, and what was sent to it. */
export function NotificationSettings() {
  return (
    <div className="flex flex-col gap-10">
      <PushDeviceSection />
      <WebhookSection />
      <DeliveryLog />
    </div>
  );
}
