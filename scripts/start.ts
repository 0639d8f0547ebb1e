// `npm start` (product on real TikTok), `npm run dev` (with reload), `npm run demo` (the local
// TikTok simulator as upstream). Starts PostgreSQL (embedded unless DATABASE_URL is set), applies
// migrations, builds the web app when needed, starts worker and web, prints the URL, and stops
// every process it started on Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../apps/worker/src/worker-process-options.ts';
import { webBuildIsCurrent } from './web-build-stamp.ts';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const mode = args.has('--demo') ? 'demo' : args.has('--dev') ? 'dev' : 'start';
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
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
  if (name !== 'database') child.stdout?.pipe(process.stdout);
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
  };

  if (mode !== 'dev' && !webBuildIsCurrent()) {
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

  await run(
    'worker',
    node,
    [...WORKER_NODE_FLAGS, ...(mode === 'dev' ? ['--watch'] : []), 'apps/worker/src/main.ts'],
    {
      env: { ...appEnv, ...workerProcessEnv(root) },
      ready: /\[worker\] ready/,
    },
  );

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
