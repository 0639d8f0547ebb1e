import { asNumber, asRecord, asString, type JsonRecord, pathOf } from './lenient-json.ts';
import type { PageLayout } from './page-error.ts';
import { findScriptText, parseObjectAtKey, parseScriptObject } from './script-json.ts';

/**
 * Where each page layout keeps the item and its status (tiktok-upstream.md §2B):
 * - universal (current): `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">` →
 *   `__DEFAULT_SCOPE__["webapp.video-detail"] = {statusCode, statusMsg, itemInfo:{itemStruct}}`;
 *   the photo page lacks video-detail and carries `seo.abtest.canonical` instead.
 * - sigi (until ~2023): `<script id="SIGI_STATE">` or `id="sigi-persisted-data"` →
 *   `ItemModule[id]`, `VideoPage.statusCode`, authors in `UserModule.users`.
 * - next (older): `<script id="__NEXT_DATA__">` → `props.pageProps.{statusCode, itemInfo.itemStruct}`.
 */

export type DetailReading = {
  readonly kind: 'detail';
  readonly layout: PageLayout;
  /** A missing status reads as 0 (as yt-dlp does). */
  readonly statusCode: number;
  readonly statusMsg: string;
  readonly itemStruct: JsonRecord | undefined;
  readonly fallbackId?: string;
  readonly usersByUniqueId?: JsonRecord;
};

/** A universal page without an item scope: the photo page, the login page, a profile, … */
export type NoDetailReading = {
  readonly kind: 'no_detail';
  readonly layout: 'universal';
  readonly canonical: string | undefined;
};

export type LayoutReading = DetailReading | NoDetailReading;

/** Scope names that hold one item; `webapp.reflow.video.detail` is the mobile (reflow) page's name. */
const DETAIL_SCOPES = ['webapp.video-detail', 'webapp.reflow.video.detail'] as const;

function statusOf(value: unknown): number {
  const status = asNumber(value);
  return status === undefined ? 0 : Math.trunc(status);
}

function statusMessageOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function detailReading(detail: JsonRecord): DetailReading {
  return {
    kind: 'detail',
    layout: 'universal',
    statusCode: statusOf(detail.statusCode),
    statusMsg: statusMessageOf(detail.statusMsg),
    itemStruct: asRecord(pathOf(detail, 'itemInfo', 'itemStruct')),
  };
}

/** Looks like a video-detail scope (and not some other object that happens to share the name). */
function isDetailScope(value: JsonRecord | undefined): value is JsonRecord {
  return value !== undefined && ('statusCode' in value || 'itemInfo' in value || 'statusMsg' in value);
}

function readUniversal(text: string): LayoutReading | undefined {
  // Fast path: parse only the item scope (see parseObjectAtKey).
  for (const name of DETAIL_SCOPES) {
    const detail = parseObjectAtKey(text, name);
    if (isDetailScope(detail)) return detailReading(detail);
  }
  const scope = asRecord(parseScriptObject(text)?.__DEFAULT_SCOPE__);
  if (scope === undefined) return undefined;
  for (const name of DETAIL_SCOPES) {
    const detail = asRecord(scope[name]);
    if (detail !== undefined) return detailReading(detail);
  }
  return {
    kind: 'no_detail',
    layout: 'universal',
    canonical: asString(pathOf(scope, 'seo.abtest', 'canonical')),
  };
}

function readSigi(root: JsonRecord, itemId: string | undefined): LayoutReading {
  const items = asRecord(root.ItemModule);
  let itemStruct: JsonRecord | undefined;
  let fallbackId: string | undefined;
  if (items !== undefined) {
    if (itemId !== undefined && Object.hasOwn(items, itemId)) {
      itemStruct = asRecord(items[itemId]);
      fallbackId = itemId;
    } else if (itemId === undefined) {
      // Without a requested id, a page of one item is unambiguous; take the first.
      for (const key of Object.keys(items)) {
        itemStruct = asRecord(items[key]);
        fallbackId = key;
        break;
      }
    }
  }
  const page = asRecord(root.VideoPage);
  const usersByUniqueId = asRecord(pathOf(root, 'UserModule', 'users'));
  return {
    kind: 'detail',
    layout: 'sigi',
    statusCode: statusOf(page?.statusCode),
    statusMsg: statusMessageOf(page?.statusMsg),
    itemStruct,
    ...(fallbackId === undefined ? {} : { fallbackId }),
    ...(usersByUniqueId === undefined ? {} : { usersByUniqueId }),
  };
}

function readNext(root: JsonRecord): LayoutReading | undefined {
  const props = asRecord(pathOf(root, 'props', 'pageProps'));
  if (props === undefined) return undefined;
  return {
    kind: 'detail',
    layout: 'next',
    statusCode: statusOf(props.statusCode),
    statusMsg: statusMessageOf(props.statusMsg),
    itemStruct: asRecord(pathOf(props, 'itemInfo', 'itemStruct')),
  };
}

/** Reads whichever layout the page uses (newest first); undefined when none is present and parsable. */
export function readPageLayout(html: string, itemId?: string): LayoutReading | undefined {
  const universal = findScriptText(html, '__UNIVERSAL_DATA_FOR_REHYDRATION__');
  if (universal !== undefined) {
    const reading = readUniversal(universal);
    if (reading !== undefined) return reading;
  }
  const sigi = findScriptText(html, 'SIGI_STATE') ?? findScriptText(html, 'sigi-persisted-data');
  if (sigi !== undefined) {
    const root = parseScriptObject(sigi);
    if (root !== undefined && (root.ItemModule !== undefined || root.VideoPage !== undefined)) {
      return readSigi(root, itemId);
    }
  }
  const next = findScriptText(html, '__NEXT_DATA__');
  if (next !== undefined) {
    const root = parseScriptObject(next);
    if (root !== undefined) return readNext(root);
  }
  return undefined;
}
