import type { PageErrorCode } from './page-error.ts';

/**
 * TikTok's `statusCode` / `statusMsg` → why the post is unavailable (tiktok-upstream.md §4).
 * Returns null for "OK". Codes marked UNVERIFIED upstream (10101, 10201, 10235) are deliberately
 * not listed and fall to `unknown_status`, which keeps the raw code for the person and the logs.
 */
export const PAGE_STATUS_CODES: Readonly<Record<number, PageErrorCode>> = {
  10000: 'challenge', // captcha / verification (TikTok-Api#403)
  10202: 'not_found', // user or page not found
  10204: 'deleted', // ambiguous upstream (deleted, wrong id, or IP/region block); refined by statusMsg
  10216: 'private_post',
  10219: 'region_locked',
  10221: 'account_not_found',
  10222: 'private_account',
  10231: 'region_locked',
};

/**
 * `statusMsg` values seen in third-party data (§4). Which code each pairs with is UNVERIFIED, so
 * they refine only status 0 (CO treats any non-empty statusMsg as unavailable) and the ambiguous
 * 10204; every other code keeps its own meaning.
 */
export const PAGE_STATUS_MESSAGES: Readonly<Record<string, PageErrorCode>> = {
  status_deleted: 'deleted',
  "item doesn't exist": 'deleted',
  status_audit_not_pass: 'deleted', // removed by moderation: gone for everyone but the creator
  status_self_see: 'private_post',
  content_classification: 'age_restricted',
  cross_border_violation: 'region_locked',
  copyright_geo_filter: 'region_locked',
};

function errorForMessage(statusMsg: string): PageErrorCode | undefined {
  const key = statusMsg.trim().toLowerCase();
  return Object.hasOwn(PAGE_STATUS_MESSAGES, key) ? PAGE_STATUS_MESSAGES[key] : undefined;
}

export function pageErrorForStatus(statusCode: number, statusMsg: string): PageErrorCode | null {
  if (statusCode === 0) {
    if (statusMsg.trim() === '') return null;
    return errorForMessage(statusMsg) ?? 'unknown_status';
  }
  if (statusCode === 10204) return errorForMessage(statusMsg) ?? 'deleted';
  return Object.hasOwn(PAGE_STATUS_CODES, statusCode)
    ? (PAGE_STATUS_CODES[statusCode] ?? 'unknown_status')
    : 'unknown_status';
}
