import { type AppError, isAppError } from '../errors.ts';

/**
 * TikTok pushing back on this server: a 429 (with the seconds its `Retry-After` asked for), the
 * WAF challenge page (solved or not), a redirect to the login wall, or an item TikTok hides
 * (10204 where the thing asked for is public). The politeness budget slows down on each one;
 * core only reports them, it never waits itself.
 */
export type UpstreamPushback = {
  readonly kind: 'rate_limited' | 'challenge' | 'login_wall' | 'item_hidden';
  readonly retryAfterSeconds?: number;
};

export type PushbackListener = (pushback: UpstreamPushback) => void;

/** Calls the listener; a listener that throws must not turn a resolve into a failure. */
export function reportPushback(listener: PushbackListener | undefined, pushback: UpstreamPushback): void {
  if (listener === undefined) return;
  try {
    listener(pushback);
  } catch {
    // The listener's own problem (a full queue, a closed database): the request itself went fine.
  }
}

/**
 * The pushback an error stands for, for the errors that end a request (429, login wall). The
 * challenge is reported where the challenge page is seen, solved or not, so it is not repeated here.
 */
export function pushbackOfError(error: AppError): UpstreamPushback | null {
  if (error.code === 'rate_limited') {
    const seconds = error.detail.retryAfterSeconds;
    return typeof seconds === 'number'
      ? { kind: 'rate_limited', retryAfterSeconds: seconds }
      : { kind: 'rate_limited' };
  }
  if (error.code === 'login_required') return { kind: 'login_wall' };
  return null;
}

/** Runs `work` and reports the pushback of the error it fails with, if any, before passing it on. */
export async function reportingPushback<T>(
  listener: PushbackListener | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) {
      const pushback = pushbackOfError(error);
      if (pushback !== null) reportPushback(listener, pushback);
    }
    throw error;
  }
}
