import {
  asBoolean,
  asCount,
  asIdString,
  asNumber,
  asRecord,
  asString,
  type JsonRecord,
  pathOf,
} from '../page/lenient-json.ts';
import { findScriptText, parseObjectAtKey, parseScriptObject } from '../page/script-json.ts';

/**
 * Reads a profile page (`GET /@handle`): `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">` →
 * `__DEFAULT_SCOPE__["webapp.user-detail"] = { statusCode, statusMsg, userInfo: { user, stats, statsV2 } }`
 * (tiktok-upstream.md §2B, §6 step 1; gallery-dl reads `userInfo.user.id` and `.secUid` there).
 * A pure function: never throws, never touches the network.
 */
export type UserDetailUser = {
  readonly id: string;
  readonly secUid: string;
  readonly uniqueId: string;
  readonly nickname: string;
  readonly avatarUrl: string | null;
  readonly privateAccount: boolean;
};

export type UserDetailReading =
  | {
      readonly kind: 'detail';
      /** A missing status reads as 0, as for video-detail. */
      readonly statusCode: number;
      readonly statusMsg: string;
      /** Null when the scope has no user with both ids (gone, banned, or a truncated page). */
      readonly user: UserDetailUser | null;
      /** `stats.videoCount` (or `statsV2.videoCount`, a string); null when absent. */
      readonly videoCount: number | null;
    }
  /** A page without the scope; `canonical` is `seo.abtest.canonical` (e.g. the login page's). */
  | { readonly kind: 'no_detail'; readonly canonical: string | undefined };

const SCOPE = 'webapp.user-detail';

function readUser(value: unknown): UserDetailUser | null {
  const user = asRecord(value);
  const id = asIdString(user?.id);
  const secUid = asString(user?.secUid);
  if (user === undefined || id === undefined || secUid === undefined) return null;
  const uniqueId = asString(user.uniqueId) ?? '';
  return {
    id,
    secUid,
    uniqueId,
    nickname: asString(user.nickname) ?? uniqueId,
    avatarUrl:
      asString(user.avatarLarger) ?? asString(user.avatarMedium) ?? asString(user.avatarThumb) ?? null,
    privateAccount: asBoolean(user.privateAccount) === true,
  };
}

function readScope(detail: JsonRecord): UserDetailReading {
  const status = asNumber(detail.statusCode);
  const videoCount =
    asCount(pathOf(detail, 'userInfo', 'stats', 'videoCount')) ??
    asCount(pathOf(detail, 'userInfo', 'statsV2', 'videoCount'));
  return {
    kind: 'detail',
    statusCode: status === undefined ? 0 : Math.trunc(status),
    statusMsg: typeof detail.statusMsg === 'string' ? detail.statusMsg : '',
    user: readUser(pathOf(detail, 'userInfo', 'user')),
    videoCount: videoCount ?? null,
  };
}

/** Undefined when the page has no rehydration JSON at all (junk, the WAF challenge page). */
export function readUserDetail(html: string): UserDetailReading | undefined {
  if (typeof html !== 'string') return undefined;
  const script = findScriptText(html, '__UNIVERSAL_DATA_FOR_REHYDRATION__');
  if (script === undefined) return undefined;
  // Fast path: parse only the scope (see parseObjectAtKey); the whole script otherwise.
  const fast = parseObjectAtKey(script, SCOPE);
  if (fast !== undefined && ('statusCode' in fast || 'userInfo' in fast)) return readScope(fast);
  const scopes = asRecord(parseScriptObject(script)?.__DEFAULT_SCOPE__);
  if (scopes === undefined) return undefined;
  const detail = asRecord(scopes[SCOPE]);
  if (detail !== undefined) return readScope(detail);
  return { kind: 'no_detail', canonical: asString(pathOf(scopes, 'seo.abtest', 'canonical')) };
}
