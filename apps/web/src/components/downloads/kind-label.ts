import type { DownloadDto } from './download-types.ts';

/** What a saved item is, in words. */
export function kindLabel(kind: DownloadDto['kind']): string {
  if (kind === 'video') return 'Video';
  if (kind === 'photo') return 'Photo post';
  if (kind === 'story') return 'Story';
  return 'TikTok link';
}
