'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventSwitches as Switches } from '@tiksavr/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc.tsx';
import type { WebhookFormat } from '../../server/routers/notifications/notifications.schema.ts';
import { buttonStyles } from '../ui/button-styles.ts';
import { fieldControlClass } from '../ui/field-styles.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { EventSwitches } from './event-switches.tsx';

const ALL_ON: Switches = { onSaved: true, onFailed: true, onWatchedStory: true };

/** The secret, shown the one time it exists in the browser, with a copy button. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950"
      role="status"
    >
      <p className="font-semibold">Your signing secret: copy it now, it won’t be shown again.</p>
      <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-ink">{secret}</code>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonStyles.small}
          onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className={buttonStyles.small} onClick={onDone}>
          I have kept it
        </button>
      </div>
    </div>
  );
}

/** How a receiver checks that a POST came from this TikSavr. */
function SignatureHelp() {
  return (
    <details className="text-sm text-gray-800">
      <summary className="cursor-pointer font-medium">How to check the signature</summary>
      <div className="mt-2 flex flex-col gap-2">
        <p>
          Each POST carries <code>X-TikSavr-Signature: t=1733317200,v1=…</code>. <code>v1</code> is the
          HMAC-SHA256, in hex, of the text <code>t</code>, a dot, and the raw body, keyed with your secret.
          Compute it the same way, compare, and refuse a <code>t</code> older than 5 minutes.
        </p>
        <pre className="overflow-x-auto rounded bg-gray-100 p-2 font-mono text-xs text-ink">
          {`const [t, v1] = header.match(/t=(\\d+),v1=(\\w+)/).slice(1);
const ok = crypto.createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest('hex') === v1;`}
        </pre>
        <p>
          The JSON body is{' '}
          <code>{'{ event, download: { id, link, kind, state, title, author, failure, files }, at }'}</code>;{' '}
          <code>event</code> is <code>saved</code>, <code>failed</code>, <code>watched_story</code> or{' '}
          <code>test</code>.
        </p>
      </div>
    </details>
  );
}

/**
 * A webhook for the person: an address TikSavr POSTs to when a save ends, as signed JSON or as
 * an ntfy message, with the secret shown once and a test button.
 */
export function WebhookSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.notifications.webhook.get.queryOptions());
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('json');
  const [events, setEvents] = useState<Switches>(ALL_ON);
  const [secret, setSecret] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  useEffect(() => {
    if (!current.data) return;
    setUrl(current.data.url);
    setFormat(current.data.format);
    setEvents(current.data);
  }, [current.data]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.webhook.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.webhook.deliveries.queryKey() }),
    ]);
  const save = useMutation(
    trpc.notifications.webhook.save.mutationOptions({
      onSuccess: (data) => {
        if (data.secret) setSecret(data.secret);
        setNote('Saved. TikSavr sends here from the next save on.');
        return refresh();
      },
    }),
  );
  const regenerate = useMutation(
    trpc.notifications.webhook.regenerateSecret.mutationOptions({
      onSuccess: (data) => {
        setSecret(data.secret);
        return refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.notifications.webhook.remove.mutationOptions({
      onSuccess: () => {
        setUrl('');
        setEvents(ALL_ON);
        setConfirmingRemove(false);
        setNote('Webhook removed.');
        return refresh();
      },
    }),
  );
  const test = useMutation(
    trpc.notifications.webhook.test.mutationOptions({
      onSuccess: () => {
        setNote('Test sent. Its result appears in the delivery log below.');
        return refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNote(null);
    save.mutate({ url, format, events });
  }

  const error = [save, regenerate, remove, test].find((m) => m.error)?.error;
  const webhook = current.data ?? null;
  return (
    <section aria-labelledby="webhook-heading" className="flex flex-col gap-4">
      <h2 id="webhook-heading" className="text-xl font-semibold">
        Webhook
      </h2>
      <p className="text-gray-800">
        TikSavr can also POST to an address of yours when a save ends: a script, a home automation, or an{' '}
        <a
          href="https://ntfy.sh"
          className="underline underline-offset-2"
          target="_blank"
          rel="noreferrer noopener"
        >
          ntfy
        </a>{' '}
        topic for phone notifications without a browser. Addresses inside this server’s network (like
        127.0.0.1 or 192.168.x.x) are refused unless the admin allows them. A delivery that fails is tried
        again five more times over the next half hour or so.
      </p>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Webhook">
        <label htmlFor="webhook-url" className="font-medium">
          Webhook address
        </label>
        <input
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder={format === 'ntfy' ? 'https://ntfy.sh/your-topic' : 'https://example.com/tiksavr-hook'}
          autoComplete="off"
          spellCheck={false}
          className={`${fieldControlClass} -mt-1`}
        />
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">Send as</legend>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="webhook-format"
              className="size-5 accent-brand-600"
              checked={format === 'json'}
              onChange={() => setFormat('json')}
            />
            JSON, signed with your secret
          </label>
          <label className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="webhook-format"
              className="size-5 accent-brand-600"
              checked={format === 'ntfy'}
              onChange={() => setFormat('ntfy')}
            />
            ntfy message (plain text with a title, for an ntfy topic address)
          </label>
        </fieldset>
        <EventSwitches legend="Send when" value={events} onChange={setEvents} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonStyles.primary} disabled={save.isPending}>
            {save.isPending ? 'Checking the address…' : webhook ? 'Save changes' : 'Save webhook'}
          </button>
          {webhook ? (
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={test.isPending}
              onClick={() => test.mutate()}
            >
              Send a test
            </button>
          ) : null}
        </div>
      </form>
      {secret ? <SecretOnce secret={secret} onDone={() => setSecret(null)} /> : null}
      {note ? (
        <p role="status" className="text-sm text-gray-800">
          {note}
        </p>
      ) : null}
      <FormAlert message={error?.message ?? null} />
      {webhook ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-gray-700">
            Signing secret: <code className="font-mono">{webhook.secretPreview}</code>
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonStyles.small}
              disabled={regenerate.isPending}
              onClick={() => regenerate.mutate()}
            >
              Make a new secret
            </button>
            {confirmingRemove ? (
              <>
                <button
                  type="button"
                  className={buttonStyles.small}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  Yes, remove the webhook
                </button>
                <button
                  type="button"
                  className={buttonStyles.small}
                  onClick={() => setConfirmingRemove(false)}
                >
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" className={buttonStyles.small} onClick={() => setConfirmingRemove(true)}>
                Remove webhook
              </button>
            )}
          </div>
          {format === 'json' ? <SignatureHelp /> : null}
        </div>
      ) : null}
    </section>
  );
}
