'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import {
  currentEndpoint,
  type PushSupport,
  pushSupport,
  subscribeThisDevice,
  unsubscribeThisDevice,
} from './browser-push.ts';
import { DeviceList } from './device-list.tsx';

const REFUSED_WORDS = {
  denied:
    'Your browser blocks notifications from TikSavr. Allow them in the site settings (the icon next to the address), then press the button again.',
  dismissed:
    'Nothing changed: the browser’s question was closed without an answer. Press the button to ask again.',
  failed: "This browser couldn't set up notifications. Try again, or use another browser.",
} as const;

/**
 * "Notifications on this device": what they are, then one button that asks the browser's
 * permission and subscribes (never before the person asks), and the list of devices.
 */
export function PushDeviceSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const config = useQuery(trpc.notifications.push.config.queryOptions());
  const devices = useQuery(trpc.notifications.push.list.queryOptions());
  const [support, setSupport] = useState<PushSupport | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.push.list.queryKey() });
  const subscribe = useMutation(trpc.notifications.push.subscribe.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.notifications.push.remove.mutationOptions({ onSuccess: refresh }));

  useEffect(() => {
    setSupport(pushSupport());
    void currentEndpoint().then(setEndpoint);
  }, []);

  const thisDevice = devices.data?.find((device) => device.endpoint === endpoint) ?? null;
  const publicKey = config.data?.publicKey ?? null;

  async function turnOn() {
    if (publicKey === null) return;
    setProblem(null);
    setWorking(true);
    try {
      const result = await subscribeThisDevice(publicKey);
      if (!result.ok) {
        setProblem(REFUSED_WORDS[result.reason]);
        return;
      }
      await subscribe.mutateAsync({ ...result.subscription, userAgent: navigator.userAgent });
      setEndpoint(result.subscription.endpoint);
    } catch {
      // The mutation's own error is shown below.
    } finally {
      setWorking(false);
    }
  }

  async function turnOff() {
    setProblem(null);
    setWorking(true);
    try {
      await unsubscribeThisDevice();
      if (thisDevice) await remove.mutateAsync({ id: thisDevice.id });
      setEndpoint(null);
    } catch {
      // The mutation's own error is shown below.
    } finally {
      setWorking(false);
    }
  }

  return (
    <section aria-labelledby="push-heading" className="flex flex-col gap-4">
      <h2 id="push-heading" className="text-xl font-semibold">
        Notifications on this device
      </h2>
      <p className="text-gray-800">
        TikSavr can tell this phone or computer when a save ends: when something is saved, when it couldn’t be
        saved and why, and when a creator you watch posted a story that TikSavr caught. Your browser will ask
        you first; you can turn it off here or in the browser at any time. Each device is turned on by itself.
      </p>
      {config.isSuccess && publicKey === null ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          Push notifications aren’t set up on this TikSavr server (it has no VAPID keys). Ask its admin to set
          VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY. A webhook below still works.
        </p>
      ) : support === 'needs_home_screen' ? (
        <p className="rounded-lg border border-gray-300 bg-gray-50 px-3 py-2 text-gray-900">
          On iPhone and iPad, notifications work once TikSavr is on your Home Screen: tap Share → Add to Home
          Screen, open TikSavr from there, and come back to this page.
        </p>
      ) : support === 'unsupported' ? (
        <p className="rounded-lg border border-gray-300 bg-gray-50 px-3 py-2 text-gray-900">
          This browser can’t receive web notifications. Try a current Chrome, Edge, Firefox or Safari.
        </p>
      ) : support === 'supported' && publicKey !== null ? (
        <div className="flex flex-wrap items-center gap-3">
          {thisDevice ? (
            <>
              <p className="text-gray-800" role="status">
                Notifications are on for this device.
              </p>
              <button type="button" className={buttonStyles.secondary} disabled={working} onClick={turnOff}>
                {working ? 'Turning off…' : 'Turn off on this device'}
              </button>
            </>
          ) : (
            <button type="button" className={buttonStyles.primary} disabled={working} onClick={turnOn}>
              {working ? 'Waiting for your browser…' : 'Turn on notifications on this device'}
            </button>
          )}
        </div>
      ) : null}
      <FormAlert message={problem ?? subscribe.error?.message ?? remove.error?.message ?? null} />
      <h3 className="font-semibold">Your devices</h3>
      {devices.data ? <DeviceList devices={devices.data} thisEndpoint={endpoint} /> : null}
    </section>
  );
}
