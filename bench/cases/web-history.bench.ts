import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalStorage } from '@tiksavr/storage';
import { encodeHistoryCursor } from '../../apps/web/src/server/downloads/history-cursor.ts';
import { listDownloads } from '../../apps/web/src/server/routers/downloads/list.handler.ts';
import type { UserContext } from '../../apps/web/src/server/trpc.ts';
import { type BenchCase, measureAgainstBaseline, percentile } from '../harness.ts';
import { createSeededRandom } from '../seeded-random.ts';
import { startBenchDatabase } from './web-bench-database.ts';

/**
 * web.historyPage: p95 latency of one history page (`downloads.list`, 30 rows) with 1,000,000
 * Download rows over 1,000 users, mixing what the history screen asks for: the first page, a
 * later page by keyset cursor, a search, and a state filter. Baseline: the same later pages read
 * with OFFSET (what keyset pagination replaces). Target (issue): p95 under 20 ms.
 */

const USERS = 1_000;
const ROWS = 1_000_000;
const TARGET_P95_MS = 20;
const SEED = 20_261_125;
/** The newest row's createdAt; row g is g seconds older. */
const HISTORY_END = Date.parse('2026-11-25T00:00:00Z');

const WORDS = [
  'cat',
  'pasta',
  'dance',
  'travel',
  'recipe',
  'funny',
  'dog',
  'paris',
  'gym',
  'makeup',
  'tutorial',
  'music',
];

async function loadHistory(db: import('@tiksavr/db').Db): Promise<void> {
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  await db.$executeRawUnsafe(
    `INSERT INTO "user" (id, name, email, "updatedAt")
     SELECT 'bench-user-' || u, 'Bench ' || u, 'bench-' || u || '@example.test', now()
     FROM generate_series(0, ${USERS - 1}) AS u`,
  );
  // Load without the secondary indexes, then build them once: far faster than maintaining a
  // trigram index row by row, and the result is the same index.
  await db.$executeRawUnsafe('DROP INDEX "Download_userId_createdAt_id_idx"');
  await db.$executeRawUnsafe('DROP INDEX "Download_searchText_idx"');
  await db.$executeRawUnsafe(
    `INSERT INTO "Download" ("userId", "inputUrl", "canonicalUrl", kind, state, "failureCode", author, caption,
                             "searchText", "bytesDone", "bytesTotal", "createdAt", "updatedAt")
     SELECT 'bench-user-' || (g % ${USERS}),
            url, url,
            (CASE WHEN g % 5 = 0 THEN 'photo' ELSE 'video' END)::"ItemKind",
            (CASE WHEN g % 17 = 0 THEN 'failed' ELSE 'done' END)::"DownloadState",
            CASE WHEN g % 17 = 0 THEN 'private_post' END,
            author, caption,
            lower(author || ' ' || caption || ' ' || url),
            g * 1000, g * 1000,
            timestamp '2026-11-25' - (g || ' seconds')::interval,
            now()
     FROM (
       SELECT g,
              'creator' || (g % 5000) AS author,
              (${words})[1 + g % 12] || ' ' || (${words})[1 + (g / 12) % 12] || ' #' || (${words})[1 + (g / 144) % 12] || ' ' || g AS caption,
              'https://www.tiktok.com/@creator' || (g % 5000) || '/video/' || (7500000000000000000 + g) AS url
       FROM generate_series(1, ${ROWS}) AS g
     ) AS rows`,
  );
  await db.$executeRawUnsafe(
    'CREATE INDEX "Download_userId_createdAt_id_idx" ON "Download" ("userId", "createdAt" DESC, "id" DESC)',
  );
  await db.$executeRawUnsafe(
    'CREATE INDEX "Download_searchText_idx" ON "Download" USING GIN ("searchText" gin_trgm_ops)',
  );
  await db.$executeRawUnsafe('ANALYZE "Download"');
  await db.$executeRawUnsafe('ANALYZE "user"');
}

export const webHistoryCase: BenchCase = {
  name: 'web.historyPage',
  metric: 'p95 latency',
  unit: 'ms',
  target: TARGET_P95_MS,
  higherIsBetter: false,
  run: async () => {
    const database = await startBenchDatabase('history');
    const filesDir = await mkdtemp(join(tmpdir(), 'tiksavr-bench-files-'));
    try {
      const loadStarted = performance.now();
      await loadHistory(database.db);
      const loadSeconds = (performance.now() - loadStarted) / 1000;

      const storage = createLocalStorage(filesDir);
      const random = createSeededRandom(SEED);
      const contextFor = (index: number): UserContext => ({
        db: database.db,
        boss: async () => database.boss,
        storage,
        user: { id: `bench-user-${index}`, email: '', name: '', role: 'user' },
      });
      // A later page starts at a keyset position somewhere in the user's history (rows span ~11.6 days).
      const randomCursor = () =>
        encodeHistoryCursor({
          createdAt: new Date(HISTORY_END - random.int(1, ROWS - 1) * 1000),
          id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        });
      const KINDS = ['first page', 'later page', 'search', 'state filter'] as const;
      const timesByKind = new Map<string, number[]>(KINDS.map((kind) => [kind, []]));
      let rep = 0;
      const page = async () => {
        const ctx = contextFor(random.int(0, USERS - 1));
        const kind = KINDS[rep++ % KINDS.length] ?? 'first page';
        const input =
          kind === 'first page'
            ? { limit: 30 }
            : kind === 'later page'
              ? { limit: 30, cursor: randomCursor() }
              : kind === 'search'
                ? { limit: 30, q: random.pick(WORDS) }
                : { limit: 30, state: 'failed' as const };
        const started = performance.now();
        const { items } = await listDownloads(ctx, input);
        timesByKind.get(kind)?.push(performance.now() - started);
        return items.length;
      };
      const offsetPage = async () => {
        const user = `bench-user-${random.int(0, USERS - 1)}`;
        const rows = await database.db.download.findMany({
          where: { userId: user },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: 30 * random.int(1, 30),
          take: 30,
        });
        return rows.length;
      };
      const { candidate, baseline } = await measureAgainstBaseline(page, offsetPage, 1, {
        warmupReps: 20,
        reps: 400,
      });
      const p95Of = (kind: string) => {
        const times = [...(timesByKind.get(kind) ?? [])].sort((a, b) => a - b);
        return Math.round(percentile(times, 0.95) * 100) / 100;
      };
      const rowCount = await database.db.download.count();
      if (rowCount !== ROWS) throw new Error(`expected ${ROWS} rows, found ${rowCount}`);
      return {
        value: candidate.p95Ms,
        baseline: baseline.p95Ms,
        details: {
          rows: rowCount,
          users: USERS,
          medianMs: candidate.medianMs,
          firstPageP95Ms: p95Of('first page'),
          laterPageP95Ms: p95Of('later page'),
          searchP95Ms: p95Of('search'),
          stateFilterP95Ms: p95Of('state filter'),
          loadSeconds: Math.round(loadSeconds),
          baseline: 'OFFSET pagination (Prisma skip/take) of pages 2–31',
        },
      };
    } finally {
      await database.stop();
      await rm(filesDir, { recursive: true, force: true });
    }
  },
};
