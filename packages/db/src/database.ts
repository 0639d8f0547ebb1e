import { join } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrator.ts';

export type OpenDatabaseOptions = {
  /** When set, this server is used as is and nothing is started. */
  databaseUrl?: string | undefined;
  /** Where the embedded cluster lives (`<dataDir>/pg`). */
  dataDir: string;
  databaseName?: string;
  onLog?: (message: string) => void;
  onNotice?: (message: string) => void;
};

export type OpenDatabase = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/**
 * The product's database: `DATABASE_URL` when given, otherwise an embedded PostgreSQL in the data
 * folder (started, or adopted when already running). Migrations are applied either way.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    await migrate(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    clusterDir: join(options.dataDir, 'pg'),
    onLog: options.onLog,
    onNotice: options.onNotice,
  });
  try {
    const url = await ensureDatabase(server.serverUrl, options.databaseName ?? 'tiksavr');
    await migrate(url);
    return { url, embedded: true, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
