import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { embeddedPostgresBinaryFolder, grantPostgresPathAccess } from './postgres-path-access.ts';

const asRoot = process.getuid?.() === 0;
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function lockedFolder(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'tiksavr-0700-'));
  cleanups.push(() => rm(base, { recursive: true, force: true }));
  await chmod(base, 0o755); // mkdtemp makes it 0700 too; only `home` plays the locked folder
  const home = join(base, 'home');
  await mkdir(join(home, 'project'), { recursive: true });
  await chmod(home, 0o700);
  return home;
}

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o7777;
}

describe('postgres path access', () => {
  test('finds the embedded binaries', async () => {
    const folder = await embeddedPostgresBinaryFolder();
    assert.ok(folder?.endsWith('native'), String(folder));
  });

  test('adds only the search bit for others, only where it is missing', async (t) => {
    if (!asRoot) return t.diagnostic('runs as root only: postgres runs as the current user otherwise');
    const home = await lockedFolder();
    const changes = grantPostgresPathAccess([join(home, 'project', 'data')]);
    assert.deepEqual(
      changes.map((c) => [c.folder, c.from, c.to]),
      [[home, 0o700, 0o701]],
    );
    assert.equal(await modeOf(home), 0o701);
    assert.deepEqual(grantPostgresPathAccess([join(home, 'project')]), [], 'a second call changes nothing');
  });

  test('a cluster inside a folder only root may enter starts', async (t) => {
    if (!asRoot) return t.diagnostic('runs as root only');
    const home = await lockedFolder();
    const notices: string[] = [];
    const server = await startEmbeddedPostgres({
      clusterDir: join(home, 'project', '.data', 'pg'),
      settings: { fsync: 'off' },
      onNotice: (message) => notices.push(message),
    });
    cleanups.push(server.stop);
    const client = new pg.Client({ connectionString: server.serverUrl });
    await client.connect();
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    await client.end();
    assert.equal(rows[0]?.one, 1);
    assert.equal(notices.length, 1);
    assert.match(notices[0] ?? '', /o\+x/);
  });
});
