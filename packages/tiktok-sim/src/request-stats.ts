import type { SimEndpoint, SimItemStats, SimMediaStats, SimStats } from './sim-types.ts';

/**
 * Counters behind `stats()`: requests per endpoint, and per item the page fetches, challenges
 * and media bytes, so tests can assert "fetched once" or "downloaded once".
 */
export type RequestStats = {
  hit(endpoint: SimEndpoint): void;
  shortLink(code: string): void;
  item(itemId: string): SimItemStats;
  media(itemId: string, mediaKey: string): SimMediaStats;
  /** Media bodies of the item sent to the end, over all its media (0 for an unknown item). */
  completeBodies(itemId: string): number;
  snapshot(): SimStats;
  reset(): void;
};

const ENDPOINTS: readonly SimEndpoint[] = [
  'short_link',
  'home',
  'login',
  'video_page',
  'photo_page',
  'profile_page',
  'story_list',
  'post_list',
  'media_video',
  'media_image',
  'media_audio',
  'control',
  'not_found',
];

function emptyEndpoints(): Record<SimEndpoint, number> {
  return Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<SimEndpoint, number>;
}

export function createRequestStats(): RequestStats {
  let total = 0;
  let endpoints = emptyEndpoints();
  let items = new Map<string, SimItemStats>();
  let shortLinks = new Map<string, number>();

  function item(itemId: string): SimItemStats {
    let entry = items.get(itemId);
    if (!entry) {
      entry = {
        pageGets: 0,
        challengesServed: 0,
        challengesSolved: 0,
        mediaRequests: 0,
        mediaBytesServed: 0,
        mediaDenied: 0,
        media: {},
      };
      items.set(itemId, entry);
    }
    return entry;
  }

  return {
    hit(endpoint) {
      total += 1;
      endpoints[endpoint] += 1;
    },
    shortLink(code) {
      shortLinks.set(code, (shortLinks.get(code) ?? 0) + 1);
    },
    item,
    media(itemId, mediaKey) {
      const owner = item(itemId);
      owner.media[mediaKey] ??= { requests: 0, bytesServed: 0, completeBodies: 0 };
      return owner.media[mediaKey];
    },
    completeBodies(itemId) {
      const entry = items.get(itemId);
      if (!entry) return 0;
      return Object.values(entry.media).reduce((sum, media) => sum + media.completeBodies, 0);
    },
    snapshot: () =>
      structuredClone({
        totalRequests: total,
        endpoints,
        items: Object.fromEntries(items),
        shortLinks: Object.fromEntries(shortLinks),
      }),
    reset() {
      total = 0;
      endpoints = emptyEndpoints();
      items = new Map();
      shortLinks = new Map();
    },
  };
}
