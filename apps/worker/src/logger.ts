import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs to stdout; child loggers carry jobId / downloadId. */
export function createLogger(level: string): Logger {
  return pino({ name: 'worker', level, base: { pid: process.pid } });
}
