// `npm start` (product on real TikTok), `npm run dev` (with reload), `npm run demo` (the local
// TikTok simulator as upstream). Starts PostgreSQL (embedded unless DATABASE_URL is set), applies
// migrations, builds the web app when needed, starts worker and web, prints the URL, and stops
// every process it started on Ctrl-C.
// `npm run start:web` / `npm run start:worker` (`--role web|worker`) run one part only, for
// separate hosts: they need DATABASE_URL (one shared PostgreSQL) and, for more than one host, a
// shared store (STORAGE_URL=s3://…) and the same BETTER_AUTH_SECRET on every web host.
import { type ChildProcess, spawn } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../apps/worker/src/worker-process-options.ts';
import { webBuildIsCurrent } from './web-build-stamp.ts';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const mode = args.has('--demo') ? 'demo' : args.has('--dev') ? 'dev' : 'start';
const roleArg = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
if (roleArg !== 'all' && roleArg !== 'web' && roleArg !== 'worker') {
  process.stdout.write(`[tiksavr] --role must be web or worker (got "${roleArg}")\n`);
  process.exit(2);
}
const role: 'all' | 'web' | 'worker' = roleArg;
// The demo keeps its own folder: its simulated posts and accounts never mix with real ones.
const dataDir = resolve(process.env.DATA_DIR ?? join(root, mode === 'demo' ? '.data-demo' : '.data'));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const node = process.execPath;

function say(message: string) {
  process.stdout.write(`[tiksavr] ${message}\n`);
}

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  say(`PORT must be a number from 1 to 65535 (got "${process.env.PORT}")`);
  process.exit(2);
}

/** A secret generated on first start and kept in the data folder, unless BETTER_AUTH_SECRET is set. */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The Web Push (VAPID) key pair: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set, else a pair
 * made on first start and kept in the data folder (vapid.json, mode 0600), like the auth secret.
 * A P-256 pair in the form the `web-push` library takes (65-byte public, 32-byte private key,
 * base64url), made with node:crypto so the supervisor loads no library for it. Null for a web or
 * worker started on its own: separate hosts need the same pair everywhere, so it must be set.
 */
