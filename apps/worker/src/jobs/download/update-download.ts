import type { DownloadState, PgBoss, Prisma } from '@tiksavr/db';
import { enqueueNotifications } from '../notify/enqueue-notifications.ts';
import { ACTIVE_STATES, type DownloadDeps, type DownloadTicket, inTransaction } from './download-deps.ts';
import { notifyDownload } from './download-events.ts';

/**
 * Changes a Download still held by the ticket's job and still active, and announces it (NOTIFY)
 * in the same transaction. Returns false when the download is no longer ours: canceled, finished,
 * or handed to another job. A download that ends (done, failed, expired) also queues its owner's
 * notifications in that transaction (`boss`: every worker path passes its whole DownloadDeps).
 */
export async function updateDownload(
  deps: Pick<DownloadDeps, 'db'> & { readonly boss?: PgBoss },
  ticket: DownloadTicket,
  data: Prisma.DownloadUpdateManyMutationInput & { state: DownloadState },
  options: {
    tx?: Prisma.TransactionClient;
    event?: { bytesDone?: number; bytesTotal?: number };
    /** Also takes a Download no job holds yet (the web app's first job), recording the ticket's job. */
    adopt?: boolean;
  } = {},
): Promise<boolean> {
  const run = async (tx: Prisma.TransactionClient) => {
    const held = options.adopt ? { OR: [{ jobId: null }, { jobId: ticket.jobId }] } : { jobId: ticket.jobId };
    const { count } = await tx.download.updateMany({
      where: { id: ticket.downloadId, state: { in: [...ACTIVE_STATES] }, ...held },
      data: options.adopt ? { ...data, jobId: ticket.jobId } : data,
    });
    if (count === 0) return false;
    await notifyDownload(tx, {
      downloadId: ticket.downloadId,
      userId: ticket.userId,
      state: data.state,
      ...options.event,
    });
    await enqueueNotifications(tx, deps.boss, { ...ticket, state: data.state });
    return true;
  };
  return options.tx ? run(options.tx) : inTransaction(deps.db, run);
}
