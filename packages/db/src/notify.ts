import pg from 'pg';

/** Channel on which the worker announces every Download change; payload is `DownloadEvent` JSON. */
export const DOWNLOAD_EVENTS_CHANNEL = 'tiksavr_download_events';

export type DownloadEvent = {
  downloadId: string;
  userId: string;
  state: string;
  /** Progress while downloading (throttled to about one event a second). */
  bytesDone?: number;
  bytesTotal?: number;
};

/** Runs `NOTIFY` through any executor that can run a parameterised query (a pg pool, a Prisma tx…). */
export function notifySql(event: DownloadEvent): { text: string; values: string[] } {
  return { text: 'SELECT pg_notify($1, $2)', values: [DOWNLOAD_EVENTS_CHANNEL, JSON.stringify(event)] };
}

export type Listener = { close: () => Promise<void> };

/**
 * LISTENs on a channel with a dedicated connection, reconnecting with a capped backoff when the
 * connection drops. `onReconnect` lets callers re-read state they may have missed meanwhile.
 */
export async function listen(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  options: { onReconnect?: () => void; onError?: (error: Error) => void } = {},
): Promise<Listener> {
  let closed = false;
  let client: pg.Client | null = null;
  let retryDelayMs = 250;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    next.on('error', (error) => {
      options.onError?.(error);
      void reconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
    retryDelayMs = 250;
  };

  const reconnect = async (): Promise<void> => {
    const previous = client;
    client = null;
    await previous?.end().catch(() => {});
    while (!closed) {
      try {
        await connect();
        options.onReconnect?.();
        return;
      } catch (error) {
        options.onError?.(error as Error);
        await new Promise((r) => setTimeout(r, retryDelayMs));
        retryDelayMs = Math.min(retryDelayMs * 2, 10_000);
      }
    }
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
