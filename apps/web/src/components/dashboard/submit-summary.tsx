import type { RouterOutputs } from '../../server/routers/app.ts';
import type { DownloadState } from '../downloads/download-types.ts';

export type SubmitResult = RouterOutputs['downloads']['submit']['results'][number];

const FINISHED: ReadonlySet<DownloadState> = new Set(['done', 'failed', 'expired', 'canceled']);

function links(count: number): string {
  return `${count} ${count === 1 ? 'link' : 'links'}`;
}

/**
 * After Save: how many links are on their way, and why any were not taken. It follows the cards:
 * once every saved link has finished it says how they ended, instead of "being saved" forever.
 */
export function SubmitSummary({
  results,
  states,
}: {
  results: readonly SubmitResult[];
  /** The live state of each saved download, by id, as the cards below show it. */
  states: ReadonlyMap<string, DownloadState>;
}) {
  const savedIds = results.flatMap((result) => (result.ok && result.downloadId ? [result.downloadId] : []));
  const refused = results.filter((result) => !result.ok);
  const known = savedIds.map((id) => states.get(id));
  const allFinished =
    savedIds.length > 0 && known.every((state) => state !== undefined && FINISHED.has(state));
  const done = known.filter((state) => state === 'done').length;
  const notDone = savedIds.length - done;
  let headline: string;
  if (savedIds.length === 0) headline = 'Nothing was saved.';
  else if (!allFinished)
    headline = `${links(savedIds.length)} ${savedIds.length === 1 ? 'is' : 'are'} being saved below.`;
  else if (notDone === 0)
    headline = `Saved ${links(done)}. ${done === 1 ? 'It is' : 'They are'} ready below.`;
  else headline = `Finished: ${done} saved, ${notDone} couldn’t be saved — see below.`;
  return (
    <div role="status" className="flex flex-col gap-2 rounded-lg border border-gray-200 bg-gray-50 px-3 py-2">
      <p className="font-medium">{headline}</p>
      {refused.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm">
          {refused.map((result) => (
            <li key={result.input} className="min-w-0">
              <span className="block truncate font-medium" title={result.input}>
                {result.input}
              </span>
              <span className="text-red-900">{result.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
