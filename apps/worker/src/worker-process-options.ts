import { join } from 'node:path';

/**
 * How a worker process is started (npm start, the process tests, the benchmarks), to keep its
 * memory small (issue "Worker": peak RSS under 150 MB; bench worker.download measured each item):
 *
 * - `--max-semi-space-size=1` (MB) and `--v8-pool-size=1`: a small young generation and one GC
 *   helper thread. The worker allocates little: with the curl transfer, media bytes never enter
 *   its heap.
 * - `MALLOC_ARENA_MAX=1`: one glibc malloc arena instead of one per thread (libuv's pool, V8's
 *   helpers), ~8 MB less.
 * - `NODE_COMPILE_CACHE`: Node keeps every module type-stripped and compiled on disk, so a worker
 *   started again never loads the TypeScript stripper (a ~20 MB WebAssembly module) and starts
 *   faster. The first start fills the cache.
 *
 * Together: idle ~127 MB and peak ~145 MB instead of 159 and 266 (bench worker.download).
 * This module imports nothing but node:path: the start script and benches load it first.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--v8-pool-size=1'];

export function workerProcessEnv(repoRoot: string): { NODE_COMPILE_CACHE: string; MALLOC_ARENA_MAX: string } {
  return {
    NODE_COMPILE_CACHE: join(repoRoot, 'node_modules', '.cache', 'tiksavr', 'node-compile-cache'),
    MALLOC_ARENA_MAX: '1',
  };
}
