import { parseTikTokUrl, priorityFor } from '@tiksavr/core';
import { bossDbFor } from '@tiksavr/db';
import type { WorkerWorld } from '../../../test-support/worker-fixture.ts';

/**
 * A Download and its first job, as the web app (pasted link) or a watch check (origin watch)
 * makes them, for any user of the world.
 */
export async function submitFor(
  world: WorkerWorld,
  userId: string,
  url: string,
  options: { storyDeadline?: Date; origin?: 'paste' | 'watch' } = {},
): Promise<string> {
  const storyDeadline = options.storyDeadline ?? null;
  return world.database.db.$transaction(async (tx) => {
    const download = await tx.download.create({
      data: {
        userId,
        inputUrl: url,
        canonicalUrl: url,
        searchText: url.toLowerCase(),
        storyDeadline,
        origin: options.origin ?? 'paste',
        ...(storyDeadline ? { kind: 'story' as const } : {}),
      },
    });
    const link = parseTikTokUrl(url);
    await world.producer.send(
      link.ok && link.kind === 'short_link' ? 'media.identify' : 'media.download',
      { downloadId: download.id },
      { priority: priorityFor(storyDeadline, new Date()), db: bossDbFor(tx) },
    );
    return download.id;
  });
}

/** The `notify.deliver` jobs queued so far, oldest first. */
export async function notifyJobs(
  world: WorkerWorld,
): Promise<{ data: Record<string, unknown>; state: string }[]> {
  return world.database.db.$queryRaw`
    SELECT data, state::text AS state FROM pgboss.job WHERE name = 'notify.deliver' ORDER BY created_on`;
}
