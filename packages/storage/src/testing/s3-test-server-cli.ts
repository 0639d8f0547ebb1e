/**
 * The S3 test server as its own process, for benches (its CPU apart from the process measured):
 * `node s3-test-server-cli.ts [--bucket NAME] [--log-requests]`. Prints one JSON line
 * `{"ready":true,"endpoint":…,"bucket":…,"directory":…}` when listening, then (with
 * --log-requests) one `{"s3":{method,path,query,startedAt,endedAt}}` line per request. SIGTERM or
 * SIGINT closes it and removes its folder.
 */
import { parseArgs } from 'node:util';
import { startS3TestServer } from './s3-test-server.ts';

const { values } = parseArgs({
  options: { bucket: { type: 'string' }, 'log-requests': { type: 'boolean', default: false } },
});
const server = await startS3TestServer({
  ...(values.bucket === undefined ? {} : { bucket: values.bucket }),
  ...(values['log-requests'] ? { onRequest: (request) => console.log(JSON.stringify({ s3: request })) } : {}),
});
console.log(
  JSON.stringify({
    ready: true,
    endpoint: server.endpoint,
    bucket: server.bucket,
    directory: server.directory,
  }),
);
let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void server.close().finally(() => process.exit(0));
  });
}
