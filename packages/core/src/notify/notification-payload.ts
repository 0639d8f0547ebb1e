import type { NotificationEvent } from './notification-event.ts';

/** One stored file of a saved item, with its address in TikSavr's HTTP API (needs an API token). */
export type NotificationFile = {
  readonly role: 'video' | 'image' | 'audio' | 'cover';
  readonly index: number;
  readonly mime: string;
  readonly size: number;
  readonly url: string;
};

/** What a notification says about the download. */
export type NotificationDownload = {
  readonly id: string;
  /** The TikTok link (the post's own link once known, else the one pasted). */
  readonly link: string;
  readonly kind: 'video' | 'photo' | 'story' | null;
  readonly state: string;
  /** The caption's first line, or "Video by @name" when there is none. */
  readonly title: string;
  /** The creator's @handle without "@"; null until known. */
  readonly author: string | null;
  /** Why it couldn't be saved, in the words history shows; absent when saved. */
  readonly failure?: { readonly code: string; readonly message: string };
  readonly files: readonly NotificationFile[];
  /** Where the item is in TikSavr (history, searched for this link). */
  readonly pageUrl: string;
};

/**
 * The JSON body of a webhook and the (encrypted) body of a push message: `download` is null only
 * for a test. `at` is when the download ended (ISO 8601).
 */
export type NotificationPayload = {
  readonly event: NotificationEvent;
  readonly download: NotificationDownload | null;
  readonly at: string;
};

const TITLE_MAX = 100;

function kindWord(kind: NotificationDownload['kind']): string {
  if (kind === 'photo') return 'Photo post';
  if (kind === 'story') return 'Story';
  if (kind === 'video') return 'Video';
  return 'TikTok post';
}

/** A short title for an item: its caption's first line (cut at a word), else what it is and by whom. */
export function itemTitle(item: {
  readonly caption: string | null;
  readonly author: string | null;
  readonly kind: NotificationDownload['kind'];
}): string {
  const line = (item.caption ?? '').split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (line !== '') {
    if (line.length <= TITLE_MAX) return line;
    const cut = line.slice(0, TITLE_MAX);
    const space = cut.lastIndexOf(' ');
    return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return item.author ? `${kindWord(item.kind)} by @${item.author}` : kindWord(item.kind);
}

/** Where a download is shown in TikSavr: history, searched for its link. */
export function downloadPageUrl(publicUrl: string, link: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/history?q=${encodeURIComponent(link)}`;
}

/** The words of a notification: what a phone shows, and an ntfy message's Title, body and Tags. */
export type NotificationText = {
  readonly title: string;
  readonly body: string;
  /** ntfy tags (emoji short codes first). */
  readonly tags: readonly string[];
};

export function notificationText(payload: NotificationPayload): NotificationText {
  const download = payload.download;
  if (payload.event === 'test' || download === null) {
    return {
      title: 'TikSavr test',
      body: 'Notifications from TikSavr work. You will hear from it when a save ends.',
      tags: ['bell', 'tiksavr'],
    };
  }
  const by = download.author ? ` by @${download.author}` : '';
  switch (payload.event) {
    case 'watched_story':
      return {
        title: `New story${by}`,
        body: `Saved: ${download.title}`,
        tags: ['sparkles', 'tiksavr', 'story'],
      };
    case 'failed':
      return {
        title: `Couldn't save: ${download.title}`,
        body: download.failure?.message ?? "TikSavr couldn't save this.",
        tags: ['warning', 'tiksavr', 'failed'],
      };
    case 'saved':
      return {
        title: `Saved: ${download.title}`,
        body: `${kindWord(download.kind)}${by} is in your TikSavr history.`,
        tags: ['white_check_mark', 'tiksavr', 'saved'],
      };
  }
}
