import { parseArgs } from 'node:util';
import { startTikTokSim } from './start-tiktok-sim.ts';

/**
 * `node src/cli.ts --port 4010 --seed demo [--media-ttl 21600] [--require-referer]`
 * Starts the simulator, prints one JSON line {"ready":true,"origin":…,"examples":[{label,kind,url,simUrl}…]}
 * on stdout, and stops cleanly on SIGINT/SIGTERM.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    seed: { type: 'string', default: 'demo' },
    'media-ttl': { type: 'string' },
    'require-referer': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`tiktok-sim: --port must be 0–65535, got ${values.port}`);
  process.exit(2);
}
if (values.seed !== 'demo' && values.seed !== 'none') {
  console.error(`tiktok-sim: --seed must be demo or none, got ${values.seed}`);
  process.exit(2);
}

const sim = await startTikTokSim({
  port,
  seed: values.seed,
  requireReferer: values['require-referer'],
  ...(values['media-ttl'] === undefined ? {} : { mediaTtlSeconds: Number(values['media-ttl']) }),
}).catch((error: unknown) => {
  console.error(
    `tiktok-sim: cannot start on 127.0.0.1:${port}: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
const examples = sim.examples().map(({ label, kind, url, simUrl }) => ({ label, kind, url, simUrl }));
process.stdout.write(`${JSON.stringify({ ready: true, origin: sim.origin, examples })}\n`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  await sim.close();
  process.stderr.write(`tiktok-sim: stopped on ${signal}\n`);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
