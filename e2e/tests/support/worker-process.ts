import { hostname } from 'node:os';
import { expect, type Page } from '@playwright/test';

type WorkerRow = { id: string; host: string; pid: number; stale: boolean };

/**
 * Freezes the demo's worker process (SIGSTOP) and thaws it again (SIGCONT): the honest way to get
 * "no live worker" from outside the product. A frozen process is what a hung worker looks like to
 * everything else: its heartbeats stop, its row goes stale, queued jobs stay queued; nothing in the
 * product is told or faked. The worker is a child of the `npm run demo` that Playwright itself
 * started on this machine; its pid comes from the admin's Workers data, checked against this host.
 * `page` must be signed in as the admin.
 */
export async function freezeWorker(page: Page): Promise<{ thaw: () => void }> {
  const response = await page.request.get('/api/trpc/admin.workers.list');
  expect(response.ok(), `admin.workers.list answered ${response.status()}`).toBe(true);
  const { workers } = ((await response.json()) as { result: { data: { workers: WorkerRow[] } } }).result.data;
  const live = workers.filter((worker) => !worker.stale && worker.host === hostname());
  expect(live.length, 'exactly one live worker of the demo on this machine').toBe(1);
  const pid = live[0]?.pid ?? 0;
  process.kill(pid, 'SIGSTOP');
  let thawed = false;
  return {
    thaw: () => {
      if (thawed) return;
      thawed = true;
      process.kill(pid, 'SIGCONT');
    },
  };
}
