import { type DownloadEvent, notifySql, type Prisma } from '@tiksavr/db';

/**
 * Announces a state change the web app made (retry, cancel) on the channel the worker uses, so
 * every open tab of the user updates. Inside a transaction it is delivered on commit.
 */
export async function notifyDownloadChange(
  tx: Prisma.TransactionClient,
  event: DownloadEvent,
): Promise<void> {
  const { text, values } = notifySql(event);
  await tx.$executeRawUnsafe(text, ...values);
}
