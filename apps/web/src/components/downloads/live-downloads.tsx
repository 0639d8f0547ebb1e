'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import type { DownloadDto, DownloadState, LiveStatus } from './download-types.ts';
import { type DownloadEvent, useDownloadEvents } from './use-download-events.ts';

type LiveDownloads = {
  /** The row merged with the newest live status, when that status is newer than the row. */
  withLiveStatus: (download: DownloadDto) => DownloadDto;
  /** Drops what is known live about a download (after a retry, its row starts over). */
  forget: (id: string) => void;
  live: boolean;
};

const LiveDownloadsContext = createContext<LiveDownloads>({
  withLiveStatus: (download) => download,
  forget: () => {},
  live: false,
});

const STATE_RANK: Record<DownloadState, number> = {
  queued: 0,
  resolving: 1,
  downloading: 2,
  done: 3,
  failed: 3,
  expired: 3,
  canceled: 3,
};

/**
 * Holds the latest live status of every download the page shows. Progress events only update
 * this map (cheap, no refetch); a change of state also refetches the download queries, so the
 * cards get the failure message, story deadline or files that came with it.
 */
export function LiveDownloadsProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lastState = useRef(new Map<string, DownloadState>());
  const [statuses, setStatuses] = useState<ReadonlyMap<string, LiveStatus>>(new Map());

  const onEvent = useCallback(
    (event: DownloadEvent) => {
      const stateChanged = lastState.current.get(event.downloadId) !== event.state;
      lastState.current.set(event.downloadId, event.state);
      setStatuses((previous) => {
        const before = previous.get(event.downloadId);
        const next = new Map(previous);
        next.set(event.downloadId, {
          state: event.state,
          bytesDone: event.bytesDone ?? before?.bytesDone,
          bytesTotal: event.bytesTotal ?? before?.bytesTotal,
        });
        return next;
      });
      if (stateChanged) void queryClient.invalidateQueries({ queryKey: trpc.downloads.pathKey() });
    },
    [queryClient, trpc],
  );

  const forget = useCallback((id: string) => {
    lastState.current.delete(id);
    setStatuses((previous) => {
      if (!previous.has(id)) return previous;
      const next = new Map(previous);
      next.delete(id);
      return next;
    });
  }, []);

  const onResync = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.downloads.pathKey() }),
    [queryClient, trpc],
  );
  const { live } = useDownloadEvents(onEvent, onResync);
  const value = useMemo<LiveDownloads>(
    () => ({
      withLiveStatus: (download) => {
        const status = statuses.get(download.id);
        if (!status || STATE_RANK[status.state] < STATE_RANK[download.state]) return download;
        if (
          STATE_RANK[status.state] === 3 &&
          status.state !== download.state &&
          STATE_RANK[download.state] === 3
        )
          return download;
        return {
          ...download,
          state: status.state,
          bytesDone: Math.max(download.bytesDone, status.bytesDone ?? 0),
          bytesTotal: status.bytesTotal ?? download.bytesTotal,
        };
      },
      forget,
      live,
    }),
    [statuses, live, forget],
  );
  return <LiveDownloadsContext value={value}>{children}</LiveDownloadsContext>;
}

export function useLiveDownloads(): LiveDownloads {
  return useContext(LiveDownloadsContext);
}

/** How often to refetch a list: fast while something runs and live events are down, slow while they are up. */
export function pollInterval(items: readonly DownloadDto[] | undefined, live: boolean): number | false {
  const running = items?.some((item) => STATE_RANK[item.state] < 3) ?? false;
  if (!running) return false;
  return live ? 15_000 : 3_000;
}
