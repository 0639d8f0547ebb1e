// One part of TikSavr started the way a separate host starts it, `node scripts/start.ts
// --role=web|worker`, as a real process, for tests that run several of them side by side.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** What start.ts prints once the part runs. */
const READY: Record<'web' | 'worker', RegExp> = {
  web: /TikSavr is running at/,
  worker: /worker running against the shared database/,
};

export type RoleProcess = {
  readonly name: string;
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its stdout lines that are JSON (the worker's and the web app's structured logs). */
  logRecords(): Record<string, unknown>[];
  /**
   * SIGTERM to start.ts (it stops its children in order), then SIGKILL to whatever of its process
   * tree is left after `graceMs`. Safe to call twice.
   */
  stop(graceMs?: number): Promise<void>;
};

/** A port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Every descendant of `pid` running now (Linux /proc), children before grandchildren. */
async function descendantsOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && found.length < 200) {
    const parent = queue.shift() as number;
    const tasks = await readdir(`/proc/${parent}/task`).catch(() => [] as string[]);
    for (const task of tasks) {
      const text = await readFile(`/proc/${parent}/task/${task}/children`, 'utf8').catch(() => '');
      for (const child of text.split(' ').filter(Boolean).map(Number)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startRole(
  role: 'web' | 'worker',
  options: { name: string; env: Record<string, string>; readyTimeoutMs: number },
): Promise<RoleProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // A test runner's own variables are not the product's business.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['scripts/start.ts', `--role=${role}`], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${options.name} did not start`);
  const pid = child.pid;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, 'exit').catch(() => {});
  // Known while it runs: start.ts starts its children in process groups of their own, so once it
  // is gone they can no longer be found from it.
  let tree: number[] = [];
  const noteTree = async () => {
    if (!hasExited(child)) tree = [...new Set([...tree, ...(await descendantsOf(pid))])];
  };

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 45_000) => {
    stopping ??= (async () => {
      await noteTree();
      if (!hasExited(child)) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => {
        timer = setTimeout(() => r('late'), graceMs);
      });
      const outcome = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (outcome === 'late' && !hasExited(child)) {
        child.kill('SIGKILL');
        await exited;
      }
      // Whatever of its tree outlived it (a SIGKILLed supervisor cannot stop its children).
      for (const descendant of tree) if (isRunning(descendant)) process.kill(descendant, 'SIGKILL');
    })();
    return stopping;
  };

  const deadline = Date.now() + options.readyTimeoutMs;
  while (!READY[role].test(output)) {
    if (hasExited(child) || Date.now() > deadline) {
      const why = hasExited(child)
        ? `exited (${child.exitCode ?? child.signalCode})`
        : `was not ready within ${options.readyTimeoutMs / 1000} s`;
      await stop(5_000);
      throw new Error(`${options.name} ${why}; its output:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await noteTree();

  return {
    name: options.name,
    pid,
    output: () => output,
    logRecords: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    stop,
  };
}
