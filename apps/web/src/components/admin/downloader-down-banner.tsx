'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../../lib/trpc.tsx';
import { formatSeconds } from './format.ts';
import { REFRESH_MS } from './refresh.ts';

function stuckWords(stuck: number): string {
  if (stuck === 0) return 'No download is waiting yet, but new ones will be stuck.';
  return `${stuck} ${stuck === 1 ? 'download is' : 'downloads are'} stuck until a worker runs again.`;
}

/**
 * On every admin page: a red banner while no worker has a fresh heartbeat, naming how many
 * downloads are stuck. Nothing at all while the downloader is up.
 */
export function DownloaderDownBanner() {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.admin.downloader.status.queryOptions(undefined, { refetchInterval: REFRESH_MS }),
  );
  if (!data?.down) return null;
  const silentFor = data.lastBeatAt ? (Date.now() - Date.parse(data.lastBeatAt)) / 1000 : null;
  return (
    <div
      role="alert"
      className="border-b border-red-300 bg-red-50 text-red-900"
      data-testid="downloader-down-banner"
    >
      <p className="mx-auto max-w-6xl px-4 py-3">
        <strong className="font-semibold">The downloader seems to be down:</strong>{' '}
        {silentFor === null
          ? 'no worker is running.'
          : `no worker has checked in for ${formatSeconds(Math.max(0, silentFor))}.`}{' '}
        <span data-testid="stuck-count">{stuckWords(data.stuck)}</span>{' '}
        <Link href="/admin/workers" className="font-medium underline underline-offset-2">
          See the workers
        </Link>
      </p>
    </div>
  );
}
