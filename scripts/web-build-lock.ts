// The web app's build, held for a test: one Next build or web run at a time on a machine
// (`flock /tmp/tiksavr-web.lock`, the lock every e2e run and build takes), and built first when
// apps/web/.next is not from the current sources.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { webBuildIsCurrent } from './web-build-stamp.ts';

const root = resolve(import.meta.dirname, '..');
export const WEB_LOCK_FILE = '/tmp/tiksavr-web.lock';

export type HeldWebBuild = {
  /** True when this call built the app (false: the build on disk was current). */
  readonly built: boolean;
  release(): Promise<void>;
};

/**
 * Takes the lock and keeps it until `release` (a `flock … cat` child holds it; if this process
 * dies, its pipe closes, cat ends and the lock is free again), then builds the web app unless its
 * build is current. While held, no one else's build replaces .next under running servers.
 */
export async function holdWebBuild(options: {
  lockTimeoutMs: number;
  buildTimeoutMs: number;
  /** Called once the lock is held (before any build). */
  onLocked?: () => void;
}): Promise<HeldWebBuild> {
  const holder = spawn('flock', [WEB_LOCK_FILE, 'sh', '-c', 'echo locked; exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(holder, 'exit').catch(() => {});
  const release = async () => {
    holder.stdin?.end();
    if (holder.exitCode === null && holder.signalCode === null) await exited;
  };
  const locked = new Promise<boolean>((resolveLocked) => {
    createInterface({ input: holder.stdout! }).on('line', (line) => {
      if (line === 'locked') resolveLocked(true);
    });
    holder.once('exit', () => resolveLocked(false));
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((r) => {
    timer = setTimeout(() => r(false), options.lockTimeoutMs);
  });
  const gotIt = await Promise.race([locked, timedOut]);
  clearTimeout(timer);
  if (!gotIt) {
    holder.kill('SIGTERM');
    await exited;
    throw new Error(`${WEB_LOCK_FILE} was not free within ${options.lockTimeoutMs / 1000} s`);
  }
  options.onLocked?.();
  try {
    // Twice at most: sources edited during a build leave it stale once more.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (webBuildIsCurrent()) return { built: attempt > 0, release };
      await buildWeb(options.buildTimeoutMs);
    }
    if (webBuildIsCurrent()) return { built: true, release };
    throw new Error('the web app sources kept changing while it was being built');
  } catch (error) {
    await release();
    throw error;
  }
}

async function buildWeb(timeoutMs: number): Promise<void> {
  const build = spawn('npm', ['run', 'build', '-w', '@tiksavr/web'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  build.stdout.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  build.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const timer = setTimeout(() => build.kill('SIGTERM'), timeoutMs);
  const [code] = (await once(build, 'exit')) as [number | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the web build failed (exit ${code}):\n${log.slice(-4000)}`);
}
