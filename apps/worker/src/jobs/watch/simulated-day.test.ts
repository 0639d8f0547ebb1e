import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedUser } from '@tiksavr/db/testing';
import type { SimRequestLogEntry } from '@tiksavr/tiktok-sim';
import { createSeededRandom } from '../../../../../bench/seeded-random.ts';
import {
  setRequestsPerMinute,
  setWatchIntervals,
  waitUntil,
  watchCreator,
} from '../../test-support/watch-fixture.ts';
import { createWorkerWorld, type WorkerWorld } from '../../test-support/worker-fixture.ts';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../worker-process-options.ts';

/**
 * Issue #12's "simulated day", compressed: 200 watched creators post stories at random (seeded)
 * times while two worker processes check them; some stories are taken down early. A day of
 * 24-hour stories becomes two minutes by backdating each story (the sim's ageSeconds) so that it
 * has under a minute left, and by checking every 30 s (the admin's interval settings, in
 * seconds). Proved from the simulator's own request log: every story still up at a check is
 * saved, for every watcher, before it expires, and no 60 s window holds more requests than the
 * budget allows (plus one slot).
 */
const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

const CREATORS = 200;
const STORIES = 150;
const INTERVAL_SECONDS = 30;
const REQUESTS_PER_MINUTE = 480;
/** Stories are posted during this many seconds after the workers start. */
const POSTING_SECONDS = 40;
/** What is left of a story's 24 hours when it is posted. */
const LIFETIME_LEFT_SECONDS = { min: 35, max: 65 };
/** A check this long before a story's end must still save it in time. */
const SAVE_MARGIN_MS = 10_000;
const DAY_SECONDS = 24 * 3600;

let world: WorkerWorld;
const workers: { child: ChildProcess; checks: number }[] = [];

before(async () => {
  world = await createWorkerWorld('simday');
  // An in-process worker creates the queues and the tick's schedule, then leaves the work to the processes.
  await (await world.startWorker()).stop();
  await setWatchIntervals(world.database.db, { defaultSeconds: INTERVAL_SECONDS, minSeconds: 10 });
  await setRequestsPerMinute(world.database.db, REQUESTS_PER_MINUTE);
});
after(async () => {
  for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
  await world?.close();
});

function spawnWorker(): { child: ChildProcess; checks: number } {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, MAIN], {
    env: {
      ...process.env,
      ...world.env({ WORKER_CONCURRENCY: '4', WORKER_WATCH_CONCURRENCY: '2' }),
      ...workerProcessEnv(REPO_ROOT),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const entry = { child, checks: 0 };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (line.includes('"msg":"creator checked"')) entry.checks += 1;
    else if (line.includes('"level":50') || line.includes('"level":60')) process.stderr.write(`${line}\n`);
  });
  workers.push(entry);
  return entry;
}

