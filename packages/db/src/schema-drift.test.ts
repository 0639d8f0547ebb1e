import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { databaseShape, databaseShapeWith } from './drift/database-shape.ts';
import { type Datamodel, expectedShape } from './drift/expected-shape.ts';
import { diffShapes } from './drift/shape.ts';
import { migrate } from './migrator.ts';
import { createEmptyDatabase } from './testing/index.ts';

/**
 * Proves the hand-written migrations create exactly what prisma/schema.prisma describes: tables,
 * columns, types, nullability, defaults, indexes, foreign keys and enums. The expected side comes
 * from the schema's DMMF, produced by `prisma generate` with scripts/dmmf-generator.ts.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = join(packageDir, 'prisma', 'schema.prisma');
const exec = promisify(execFile);

/** Runs `prisma generate` on a schema text with only the DMMF generator; returns its datamodel. */
async function datamodelOf(schemaText: string): Promise<Datamodel> {
  const dir = await mkdtemp(join(tmpdir(), 'tiksavr-dmmf-'));
  try {
    const generatorScript = join(packageDir, 'scripts', 'dmmf-generator.ts');
    const output = join(dir, 'dmmf.json');
    const onlyDmmf = schemaText
      .replace(/generator\s+\w+\s*\{[^}]*\}/g, '')
      .concat(`\ngenerator dmmf {\n  provider = "node ${generatorScript}"\n  output = "${output}"\n}\n`);
    await writeFile(join(dir, 'schema.prisma'), onlyDmmf);
    const bin = join(packageDir, '..', '..', 'node_modules', '.bin');
    await exec(join(bin, 'prisma'), ['generate', '--schema', join(dir, 'schema.prisma')], {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH}`,
        CHECKPOINT_DISABLE: '1',
        PRISMA_SCHEMA_ENGINE_BINARY: join(packageDir, 'scripts', 'no-schema-engine.sh'),
      },
    });
    return JSON.parse(await readFile(output, 'utf8')) as Datamodel;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('schema drift', () => {
  let url = '';
  let drop: () => Promise<void> = async () => {};
  let schemaText = '';

  before(async () => {
    const database = await createEmptyDatabase('drift');
    url = database.url;
    drop = database.drop;
    await migrate(url);
    schemaText = await readFile(schemaFile, 'utf8');
  });
  after(() => drop());

  test('the migrated database matches schema.prisma exactly', async () => {
    const differences = diffShapes(expectedShape(await datamodelOf(schemaText)), await databaseShape(url));
    assert.deepEqual(differences, []);
  });

  test('a schema change without a migration is caught', async () => {
    const changed = schemaText
      .replace('model Item {\n', 'model Item {\n  viewCount  Int       @default(0)\n')
      .replace('  musicTitle String?\n', '  musicTitle String\n')
      .replace('@@index([itemId])', '@@index([itemId, state])');
    assert.notEqual(changed, schemaText);
    const differences = diffShapes(expectedShape(await datamodelOf(changed)), await databaseShape(url));
    assert.ok(
      differences.some((d) => d.includes('Item.viewCount') || d.includes('viewCount')),
      differences.join('\n'),
    );
    assert.ok(
      differences.some((d) => d.includes('Item.musicTitle: nullable')),
      differences.join('\n'),
    );
    assert.ok(
      differences.some((d) => d.includes('Download_itemId_state_idx')),
      differences.join('\n'),
    );
  });

  test('a database change outside migrations is caught', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('DROP INDEX "Download_searchText_idx"');
      await client.query('ALTER TABLE "Asset" ALTER COLUMN "codec" SET DEFAULT \'h264\'');
      const differences = diffShapes(
        expectedShape(await datamodelOf(schemaText)),
        await databaseShapeWith(client),
      );
      assert.ok(
        differences.some((d) => d.includes('Download_searchText_idx')),
        differences.join('\n'),
      );
      assert.ok(
        differences.some((d) => d.includes('Asset.codec: default')),
        differences.join('\n'),
      );
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
