import { type DownloadEvent, notifySql, type Prisma } from '@tiksavr/db';

/** Sends a DownloadEvent inside the caller's transaction, so it is seen only if the change commits. */
export async function notifyDownload(tx: Prisma.TransactionClient, event: DownloadEvent): Promise<void> {
  const { text, values } = notifySql(event);
  await tx.$executeRawUnsafe(text, ...values);
}
