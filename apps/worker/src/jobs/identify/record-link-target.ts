import { type ParsedPostLink, priorityFor } from '@tiksavr/core';
import type { DownloadDeps, DownloadTicket } from '../download/download-deps.ts';
import { searchTextOf } from '../download/record-item.ts';
import type { StoryKnowledge } from '../download/story-knowledge.ts';
import { updateDownload } from '../download/update-download.ts';

/**
 * The first thing `media.identify` learns, written at once so the dashboard shows it while the
 * post page is still being asked for: where the short link leads (the post URL, the author's
 * handle) and, for an item already known to be a story, that it is one and its deadline. Whether
 * an unknown item is a video, a photo post or a story is only recorded once its page and its
 * author's story list have said so (`recordItem`). The Download stays `queued`.
 */
export async function recordLinkTarget(
  deps: Pick<DownloadDeps, 'db' | 'now'>,
  ticket: DownloadTicket,
  inputUrl: string,
  target: ParsedPostLink,
  story: StoryKnowledge,
): Promise<boolean> {
  return updateDownload(deps, ticket, {
    state: 'queued',
    canonicalUrl: target.canonicalUrl,
    ...(target.username === undefined ? {} : { author: target.username }),
    ...(story.knownStory
      ? {
          kind: 'story' as const,
          storyDeadline: story.deadline,
          priority: priorityFor(story.deadline, deps.now()),
        }
      : {}),
    searchText: searchTextOf([target.username, inputUrl, target.canonicalUrl]),
  });
}
