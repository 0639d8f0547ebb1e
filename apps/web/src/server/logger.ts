import pino from 'pino';
import { env } from '../env.ts';

let logger: pino.Logger | null = null;

/** Structured JSON logs; child loggers carry requestId / userId. */
export function log(): pino.Logger {
  logger ??= pino({ name: 'web', level: env().LOG_LEVEL });
  return logger;
}
