'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type FormEvent,
  type KeyboardEvent,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type PrecheckResult, precheckLinks } from '../../lib/precheck.ts';
import { useTRPC } from '../../lib/trpc.tsx';
import type { DownloadState } from '../downloads/download-types.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { type AlreadySavedLink, AlreadySavedNotices } from './already-saved-notices.tsx';
import { PrecheckList } from './precheck-list.tsx';
import { useRecentDownloads } from './recent-downloads.tsx';
import { type SubmitResult, SubmitSummary } from './submit-summary.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';

/** The links of the box the person may already have, as the already-saved query takes them. */
function savedLookupOf(links: readonly PrecheckResult[]) {
  return links.flatMap((link) =>
    link.ok && link.canonicalUrl
      ? [{ input: link.input, canonicalUrl: link.canonicalUrl, ...(link.id ? { itemId: link.id } : {}) }]
      : [],
  );
}

function countLine(found: number, refused: number, duplicates: number): string {
  if (found === 0) return '';
  const parts = [`${found} ${found === 1 ? 'link' : 'links'} found`];
  if (refused > 0) parts.push(`${refused} can’t be saved`);
  if (duplicates > 0) parts.push(`${duplicates} already saved`);
  return parts.join(', ');
}

/**
 * The one box for links: a single link or a whole pasted message. What each link is shows up
 * while typing, links the person already has say so, and Save queues every new good one. Focused on
 * load; Ctrl/⌘+Enter saves; Paste reads the clipboard where the browser allows it.
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
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [results, setResults] = useState<readonly SubmitResult[] | null>(null);
  const [pasteHelp, setPasteHelp] = useState<string | null>(null);
  /** What the box keeps after a save: the links left out of it (already saved), one per line. */
  const keepAfterSave = useRef('');
  // The same pure check the server runs, here on every keystroke (deferred so typing stays smooth).
  const checkedText = useDeferredValue(text);
  const links = useMemo(() => precheckLinks(checkedText), [checkedText]);

  // Debounced by value (a string), so re-renders while cards update do not restart the wait.
  const lookupKey = useDebouncedValue(JSON.stringify(savedLookupOf(links)), 300);
  const lookup = useMemo(() => JSON.parse(lookupKey) as ReturnType<typeof savedLookupOf>, [lookupKey]);
  const alreadySaved = useQuery({
    ...trpc.downloads.alreadySaved.queryOptions({ links: lookup.slice(0, 50) }),
    enabled: lookup.length > 0,
  });
  const duplicates: readonly AlreadySavedLink[] = useMemo(() => {
    const inBox = new Set(links.map((link) => link.input));
    return (lookup.length > 0 ? (alreadySaved.data ?? []) : []).filter((found) => inBox.has(found.input));
  }, [alreadySaved.data, links, lookup.length]);
  const duplicateInputs = new Set(duplicates.map((found) => found.input));
  const newLinks = links.filter((link) => link.ok && !duplicateInputs.has(link.input)).length;
  const refused = links.filter((link) => !link.ok).length;

  const { items } = useRecentDownloads();
  const states = useMemo(
    () => new Map<string, DownloadState>(items.map((item) => [item.id, item.state])),
    [items],
  );

  useEffect(() => {
    box.current?.focus({ preventScroll: true });
  }, []);

  const submit = useMutation(
    trpc.downloads.submit.mutationOptions({
      onSuccess: (data) => {
        setResults(data.results);
        const saved = data.results.flatMap((result) =>
          result.ok && result.downloadId ? [result.downloadId] : [],
        );
        onSaved(saved);
        // Everything submitted has an outcome now: saved ones below, refused ones in the summary.
        // Links left out (already saved) stay in the box with their notice.
        if (saved.length > 0) setText(keepAfterSave.current);
        return queryClient.invalidateQueries({ queryKey: trpc.downloads.pathKey() });
      },
    }),
  );

  function save() {
    if (text.trim().length === 0 || submit.isPending || newLinks === 0) return;
    setResults(null);
    if (duplicates.length === 0) {
      keepAfterSave.current = '';
      submit.mutate({ text });
      return;
    }
    const fresh = links.filter((link) => !duplicateInputs.has(link.input)).map((link) => link.input);
    keepAfterSave.current = [...duplicateInputs].join('\n');
    submit.mutate({ text: fresh.join('\n') });
  }

  function saveAgain(link: AlreadySavedLink) {
    setResults(null);
    const rest = links.filter((other) => other.input !== link.input).map((other) => other.input);
    keepAfterSave.current = rest.join('\n');
    submit.mutate({ text: link.input });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  }

  async function pasteFromClipboard() {
    setPasteHelp(null);
    try {
      const pasted = await navigator.clipboard.readText();
      if (pasted.trim() === '') {
        setPasteHelp('The clipboard is empty. In TikTok, tap Share → Copy link first.');
      } else {
        setText((current) => (current.trim() === '' ? pasted : `${current}\n${pasted}`));
        setResults(null);
      }
    } catch {
      setPasteHelp(
        'This browser did not let TikSavr read the clipboard. Paste into the box instead: Ctrl+V, ⌘+V, or long-press and Paste.',
      );
    }
    box.current?.focus();
  }

  const noLinkFound = checkedText.trim().length > 0 && links.length === 0;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <label htmlFor="links" className="text-lg font-semibold">
        Paste TikTok links
      </label>
      <p id="links-hint" className="-mt-2 text-sm text-gray-700">
        One link, or a whole message with many. In TikTok: Share → Copy link.
        <span className="sr-only"> Ctrl+Enter or Command+Enter saves.</span>
      </p>
      <textarea
        ref={box}
        id="links"
        name="links"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setResults(null);
          setPasteHelp(null);
        }}
        onKeyDown={onKeyDown}
        rows={3}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode="url"
        placeholder="https://www.tiktok.com/@creator/video/…"
        aria-describedby="links-hint links-count"
        className="min-h-24 w-full resize-y rounded-lg border border-gray-400 bg-white p-3 text-base outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/40"
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonStyles.primary} disabled={submit.isPending || newLinks === 0}>
          {submit.isPending ? 'Saving…' : newLinks > 1 ? `Save ${newLinks} links` : 'Save'}
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={pasteFromClipboard}>
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <rect x="6" y="4" width="12" height="17" rx="2" />
            <path d="M9 4V3h6v1" />
          </svg>
          Paste
        </button>
        <p id="links-count" className="text-sm text-gray-700" aria-live="polite">
          {noLinkFound
            ? 'No TikTok link found in that text.'
            : countLine(links.length, refused, duplicates.length)}
        </p>
      </div>
      {pasteHelp ? (
        <p role="status" className="text-sm text-gray-800">
          {pasteHelp}
        </p>
      ) : null}
      {submit.error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {submit.error.message}
        </p>
      ) : null}
      {results ? <SubmitSummary results={results} states={states} /> : null}
      {duplicates.length > 0 ? (
        <AlreadySavedNotices links={duplicates} onSaveAgain={saveAgain} saving={submit.isPending} />
      ) : null}
      {links.length > 0 ? <PrecheckList links={links} /> : null}
    </form>
  );
}
