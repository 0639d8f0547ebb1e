import { formatSeconds } from './format.ts';

/**
 * Waiting short links whose kind is not known yet: each may be a story whose 24 hours already
 * run, so the at-risk view counts them instead of saying nothing about them.
 */
export function MaybeStoriesNote({
  unidentified,
}: {
  unidentified: { count: number; oldestQueuedAt: string | null };
}) {
  if (unidentified.count === 0) return null;
  const waited = unidentified.oldestQueuedAt
    ? (Date.now() - Date.parse(unidentified.oldestQueuedAt)) / 1000
    : null;
  return (
    <p
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid="maybe-stories"
    >
      <strong>
        {unidentified.count} short {unidentified.count === 1 ? 'link' : 'links'} waiting may be{' '}
        {unidentified.count === 1 ? 'a story' : 'stories'}
      </strong>
      , not identified yet{waited !== null ? ` (the oldest has waited ${formatSeconds(waited)})` : ''}. Their
      deadlines are known once the worker has followed them.
    </p>
  );
}
