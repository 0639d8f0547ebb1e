import { normalizeItem } from './normalize-item.ts';
import type { PageError, PageErrorCode, PageLayout } from './page-error.ts';
import { type LayoutReading, readPageLayout } from './page-layouts.ts';
import { pageErrorForStatus } from './page-status.ts';
import type { TikTokItem } from './tiktok-item.ts';
import { isWafChallengePage } from './waf-challenge.ts';

/**
 * Reads one TikTok post page. A pure function: it never throws and never touches the network.
 * Three outcomes, told apart by `kind` (and `ok` for the common "did I get an item" check):
 * - `item`: the post, normalised.
 * - `refetch`: the page is TikTok's photo page, which has no item data but names the `/video/`
 *   URL that does (`seo.abtest.canonical`). Fetch that URL once and read it again.
 * - `error`: why there is no item, with TikTok's raw status kept.
 */

export type ItemFound = {
  readonly ok: true;
  readonly kind: 'item';
  readonly item: TikTokItem;
  readonly layout: PageLayout;
};

export type CanonicalRefetch = {
  readonly ok: false;
  readonly kind: 'refetch';
  /** A `https://…tiktok.com/@…/video/<id>` URL (or one on an `extraOrigins` origin) from the page. */
  readonly canonicalUrl: string;
  readonly layout: 'universal';
};

export type PageFailure = {
  readonly ok: false;
  readonly kind: 'error';
  readonly error: PageError;
};

export type ExtractResult = ItemFound | CanonicalRefetch | PageFailure;

export type ExtractOptions = {
  /** The id the caller asked for: picks the item on multi-item (SIGI) pages. */
  readonly itemId?: string;
  /**
   * Origins besides `https://*.tiktok.com` whose canonical URLs may be refetched, e.g. a local
   * simulator standing in for TikTok (`http://127.0.0.1:4000`).
   */
  readonly extraOrigins?: readonly string[];
};

function failure(
  code: PageErrorCode,
  layout: PageLayout | null,
  statusCode: number | null = null,
  statusMsg = '',
): PageFailure {
  return { ok: false, kind: 'error', error: { code, statusCode, statusMsg, layout } };
}

function canonicalVideoUrl(
  canonical: string | undefined,
  extraOrigins: readonly string[],
): string | 'login' | undefined {
  if (canonical === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(canonical);
  } catch {
    return undefined;
  }
  const host = url.hostname;
  const onTikTok = url.protocol === 'https:' && (host === 'tiktok.com' || host.endsWith('.tiktok.com'));
  if (!onTikTok && !extraOrigins.includes(url.origin)) return undefined;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return 'login';
  // Only `/video/` pages carry the item, also for photo posts (GDL, CO): rewrite `/photo/`.
  const match = /^(\/@[^/]*)\/(?:video|photo)\/(\d{1,25})\/?$/.exec(url.pathname);
  return match === null ? undefined : `${url.origin}${match[1]}/video/${match[2]}`;
}

function fromReading(reading: LayoutReading, options: ExtractOptions): ExtractResult {
  const extraOrigins = options.extraOrigins ?? [];
  if (reading.kind === 'no_detail') {
    const target = canonicalVideoUrl(reading.canonical, extraOrigins);
    if (target === 'login') return failure('login_wall', 'universal');
    if (target !== undefined)
      return { ok: false, kind: 'refetch', canonicalUrl: target, layout: 'universal' };
    return failure('no_data', 'universal');
  }
  const { layout, statusCode, statusMsg } = reading;
  const statusError = pageErrorForStatus(statusCode, statusMsg);
  if (statusError !== null) return failure(statusError, layout, statusCode, statusMsg);
  // Status OK but no item: TikTok said nothing useful, so keep its raw status for the record.
  if (reading.itemStruct === undefined) return failure('unknown_status', layout, statusCode, statusMsg);

  // The requested id stands in when the item's own is missing or was sent as a JSON number too
  // large to be exact (ids exceed 2^53); an item's valid string id always wins.
  const fallbackId = reading.fallbackId ?? options.itemId;
  const normalized = normalizeItem(reading.itemStruct, {
    ...(fallbackId === undefined ? {} : { fallbackId }),
    ...(reading.usersByUniqueId === undefined ? {} : { usersByUniqueId: reading.usersByUniqueId }),
  });
  if (!normalized.ok) return failure(normalized.code, layout, statusCode, statusMsg);
  return { ok: true, kind: 'item', item: normalized.item, layout };
}

export function extractItemFromPage(html: string, options: ExtractOptions = {}): ExtractResult {
  if (typeof html !== 'string') return failure('no_data', null);
  try {
    const reading = readPageLayout(html, options.itemId);
    if (reading !== undefined) return fromReading(reading, options);
    return isWafChallengePage(html) ? failure('challenge', null) : failure('no_data', null);
  } catch {
    // The readers are written not to throw; this keeps the promise for anything unforeseen
    // (e.g. a stack overflow on absurdly nested JSON).
    return failure('no_data', null);
  }
}
