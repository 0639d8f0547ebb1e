/**
 * Test and bench support: one process that keeps the budget busy, standing for a worker whose
 * jobs all wait for TikTok. `HAMMER_LOOPS` requesters each acquire a slot (and, with
 * `HAMMER_TARGET`, GET that URL once the slot is granted) again and again, until `HAMMER_REQUESTS`
 * slots were taken or `HAMMER_DURATION_MS` passed. Prints `hammer ready`, then
 * `hammer done {"granted":N,"cpuMs":M}` (M: this process's CPU time from the start until done).
 *
 * Env: DATABASE_URL, HAMMER_HOLDER, HAMMER_RATE (requests/min), HAMMER_LOOPS (3),
 * HAMMER_REQUESTS, HAMMER_DURATION_MS, HAMMER_TARGET, HAMMER_PURPOSE (download),
 * HAMMER_START_AT (epoch ms to begin at, so several processes start together).
 */
import { isAppError } from '@tiksavr/core';
import { createDb } from '@tiksavr/db';
import { createLogger } from '../../logger.ts';
import type { BudgetPurpose } from '../budget-types.ts';
import { createUpstreamBudget } from '../create-upstream-budget.ts';

const env = process.env;
const db = createDb({ url: env.DATABASE_URL ?? '', maxConnections: 2 });
const rate = Number(env.HAMMER_RATE ?? 600);
const loops = Number(env.HAMMER_LOOPS ?? 3);
const limit = env.HAMMER_REQUESTS === undefined ? Number.POSITIVE_INFINITY : Number(env.HAMMER_REQUESTS);
const purpose = (env.HAMMER_PURPOSE ?? 'download') as BudgetPurpose;
const budget = createUpstreamBudget({
  db,
  holderId: env.HAMMER_HOLDER ?? `hammer-${process.pid}`,
  log: createLogger(env.LOG_LEVEL ?? 'warn'),
  requestsPerMinute: () => rate,
});

await db.$queryRaw`SELECT 1`;
console.log('hammer ready');
const startAt = Number(env.HAMMER_START_AT ?? 0);
if (startAt > Date.now()) await new Promise((r) => setTimeout(r, startAt - Date.now()));

const cpuAtStart = process.cpuUsage();
let taken = 0;
let granted = 0;
let stopping = false;
const stop = () => {
  stopping = true;
  void budget.close();
};
process.once('SIGTERM', stop);
if (env.HAMMER_DURATION_MS !== undefined) setTimeout(stop, Number(env.HAMMER_DURATION_MS)).unref();

async function requester(): Promise<void> {
  while (!stopping && taken < limit) {
    taken++;
    const claim = { purpose, dueAt: new Date() };
    try {
      await budget.acquire(claim);
      if (env.HAMMER_TARGET !== undefined) await (await fetch(env.HAMMER_TARGET)).arrayBuffer();
      granted++;
    } catch (error) {
      if (isAppError(error) && error.code === 'canceled') return;
      throw error;
    }
  }
}

await Promise.all(Array.from({ length: loops }, requester));
const cpu = process.cpuUsage(cpuAtStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
await budget.close();
await db.$disconnect();
console.log(`hammer done ${JSON.stringify({ granted, cpuMs })}`);
