import { durationWords } from '../../lib/story-time-words.ts';

/** "12 min ago", "just now" (under a minute), for the last check of a creator. */
export function agoWords(ms: number): string {
  return ms < 60_000 ? 'just now' : `${durationWords(ms)} ago`;
}

/** "in 48 min", "due now" (at or past its time), for the next check of a creator. */
export function inWords(ms: number): string {
  return ms < 60_000 ? 'due now' : `in ${durationWords(ms)}`;
}

/** A time of day in the reader's own clock, e.g. "14:05". */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** How often a creator is checked, for "about every …": "hour", "30 min", "2 h". */
export function intervalWords(seconds: number): string {
  return seconds === 3600 ? 'hour' : durationWords(seconds * 1000);
}
