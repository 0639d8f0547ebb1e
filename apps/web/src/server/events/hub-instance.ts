import { env } from '../../env.ts';
import { log } from '../logger.ts';
import { createDownloadEventHub, type DownloadEventHub } from './download-event-hub.ts';

const globalForHub = globalThis as unknown as { tiksavrEventHub?: DownloadEventHub };

/** The process's one event hub (kept on globalThis so `next dev` reloads do not open another LISTEN). */
export function downloadEventHub(): DownloadEventHub {
  globalForHub.tiksavrEventHub ??= createDownloadEventHub({
    url: env().DATABASE_URL,
    onError: (error) => log().warn({ err: error }, 'download event listener'),
  });
  return globalForHub.tiksavrEventHub;
}
