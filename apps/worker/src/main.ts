import { loadConfig } from './env.ts';
import { createLogger } from './logger.ts';
import { startWorker } from './worker.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  // One clear line naming the variable, not a stack trace.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const log = createLogger(config.logLevel);
const worker = await startWorker(config, log);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: no new jobs, finishing the running ones');
  try {
    await worker.stop();
    log.info('stopped');
    process.exitCode = 0;
    // Nothing is left to do; don't wait for idle sockets or timers of libraries to drain.
    process.exit();
  } catch (error) {
    log.error({ err: error }, 'unclean stop');
    process.exitCode = 1;
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
