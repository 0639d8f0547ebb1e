'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import type { DownloadCardItem, WaitingInfo } from './download-types.ts';

/** Often enough that a place in line visibly moves; one small query for every waiting card shown. */
const REFRESH_MS = 5_000;

/**
 * Place in line and downloader health for the waiting downloads among `items`; asks the server only
 * while something waits. `waitingFor(id)` is undefined for a card that is not waiting.
 */
export function useWaitingStatus(
  items: readonly DownloadCardItem[],
): (id: string) => WaitingInfo | undefined {
  const trpc = useTRPC();
  // The procedure takes at most 200 ids; a page rarely shows that many waiting ones.
  const ids = items
    .filter((item) => item.state === 'queued')
    .map((item) => item.id)
    .slice(0, 200);
  // The ids by value: a new array on every render must not make a new query.
  const key = ids.join(',');
  const input = useMemo(() => ({ ids: key === '' ? [] : key.split(',') }), [key]);
  const status = useQuery(
    trpc.downloads.waiting.queryOptions(input, { enabled: ids.length > 0, refetchInterval: REFRESH_MS }),
  );
  const data = ids.length > 0 ? status.data : undefined;
  return useMemo(() => {
    const ahead = new Map(data?.positions.map((position) => [position.downloadId, position.ahead]));
    const waiting = new Set(input.ids);
    return (id: string) =>
      waiting.has(id)
        ? { ahead: ahead.get(id) ?? null, downloaderDown: data?.downloaderDown ?? false }
        : undefined;
  }, [data, input]);
}
