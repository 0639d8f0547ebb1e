/**
 * What TikSavr tells a person about, on a device (Web Push) or a webhook. One event per save
 * that ends: `saved` (done), `failed` (failed or expired: "couldn't save"), and `watched_story`
 * in place of `saved` for a story a watched creator posted (the one people wait for). `test` is
 * sent only when the person asks for one from Settings.
 */
export const NOTIFICATION_EVENTS = ['saved', 'failed', 'watched_story', 'test'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The events a person chooses per device and for the webhook. */
export const CHOOSABLE_EVENTS = ['saved', 'failed', 'watched_story'] as const;
export type ChoosableEvent = (typeof CHOOSABLE_EVENTS)[number];

/** How each choosable event is called in Settings. */
export const EVENT_LABELS: Readonly<Record<ChoosableEvent, string>> = {
  saved: 'Saved',
  failed: "Couldn't save",
  watched_story: 'New story from a creator you watch',
};

/** The per-channel switches, as the PushSubscription and Webhook rows keep them. */
export type EventSwitches = {
  readonly onSaved: boolean;
  readonly onFailed: boolean;
  readonly onWatchedStory: boolean;
};

export function wantsEvent(switches: EventSwitches, event: NotificationEvent): boolean {
  switch (event) {
    case 'saved':
      return switches.onSaved;
    case 'failed':
      return switches.onFailed;
    case 'watched_story':
      return switches.onWatchedStory;
    case 'test':
      return true;
  }
}

/**
 * The event a download's new state raises; null for a state nobody is told about (still
 * running, or canceled by the person themselves).
 */
export function notificationEventFor(download: {
  readonly state: string;
  readonly kind: string | null;
  readonly origin: string;
}): ChoosableEvent | null {
  if (download.state === 'done') {
    return download.origin === 'watch' && download.kind === 'story' ? 'watched_story' : 'saved';
  }
  if (download.state === 'failed' || download.state === 'expired') return 'failed';
  return null;
}
