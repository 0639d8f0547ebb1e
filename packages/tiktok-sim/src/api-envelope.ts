import { mintLogId } from './tiktok-ids.ts';

/**
 * What every JSON API answer carries besides its payload, as in the real captures: `extra`
 * (log id, server time in ms), `log_pb`, and the status three ways (`statusCode`,
 * `status_code`, `status_msg`).
 */
export function apiEnvelope(nowMs: number) {
  const logId = mintLogId(nowMs);
  return { extra: { fatal_item_ids: [], logid: logId, now: nowMs }, log_pb: { impr_id: logId } };
}

export function apiStatus(statusCode: number, statusMsg = '') {
  return { statusCode, status_code: statusCode, status_msg: statusMsg, ...(statusMsg ? { statusMsg } : {}) };
}

/** List statuses of an account TikTok does not show (creator-policy choices, UNVERIFIED upstream). */
export function accountListStatus(user: { privateAccount: boolean; banned: boolean }) {
  if (user.banned) return apiStatus(10221, 'user banned');
  if (user.privateAccount) return apiStatus(10222, 'private account');
  return null;
}
