import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Writes a response body chunk by chunk with backpressure, and can misbehave on purpose:
 * throttle to N bytes per second, or stop after N bytes while Content-Length promised more —
 * either with a clean close (FIN, "truncate") or a TCP reset (RST, "reset").
 * Hand-rolled rather than stream.pipeline because the faults need byte-exact control.
 */
export type BodyPlan = {
  bytesPerSecond?: number;
  cut?: { afterBytes: number; how: 'truncate' | 'reset' };
};

export type BodyOutcome = 'complete' | 'cut' | 'aborted';

/** How often a throttled body sends a slice. */
const THROTTLE_TICK_MS = 100;
/** Time for written bytes to reach the peer before a reset discards unsent ones. */
const RESET_GRACE_MS = 30;

function gone(res: ServerResponse): boolean {
  return res.destroyed || res.socket === null || res.socket.destroyed;
}

/** Waits for 'drain' or 'close', removing both listeners after (no build-up on long bodies). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function writeThen(res: ServerResponse, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (bytes.length === 0) return resolve();
    res.write(bytes, () => resolve());
  });
}

async function cutConnection(res: ServerResponse, how: 'truncate' | 'reset'): Promise<void> {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  if (how === 'truncate') {
    socket.end();
    return;
  }
  await sleep(RESET_GRACE_MS);
  if (!socket.destroyed) socket.resetAndDestroy();
}

export async function sendBody(
  res: ServerResponse,
  chunks: Iterable<Buffer>,
  plan: BodyPlan,
  onBytes: (count: number) => void,
): Promise<BodyOutcome> {
  const sliceBytes = plan.bytesPerSecond
    ? Math.max(1, Math.floor((plan.bytesPerSecond * THROTTLE_TICK_MS) / 1000))
    : Number.POSITIVE_INFINITY;
  let sent = 0;
  for (const chunk of chunks) {
    let rest = chunk;
    while (rest.length > 0) {
      if (gone(res)) return 'aborted';
      const slice = rest.subarray(0, Math.min(rest.length, sliceBytes));
      if (plan.cut && sent + slice.length > plan.cut.afterBytes) {
        const last = slice.subarray(0, plan.cut.afterBytes - sent);
        await writeThen(res, last);
        onBytes(last.length);
        await cutConnection(res, plan.cut.how);
        return 'cut';
      }
      const flowing = res.write(slice);
      sent += slice.length;
      onBytes(slice.length);
      rest = rest.subarray(slice.length);
      if (!flowing) await drained(res);
      if (plan.bytesPerSecond) await sleep((slice.length / plan.bytesPerSecond) * 1000);
    }
  }
  // Every byte went out. A client that closes once it has them all (curl does) still got the whole body.
  if (!gone(res)) res.end();
  return 'complete';
}