function vapidKeys(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } | null {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = process.env;
  if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY) return { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY };
  if (role !== 'all') return null;
  const file = join(dataDir, 'vapid.json');
  if (!existsSync(file)) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const key = ecdh.getPrivateKey();
    const privateKey = Buffer.concat([Buffer.alloc(32 - key.length), key]).toString('base64url');
    const publicKey = ecdh.getPublicKey().toString('base64url');
    writeFileSync(file, `${JSON.stringify({ publicKey, privateKey }, null, 2)}\n`, { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
}

const children: { name: string; child: ChildProcess }[] = [];
let stopping = false;

function run(
  name: string,
  command: string,
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; ready?: RegExp },
) {
  const child = spawn(command, argv, {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only this supervisor, which then stops the
    // children in order (web, worker, simulator, database) instead of all at once.
    detached: true,
  });
  children.push({ name, child });
  // The database's and the simulator's stdout carry a machine-readable ready line, not for people.
  if (name !== 'database' && name !== 'simulator') child.stdout?.pipe(process.stdout);
  child.stderr?.pipe(process.stderr);
  child.once('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
      void shutdown(1);
    }
  });
  return new Promise<{ child: ChildProcess; output: string }>((resolveReady, reject) => {
    if (!options.ready) return resolveReady({ child, output: '' });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready?.test(output)) resolveReady({ child, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stopChild(name: string, child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    say(`${name} did not stop in 30 s; killing it.`);
    child.kill('SIGKILL');
  }, 30_000);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  // Reverse start order: web (no new jobs), worker (hands its jobs back), simulator, database.
  for (const { name, child } of [...children].reverse()) await stopChild(name, child);
  say('stopped.');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  if (role !== 'all' && !process.env.DATABASE_URL) {
    say(
      `start:${role} runs only the ${role === 'web' ? 'web app' : 'worker'} and needs the shared database: set DATABASE_URL (postgresql://…). To run everything on this machine, use npm start.`,
    );
    process.exit(2);
  }
  if (role !== 'all' && mode === 'demo') {
    say('the demo runs everything on one machine: use npm run demo without --role.');
    process.exit(2);
  }
  if (role === 'web' && !process.env.BETTER_AUTH_SECRET) {
    say(
      `BETTER_AUTH_SECRET is not set: using the one kept in ${dataDir}. With more than one web host, set the same BETTER_AUTH_SECRET on each, or people get signed out when another host answers.`,
    );
  }
  if (role !== 'all' && !(process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY)) {
    say(
      'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set, so web push notifications are off (webhooks still work). With web and worker on separate hosts, make one pair (npx web-push generate-vapid-keys) and set both on every host.',
    );
  }
  if (role === 'worker' && !process.env.PUBLIC_URL) {
    say(
      `PUBLIC_URL is not set: links in notifications will point at ${publicUrl}. Set it to the address people use.`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();

  say(
    process.env.DATABASE_URL
      ? 'using the database at DATABASE_URL'
      : `starting PostgreSQL in ${join(dataDir, 'pg')}`,
  );
  const { output: dbOutput } = await run('database', node, ['scripts/database-process.ts'], {
    env: { DATA_DIR: dataDir },
    ready: /"ready":true.*\n/,
  });
  const database = JSON.parse(dbOutput.split('\n').find((l) => l.includes('"ready":true')) ?? '{}') as {
    url: string;
  };
  say('database ready, migrations applied');

  let tiktokOrigin = process.env.TIKTOK_ORIGIN;
  let examples: { label: string; url: string }[] = [];
  if (mode === 'demo') {
    const { output } = await run(
      'simulator',
      node,
      ['packages/tiktok-sim/src/cli.ts', '--port', process.env.SIM_PORT ?? '0', '--seed', 'demo'],
      {
        ready: /"ready":true.*\n/,
      },
    );
    const line = output.split('\n').find((l) => l.includes('"ready":true'));
    const info = JSON.parse(line ?? '{}') as { origin?: string; examples?: { label: string; url: string }[] };
    tiktokOrigin = info.origin;
    examples = info.examples ?? [];
    say(`TikTok simulator at ${tiktokOrigin}`);
  }

  const appEnv = {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    ...(tiktokOrigin ? { TIKTOK_ORIGIN: tiktokOrigin } : {}),
    // The politeness budget protects TikTok; the demo's simulator needs none, so it may go fast.
    ...(mode === 'demo' && !process.env.TIKTOK_REQUESTS_PER_MINUTE
      ? { TIKTOK_REQUESTS_PER_MINUTE: '600' }
      : {}),
    // Notifications: links point at PUBLIC_URL; web push signs with the VAPID pair.
    PUBLIC_URL: publicUrl,
    ...vapidKeys(),
  };

  if (role !== 'worker' && mode !== 'dev' && !webBuildIsCurrent()) {
    say('building the web app (first start, or the code changed)…');
    await new Promise<void>((resolveBuild, reject) => {
      const build = spawn('npm', ['run', 'build', '-w', '@tiksavr/web'], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      build.stdout.on('data', (c: Buffer) => (log += c));
      build.stderr.on('data', (c: Buffer) => (log += c));
      build.once('exit', (code) =>
        code === 0 ? resolveBuild() : reject(new Error(`web build failed:\n${log}`)),
      );
    });
  }

  if (role !== 'web')
    await run(
      'worker',
      node,
      [...WORKER_NODE_FLAGS, ...(mode === 'dev' ? ['--watch'] : []), 'apps/worker/src/main.ts'],
      {
        env: { ...appEnv, ...workerProcessEnv(root) },
        ready: /\[worker\] ready/,
      },
    );

  if (role === 'worker') {
    say(
      `worker running against the shared database (ready in ${((Date.now() - started) / 1000).toFixed(1)} s). Press Ctrl-C to stop.`,
    );
    return;
  }
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  await run(
    'web',
    node,
    [nextBin, mode === 'dev' ? 'dev' : 'start', '--port', String(port), '--hostname', host],
    {
      cwd: join(root, 'apps', 'web'),
      env: {
        ...appEnv,
        BETTER_AUTH_SECRET: authSecret(),
        PUBLIC_URL: publicUrl,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: mode === 'dev' ? 'development' : 'production',
      },
    },
  );
  await waitForHttp(`http://127.0.0.1:${port}/api/trpc/health.check`, 120_000);

  say(
    `TikSavr is running at ${publicUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s). Press Ctrl-C to stop.`,
  );
  if (examples.length) {
    say('Try these example links (served by the local TikTok simulator):');
    for (const e of examples) say(`  ${e.label.padEnd(28)} ${e.url}`);
  }
}

main().catch(async (error: unknown) => {
  say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
