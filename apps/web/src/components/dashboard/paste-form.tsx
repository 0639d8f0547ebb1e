'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useMemo, useState } from 'react';
import { precheckLinks } from '../../lib/precheck.ts';
import { useTRPC } from '../../lib/trpc.tsx';
import { buttonStyles } from '../ui/button-styles.ts';
import { PrecheckList } from './precheck-list.tsx';
import { type SubmitResult, SubmitSummary } from './submit-summary.tsx';

/**
 * The one box for links: a single link or a whole pasted message. What each link is shows up
 * while typing; Save queues every good one.
 */
export function PasteForm({
  initialText,
  onSaved,
}: {
  initialText: string;
  onSaved: (ids: string[]) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialText);
  const [results, setResults] = useState<readonly SubmitResult[] | null>(null);
  // The same pure check the server runs, here on every keystroke (deferred so typing stays smooth).
  const checkedText = useDeferredValue(text);
  const links = useMemo(() => precheckLinks(checkedText), [checkedText]);
  const goodLinks = links.filter((link) => link.ok).length;
  const submit = useMutation(
    trpc.downloads.submit.mutationOptions({
      onSuccess: (data) => {
        setResults(data.results);
        const saved = data.results.flatMap((result) =>
          result.ok && result.downloadId ? [result.downloadId] : [],
        );
        onSaved(saved);
        // Everything in the box has an outcome now: saved ones below, refused ones in the summary.
        if (saved.length > 0) setText('');
        return queryClient.invalidateQueries({ queryKey: trpc.downloads.list.pathKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim().length === 0) return;
    setResults(null);
    submit.mutate({ text });
  }

  const noLinkFound = checkedText.trim().length > 0 && links.length === 0;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby="links-hint">
      <label htmlFor="links" className="text-lg font-semibold">
        Paste TikTok links
      </label>
      <p id="links-hint" className="-mt-2 text-sm text-gray-700">
        One link, or a whole message with many. In TikTok: Share → Copy link.
      </p>
      <textarea
        id="links"
        name="links"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setResults(null);
        }}
        rows={4}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode="url"
        placeholder="https://www.tiktok.com/@creator/video/…"
        aria-describedby="links-hint"
        className="min-h-28 w-full resize-y rounded-lg border border-gray-400 bg-white p-3 text-base outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/40"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.primary} disabled={submit.isPending || goodLinks === 0}>
          {submit.isPending ? 'Saving…' : goodLinks > 1 ? `Save ${goodLinks} links` : 'Save'}
        </button>
        <p className="text-sm text-gray-700" aria-live="polite">
          {links.length > 0
            ? `${links.length} ${links.length === 1 ? 'link' : 'links'} found${goodLinks < links.length ? `, ${links.length - goodLinks} can’t be saved` : ''}`
            : noLinkFound
              ? 'No TikTok link found in this text yet.'
              : ''}
        </p>
      </div>
      {submit.error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {submit.error.message}
        </p>
      ) : null}
      {results ? <SubmitSummary results={results} /> : null}
      {links.length > 0 ? <PrecheckList links={links} /> : null}
    </form>
  );
}
