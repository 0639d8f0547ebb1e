import type { DownloadState, Prisma } from '@tiksavr/db';
import { ACTIVE_STATES, type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';
import { notifyDownload } from './download-events.ts';

/**
 * Changes a Download still held by the ticket's job and still active, and announces it (NOTIFY)
 * in the same transaction. Returns false when the download is no longer ours: canceled, finished,
 * or handed to another job.
 */
export async function updateDownload(
  deps: Pick<DownloadDeps, 'db'>,
  ticket: DownloadTicket,
  data: Prisma.DownloadUpdateManyMutationInput & { state: DownloadState },
  options: { tx?: Prisma.TransactionClient; event?: { bytesDone?: number; bytesTotal?: number } } = {},
): Promise<boolean> {
  const run = async (tx: Prisma.TransactionClient) => {
    const { count } = await tx.download.updateMany({
      where: { id: ticket.downloadId, jobId: ticket.jobId, state: { in: [...ACTIVE_STATES] } },
      data,
    });
    if (count === 0) return false;
    await notifyDownload(tx, {
      downloadId: ticket.downloadId,
      userId: ticket.userId,
      state: data.state,
      ...options.event,
    });
    return true;
  };
  return options.tx ? run(options.tx) : inTransaction(deps.db, run);
}
