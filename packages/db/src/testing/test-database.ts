import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../client.ts';

/** The migrated database (our schema + pg-boss's) that every test database copies. */
export const TEMPLATE_DATABASE = 'tiksavr_template';

export type TestDatabase = {
  url: string;
  /** The cluster's maintenance URL (for tests that create databases of their own). */
  serverUrl: string;
  db: Db;
  /** Disconnects and drops the database. */
  drop: () => Promise<void>;
};

export function testServerUrl(): string {
  const url = process.env.TIKSAVR_TEST_SERVER_URL;
  if (!url) {
    throw new Error(
      'TIKSAVR_TEST_SERVER_URL is not set: run tests through `npm test` or with --test-global-setup=packages/db/src/testing/global-setup.ts',
    );
  }
  return url;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty database (no migrations) on the shared test cluster. */
export async function createEmptyDatabase(
  prefix = 'empty',
): Promise<{ url: string; drop: () => Promise<void> }> {
  return createFrom(null, prefix);
}

/** A fresh database for one test file: a copy of the migrated template, with a Prisma client. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const { url, drop } = await createFrom(TEMPLATE_DATABASE, prefix);
  const db = createDb({ url, maxConnections: 5 });
  return {
    url,
    serverUrl: testServerUrl(),
    db,
    drop: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

async function createFrom(template: string | null, prefix: string) {
  const serverUrl = testServerUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
    // Concurrent copies of one template can collide ("source database is being accessed"): retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 50 + attempt * 25));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
