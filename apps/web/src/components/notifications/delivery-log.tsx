'use client';

import { useQuery } from '@tanstack/react-query';
import { EVENT_LABELS } from '@tiksavr/core';
import { useTRPC } from '../../lib/trpc.tsx';
import type { DeliveryDto } from '../../server/notifications/delivery-log.ts';
import { WhenText } from './when-text.tsx';

export function eventLabel(event: string): string {
  return event === 'test' ? 'Test' : (EVENT_LABELS[event as keyof typeof EVENT_LABELS] ?? event);
}

/** What happened to one delivery, in words. */
export function deliveryResult(delivery: DeliveryDto): string {
  switch (delivery.state) {
    case 'delivered':
      return `Delivered${delivery.statusCode ? ` (${delivery.statusCode})` : ''}${delivery.attempt > 1 ? ` on try ${delivery.attempt}` : ''}.`;
    case 'failed':
      return `Failed${delivery.attempt > 1 ? ` after ${delivery.attempt} tries` : ''}. ${delivery.error ?? ''}`.trim();
    case 'retrying':
      return `Try ${delivery.attempt} of ${delivery.maxAttempts} failed; trying again soon. ${delivery.error ?? ''}`.trim();
    case 'waiting':
      return 'Waiting to be sent.';
  }
}

const STATE_CLASS: Record<DeliveryDto['state'], string> = {
  delivered: 'text-green-800',
  failed: 'text-red-800',
  retrying: 'text-amber-900',
  waiting: 'text-gray-700',
};

/** The person's latest 50 webhook deliveries, refreshed while one is still under way. */
export function DeliveryLog() {
  const trpc = useTRPC();
  const log = useQuery(
    trpc.notifications.webhook.deliveries.queryOptions(undefined, {
      refetchInterval: (query) =>
        query.state.data?.some((d) => d.state === 'waiting' || d.state === 'retrying') ? 5_000 : false,
    }),
  );
  return (
    <section aria-labelledby="delivery-log-heading" className="flex flex-col gap-3">
      <h2 id="delivery-log-heading" className="text-xl font-semibold">
        Delivery log
      </h2>
      {log.data && log.data.length === 0 ? (
        <p className="text-sm text-gray-700">Nothing sent to a webhook yet.</p>
      ) : null}
      {log.data && log.data.length > 0 ? (
        <ul className="flex flex-col divide-y divide-gray-200 rounded-xl border border-gray-200 bg-white">
          {log.data.map((delivery) => (
            <li
              key={delivery.id}
              className="flex flex-col gap-0.5 px-4 py-3"
              data-delivery-state={delivery.state}
            >
              <p className="flex flex-wrap gap-x-2 text-sm text-gray-700">
                <WhenText iso={delivery.createdAt} />
                <span aria-hidden="true">·</span>
                <span className="font-medium text-ink">{eventLabel(delivery.event)}</span>
                <span aria-hidden="true">·</span>
                <span className="break-all">{delivery.host}</span>
              </p>
              <p className={`text-sm ${STATE_CLASS[delivery.state]}`}>{deliveryResult(delivery)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
