'use client';

import { useQuery } from '@tanstack/react-query';
import type { PrecheckResult } from '../../lib/precheck.ts';
import { useTRPC } from '../../lib/trpc.tsx';
import { ScreenRecordingPanel } from '../downloads/screen-recording-panel.tsx';
import { StoryCountdown } from '../downloads/story-countdown.tsx';
import { EyeIcon } from '../watchlist/eye-icon.tsx';
import { WatchCreatorButton } from '../watchlist/watch-creator-button.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';

export type PrecheckedLink = PrecheckResult;

function describe(link: PrecheckedLink, storyDeadline: string | undefined): string {
  if (storyDeadline) return 'Story';
  if (link.kind === 'video') return 'Video';
  if (link.kind === 'photo') return 'Photo post';
  if (link.kind === 'short_link') return 'Short link';
  return 'TikTok link';
}

/**
 * The deadline of each good link the person's own history already knows to be a story, from the
 * server's precheck (asked once typing settles; the verdicts themselves are computed here).
 */
function useKnownStoryDeadlines(links: readonly PrecheckedLink[]): ReadonlyMap<string, string> {
  const trpc = useTRPC();
  const goodInputs = links.filter((link) => link.ok).map((link) => link.input);
  const text = useDebouncedValue(goodInputs.join('\n'), 400);
  const known = useQuery({
    ...trpc.downloads.precheck.queryOptions({ text }),
    enabled: text !== '',
    staleTime: 30_000,
  });
  const deadlines = new Map<string, string>();
  for (const link of known.data?.links ?? []) {
    if ('storyDeadline' in link && link.storyDeadline) deadlines.set(link.input, link.storyDeadline);
  }
  return deadlines;
}

/**
 * What each link in the box is, before anything is saved; rejected links say why and what to paste
 * instead. A profile link or @name offers to watch the creator; a story TikSavr already knows shows
 * its time left, ticking.
 */
export function PrecheckList({ links }: { links: readonly PrecheckedLink[] }) {
  const deadlines = useKnownStoryDeadlines(links);
  return (
    <ul className="flex flex-col gap-2" aria-label="Links found">
      {links.map((link) => {
        const storyDeadline = deadlines.get(link.input);
        const creator = link.creator;
        const tone = link.ok || creator ? 'border-gray-200 bg-white' : 'border-red-200 bg-red-50';
        return (
          <li
            key={link.input}
            data-ok={link.ok}
            className={`flex flex-col gap-1 rounded-lg border px-3 py-2 ${tone}`}
          >
            <p className="flex items-start gap-2">
              {creator ? (
                <EyeIcon className="mt-1 size-4" />
              ) : (
                <span aria-hidden="true" className={link.ok ? 'text-green-700' : 'text-red-800'}>
                  {link.ok ? '✓' : '✕'}
                </span>
              )}
              <span className="min-w-0 flex-1">
                <span className="font-semibold">
                  {link.ok
                    ? describe(link, storyDeadline)
                    : creator
                      ? `TikTok account @${creator.handle}`
                      : 'Can’t be saved'}
                </span>
                {link.kind === 'short_link' && !storyDeadline ? (
                  <span className="text-sm text-gray-700">
                    {' '}
                    · video, photo post or story, found out when saving
                  </span>
                ) : null}
                <span className="block truncate text-sm text-gray-700">{link.input}</span>
              </span>
            </p>
            {storyDeadline ? <StoryCountdown deadline={storyDeadline} /> : null}
            {!link.ok && link.message ? (
              <p className={`text-sm ${creator ? 'text-gray-800' : 'text-red-900'}`}>{link.message}</p>
            ) : null}
            {creator ? <WatchCreatorButton handle={creator.handle} /> : null}
            {!link.ok && link.advice === 'screen_recording' ? <ScreenRecordingPanel /> : null}
          </li>
        );
      })}
    </ul>
  );
}
