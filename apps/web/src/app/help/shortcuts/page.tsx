import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DocsHeader } from '../../../components/docs/docs-header.tsx';
import { currentUser } from '../../../lib/server-session.ts';
import { apiPublicUrl } from '../../../server/api/api-deps.ts';

export const metadata: Metadata = { title: 'Save from your phone’s Share menu — TikSavr' };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Value({ children }: { children: ReactNode }) {
  return <code className="rounded bg-gray-100 px-1 font-mono text-[0.9em] break-all">{children}</code>;
}

/** An address only this computer can reach (a phone can't). */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

/** Step-by-step: an iOS Shortcut that posts the shared link to the API, and Android's share target. */
export default async function ShortcutsHelpPage() {
  const user = await currentUser();
  const publicUrl = apiPublicUrl();
  const endpoint = `${publicUrl}/api/v1/downloads`;
  const shortcutUrl = `${endpoint}?reply=text`;
  return (
    <>
      <DocsHeader user={user} />
      <main className="mx-auto flex max-w-3xl flex-col gap-10 px-4 py-6 leading-relaxed">
        <div className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight">Save from your phone’s Share menu</h1>
          <p className="text-gray-700">
            Send a TikTok link to TikSavr without opening it: on an iPhone with a Shortcut, on Android by
            adding TikSavr to the home screen. Back to{' '}
            <Link href="/help" className="underline underline-offset-2">
              Help
            </Link>
            .
          </p>
        </div>

        {isLoopback(publicUrl) ? (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
            This TikSavr server calls itself <Value>{publicUrl}</Value>, an address only the computer it runs
            on can reach. For a phone, its admin must set <Value>PUBLIC_URL</Value> to an address the phone
            can open (for example the computer’s address on your Wi-Fi).
          </p>
        ) : null}

        <Section id="iphone" title="iPhone and iPad: a Shortcut">
          <p>
            Safari on iPhone can’t add web apps to the Share menu, so a Shortcut does it: it takes the link
            you share and sends it to TikSavr with your API token. It takes a few minutes, once.
          </p>
          <h3 className="font-semibold">1. Make a token</h3>
          <p>
            In TikSavr, open{' '}
            <Link href="/settings/tokens" className="underline underline-offset-2">
              Settings → API tokens
            </Link>
            , name it “iPhone Shortcut” and tap Make token. Copy it (it starts with <Value>tks_</Value>); it
            is shown only once.
          </p>
          <h3 className="font-semibold">2. Build the Shortcut</h3>
          <ol className="list-decimal space-y-3 pl-5">
            <li>Open the Shortcuts app and tap + (top right) to start a new shortcut.</li>
            <li>
              Tap the name at the top, choose Rename, and call it <Value>Save to TikSavr</Value>. That is the
              name you will see in the Share menu.
            </li>
            <li>
              Tap the name again, choose Details (or tap the info button, an i in a circle), and turn on{' '}
              <strong>Show in Share Sheet</strong>. Tap Done. The first line of the shortcut now reads
              “Receive <em>Any</em> input from Share Sheet”.
            </li>
            <li>
              Tap <em>Any</em> in that line and leave only <strong>URLs</strong> and <strong>Text</strong> on
              (TikTok shares a link, some apps share it as text). Under “If there’s no input”, choose{' '}
              <strong>Get Clipboard</strong>, so running the shortcut from its icon saves a link you copied.
            </li>
            <li>
              Tap the search field at the bottom, type <Value>Get Contents of URL</Value> and tap that action
              to add it.
            </li>
            <li>
              Tap <em>URL</em> in the action and type exactly: <Value>{shortcutUrl}</Value>
              <br />
              <span className="text-sm text-gray-700">
                (<Value>?reply=text</Value> makes TikSavr answer in one sentence, which the notification
                shows.)
              </span>
            </li>
            <li>
              Tap the › arrow of the action to show its options, then:
              <ul className="mt-2 list-disc space-y-2 pl-5">
                <li>
                  Method: <strong>POST</strong>.
                </li>
                <li>
                  Headers: tap Add new header. Key: <Value>Authorization</Value>. Value:{' '}
                  <Value>Bearer </Value> followed by your token, with one space between, e.g.{' '}
                  <Value>Bearer tks_AbC…</Value>.
                </li>
                <li>
                  Request Body: <strong>JSON</strong>. Tap Add new field, choose <strong>Text</strong>. Key:{' '}
                  <Value>text</Value>. For its value, tap the field, then tap <strong>Shortcut Input</strong>{' '}
                  in the row of variables above the keyboard.
                </li>
              </ul>
            </li>
            <li>
              Search for <Value>Show Notification</Value> and add it below. Tap its text, delete what is there
              and pick the <strong>Contents of URL</strong> variable. Tap Done.
            </li>
          </ol>
          <h3 className="font-semibold">3. Use it</h3>
          <ol className="list-decimal space-y-2 pl-5">
            <li>
              In TikTok, open the video, photo post or story, tap Share, then More (…) at the end of the row
              of apps to open the iPhone’s Share menu.
            </li>
            <li>
              Tap <strong>Save to TikSavr</strong>. The first time, the iPhone asks whether the shortcut may
              connect to your TikSavr server: tap Allow (or Always Allow).
            </li>
            <li>
              A notification says “Saving 1 link.” The video appears in your TikSavr history as soon as it is
              saved. When something is wrong, the notification says what, and what to do (for example, “This
              API token was revoked…”).
            </li>
          </ol>
          <details className="rounded-lg border border-gray-200 px-4 py-3">
            <summary className="cursor-pointer font-medium">Why steps, and not a file to install?</summary>
            <p className="mt-2">
              The Shortcuts app opens a shared shortcut only if Apple has signed it, which takes a Mac signed
              in to iCloud or a link on iCloud. A TikSavr server can do neither, and an unsigned{' '}
              <Value>.shortcut</Value> file just fails to open. A ready-made shortcut would also have to carry
              your token and your server’s address, which only you have. The steps above build the same thing
              in a few minutes.
            </p>
          </details>
        </Section>

        <Section id="android" title="Android: TikSavr in the Share menu">
          <ol className="list-decimal space-y-2 pl-5">
            <li>Open TikSavr in Chrome on your phone and sign in.</li>
            <li>
              Open Chrome’s menu (⋮) and tap <strong>Add to Home screen</strong> (or{' '}
              <strong>Install app</strong>), then Install.
            </li>
            <li>
              In TikTok, tap Share, then More (…), and pick <strong>TikSavr</strong>. Your dashboard opens
              with the link already in the box: tap Save.
            </li>
          </ol>
          <p className="text-gray-700">
            If TikSavr shows the sign-in page instead, sign in and share the link again.
          </p>
        </Section>

        <Section id="other" title="Anything else that can send a web request">
          <p>
            The Shortcut uses TikSavr’s API, and so can a script, an automation app or a browser bookmarklet.
            The{' '}
            <Link href="/api-docs" className="underline underline-offset-2">
              API page
            </Link>{' '}
            lists everything it can do. The one request a shortcut needs:
          </p>
          <pre className="rounded-lg bg-gray-100 p-3 text-sm break-all whitespace-pre-wrap">
            <code>{`curl -X POST "${endpoint}" \\
  -H "Authorization: Bearer tks_…" \\
  -H "Content-Type: application/json" \\
  -d '{"text": "https://www.tiktok.com/@creator/video/…"}'`}</code>
          </pre>
        </Section>
      </main>
    </>
  );
}
