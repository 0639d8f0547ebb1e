import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestCluster } from './test-cluster.ts';

/**
 * `node --test --test-global-setup=…/global-setup.ts`: one PostgreSQL cluster for the whole run
 * (unless the caller already provides one in TIKSAVR_TEST_SERVER_URL), with a migrated template
 * database that each test file copies into a fresh database of its own (see test-database.ts).
 */
let cleanup: (() => Promise<void>) | null = null;

export async function globalSetup(): Promise<void> {
  if (process.env.TIKSAVR_TEST_SERVER_URL) return;
  const dir = await mkdtemp(join(tmpdir(), 'tiksavr-test-pg-'));
  const cluster = await prepareTestCluster(join(dir, 'pg'));
  process.env.TIKSAVR_TEST_SERVER_URL = cluster.serverUrl;
  cleanup = async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

export async function globalTeardown(): Promise<void> {
  await cleanup?.();
}
