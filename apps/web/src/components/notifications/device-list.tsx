'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import type { PushDeviceDto } from '../../server/notifications/push-devices.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { EventSwitches } from './event-switches.tsx';
import { WhenText } from './when-text.tsx';

function DeviceRow({ device, isThisDevice }: { device: PushDeviceDto; isThisDevice: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.push.list.queryKey() });
  const setEvents = useMutation(trpc.notifications.push.setEvents.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.notifications.push.remove.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(
    trpc.notifications.push.test.mutationOptions({
      onSuccess: () => setNote('Test sent. It should appear on that device within a few seconds.'),
    }),
  );
  const error = [setEvents, remove, test].find((m) => m.error)?.error;
  return (
    <li
      className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4"
      aria-label={device.label}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <h4 className="font-semibold">{device.label}</h4>
        {isThisDevice ? (
          <span className="rounded-full bg-brand-50 px-2 text-sm font-medium text-brand-700">
            This device
          </span>
        ) : null}
      </div>
      <p className="text-sm text-gray-700">
        Added <WhenText iso={device.createdAt} />
        {device.lastSuccessAt ? (
          <>
            {' '}
            · last notification delivered <WhenText iso={device.lastSuccessAt} />
          </>
        ) : null}
        {device.failures > 0 ? ` · the last ${device.failures} did not arrive` : ''}
      </p>
      <EventSwitches
        legend="Tell this device about"
        value={device}
        disabled={setEvents.isPending}
        onChange={(events) => setEvents.mutate({ id: device.id, events })}
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonStyles.small}
          disabled={test.isPending}
          onClick={() => {
            setNote(null);
            test.mutate({ id: device.id });
          }}
        >
          Send a test
        </button>
        <button
          type="button"
          className={buttonStyles.small}
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: device.id })}
        >
          Remove
        </button>
      </div>
      {note ? (
        <p role="status" className="text-sm text-gray-800">
          {note}
        </p>
      ) : null}
      <FormAlert message={error?.message ?? null} />
    </li>
  );
}

/** Every device the person turned notifications on for, with its events and a remove button. */
export function DeviceList({
  devices,
  thisEndpoint,
}: {
  devices: PushDeviceDto[];
  thisEndpoint: string | null;
}) {
  if (devices.length === 0) {
    return <p className="text-sm text-gray-700">No device gets notifications yet.</p>;
  }
  return (
    <ul className="flex flex-col gap-3" aria-label="Devices with notifications">
      {devices.map((device) => (
        <DeviceRow key={device.id} device={device} isThisDevice={device.endpoint === thisEndpoint} />
      ))}
    </ul>
  );
}
