import type { PrecheckResult } from '../../lib/precheck.ts';
import { ScreenRecordingPanel } from '../downloads/screen-recording-panel.tsx';

export type PrecheckedLink = PrecheckResult;

function describe(link: PrecheckedLink): string {
  if (link.kind === 'video') return 'Video';
  if (link.kind === 'photo') return 'Photo post';
  if (link.kind === 'short_link') return 'Short link';
  return 'TikTok link';
}

/** What each link in the box is, before anything is saved; rejected links say why and what to paste instead. */
export function PrecheckList({ links }: { links: readonly PrecheckedLink[] }) {
  return (
    <ul className="flex flex-col gap-2" aria-label="Links found">
      {links.map((link) => (
        <li
          key={link.input}
          data-ok={link.ok}
          className={`flex flex-col gap-1 rounded-lg border px-3 py-2 ${link.ok ? 'border-gray-200 bg-white' : 'border-red-200 bg-red-50'}`}
        >
          <p className="flex items-start gap-2">
            <span aria-hidden="true" className={link.ok ? 'text-green-700' : 'text-red-800'}>
              {link.ok ? '✓' : '✕'}
            </span>
            <span className="min-w-0 flex-1">
              <span className="font-semibold">{link.ok ? describe(link) : 'Can’t be saved'}</span>
              {link.kind === 'short_link' ? (
                <span className="text-sm text-gray-700">
                  {' '}
                  · video, photo post or story, found out when saving
                </span>
              ) : null}
              <span className="block truncate text-sm text-gray-700">{link.input}</span>
            </span>
          </p>
          {!link.ok && link.message ? <p className="text-sm text-red-900">{link.message}</p> : null}
          {!link.ok && link.advice === 'screen_recording' ? <ScreenRecordingPanel /> : null}
        </li>
      ))}
    </ul>
  );
}
