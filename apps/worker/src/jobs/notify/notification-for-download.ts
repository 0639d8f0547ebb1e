import {
  downloadPageUrl,
  ERRORS,
  isErrorCode,
  itemTitle,
  type NotificationEvent,
  type NotificationFile,
  type NotificationPayload,
} from '@tiksavr/core';
import type { NotifyDeps } from './notify-deps.ts';

/** The payload about a download as it is now; null when the download was deleted meanwhile. */
export async function notificationForDownload(
  deps: Pick<NotifyDeps, 'db' | 'notify' | 'now'>,
  event: NotificationEvent,
  downloadId: string,
): Promise<NotificationPayload | null> {
  const download = await deps.db.download.findUnique({
    where: { id: downloadId },
    include: { item: { include: { assets: { orderBy: [{ role: 'asc' }, { index: 'asc' }] } } } },
  });
  if (download === null) return null;
  const { publicUrl } = deps.notify;
  const files: NotificationFile[] =
    download.state === 'done'
      ? (download.item?.assets ?? []).map((asset) => ({
          role: asset.role,
          index: asset.index,
          mime: asset.mime,
          size: Number(asset.size),
          url: `${publicUrl}/api/v1/files/${asset.id}`,
        }))
      : [];
  const failureCode = download.failureCode;
  const failure =
    download.state !== 'done' && failureCode !== null
      ? {
          code: failureCode,
          message:
            download.failureMessage ?? (isErrorCode(failureCode) ? ERRORS[failureCode].user : failureCode),
        }
      : undefined;
  return {
    event,
    at: (download.finishedAt ?? deps.now()).toISOString(),
    download: {
      id: download.id,
      link: download.canonicalUrl,
      kind: download.kind,
      state: download.state,
      title: itemTitle({ caption: download.caption, author: download.author, kind: download.kind }),
      author: download.author,
      ...(failure ? { failure } : {}),
      files,
      pageUrl: downloadPageUrl(publicUrl, download.canonicalUrl),
    },
  };
}

/** The payload of a test message a person asked for in Settings. */
export function testNotification(deps: Pick<NotifyDeps, 'now'>): NotificationPayload {
  return { event: 'test', download: null, at: deps.now().toISOString() };
}
