'use client';

import { useState } from 'react';
import { buttonStyles } from '../ui/button-styles.ts';
import { DownloadActions } from './download-actions.tsx';
import { DownloadFiles } from './download-files.tsx';
import { DownloadStatus } from './download-status.tsx';
import type { DownloadDto } from './download-types.ts';
import { kindLabel } from './kind-label.ts';
import { StatusBadge } from './status-badge.tsx';
import { StoryCountdown } from './story-countdown.tsx';

type DownloadCardProps = {
  download: DownloadDto;
  /** Show the preview and files of a finished item at once instead of behind a button. */
  filesOpen?: boolean;
};

/** One saved link: what it is, its live status, and once saved its preview and files. */
export function DownloadCard({ download, filesOpen = false }: DownloadCardProps) {
  const [showFiles, setShowFiles] = useState(filesOpen);
  const title = download.caption?.trim() || download.canonicalUrl;
  const countdown =
    download.storyDeadline && download.state !== 'done' && download.state !== 'expired'
      ? download.storyDeadline
      : null;
  const created = new Date(download.createdAt);
  return (
    <article
      aria-label={title}
      data-download-id={download.id}
      data-input-url={download.inputUrl}
      data-state={download.state}
      className="flex min-h-40 flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-0.5">
          <p className="text-sm text-gray-700">
            <span className="font-semibold text-ink">{kindLabel(download)}</span>
            {download.author ? <> · @{download.author}</> : null} ·{' '}
            <time dateTime={download.createdAt} suppressHydrationWarning>
              {created.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </p>
          <h3 className="line-clamp-2 break-words font-medium">{title}</h3>
          {download.caption ? (
            <a
              href={download.canonicalUrl}
              target="_blank"
              rel="noreferrer noopener"
              className="truncate text-sm text-gray-700 underline underline-offset-2"
            >
              {download.canonicalUrl}
            </a>
          ) : null}
        </div>
        <StatusBadge state={download.state} />
      </div>
      {countdown ? <StoryCountdown deadline={countdown} /> : null}
      <DownloadStatus download={download} />
      {download.state === 'done' ? (
        showFiles ? (
          <DownloadFiles downloadId={download.id} />
        ) : (
          <button
            type="button"
            className={`${buttonStyles.secondary} self-start`}
            onClick={() => setShowFiles(true)}
          >
            Preview and download
          </button>
        )
      ) : null}
      <DownloadActions download={download} />
    </article>
  );
}
