'use client';

import type { DownloadCardItem, WaitingInfo } from './download-types.ts';
import { formatElapsed } from './format-elapsed.ts';
import { ProgressBar } from './progress-bar.tsx';
import { ScreenRecordingPanel } from './screen-recording-panel.tsx';
import { useNow } from './use-now.ts';

/**
 * The line under a card's title that says where the download is. While it runs, its box keeps a
 * minimum height, so the card does not jump when the state changes; a saved item needs no line
 * (its badge and download button say it all).
 */
export function DownloadStatus({ download, waiting }: { download: DownloadCardItem; waiting?: WaitingInfo }) {
  if (download.state === 'done') return null;
  return (
    <div className="flex min-h-12 flex-col justify-center gap-2" aria-live="polite">
      <StatusDetail download={download} waiting={waiting} />
    </div>
  );
}

function StatusDetail({ download, waiting }: { download: DownloadCardItem; waiting?: WaitingInfo }) {
  switch (download.state) {
    case 'queued':
      return <WaitingLine since={download.createdAt} waiting={waiting} />;
    case 'resolving':
      return <p className="text-sm text-gray-700">Asking TikTok for the best copy…</p>;
    case 'downloading':
      return <ProgressBar done={download.bytesDone} total={download.bytesTotal} label="Download progress" />;
    case 'canceled':
      return <p className="text-sm text-gray-700">You canceled this download.</p>;
    default:
      return (
        <>
          <p className="text-sm text-red-900">
            {download.failureMessage ?? 'TikSavr could not save this. Try again later.'}
          </p>
          {download.advice === 'screen_recording' ? <ScreenRecordingPanel /> : null}
        </>
      );
  }
}

function placeInLine(ahead: number | null | undefined): string {
  if (ahead === null || ahead === undefined) return 'Waiting for its turn';
  if (ahead === 0) return 'Next in line';
  return `Waiting for its turn · ${ahead} ahead of it`;
}

/** "Waiting for its turn · 3 ahead of it · 0:42", and a plain notice when the downloader is down. */
function WaitingLine({ since, waiting }: { since: string; waiting?: WaitingInfo }) {
  const now = useNow(1000);
  const elapsed = now === null ? null : now - Date.parse(since);
  return (
    <>
      <p className="text-sm text-gray-700" data-testid="queue-position">
        {placeInLine(waiting?.ahead)}
        {elapsed === null ? (
          '…'
        ) : (
          <>
            {' · '}
            {/* Ticks every second: kept out of the card's live region, or it would be read out each time. */}
            <span className="tabular-nums" aria-live="off">
              {formatElapsed(elapsed)}
            </span>
          </>
        )}
      </p>
      {waiting?.downloaderDown ? (
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="downloader-down"
        >
          <strong className="font-semibold">The downloader seems to be down.</strong> Nothing has been picked
          up for a while. Your link is safe in the queue and will be saved as soon as it is back; the admin of
          this TikSavr server can see it too.
        </p>
      ) : null}
    </>
  );
}
