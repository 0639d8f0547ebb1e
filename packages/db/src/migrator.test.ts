import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { DEFAULT_MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from './migrator.ts';
import { createEmptyDatabase } from './testing/index.ts';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function emptyDatabase() {
  const database = await createEmptyDatabase('migrator');
  cleanups.push(database.drop);
  return database.url;
}

async function copyOfMigrations() {
  const dir = await mkdtemp(join(tmpdir(), 'tiksavr-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  test('applies every migration in order and records it like Prisma does', async () => {
    const url = await emptyDatabase();
    const names = (await readMigrations()).map((m) => m.name);
    const result = await migrate(url);
    assert.deepEqual(result.applied, names);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    assert.deepEqual(
      rows.map((r) => r.migration_name),
      names,
    );
    assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.applied_steps_count === 1));
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    assert.ok(tables.some((t) => t.tablename === 'Download'));
  });

  test('a second run applies nothing and changes nothing', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const second = await migrate(url);
    assert.deepEqual(second.applied, []);
    assert.equal(second.alreadyApplied.length, (await readMigrations()).length);
    const [count] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    assert.equal(Number(count?.n), second.alreadyApplied.length);
  });

  test('refuses to run when an applied migration file was changed', async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    assert.ok(first);
    const file = join(dir, first.name, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited after the fact\n`);
    await assert.rejects(migrate(url, { migrationsDir: dir }), (error: unknown) => {
      assert.ok(error instanceof MigrationError);
      assert.match(error.message, /was changed after it was applied/);
      return true;
    });
  });

  test('a failing migration rolls back completely and is not recorded', async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { migrationsDir: dir });
    const broken = join(dir, '99990101000000_broken');
    await cp(join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await writeFile(
      join(broken, 'migration.sql'),
      'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n',
    );
    await assert.rejects(
      migrate(url, { migrationsDir: dir }),
      /99990101000000_broken failed and was rolled back/,
    );
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'",
    );
    assert.equal(tables.length, 0);
    const recorded = await query(
      url,
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    assert.equal(recorded.length, 0);
  });

  test('two migrators at once: one applies, the other waits and finds nothing to do', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const total = (await readMigrations()).length;
    const appliedCounts = results.map((r) => r.applied.length).sort();
    assert.deepEqual(appliedCounts, [0, 0, total]);
    const [count] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    assert.equal(Number(count?.n), total);
  });
});
