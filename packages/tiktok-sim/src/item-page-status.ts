import { isPublished, isStoryLive, type StoredItem } from './item-registry.ts';

/**
 * What `webapp.video-detail` says about an item right now (tiktok-upstream.md §4, §6, §7).
 * Which `statusMsg` goes with which code is unverified upstream; these pairings are the sim's
 * choice, taken from values seen in the wild. `withItem` says whether `itemStruct` is sent.
 */
export type ItemPageStatus = { statusCode: number; statusMsg: string; withItem: boolean };

export function itemPageStatus(item: StoredItem | undefined, nowMs: number): ItemPageStatus {
  // Not posted yet (a createTime in the future) and a banned account's items: as if unknown.
  if (!item || !isPublished(item, nowMs) || item.user.banned) {
    return { statusCode: 10204, statusMsg: "item doesn't exist", withItem: false };
  }
  const { visibility, story } = item.data;
  if (visibility === 'deleted') return { statusCode: 10204, statusMsg: 'status_deleted', withItem: false };
  if (story && !isStoryLive(item, nowMs))
    return { statusCode: 10204, statusMsg: 'status_deleted', withItem: false };
  if (visibility === 'private_account' || item.user.privateAccount) {
    return { statusCode: 10222, statusMsg: '', withItem: false };
  }
  if (visibility === 'private_post' || visibility === 'followers_only') {
    return { statusCode: 10216, statusMsg: 'status_self_see', withItem: false };
  }
  if (visibility === 'region_locked')
    return { statusCode: 10231, statusMsg: 'copyright_geo_filter', withItem: false };
  // Age gate: status 0 and an item without `video`, marked isContentClassified (§4).
  return { statusCode: 0, statusMsg: '', withItem: true };
}
