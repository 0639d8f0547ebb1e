import type { FaultBook } from './fault-book.ts';
import type { ItemRegistry, StoredItem } from './item-registry.ts';
import type { ItemStructContext } from './item-struct.ts';
import type { MediaLibrary } from './media-library.ts';
import type { RequestLog } from './request-log.ts';
import type { RequestStats } from './request-stats.ts';
import type { SimClock } from './sim-clock.ts';
import { mintLogId } from './tiktok-ids.ts';
import type { UrlSigner } from './url-signer.ts';
import type { WafChallenger } from './waf-challenge.ts';

/** Everything a route needs, shared by all routes of one running sim. */
export type SimContext = {
  origin: string;
  clock: SimClock;
  registry: ItemRegistry;
  faults: FaultBook;
  stats: RequestStats;
  requestLog: RequestLog;
  signer: UrlSigner;
  media: MediaLibrary;
  waf: WafChallenger;
  mediaTtlSeconds: number;
  requireReferer: boolean;
  /** duplicate_story_page: the device_id stuck on the repeated page, per fault target. */
  stuckStoryDevices: Map<string, string>;
};

/**
 * How to sign one item's media for one response. An `expired_signature` fault makes the
 * URLs expire now (or after its ttlSeconds) and counts as one use.
 */
export function signingFor(
  ctx: SimContext,
  item: StoredItem,
  chainToken: string,
  flavor: ItemStructContext['flavor'],
): ItemStructContext {
  const nowMs = ctx.clock.now();
  let ttlSeconds = ctx.mediaTtlSeconds;
  const expired = ctx.faults.find(item.data.id, 'expired_signature');
  if (expired) {
    ctx.faults.use(expired);
    ttlSeconds = expired.fault.ttlSeconds ?? 0;
  }
  return {
    origin: ctx.origin,
    signer: ctx.signer,
    media: ctx.media,
    chainToken,
    nowMs,
    ttlSeconds,
    logId: mintLogId(nowMs),
    flavor,
  };
}
