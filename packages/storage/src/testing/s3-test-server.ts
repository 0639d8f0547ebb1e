import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../storage-config.ts';

/**
 * A real S3 API server on loopback for tests and benches: s3rver (a Koa app that keeps buckets
 * in a folder), which the AWS SDK v3 talks to as to any S3-compatible store. Not a mock of the
 * SDK: requests are signed, sent over HTTP and answered in S3's XML.
 *
 * s3rver 3.7.1 lacks AbortMultipartUpload (it answers MethodNotAllowed); this server adds it the
 * way S3 does it (the upload and its parts are dropped), so the abort path is exercised. It can
 * also cut the connection of upload requests, to interrupt an upload on purpose, and keeps a log
 * of the requests it answered.
 */
export type S3TestRequest = {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** Date.now() when the request arrived and when its answer was ready (or its connection cut). */
  readonly startedAt: number;
  endedAt: number;
};

export type S3TestServer = {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  readonly bucket: string;
  /** Where s3rver keeps the bucket (removed by `close`). */
  readonly directory: string;
  /** s3rver's fixed credentials, the bucket, path-style addressing. */
  settings(prefix?: string): S3Settings;
  /** STORAGE_URL and S3_* variables for a TikSavr process using this server. */
  env(prefix?: string): Record<string, string>;
  /** Requests so far, oldest first. */
  readonly requests: readonly S3TestRequest[];
  /** The next `count` object uploads (PUT of an object or a part) lose their connection mid-body. */
  cutUploads(count: number): void;
  /** Multipart uploads begun and neither completed nor aborted. */
  openMultipartUploads(): Promise<number>;
  close(): Promise<void>;
};

type KoaContext = {
  method: string;
  path: string;
  querystring: string;
  query: Record<string, unknown>;
  status: number;
  respond: boolean;
  req: NodeJS.ReadableStream & { socket: { destroy(): void } };
};
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';
/** s3rver keeps multipart uploads in `<bucket>/._S3rver_uploads/<uploadId>/`. */
const UPLOADS_FOLDER = '._S3rver_uploads';
/** A cut upload reads this much of the body first, so the client is mid-send when it breaks. */
const CUT_AFTER_BYTES = 256 * 1024;

export type S3TestServerOptions = {
  readonly bucket?: string;
  /** Called with each request once it is answered (e.g. to log it from a child process). */
  readonly onRequest?: (request: S3TestRequest) => void;
};

export async function startS3TestServer(options: S3TestServerOptions = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'tiksavr-test';
  const directory = await mkdtemp(join(tmpdir(), 'tiksavr-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const uploadsDir = join(directory, bucket, UPLOADS_FOLDER);
  const requests: S3TestRequest[] = [];
  let cuts = 0;

  const extras: KoaMiddleware = async (ctx, next) => {
    const request: S3TestRequest = {
      method: ctx.method,
      path: ctx.path,
      query: ctx.querystring,
      startedAt: Date.now(),
      endedAt: Number.NaN,
    };
    requests.push(request);
    try {
      await answer(ctx, next);
    } finally {
      request.endedAt = Date.now();
      options.onRequest?.(request);
    }
  };
  const answer: KoaMiddleware = async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method === 'DELETE' && typeof uploadId === 'string') {
      if (!/^[0-9a-f]+$/.test(uploadId)) {
        ctx.status = 400;
        return;
      }
      await rm(join(uploadsDir, uploadId), { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'PUT' && cuts > 0 && ctx.path.split('/').filter(Boolean).length > 1) {
      cuts--;
      ctx.respond = false;
      await new Promise<void>((resolve) => {
        let seen = 0;
        const cut = () => {
          ctx.req.socket.destroy();
          resolve();
        };
        ctx.req.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen >= CUT_AFTER_BYTES) cut();
        });
        ctx.req.on('end', cut);
        ctx.req.on('error', cut);
      });
      return;
    }
    await next();
  };
  // Koa composes its middleware when the server starts listening: this one goes first.
  (server as unknown as { middleware: KoaMiddleware[] }).middleware.unshift(extras);
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;

  const settings = (prefix = ''): S3Settings => ({
    bucket,
    prefix,
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
  });
  return {
    endpoint,
    bucket,
    directory,
    settings,
    env: (prefix = '') => ({
      STORAGE_URL: `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: SECRET_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    requests,
    cutUploads: (count) => {
      cuts = count;
    },
    openMultipartUploads: async () => (await readdir(uploadsDir).catch(() => [])).length,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
