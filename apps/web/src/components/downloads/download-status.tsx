import type { DownloadDto } from './download-types.ts';
import { ProgressBar } from './progress-bar.tsx';
import { ScreenRecordingPanel } from './screen-recording-panel.tsx';

/**
 * The line under a card's title that says where the download is. Its box keeps a minimum
 * height, so the card does not jump when the state changes.
 */
export function DownloadStatus({ download }: { download: DownloadDto }) {
  return (
    <div className="flex min-h-12 flex-col justify-center gap-2" aria-live="polite">
      <StatusDetail download={download} />
    </div>
  );
}

function StatusDetail({ download }: { download: DownloadDto }) {
  switch (download.state) {
    case 'queued':
      return <p className="text-sm text-gray-700">Waiting for its turn…</p>;
    case 'resolving':
      return <p className="text-sm text-gray-700">Asking TikTok for the best copy…</p>;
    case 'downloading':
      return <ProgressBar done={download.bytesDone} total={download.bytesTotal} label="Download progress" />;
    case 'done':
      return <p className="text-sm text-gray-700">Saved. Download it below whenever you like.</p>;
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
