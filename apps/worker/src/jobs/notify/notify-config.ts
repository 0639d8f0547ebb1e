import { allowPrivateTargetsFromEnv } from '@tiksavr/core';
import { z } from 'zod';

/** The VAPID identity push messages are signed with (RFC 8292): the same key pair on every host. */
export type VapidKeys = {
  /** Uncompressed P-256 public key, base64url (65 bytes): what browsers subscribe with. */
  readonly publicKey: string;
  /** P-256 private key, base64url (32 bytes). */
  readonly privateKey: string;
  /** Who runs this server, for push services: a mailto: or https: URL. */
  readonly subject: string;
};

/** How the worker sends notifications when a save ends (Web Push and webhooks). */
export type NotifyConfig = {
  /** The address people use to reach TikSavr: links in notifications point there. */
  readonly publicUrl: string;
  /** Null: no keys, so no push messages (webhooks still go). */
  readonly vapid: VapidKeys | null;
  /** WEBHOOKS_ALLOW_PRIVATE_TARGETS; null: the admin's setting decides. */
  readonly allowPrivateTargets: boolean | null;
  /** `notify.deliver` jobs at once in this worker. */
  readonly concurrency: number;
  /** Longest wait for one request (connect, send, answer). */
  readonly timeoutMs: number;
};

const NotifyEnvSchema = z.object({
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  VAPID_PUBLIC_KEY: z.string().trim().optional(),
  VAPID_PRIVATE_KEY: z.string().trim().optional(),
  VAPID_SUBJECT: z.string().trim().optional(),
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.string().optional(),
  WORKER_NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  NOTIFY_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
});

function base64urlBytes(value: string): number {
  return /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').length : -1;
}

/** mailto:admin@<host of PUBLIC_URL>: push services want a way to reach whoever runs the server. */
export function defaultVapidSubject(publicUrl: string): string {
  return `mailto:admin@${new URL(publicUrl).hostname.replace(/^\[|\]$/g, '')}`;
}

function vapidFrom(env: z.infer<typeof NotifyEnvSchema>): VapidKeys | null {
  const publicKey = env.VAPID_PUBLIC_KEY ?? '';
  const privateKey = env.VAPID_PRIVATE_KEY ?? '';
  if (publicKey === '' && privateKey === '') return null;
  if (publicKey === '' || privateKey === '') {
    throw new Error('set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then no push messages)');
  }
  if (base64urlBytes(publicKey) !== 65 || Buffer.from(publicKey, 'base64url')[0] !== 0x04) {
    throw new Error('VAPID_PUBLIC_KEY must be an uncompressed P-256 public key, base64url (65 bytes)');
  }
  if (base64urlBytes(privateKey) !== 32) {
    throw new Error('VAPID_PRIVATE_KEY must be a P-256 private key, base64url (32 bytes)');
  }
  const subject = env.VAPID_SUBJECT || defaultVapidSubject(env.PUBLIC_URL);
  if (!/^(mailto:|https:\/\/)/.test(subject)) {
    throw new Error('VAPID_SUBJECT must start with mailto: or https://');
  }
  return { publicKey, privateKey, subject };
}

/** Reads the notification settings; a bad value throws, naming the variable. */
export function loadNotifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const parsed = NotifyEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid worker configuration: ${problems}`);
  }
  const e = parsed.data;
  try {
    return {
      publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
      vapid: vapidFrom(e),
      allowPrivateTargets: allowPrivateTargetsFromEnv(e.WEBHOOKS_ALLOW_PRIVATE_TARGETS),
      concurrency: e.WORKER_NOTIFY_CONCURRENCY,
      timeoutMs: Math.round(e.NOTIFY_TIMEOUT_SECONDS * 1000),
    };
  } catch (error) {
    throw new Error(
      `Invalid worker configuration: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
