import { lookup } from 'node:dns/promises';
import { checkTarget, type ResolveHost } from '@tiksavr/core';
import type { Db } from '@tiksavr/db';
import { readPrivateTargets } from './private-targets.ts';

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address of a name. */
const systemResolver: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * The check at save time, so a refused address is said at once and not only in the delivery log:
 * the address (or every one its name resolves to now) must be public unless the admin allows
 * private targets. The worker checks again before every request. Throws AppError
 * `webhook_target_refused` or `webhook_host_unknown`.
 */
export async function checkNotifyTarget(
  db: Db,
  url: URL,
  resolveHost: ResolveHost = systemResolver,
): Promise<void> {
  const { allowed } = await readPrivateTargets(db);
  await checkTarget(url, { resolveHost, allowPrivate: allowed });
}
