import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOBS, parseJobPayload } from '@tiksavr/core';
import { fromPrisma } from '@tiksavr/db';
import { createLocalStorage } from '@tiksavr/storage';
import { createCaller } from '../../apps/web/src/server/routers/app.ts';
import { type BenchCase, measureAgainstBaseline } from '../harness.ts';
import { startBenchDatabase } from './web-bench-database.ts';

/**
 * web.submit50: one `downloads.submit` with 50 links, end to end through the tRPC caller (pre-check,
 * one transaction with the batched Download insert and the batched pg-boss insert, NOTIFY).
 * Baseline: the obvious implementation, one transaction per link (row + `boss.send`), in the same
 * run. Target from the issue: < 300 ms.
 */

const LINKS = 50;
const TARGET_MS = 300;

let nextId = 7_524_919_459_643_000_000n;
function pastedLinks(): string {
  const lines: string[] = [];
  for (let index = 0; index < LINKS; index++) lines.push(`https://www.tiktok.com/@creator/video/${nextId++}`);
  return lines.join('\n');
}

export const webSubmitCase: BenchCase = {
  name: 'web.submit50',
  metric: 'p95 latency',
  unit: 'ms',
  target: TARGET_MS,
  higherIsBetter: false,
  run: async () => {
    const database = await startBenchDatabase('submit');
    const filesDir = await mkdtemp(join(tmpdir(), 'tiksavr-bench-files-'));
    try {
      const user = await database.db.user.create({
        data: { id: randomUUID(), name: 'Bench', email: 'bench-submit@example.test' },
      });
      const caller = createCaller({
        db: database.db,
        boss: async () => database.boss,
        storage: createLocalStorage(filesDir),
        user: { id: user.id, email: user.email, name: user.name, role: 'user' },
      });
      const submit = async () => {
        const { results } = await caller.downloads.submit({ text: pastedLinks() });
        return results.filter((result) => result.ok).length;
      };
      const onePerTransaction = async () => {
        let saved = 0;
        for (let index = 0; index < LINKS; index++) {
          const url = `https://www.tiktok.com/@creator/video/${nextId++}`;
          await database.db.$transaction(async (tx) => {
            const row = await tx.download.create({
              data: { userId: user.id, inputUrl: url, canonicalUrl: url, kind: 'video', searchText: url },
            });
            const jobId = await database.boss.send(
              'media.download',
              parseJobPayload('media.download', { downloadId: row.id }),
              { ...JOBS['media.download'].queue, db: fromPrisma(tx) },
            );
            await tx.download.update({ where: { id: row.id }, data: { jobId } });
          });
          saved++;
        }
        return saved;
      };
      const { candidate, baseline } = await measureAgainstBaseline(submit, onePerTransaction, LINKS, {
        warmupReps: 3,
        reps: 30,
      });
      if (candidate.lastResult !== LINKS)
        throw new Error(`only ${candidate.lastResult} of ${LINKS} links saved`);
      const jobs = await database.db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM pgboss.job WHERE name = 'media.download'`;
      const rows = await database.db.download.count();
      if (Number(jobs[0]?.count ?? 0) !== rows) throw new Error(`${rows} rows but ${jobs[0]?.count} jobs`);
      return {
        value: candidate.p95Ms,
        baseline: baseline.p95Ms,
        details: {
          medianMs: candidate.medianMs,
          links: LINKS,
          baseline: 'one transaction per link (row + boss.send + jobId update)',
        },
      };
    } finally {
      await database.stop();
      await rm(filesDir, { recursive: true, force: true });
    }
  },
};
