import { ensureDatabase, startEmbeddedPostgres } from '../embedded-postgres.ts';
import { migrate } from '../migrator.ts';
import { createBoss } from '../queue.ts';
import { TEMPLATE_DATABASE } from './test-database.ts';

/** Durability off: test data is thrown away, and fsync dominates test time on this disk. */
const TEST_SERVER_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
};

/** Starts a throwaway cluster and builds the migrated template (our schema + pg-boss's). */
export async function prepareTestCluster(clusterDir: string) {
  const server = await startEmbeddedPostgres({ clusterDir, settings: TEST_SERVER_SETTINGS });
  const templateUrl = await ensureDatabase(server.serverUrl, TEMPLATE_DATABASE);
  await migrate(templateUrl);
  const boss = createBoss({ url: templateUrl, role: 'consumer', onError: () => {}, maxConnections: 2 });
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  return server;
}
