import type { RouterOutputs } from '../../server/routers/app.ts';

export type SubmitResult = RouterOutputs['downloads']['submit']['results'][number];

/** After Save: how many links were queued, and why any were not. */
export function SubmitSummary({ results }: { results: readonly SubmitResult[] }) {
  const saved = results.filter((result) => result.ok).length;
  const refused = results.filter((result) => !result.ok);
  return (
    <div role="status" className="flex flex-col gap-2 rounded-lg border border-gray-200 bg-gray-50 px-3 py-2">
      <p className="font-medium">
        {saved === 0
          ? 'Nothing was saved.'
          : `${saved} ${saved === 1 ? 'link is' : 'links are'} being saved below.`}
      </p>
      {refused.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm">
          {refused.map((result) => (
            <li key={result.input}>
              <span className="break-all font-medium">{result.input}</span>:{' '}
              <span className="text-red-900">{result.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
