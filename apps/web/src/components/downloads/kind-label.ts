import { parseTikTokUrl } from '@tiksavr/core';
import type { DownloadDto } from './download-types.ts';

/**
 * What a saved item is, in words. `kind` is known once the worker identified the post (a post
 * link says video or photo at once); until then, or when it never could, a short link is only
 * a short link: calling it a video or a story would be a guess. What only a story can be (a
 * deadline, a followers-only story's failure) is called a story even without a kind.
 */
export function kindLabel(
  download: Pick<DownloadDto, 'kind' | 'canonicalUrl'> & Partial<Pick<DownloadDto, 'isStory'>>,
): string {
  if (download.kind === 'video') return 'Video';
  if (download.kind === 'photo') return 'Photo post';
  // A story by its kind, its deadline or its failure (expired, taken down, followers-only: see the DTO).
  if (download.kind === 'story' || download.isStory === true) return 'Story';
  const link = parseTikTokUrl(download.canonicalUrl);
  if (link.ok && link.kind === 'short_link') return 'Short link';
  return 'TikTok link';
}
