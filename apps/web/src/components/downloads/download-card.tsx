'use client';

import { formatByteSize } from '@tiksavr/core';
import { useState } from 'react';
import { buttonStyles } from '../ui/button-styles.ts';
import { PinButton } from '../usage/pin-button.tsx';
import { WatchAuthorButton } from '../watchlist/watch-author-button.tsx';
import { WatchOrigin } from '../watchlist/watch-origin.tsx';
import { DownloadActions } from './download-actions.tsx';
import { DownloadFiles } from './download-files.tsx';
import { DownloadStatus } from './download-status.tsx';
import { DownloadThumbnail } from './download-thumbnail.tsx';
import type { DownloadCardItem, WaitingInfo } from './download-types.ts';
import { kindLabel } from './kind-label.ts';
import { readableLink } from './readable-link.ts';
import { StatusBadge } from './status-badge.tsx';
import { StoryTimeLine } from './story-countdown.tsx';

type DownloadCardProps = {
  download: DownloadCardItem;
  /** The card title's heading level: 3 under a section heading (dashboard), 2 right under the page's h1 (history). */
  headingLevel?: 2 | 3;
  /** Its place in the queue while it waits. */
  waiting?: WaitingInfo;
};

const MAIN_FILE_LABEL = { video: 'Download video', zip: 'Download all', image: 'Download photo' } as const;

/**
 * One saved link: its cover, what it is, its live status, and once saved one big button for the
 * file people want. The player and the other files open on request (Preview), so a list of saves
 * stays a list and not a wall of players.
 */
export function DownloadCard({ download, headingLevel = 3, waiting }: DownloadCardProps) {
  const [previewOpen, setPreviewOpen] = useState(false);
  const caption = download.caption?.trim() || null;
  const link = readableLink(download.canonicalUrl);
  const title = caption ?? link;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const created = new Date(download.createdAt);
  const done = download.state === 'done';
  const mainFile = done && download.fileUrl && download.fileKind ? download.fileUrl : null;
  return (
    <article
      aria-label={title}
      data-download-id={download.id}
      data-input-url={download.inputUrl}
      data-state={download.state}
      // An open preview takes the whole row of the grid (see the lists), so the player has room.
      data-preview-open={done && previewOpen ? '' : undefined}
      className="flex h-full flex-col gap-3 rounded-xl border border-gray-200 bg-white p-3 shadow-sm"
    >
      <div className="flex gap-3">
        <DownloadThumbnail download={download} />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex items-start justify-between gap-2">
            <p className="min-w-0 truncate text-sm text-gray-700">
              <span className="font-semibold text-ink">{kindLabel(download)}</span>
              {download.author ? <> · @{download.author}</> : null}
            </p>
            <StatusBadge state={download.state} />
          </div>
          <Heading className="line-clamp-2 break-words font-medium" title={caption ?? download.canonicalUrl}>
            {title}
          </Heading>
          <p className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm text-gray-700">
            <time dateTime={download.createdAt} suppressHydrationWarning className="shrink-0">
              {created.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
            {caption ? (
              <a
                href={download.canonicalUrl}
                target="_blank"
                rel="noreferrer noopener"
                title={download.canonicalUrl}
                className="min-w-0 max-w-full truncate underline underline-offset-2"
              >
                {link}
              </a>
            ) : null}
          </p>
          <StoryTimeLine download={download} />
          <WatchOrigin download={download} />
        </div>
      </div>
      <DownloadStatus download={download} waiting={waiting} />
      <div className="mt-auto flex flex-wrap items-center gap-2">
        {mainFile && download.fileKind ? (
          <a href={mainFile} download className={buttonStyles.primary}>
            {MAIN_FILE_LABEL[download.fileKind]}
            {download.fileSize ? (
              <span className="text-sm font-normal">· {formatByteSize(download.fileSize)}</span>
            ) : null}
          </a>
        ) : null}
        {done ? (
          <button
            type="button"
            className={mainFile ? buttonStyles.secondary : buttonStyles.primary}
            aria-expanded={previewOpen}
            onClick={() => setPreviewOpen((open) => !open)}
          >
            {previewOpen ? 'Hide preview' : mainFile ? 'Preview' : 'Preview and download'}
          </button>
        ) : null}
        <DownloadActions download={download} />
        <PinButton download={download} />
        <WatchAuthorButton author={download.author} />
      </div>
      {done && previewOpen ? <DownloadFiles downloadId={download.id} offered={mainFile} /> : null}
    </article>
  );
}
