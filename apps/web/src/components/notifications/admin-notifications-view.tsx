'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { deliveryResult, eventLabel } from './delivery-log.tsx';
import { WhenText } from './when-text.tsx';

/** Whether webhooks and push may go to this server's own network: off by default, and why. */
function PrivateTargetsSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.admin.notifications.settings.queryOptions());
  const change = useMutation(
    trpc.admin.notifications.setAllowPrivateTargets.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.notifications.settings.queryKey(), data),
    }),
  );
  if (!settings.data) return null;
  const { allowed, setting, envOverride } = settings.data;
  return (
    <section
      aria-labelledby="private-targets"
      className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-gray-50 px-4 py-3"
    >
      <h2 id="private-targets" className="font-semibold">
        Private addresses {allowed ? 'are allowed' : 'are refused'}
      </h2>
      <p className="text-sm text-gray-800">
        Webhook addresses come from users. By default TikSavr refuses to send to loopback (127.0.0.1, ::1),
        private networks (10.x, 172.16–31.x, 192.168.x, fc00::/7), link-local addresses (169.254.x, such as a
        cloud metadata service) and carrier-grade NAT (100.64.x), so nobody can use it to reach this server’s
        neighbours. Allow them only if every user may reach your local network, for example for an ntfy server
        at home.
      </p>
      {envOverride === null ? (
        <div>
          <button
            type="button"
            className={buttonStyles.small}
            disabled={change.isPending}
            onClick={() => change.mutate({ allow: !setting })}
          >
            {setting ? 'Refuse private addresses' : 'Allow private addresses'}
          </button>
        </div>
      ) : (
        <p className="text-sm text-gray-800">
          WEBHOOKS_ALLOW_PRIVATE_TARGETS={String(envOverride)} is set in this server’s environment, so it
          decides; remove it to choose here.
        </p>
      )}
      <FormAlert message={change.error?.message ?? null} />
    </section>
  );
}

/** The admin's notifications page: the private-address setting, failed webhook deliveries, failing devices. */
export function AdminNotificationsView() {
  const trpc = useTRPC();
  const failures = useQuery(trpc.admin.notifications.failures.queryOptions());
  return (
    <div className="flex flex-col gap-8">
      <PrivateTargetsSetting />
      <section aria-labelledby="failed-deliveries" className="flex flex-col gap-3">
        <h2 id="failed-deliveries" className="text-xl font-semibold">
          Failed webhook deliveries
        </h2>
        {failures.data?.deliveries.length === 0 ? (
          <p className="text-sm text-gray-700">No webhook delivery has failed.</p>
        ) : null}
        {failures.data && failures.data.deliveries.length > 0 ? (
          <ul className="flex flex-col divide-y divide-gray-200 rounded-xl border border-gray-200 bg-white">
            {failures.data.deliveries.map((delivery) => (
              <li key={delivery.id} className="flex flex-col gap-0.5 px-4 py-3">
                <p className="flex flex-wrap gap-x-2 text-sm text-gray-700">
                  {delivery.failedAt ? <WhenText iso={delivery.failedAt} /> : null}
                  <span aria-hidden="true">·</span>
                  <span className="break-all font-medium text-ink">{delivery.userEmail}</span>
                  <span aria-hidden="true">·</span>
                  <span>{eventLabel(delivery.event)}</span>
                  <span aria-hidden="true">·</span>
                  <span className="break-all">{delivery.host}</span>
                </p>
                <p className="text-sm text-red-800">{deliveryResult(delivery)}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="failing-devices" className="flex flex-col gap-3">
        <h2 id="failing-devices" className="text-xl font-semibold">
          Devices whose notifications don’t arrive
        </h2>
        {failures.data?.devices.length === 0 ? (
          <p className="text-sm text-gray-700">Every device’s last notification arrived.</p>
        ) : null}
        {failures.data && failures.data.devices.length > 0 ? (
          <ul className="flex flex-col divide-y divide-gray-200 rounded-xl border border-gray-200 bg-white">
            {failures.data.devices.map((device) => (
              <li key={device.id} className="px-4 py-3 text-sm text-gray-800">
                <span className="break-all font-medium text-ink">{device.userEmail}</span> · {device.label} ·{' '}
                {device.failures} in a row failed
                {device.lastSuccessAt ? (
                  <>
                    {' '}
                    · last arrived <WhenText iso={device.lastSuccessAt} />
                  </>
                ) : (
                  ' · none arrived yet'
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
