import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The web app's configuration, the only reader of process.env on the server. Parsed once; a bad
 * value stops start-up with a message naming the variable.
 */
const EnvSchema = z.object({
  DATABASE_URL: z.url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 random characters'),
  /** The address people use to reach TikSavr, e.g. http://127.0.0.1:3000. */
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WebEnv = z.infer<typeof EnvSchema>;

let cached: WebEnv | null = null;

export function env(): WebEnv {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid web configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The storage root (`@tiksavr/storage` keeps files under `<root>/media` and temp files under
 * `<root>/tmp`): DATA_DIR made absolute, the same derivation as the worker's.
 */
export function storageRoot(): string {
  return resolve(env().DATA_DIR);
}
