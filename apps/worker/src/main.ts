import { loadConfig } from './env.ts';
import { createLogger } from './logger.ts';
import { startWorker } from './worker.ts';

const config = loadConfig();
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
