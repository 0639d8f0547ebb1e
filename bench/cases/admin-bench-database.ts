import { type BenchDatabase, startBenchDatabase } from './web-bench-database.ts';

/**
 * The admin benchmarks' shared database: 1,000,000 Downloads over the last 30 days (about 33,000 a
 * day, so the overview's 24-hour windows hold a realistic day), 2,000 users, the usual mix of end
 * states, 10 % stories, and a queue of work in progress. Loaded once per bench process and shared
 * by the admin cases: each case acquires it synchronously at the start of its run and releases it at
 * the end; it is stopped (cluster deleted) when a release is not followed by another acquire in the
 * same turn of the event loop, i.e. after the last admin case the runner runs.
 */
export const ADMIN_BENCH_ROWS = 1_000_000;
const USERS = 2_000;
const DAYS = 30;

let shared: Promise<BenchDatabase> | null = null;
let users = 0;

export function acquireAdminDatabase(): Promise<BenchDatabase> {
  users++;
  shared ??= startBenchDatabase('admin').then(async (database) => {
    try {
      await loadAdminHistory(database);
    } catch (error) {
      await database.stop();
      throw error;
    }
    return database;
  });
  return shared;
}

export function releaseAdminDatabase(): void {
  users--;
  setTimeout(() => {
    if (users > 0 || !shared) return;
    const stopping = shared;
    shared = null;
    void stopping.then(
      (database) => database.stop(),
      () => {}, // a failed load already stopped its cluster
    );
  }, 0);
}

async function loadAdminHistory({ db }: BenchDatabase): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "user" (id, name, email, "updatedAt")
     SELECT 'admin-bench-' || u, 'Bench ' || u, 'bench-' || u || '@example.test', now()
     FROM generate_series(0, ${USERS - 1}) AS u`,
  );
  const secondary = [
    ['Download_userId_createdAt_id_idx', '("userId", "createdAt" DESC, "id" DESC)'],
    ['Download_state_createdAt_idx', '("state", "createdAt")'],
    ['Download_state_finishedAt_idx', '("state", "finishedAt")'],
    ['Download_itemId_idx', '("itemId")'],
    ['Download_searchText_idx', 'USING GIN ("searchText" gin_trgm_ops)'],
    ['Download_failureMessage_idx', 'USING GIN ("failureMessage" gin_trgm_ops)'],
  ] as const;
  // Load without the secondary indexes, then build each once: far faster than row by row.
  for (const [name] of secondary) await db.$executeRawUnsafe(`DROP INDEX "${name}"`);
  await db.$executeRawUnsafe(
    `INSERT INTO "Download" ("userId", "inputUrl", "canonicalUrl", "itemId", kind, state, "failureCode",
        "failureMessage", "searchText", "storyDeadline", priority, attempts, "createdAt", "startedAt",
        "finishedAt", "updatedAt")
     SELECT 'admin-bench-' || (g % ${USERS}), url, url, NULL,
        (CASE WHEN g % 10 = 0 THEN 'story' WHEN g % 5 = 0 THEN 'photo' ELSE 'video' END)::"ItemKind",
        state::"DownloadState",
        CASE state WHEN 'failed' THEN (ARRAY['network','deleted','private_post','rate_limited'])[1 + g % 4]
                   WHEN 'expired' THEN 'story_expired' WHEN 'canceled' THEN 'canceled' END,
        CASE WHEN state = 'failed' THEN 'TikTok answered with an error ' || (g % 97) END,
        lower(url),
        CASE WHEN g % 10 = 0 THEN created + interval '20 hours' END,
        CASE WHEN g % 10 = 0 THEN 1000 ELSE 0 END,
        CASE WHEN state IN ('queued', 'canceled') THEN 0 ELSE 1 + g % 3 END,
        created,
        CASE WHEN state IN ('queued', 'canceled') THEN NULL ELSE created + ((g % 40) || ' seconds')::interval END,
        CASE WHEN state IN ('queued', 'resolving', 'downloading') THEN NULL
             ELSE created + ((g % 40 + 1 + g % 23) || ' seconds')::interval END,
        now()
     FROM (
       SELECT g,
         now() - make_interval(secs => g::float8 * ${DAYS * 86_400} / ${ADMIN_BENCH_ROWS}) AS created,
         CASE WHEN g <= 2000 THEN 'queued' WHEN g <= 2040 THEN 'resolving' WHEN g <= 2080 THEN 'downloading'
              WHEN g % 20 = 1 THEN 'failed' WHEN g % 100 = 2 THEN 'expired' WHEN g % 100 = 3 THEN 'canceled'
              ELSE 'done' END AS state,
         'https://www.tiktok.com/@creator' || (g % 5000) || '/video/' || (7500000000000000000 + g) AS url
       FROM generate_series(1, ${ADMIN_BENCH_ROWS}) AS g
     ) AS rows`,
  );
  for (const [name, definition] of secondary) {
    await db.$executeRawUnsafe(`CREATE INDEX "${name}" ON "Download" ${definition}`);
  }
  // VACUUM sets the visibility map, so counts can be index-only scans as on a settled database.
  await db.$executeRawUnsafe('VACUUM ANALYZE "Download"');
  await db.$executeRawUnsafe('ANALYZE "user"');
}
