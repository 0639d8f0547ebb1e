import type { IncomingMessage, ServerResponse } from 'node:http';
import { decideRange } from './http-range.ts';
import type { MediaSource } from './media-source.ts';
import { type BodyPlan, sendBody } from './send-body.ts';
import type { SimContext } from './sim-context.ts';
import type { SimMediaStats } from './sim-types.ts';

/**
 * Answers a media GET/HEAD that passed the CDN checks: 200 with the whole body, 206 for a
 * satisfiable `Range`, 416 otherwise, always with `Accept-Ranges: bytes`. Body faults on the
 * item (slow_body, truncate_after, reset_after) shape how the bytes go out.
 */
export type MediaAccounting = { itemId: string; entry: SimMediaStats } | undefined;

export async function sendMedia(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  source: MediaSource,
  accounting: MediaAccounting,
): Promise<void> {
  const range = decideRange(req.headers.range, source.size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, {
      'Content-Range': `bytes */${source.size}`,
      'Content-Length': '0',
      'Accept-Ranges': 'bytes',
    });
    res.end();
    return;
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : source.size - 1;
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    'Content-Type': source.contentType,
    'Content-Length': String(end - start + 1),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'max-age=3600',
    ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${source.size}` } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }

  const plan: BodyPlan = {};
  const itemId = accounting?.itemId;
  const slow = ctx.faults.find(itemId, 'slow_body');
  if (slow) {
    ctx.faults.use(slow);
    plan.bytesPerSecond = slow.fault.bytesPerSecond;
  } else {
    const ownRate =
      itemId === undefined ? null : (ctx.registry.get(itemId)?.data.mediaBytesPerSecond ?? null);
    if (ownRate !== null) plan.bytesPerSecond = ownRate;
  }
  const reset = ctx.faults.find(itemId, 'reset_after');
  const truncate = ctx.faults.find(itemId, 'truncate_after');
  if (reset) {
    ctx.faults.use(reset);
    plan.cut = { afterBytes: reset.fault.bytes, how: 'reset' };
  } else if (truncate) {
    ctx.faults.use(truncate);
    plan.cut = { afterBytes: truncate.fault.bytes, how: 'truncate' };
  }

  const owner = itemId === undefined ? undefined : ctx.stats.item(itemId);
  const outcome = await sendBody(res, source.chunks(start, end), plan, (count) => {
    if (accounting) accounting.entry.bytesServed += count;
    if (owner) owner.mediaBytesServed += count;
  });
  if (outcome === 'complete' && accounting) accounting.entry.completeBodies += 1;
}
