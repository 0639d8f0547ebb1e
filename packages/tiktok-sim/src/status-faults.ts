import type { ServerResponse } from 'node:http';
import { sendHtml } from './http-responses.ts';
import type { SimContext } from './sim-context.ts';
import type { SimFaultScope } from './sim-types.ts';

/** Which requests a fault's `on` covers: 'page' (the default) pages and the JSON API, 'api' the API only. */
export function faultCovers(on: SimFaultScope | undefined, where: Exclude<SimFaultScope, 'any'>): boolean {
  const scope = on ?? 'page';
  return scope === 'any' || scope === where || (scope === 'page' && where === 'api');
}

/**
 * Answers with a 429 or 503 if such a fault is on for this target (an item id, a creator's id,
 * or '*') and this kind of request (see faultCovers). Returns true when it answered.
 */
export function answerStatusFault(
  ctx: SimContext,
  res: ServerResponse,
  itemId: string | undefined,
  where: Exclude<SimFaultScope, 'any'>,
): boolean {
  const applies = (fault: { on?: SimFaultScope }) => faultCovers(fault.on, where);
  const tooMany = ctx.faults.find(itemId, 'status_429', applies);
  if (tooMany) {
    ctx.faults.use(tooMany);
    const retryAfter = String(tooMany.fault.retryAfterSeconds ?? 30);
    sendHtml(res, 429, '<!doctype html><title>429 Too Many Requests</title><h1>Too Many Requests</h1>\n', {
      'Retry-After': retryAfter,
    });
    return true;
  }
  const unavailable = ctx.faults.find(itemId, 'status_5xx', applies);
  if (unavailable) {
    ctx.faults.use(unavailable);
    sendHtml(res, 503, '<!doctype html><title>503 Service Unavailable</title><h1>Service Unavailable</h1>\n');
    return true;
  }
  return false;
}