type Posted = {
  id: string;
  creator: number;
  postedAt: number;
  deadline: number;
  deletedAt: number | null;
};

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** The most requests any 60 s window of the log holds. */
function busiestMinute(entries: readonly SimRequestLogEntry[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < entries.length; end++) {
    while ((entries[end]?.at ?? 0) - (entries[start]?.at ?? 0) >= 60_000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('a simulated day of watching', () => {
  test('200 creators, two worker processes: every story up at a check is saved in time, for every watcher, within the budget', async (t) => {
    const { db } = world.database;
    const random = createSeededRandom(20_261_204);
    const users = [world.userId, (await seedUser(db)).id, (await seedUser(db)).id];
    const handles: string[] = [];
    const watchers = new Map<number, string[]>();
    const authorIds: string[] = [];
    const startAt = Date.now();
    for (let index = 0; index < CREATORS; index++) {
      const handle = `day_creator_${index}`;
      const made = world.sim.addCreator({ handle });
      handles.push(handle);
      authorIds.push(made.tiktokId);
      const firstDue = new Date(startAt + random.next() * INTERVAL_SECONDS * 1000);
      const owners = [users[index % 3] as string];
      if (index % 7 === 0) owners.push(users[(index + 1) % 3] as string);
      for (const owner of owners) {
        const { creator } = await watchCreator(db, owner, handle, { nextCheckAt: firstDue });
        // Most were watched before today (their profile is known); every tenth is new.
        if (index % 10 !== 0) {
          await db.creator.update({
            where: { id: creator.id },
            data: { tiktokId: made.tiktokId, secUid: made.secUid, lastProfileAt: new Date() },
          });
        }
      }
      watchers.set(index, owners);
    }

    world.sim.clearRequests();
    const processes = [spawnWorker(), spawnWorker()];
    await waitUntil(
      'two live workers',
      async () =>
        (await db.workerHeartbeat.count({ where: { lastSeenAt: { gt: new Date(Date.now() - 5000) } } })) >= 2,
      30_000,
    );

    // The day's stories, in time order: when each is posted, and when some are taken down early.
    const t0 = Date.now();
    const plan = Array.from({ length: STORIES }, () => {
      const postAt = t0 + random.next() * POSTING_SECONDS * 1000;
      const left = random.int(LIFETIME_LEFT_SECONDS.min, LIFETIME_LEFT_SECONDS.max);
      const deleteAfterMs = random.next() < 0.15 ? random.int(3, 30) * 1000 : null;
      return { postAt, left, creator: random.int(0, CREATORS - 1), deleteAfterMs };
    }).sort((a, b) => a.postAt - b.postAt);
    const posted: Posted[] = [];
    const deletions: { at: number; story: Posted }[] = [];
    const runDeletionsUntil = async (until: number) => {
      deletions.sort((a, b) => a.at - b.at);
      while (deletions.length > 0 && (deletions[0]?.at ?? 0) <= until) {
        const next = deletions.shift() as { at: number; story: Posted };
        await sleepUntil(next.at);
        world.sim.deleteItem(next.story.id);
        next.story.deletedAt = Date.now();
      }
    };
    for (const step of plan) {
      await runDeletionsUntil(step.postAt);
      await sleepUntil(step.postAt);
      const story = world.sim.addStory(handles[step.creator] as string, {
        ageSeconds: DAY_SECONDS - step.left,
      });
      const entry: Posted = {
        id: story.id,
        creator: step.creator,
        postedAt: Date.now(),
        deadline: Date.parse(story.expiresAt ?? ''),
        deletedAt: null,
      };
      posted.push(entry);
      if (step.deleteAfterMs !== null)
        deletions.push({ at: entry.postedAt + step.deleteAfterMs, story: entry });
    }
    await runDeletionsUntil(Number.POSITIVE_INFINITY);
    await sleepUntil(Math.max(...posted.map((story) => story.deadline)) + 1000);
    await waitUntil(
      'the last downloads to end',
      async () =>
        (await db.download.count({ where: { state: { in: ['queued', 'resolving', 'downloading'] } } })) === 0,
      20_000,
    );
    for (const { child } of processes) child.kill('SIGTERM');
    await Promise.all(processes.map(({ child }) => (child.exitCode === null ? once(child, 'exit') : null)));

    const log = world.sim.requests();
    const listedAt = new Map<string, number[]>();
    for (const entry of log) {
      if (!entry.path.startsWith('/api/story/item_list')) continue;
      const authorId = new URL(entry.path, world.sim.origin).searchParams.get('authorId') ?? '';
      listedAt.set(authorId, [...(listedAt.get(authorId) ?? []), entry.at]);
    }
    const downloads = await db.download.findMany({ where: { origin: 'watch' } });
    let upAtACheck = 0;
    let savedInTime = 0;
    const problems: string[] = [];
    for (const story of posted) {
      const end = Math.min(story.deadline, story.deletedAt ?? Number.POSITIVE_INFINITY);
      const checks = (listedAt.get(authorIds[story.creator] as string) ?? []).filter(
        (at) => at > story.postedAt + 5 && at < end - 200,
      );
      if (checks.length === 0) continue;
      upAtACheck++;
      const mine = downloads.filter((d) => d.canonicalUrl.endsWith(`/${story.id}`));
      const owners = watchers.get(story.creator) ?? [];
      if (mine.length !== owners.length) {
        problems.push(`${story.id}: ${mine.length} downloads for ${owners.length} watchers`);
        continue;
      }
      // Taken down early, it may end as "removed": captured is what counts; in time is for the rest.
      if (story.deletedAt !== null || (checks[0] ?? 0) > story.deadline - SAVE_MARGIN_MS) continue;
      for (const download of mine) {
        const inTime =
          download.state === 'done' && (download.finishedAt?.getTime() ?? Infinity) <= story.deadline;
        if (!inTime)
          problems.push(
            `${story.id}: ${download.state} ${download.failureCode} at ${download.finishedAt?.toISOString()}`,
          );
      }
      savedInTime++;
    }
    const budgeted = log.filter((entry) => entry.kind !== 'media');
    const most = busiestMinute(budgeted);
    const checksDone = processes.reduce((sum, p) => sum + p.checks, 0);
    t.diagnostic(
      `${posted.length} stories, ${upAtACheck} up at a check, ${savedInTime} saved in time; ` +
        `${checksDone} checks (${processes.map((p) => p.checks).join(' + ')}); busiest minute ${most} requests`,
    );
    assert.deepEqual(problems, []);
    assert.ok(upAtACheck >= STORIES * 0.7, `${upAtACheck} of ${STORIES} stories were up at a check`);
    assert.ok(savedInTime >= STORIES * 0.5, `${savedInTime} stories saved in time`);

    assert.ok(
      most <= REQUESTS_PER_MINUTE + 1,
      `${most} requests in one 60 s window (budget ${REQUESTS_PER_MINUTE}/min)`,
    );
    assert.ok(
      processes.every(({ checks }) => checks > 0),
      `both processes checked creators (${processes.map((p) => p.checks).join(', ')})`,
    );
    assert.ok(checksDone >= CREATORS * 2, `${checksDone} checks of ${CREATORS} creators`);
  });
});
