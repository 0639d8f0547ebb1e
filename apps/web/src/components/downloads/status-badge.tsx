import type { DownloadState } from './download-types.ts';

const LABELS: Record<DownloadState, { text: string; className: string }> = {
  queued: { text: 'Waiting', className: 'bg-gray-100 text-gray-800' },
  resolving: { text: 'Checking link', className: 'bg-blue-50 text-blue-900' },
  downloading: { text: 'Downloading', className: 'bg-blue-50 text-blue-900' },
  done: { text: 'Saved', className: 'bg-green-50 text-green-900' },
  failed: { text: 'Couldn’t save', className: 'bg-red-50 text-red-900' },
  expired: { text: 'Expired', className: 'bg-amber-50 text-amber-900' },
  canceled: { text: 'Canceled', className: 'bg-gray-100 text-gray-800' },
};

/** The state of a download in words, with a fixed width so the row never jumps. */
export function StatusBadge({ state }: { state: DownloadState }) {
  const label = LABELS[state];
  return (
    <span
      data-state={state}
      className={`inline-flex min-w-28 shrink-0 justify-center rounded-full px-2.5 py-1 text-sm font-semibold ${label.className}`}
    >
      {label.text}
    </span>
  );
}
