import { DOWNLOAD_EVENTS_CHANNEL, type Listener, listen } from '@tiksavr/db';
import { z } from 'zod';

/** What the worker (and the web app's own retry/cancel/submit) announce on the channel. */
const DownloadEventSchema = z.object({
  downloadId: z.string(),
  userId: z.string(),
  state: z.string(),
  bytesDone: z.number().optional(),
  bytesTotal: z.number().nullable().optional(),
});
export type DownloadEventMessage = z.infer<typeof DownloadEventSchema>;

export type HubListener = {
  onEvent: (event: DownloadEventMessage) => void;
  /** The LISTEN connection was re-established: events may have been missed, re-read state. */
  onResync?: () => void;
};

export type DownloadEventHub = {
  /** Starts receiving the user's events; resolves once the shared LISTEN is up. Returns the unsubscribe. */
  subscribe: (userId: string, listener: HubListener) => Promise<() => void>;
  subscriberCount: () => number;
  close: () => Promise<void>;
};

/**
 * One LISTEN connection per web process, fanned out in memory to every open event stream,
 * filtered by user. Opened on the first subscriber and kept (a connection per open tab would
 * exhaust Postgres' connection limit long before the web process is busy).
 */
export function createDownloadEventHub(options: {
  url: string;
  onError?: (error: Error) => void;
}): DownloadEventHub {
  const byUser = new Map<string, Set<HubListener>>();
  let listener: Promise<Listener> | null = null;

  const dispatch = (payload: string) => {
    let event: DownloadEventMessage;
    try {
      event = DownloadEventSchema.parse(JSON.parse(payload));
    } catch (error) {
      options.onError?.(error as Error);
      return;
    }
    for (const subscriber of byUser.get(event.userId) ?? []) subscriber.onEvent(event);
  };
  const resyncAll = () => {
    for (const subscribers of byUser.values()) for (const subscriber of subscribers) subscriber.onResync?.();
  };

  const ensureListening = () => {
    listener ??= listen(options.url, DOWNLOAD_EVENTS_CHANNEL, dispatch, {
      onReconnect: resyncAll,
      ...(options.onError ? { onError: options.onError } : {}),
    }).catch((error: unknown) => {
      listener = null; // the next subscriber tries again
      throw error;
    });
    return listener;
  };

  return {
    subscribe: async (userId, subscriber) => {
      await ensureListening();
      let subscribers = byUser.get(userId);
      if (!subscribers) {
        subscribers = new Set();
        byUser.set(userId, subscribers);
      }
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0 && byUser.get(userId) === subscribers) byUser.delete(userId);
      };
    },
    subscriberCount: () => [...byUser.values()].reduce((sum, set) => sum + set.size, 0),
    close: async () => {
      byUser.clear();
      const current = listener;
      listener = null;
      if (current) await (await current).close();
    },
  };
}
