import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Where the media files live, read from the environment — the one place these variables are
 * checked (the worker's and the web app's env.ts both use it):
 *
 * - `STORAGE_URL` unset: the local folder `<DATA_DIR>/media` (partial files in `<DATA_DIR>/tmp`).
 * - `STORAGE_URL=file:///srv/tiksavr`: a local (or mounted) folder as the store's root: files in
 *   `/srv/tiksavr/media`, partial files in `/srv/tiksavr/tmp`, one file system so the final
 *   rename is atomic.
 * - `STORAGE_URL=s3://bucket/prefix`: an S3-compatible bucket, object keys `prefix/ab/<sha256>`;
 *   files are received into `<DATA_DIR>/tmp` first, then uploaded. `S3_ENDPOINT` (unset: AWS),
 *   `S3_REGION` (default us-east-1), `S3_ACCESS_KEY_ID` + `S3_SECRET_ACCESS_KEY` (unset: the AWS
 *   SDK's own lookup: AWS_* variables, profiles, instance roles), `S3_FORCE_PATH_STYLE`
 *   (`endpoint/bucket/key` addressing, for MinIO, Garage, R2…; default: on when S3_ENDPOINT is set).
 */
export const STORAGE_ENV = {
  STORAGE_URL: z.string().optional(),
  S3_ENDPOINT: z.string().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.string().optional(),
};

export type StorageEnv = { readonly [Name in keyof typeof STORAGE_ENV]?: string | undefined };

export type S3Settings = {
  readonly bucket: string;
  /** Without leading or trailing `/`; '' for the bucket's root. */
  readonly prefix: string;
  /** undefined: AWS's own endpoint for the region. */
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly forcePathStyle: boolean;
  /** undefined: the AWS SDK's default credential lookup. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
};

export type StorageConfig =
  | { readonly kind: 'local'; readonly root: string }
  | {
      readonly kind: 's3';
      readonly s3: S3Settings /** Holds `tmp/` for the partial files. */;
      readonly localRoot: string;
    };

type Problem = { readonly variable: keyof typeof STORAGE_ENV; readonly message: string };

/** S3's bucket naming rules (3–63 lower-case letters, digits, dots and hyphens). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A prefix segment: no `.`/`..`, nothing a key could be confused by. */
const PREFIX_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const set = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

function parseBoolean(value: string): boolean | null {
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  return null;
}

/** `.` or `..` as a path segment, also %-encoded (URL parsing would quietly resolve them). */
const DOT_SEGMENT = /\/(\.|%2e){1,2}(\/|$)/i;

function parseS3(text: string, url: URL, env: StorageEnv, problems: Problem[]): S3Settings | null {
  const bucket = url.hostname;
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    problems.push({
      variable: 'STORAGE_URL',
      message: `"${bucket}" is not an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)`,
    });
  }
  if (url.port !== '' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    problems.push({
      variable: 'STORAGE_URL',
      message:
        'write s3://bucket/prefix only: the endpoint goes in S3_ENDPOINT, credentials in S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY',
    });
  }
  let segments: string[] = [];
  try {
    segments = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  } catch {
    segments = ['%'];
  }
  if (
    DOT_SEGMENT.test(text.slice('s3://'.length)) ||
    !segments.every((segment) => PREFIX_SEGMENT.test(segment))
  ) {
    problems.push({
      variable: 'STORAGE_URL',
      message: 'the prefix may hold only letters, digits, ".", "_", "-" and "/" (no "." or ".." parts)',
    });
  }

  const endpoint = set(env.S3_ENDPOINT);
  if (endpoint !== undefined && !/^https?:\/\/[^/]+\/?$/.test(endpoint)) {
    problems.push({
      variable: 'S3_ENDPOINT',
      message: 'must be http(s)://host[:port], e.g. http://127.0.0.1:9000',
    });
  }
  const accessKeyId = set(env.S3_ACCESS_KEY_ID);
  const secretAccessKey = set(env.S3_SECRET_ACCESS_KEY);
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    problems.push({
      variable: accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY',
      message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither',
    });
  }
  const pathStyleText = set(env.S3_FORCE_PATH_STYLE);
  const pathStyle = pathStyleText === undefined ? endpoint !== undefined : parseBoolean(pathStyleText);
  if (pathStyle === null)
    problems.push({ variable: 'S3_FORCE_PATH_STYLE', message: 'must be true or false' });

  if (problems.length > 0) return null;
  return {
    bucket,
    prefix: segments.join('/'),
    endpoint: endpoint?.replace(/\/$/, ''),
    region: set(env.S3_REGION) ?? 'us-east-1',
    forcePathStyle: pathStyle === true,
    credentials:
      accessKeyId === undefined || secretAccessKey === undefined
        ? undefined
        : { accessKeyId, secretAccessKey },
  };
}

/** The store the environment names, or what is wrong with it (each problem names its variable). */
export function parseStorageEnv(
  env: StorageEnv,
  dataDir: string,
): { ok: true; config: StorageConfig } | { ok: false; problems: Problem[] } {
  const localRoot = resolve(dataDir);
  const text = set(env.STORAGE_URL);
  if (text === undefined) return { ok: true, config: { kind: 'local', root: localRoot } };
  const problems: Problem[] = [];
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url?.protocol === 'file:') {
    let path: string | null = null;
    try {
      path = url.host === '' ? fileURLToPath(url) : null;
    } catch {
      // reported below
    }
    if (path === null || !isAbsolute(path)) {
      return {
        ok: false,
        problems: [{ variable: 'STORAGE_URL', message: 'write a folder as file:///absolute/path' }],
      };
    }
    return { ok: true, config: { kind: 'local', root: path } };
  }
  if (url?.protocol === 's3:') {
    const s3 = parseS3(text, url, env, problems);
    return s3 === null ? { ok: false, problems } : { ok: true, config: { kind: 's3', s3, localRoot } };
  }
  return {
    ok: false,
    problems: [
      {
        variable: 'STORAGE_URL',
        message: 'must be s3://bucket/prefix or file:///path (unset: <DATA_DIR>/media)',
      },
    ],
  };
}

/**
 * For an env schema: `z.object({ ...yours, ...STORAGE_ENV }).superRefine(checkStorageEnv)`
 * reports a bad storage setting under its variable's name, like any other variable.
 */
export function checkStorageEnv(env: StorageEnv & { DATA_DIR?: string }, context: z.RefinementCtx): void {
  const parsed = parseStorageEnv(env, env.DATA_DIR ?? '.data');
  if (parsed.ok) return;
  for (const problem of parsed.problems) {
    context.addIssue({ code: 'custom', path: [problem.variable], message: problem.message });
  }
}

/** The store of an environment already checked with `checkStorageEnv`; throws naming the variable otherwise. */
export function storageConfigFrom(env: StorageEnv, dataDir: string): StorageConfig {
  const parsed = parseStorageEnv(env, dataDir);
  if (parsed.ok) return parsed.config;
  throw new Error(parsed.problems.map((problem) => `${problem.variable}: ${problem.message}`).join('; '));
}

/** Where partial files go for a config (for logs and checks). */
export function tempDirOf(config: StorageConfig): string {
  return join(config.kind === 'local' ? config.root : config.localRoot, 'tmp');
}

/** The store in words, for logs and the admin's pages; never a credential. */
export function describeStorage(config: StorageConfig): string {
  if (config.kind === 'local') return `folder ${join(config.root, 'media')}`;
  const { bucket, prefix, endpoint } = config.s3;
  return `s3://${bucket}${prefix === '' ? '' : `/${prefix}`} at ${endpoint ?? `AWS ${config.s3.region}`}`;
}
