import { parseTikTokUrl } from '@tiksavr/core';

/**
 * A link as a person reads it, for a card without a caption (a failed or waiting item): a post as
 * "@anna · video 7524919459643919624", a short link as "vm.tiktok.com/ZMabc123", anything else
 * without its scheme. The card truncates it with an ellipsis; the full link stays in its title.
 */
export function readableLink(url: string): string {
  const parsed = parseTikTokUrl(url);
  if (parsed.ok && parsed.kind !== 'short_link') {
    const what = `${parsed.kind === 'photo' ? 'photo post' : 'video'} ${parsed.id}`;
    return parsed.username ? `@${parsed.username} · ${what}` : what;
  }
  const bare = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return bare.endsWith('/') ? bare.slice(0, -1) : bare;
}
