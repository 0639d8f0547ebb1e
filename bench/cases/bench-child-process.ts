import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * A program a bench case runs as its own process (a simulator, a worker), so it gets its own
 * event loop and CPU instead of sharing the bench's. Its output is drained all along (a full pipe
 * would stall it) and the last lines are kept for error messages.
 */
export type BenchChild = {
  readonly pid: number;
  /** The line that made it ready. */
  readonly readyLine: string;
  /** The last lines of its stdout and stderr. */
  outputTail(): string;
  /** SIGTERM, SIGKILL after `graceMs`; resolves once it has exited. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
};

export type BenchChildOptions = {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** True for the stdout or stderr line that says the program is ready. */
  readonly isReady: (line: string) => boolean;
  readonly readyTimeoutMs: number;
  /** Sees every line of stdout and stderr (e.g. to read the program's structured logs). */
  readonly onLine?: (line: string) => void;
};

const TAIL_LINES = 40;

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Starts `node <args>` (this Node) and resolves when it prints its ready line. */
export async function startBenchChild(options: BenchChildOptions): Promise<BenchChild> {
  const child = spawn(process.execPath, [...options.args], {
    env: options.env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const exited = once(child, 'exit').catch(() => {});
  let markReady: (line: string) => void = () => {};
  const ready = new Promise<string>((resolve) => {
    markReady = resolve;
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      options.onLine?.(line);
      if (options.isReady(line)) markReady(line);
    });
  }
  const outputTail = () => tail.join('\n');

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 10_000) => {
    stopping ??= (async () => {
      if (hasExited(child)) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs);
      });
      if ((await Promise.race([exited, gaveUp])) === 'late' && !hasExited(child)) {
        child.kill('SIGKILL');
        await exited;
      }
      clearTimeout(timer);
    })();
    return stopping;
  };

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then((line) => ({ kind: 'ready' as const, line })),
    exited.then(() => ({ kind: 'exited' as const })),
    new Promise<{ kind: 'timeout' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), options.readyTimeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.kind !== 'ready' || child.pid === undefined) {
    await stop(2_000);
    const why = outcome.kind === 'timeout' ? `not ready after ${options.readyTimeoutMs} ms` : 'exited';
    throw new Error(`${options.name} ${why}; its last output:\n${outputTail()}`);
  }
  return { pid: child.pid, readyLine: outcome.line, outputTail, stop };
}

export type ProcessMemory = {
  /** Resident set now (VmRSS). */
  readonly rssBytes: number;
  /** The highest resident set since the process started (VmHWM). */
  readonly peakRssBytes: number;
};

function kilobytesField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match === null) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]) * 1024;
}

/** Memory of a running process, from /proc/<pid>/status (Linux). */
export async function readProcessMemory(pid: number): Promise<ProcessMemory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return { rssBytes: kilobytesField(status, 'VmRSS'), peakRssBytes: kilobytesField(status, 'VmHWM') };
}

/**
 * CPU time the process has used, user + system, in seconds (/proc/<pid>/stat, USER_HZ = 100);
 * with `withChildren`, also that of its children that have exited (curl runs per download).
 */
export async function readProcessCpuSeconds(pid: number, withChildren = false): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (withChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
}

/** The resident set of the process plus that of its direct children running now (Linux). */
export async function readProcessTreeRss(pid: number): Promise<{ ownBytes: number; childrenBytes: number }> {
  const own = await readProcessMemory(pid);
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  let childrenBytes = 0;
  for (const child of children.split(' ').filter(Boolean)) {
    // A child that exits between the two reads has no memory left to count.
    childrenBytes += await readProcessMemory(Number(child)).then(
      (memory) => memory.rssBytes,
      () => 0,
    );
  }
  return { ownBytes: own.rssBytes, childrenBytes };
}
