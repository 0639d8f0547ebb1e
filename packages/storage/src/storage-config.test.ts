import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { z } from 'zod';
import {
  checkStorageEnv,
  describeStorage,
  parseStorageEnv,
  STORAGE_ENV,
  storageConfigFrom,
} from './storage-config.ts';

const problemsOf = (env: Record<string, string>) => {
  const parsed = parseStorageEnv(env, '/data');
  assert.equal(parsed.ok, false, JSON.stringify(env));
  return parsed.ok ? [] : parsed.problems;
};

describe('storage config from the environment', () => {
  test('no STORAGE_URL (or an empty one): the local folder under DATA_DIR', () => {
    assert.deepEqual(storageConfigFrom({}, '.data'), { kind: 'local', root: resolve('.data') });
    assert.deepEqual(storageConfigFrom({ STORAGE_URL: '  ' }, '/data'), { kind: 'local', root: '/data' });
    assert.equal(describeStorage(storageConfigFrom({}, '/data')), 'folder /data/media');
  });

  test('file:///path is a local store rooted there', () => {
    assert.deepEqual(storageConfigFrom({ STORAGE_URL: 'file:///srv/tiksavr' }, '/data'), {
      kind: 'local',
      root: '/srv/tiksavr',
    });
    assert.equal(problemsOf({ STORAGE_URL: 'file://host/srv' })[0]?.variable, 'STORAGE_URL');
  });

  test('s3://bucket/prefix with endpoint, credentials and path style', () => {
    const config = storageConfigFrom(
      {
        STORAGE_URL: 's3://media-bucket/tiksavr/prod/',
        S3_ENDPOINT: 'http://127.0.0.1:9000/',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
      },
      '/data',
    );
    assert.deepEqual(config, {
      kind: 's3',
      localRoot: '/data',
      s3: {
        bucket: 'media-bucket',
        prefix: 'tiksavr/prod',
        endpoint: 'http://127.0.0.1:9000',
        region: 'us-east-1',
        forcePathStyle: true, // default with a custom endpoint
        credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      },
    });
    assert.equal(describeStorage(config), 's3://media-bucket/tiksavr/prod at http://127.0.0.1:9000');
    assert.doesNotMatch(describeStorage(config), /secret/);
  });

  test('AWS itself: no endpoint, virtual-hosted addressing, the SDK finds credentials', () => {
    const config = storageConfigFrom({ STORAGE_URL: 's3://my.bucket', S3_REGION: 'eu-west-3' }, '/data');
    assert.equal(config.kind, 's3');
    if (config.kind !== 's3') return;
    assert.equal(config.s3.prefix, '');
    assert.equal(config.s3.endpoint, undefined);
    assert.equal(config.s3.forcePathStyle, false);
    assert.equal(config.s3.credentials, undefined);
    assert.equal(config.s3.region, 'eu-west-3');
    const forced = storageConfigFrom(
      { STORAGE_URL: 's3://my.bucket', S3_ENDPOINT: 'https://s3.example.net', S3_FORCE_PATH_STYLE: 'false' },
      '/data',
    );
    assert.equal(forced.kind === 's3' && forced.s3.forcePathStyle, false);
  });

  test('each mistake names its variable', () => {
    assert.equal(problemsOf({ STORAGE_URL: 'ftp://x/y' })[0]?.variable, 'STORAGE_URL');
    assert.equal(problemsOf({ STORAGE_URL: 'not a url' })[0]?.variable, 'STORAGE_URL');
    assert.equal(problemsOf({ STORAGE_URL: 's3://Bad_Bucket/x' })[0]?.variable, 'STORAGE_URL');
    assert.equal(problemsOf({ STORAGE_URL: 's3://bucket/a/../b' })[0]?.variable, 'STORAGE_URL');
    assert.equal(problemsOf({ STORAGE_URL: 's3://bucket/%2e%2e/b' })[0]?.variable, 'STORAGE_URL');
    assert.equal(problemsOf({ STORAGE_URL: 's3://user:pw@bucket/x' })[0]?.variable, 'STORAGE_URL');
    assert.equal(
      problemsOf({ STORAGE_URL: 's3://bucket', S3_ENDPOINT: 'localhost:9000' })[0]?.variable,
      'S3_ENDPOINT',
    );
    assert.equal(
      problemsOf({ STORAGE_URL: 's3://bucket', S3_ACCESS_KEY_ID: 'id' })[0]?.variable,
      'S3_SECRET_ACCESS_KEY',
    );
    assert.equal(
      problemsOf({ STORAGE_URL: 's3://bucket', S3_FORCE_PATH_STYLE: 'maybe' })[0]?.variable,
      'S3_FORCE_PATH_STYLE',
    );
    assert.throws(() => storageConfigFrom({ STORAGE_URL: 'ftp://x' }, '/data'), /STORAGE_URL: /);
  });

  test('in an env schema the problems come out under the variable names', () => {
    const schema = z
      .object({ DATA_DIR: z.string().default('.data'), ...STORAGE_ENV })
      .superRefine(checkStorageEnv);
    const bad = schema.safeParse({ STORAGE_URL: 's3://bucket', S3_SECRET_ACCESS_KEY: 'secret' });
    assert.equal(bad.success, false);
    assert.deepEqual(
      bad.error?.issues.map((issue) => issue.path.join('.')),
      ['S3_ACCESS_KEY_ID'],
    );
    const good = schema.safeParse({ STORAGE_URL: 's3://bucket/p', S3_ENDPOINT: 'http://127.0.0.1:9000' });
    assert.equal(good.success, true);
    assert.equal(good.data?.STORAGE_URL, 's3://bucket/p');
  });
});
