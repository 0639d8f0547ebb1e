import type { SessionLookup } from '../session-user.ts';
import type { DownloadEventHub } from './download-event-hub.ts';

export const HEARTBEAT_MS = 15_000;

export type EventRouteDeps = { sessionUser: SessionLookup; hub: DownloadEventHub; heartbeatMs?: number };

const encoder = new TextEncoder();

/**
 * `GET /api/events`: Server-Sent Events for the signed-in user. `download` events carry the
 * DownloadEvent JSON; `resync` says events may have been missed (re-read with `downloads.byIds`);
 * a comment line every 15 s keeps proxies from closing an idle connection. Ends when the client
 * goes away. Clients that cannot keep the stream open poll `downloads.byIds` instead.
 */
export async function serveDownloadEvents(request: Request, deps: EventRouteDeps): Promise<Response> {
  const user = await deps.sessionUser(request);
  if (!user) {
    return new Response('Please sign in first.', { status: 401, headers: { 'Content-Type': 'text/plain' } });
  }
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await deps.hub.subscribe(user.id, {
        onEvent: (event) => send(`event: download\ndata: ${JSON.stringify(event)}\n\n`),
        onResync: () => send('event: resync\ndata: {}\n\n'),
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), deps.heartbeatMs ?? HEARTBEAT_MS);
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      request.signal.addEventListener('abort', cleanup, { once: true });
      if (request.signal.aborted) cleanup();
      // The browser reconnects after 3 s if the stream drops; the first line also flushes headers.
      send('retry: 3000\n: connected\n\n');
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
