'use client';

import { useEffect, useRef, useState } from 'react';
import type { DownloadState } from './download-types.ts';

export type DownloadEvent = {
  downloadId: string;
  state: DownloadState;
  bytesDone?: number;
  bytesTotal?: number | null;
};

/**
 * Listens to the server's live download events (SSE at /api/events) and reports whether the
 * stream is open, so callers can fall back to polling while it is not. EventSource reconnects
 * by itself; the browser's own implementation is used instead of a library for that reason.
 */
export function useDownloadEvents(
  onEvent: (event: DownloadEvent) => void,
  onResync: () => void,
): { live: boolean } {
  const [live, setLive] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const resync = useRef(onResync);
  resync.current = onResync;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const onDownload = (message: MessageEvent<string>) => {
      try {
        const data = JSON.parse(message.data) as DownloadEvent;
        if (typeof data.downloadId === 'string' && typeof data.state === 'string') handler.current(data);
      } catch {
        // A malformed event is ignored; the next poll or event brings the truth.
      }
    };
    // The server says it may have missed events (a dropped notification connection): refetch.
    const onResyncEvent = () => resync.current();
    source.addEventListener('download', onDownload as EventListener);
    source.addEventListener('resync', onResyncEvent);
    source.onopen = () => {
      setLive(true);
      resync.current();
    };
    source.onerror = () => setLive(false);
    return () => {
      source.removeEventListener('download', onDownload as EventListener);
      source.removeEventListener('resync', onResyncEvent);
      source.close();
    };
  }, []);

  return { live };
}
