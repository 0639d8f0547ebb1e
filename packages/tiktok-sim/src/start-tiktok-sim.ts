import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCreatorControls } from './creator-controls.ts';
import { seedDemo } from './demo-seed.ts';
import { createFaultBook } from './fault-book.ts';
import { createItemRegistry, type StoredItem } from './item-registry.ts';
import { createMediaLibrary } from './media-library.ts';
import type { MediaSource } from './media-source.ts';
import { createRequestLog } from './request-log.ts';
import { createRequestStats } from './request-stats.ts';
import { createSimClock } from './sim-clock.ts';
import type { SimContext } from './sim-context.ts';
import { SimInputError } from './sim-input-error.ts';
import { createSimRouter } from './sim-router.ts';
import type { DemoExample, SimMediaRole, TikTokSim, TikTokSimOptions } from './sim-types.ts';
import { createUrlSigner } from './url-signer.ts';
import { createWafChallenger } from './waf-challenge.ts';

const DEFAULT_MEDIA_TTL_SECONDS = 6 * 60 * 60;

/**
 * Starts a local stand-in for TikTok's public web surface on one loopback origin: short
 * links, post/photo/profile pages, the story and post list APIs and a signed-URL CDN, with
 * switchable faults, a movable clock, creators (renames, private, banned) and a request log
 * (tiktok-upstream.md §7).
 */
export async function startTikTokSim(options: TikTokSimOptions = {}): Promise<TikTokSim> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new SimInputError('the simulator only listens on 127.0.0.1');
  const mediaTtlSeconds = options.mediaTtlSeconds ?? DEFAULT_MEDIA_TTL_SECONDS;
  if (!Number.isFinite(mediaTtlSeconds) || mediaTtlSeconds < 0) {
    throw new SimInputError('mediaTtlSeconds must be ≥ 0');
  }

  const server = createServer();
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;

  const clock = createSimClock(options.now);
  const media = createMediaLibrary();
  const ctx: SimContext = {
    origin,
    clock,
    registry: createItemRegistry(origin, () => clock.now()),
    faults: createFaultBook(),
    stats: createRequestStats(),
    requestLog: createRequestLog(),
    signer: createUrlSigner(),
    media,
    waf: createWafChallenger(),
    mediaTtlSeconds,
    requireReferer: options.requireReferer ?? false,
    stuckStoryDevices: new Map(),
  };
  let examples: DemoExample[] = [];

  function storedItem(itemId: string): StoredItem {
    const item = ctx.registry.get(itemId);
    if (!item) throw new SimInputError(`no item ${itemId}`);
    return item;
  }

  function mediaSource(itemId: string, role: SimMediaRole, index = 0): MediaSource {
    const source = media.source(storedItem(itemId), role, index);
    if (!source) throw new SimInputError(`item ${itemId} has no ${role} #${index}`);
    return source;
  }

  const seed = () => {
    examples = options.seed === 'demo' ? seedDemo(sim) : [];
  };

  function addItem(spec: Parameters<TikTokSim['addItem']>[0]) {
    if (spec?.largeBytes !== undefined && spec.largeBytes < media.minimumLargeBytes()) {
      throw new SimInputError(`largeBytes must be at least ${media.minimumLargeBytes()}`);
    }
    return ctx.registry.add(spec).data;
  }

  const sim: TikTokSim = {
    origin,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
    addItem,
    updateItem: (itemId, patch) => ctx.registry.update(itemId, patch ?? {}).data,
    items: () => ctx.registry.all().map((item) => item.data),
    setFault: (target, fault) => ctx.faults.set(target, fault),
    clearFaults() {
      ctx.faults.clear();
      ctx.stuckStoryDevices.clear();
    },
    advanceClock: (seconds) => clock.advance(seconds),
    setNow: (epochMs) => clock.set(epochMs),
    now: () => clock.now(),
    mediaSha256: async (itemId, role, index) => mediaSource(itemId, role, index).sha256(),
    mediaSize: (itemId, role, index) => mediaSource(itemId, role, index).size,
    mediaBytes: (itemId, role, index) => mediaSource(itemId, role, index).bytes(),
    stats: () => ctx.stats.snapshot(),
    reset() {
      ctx.registry.clear();
      ctx.faults.clear();
      ctx.stuckStoryDevices.clear();
      ctx.stats.reset();
      ctx.requestLog.clear();
      ctx.waf.reset();
      media.clear();
      clock.reset();
      seed();
    },
    examples: () => [...examples],
    ...createCreatorControls(ctx, addItem),
    requests: (sinceSeq = 0) => ctx.requestLog.since(sinceSeq),
    clearRequests: () => ctx.requestLog.clear(),
    mediaServed: (itemId) => ctx.stats.completeBodies(itemId),
  };

  server.on('request', createSimRouter(ctx, sim));
  seed();
  return sim;
}
