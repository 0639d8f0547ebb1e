import type { SubmitResult } from '../routers/downloads/submit.handler.ts';

function links(n: number): string {
  return n === 1 ? '1 link' : `${n} links`;
}

/** One sentence about a submit, short enough for a phone notification (an iOS Shortcut shows it). */
export function submitSummary(results: readonly SubmitResult[]): string {
  const saving = results.filter((result) => result.ok).length;
  const refused = results.filter((result) => !result.ok);
  if (results.length === 0) return 'No TikTok link found in this text.';
  if (refused.length === 0) return `Saving ${links(saving)}.`;
  const onlyReason = refused.length === 1 ? refused[0]?.message : undefined;
  if (saving === 0) {
    if (refused.length === 1)
      return onlyReason ? `This link can't be saved: ${onlyReason}` : "This link can't be saved.";
    return `None of the ${refused.length} links can be saved.`;
  }
  const rest = refused.length === 1 ? "1 link can't be saved" : `${refused.length} links can't be saved`;
  return `Saving ${links(saving)}; ${rest}.`;
}
