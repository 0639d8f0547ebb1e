'use client';

import { useRef, useState } from 'react';
import { buttonStyles } from '../ui/button-styles.ts';

/** The whole token, right after it was made: the only time it can be seen, with a Copy button. */
export function NewTokenNotice({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure origin): select it so a long-press or Ctrl+C copies it.
      field.current?.select();
    }
  }

  return (
    <section
      aria-labelledby="new-token-title"
      className="flex flex-col gap-3 rounded-xl border-2 border-green-600 bg-green-50 p-4 text-green-950"
    >
      <h2 id="new-token-title" className="text-lg font-semibold">
        Your new token “{name}”
      </h2>
      <p>
        Copy it now and keep it somewhere safe: TikSavr shows it only this once. Anyone who has it can save
        links into your history.
      </p>
      <label htmlFor="new-token" className="sr-only">
        The new token
      </label>
      <input
        ref={field}
        id="new-token"
        readOnly
        value={token}
        onFocus={(event) => event.target.select()}
        className="min-h-11 w-full rounded-lg border border-gray-400 bg-white px-3 font-mono text-sm text-ink"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonStyles.primary} onClick={copy}>
          Copy token
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={onDone}>
          I’ve saved it
        </button>
        <span role="status" className="text-sm">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </section>
  );
}
