import { loadDownloaderHealth } from '../../admin/downloader-health.ts';
import { type QueuePosition, queuePositions } from '../../downloads/queue-position.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadIds } from './downloads.schema.ts';

export type WaitingStatus = {
  /** No worker has checked in lately: nothing waiting will move until the downloader is back. */
  downloaderDown: boolean;
  /** Only the user's own downloads among the ids that are still waiting for their turn. */
  positions: QueuePosition[];
};

/** What a person waiting for their downloads may know: their place in line and whether it moves. */
export async function waitingStatus(ctx: UserContext, input: DownloadIds): Promise<WaitingStatus> {
  const [health, positions] = await Promise.all([
    loadDownloaderHealth(ctx.db, new Date()),
    queuePositions(ctx.db, ctx.user.id, input.ids),
  ]);
  return { downloaderDown: health.down, positions };
}
