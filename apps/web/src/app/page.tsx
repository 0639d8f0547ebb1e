import Link from 'next/link';
import { ThemeToggle } from '../components/theme/theme-toggle.tsx';
import { currentUser } from '../lib/server-session.ts';

const CALL_TO_ACTION =
  'rounded-lg px-5 py-3 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

/** The front page; a signed-in person is offered their dashboard instead of a new account. */
export default async function HomePage() {
  const user = await currentUser();
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-8 px-5 py-12 sm:py-20">
      <header className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="grid size-10 place-items-center rounded-xl bg-brand-600 text-xl font-bold text-white"
        >
          T
        </span>
        <span className="text-xl font-semibold tracking-tight">TikSavr</span>
        <ThemeToggle className="ml-auto" />
      </header>
      <section className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">
          Save TikTok videos, photo posts and Stories before they disappear.
        </h1>
        <p className="text-lg text-gray-700">
          Stories last 24 hours. Posts get deleted, made private or blocked in your region. Paste a link and
          TikSavr keeps a copy for you, without the watermark, ready to download again whenever you need it.
        </p>
        <div className="flex flex-wrap gap-3">
          {user ? (
            <Link
              href="/dashboard"
              className={`${CALL_TO_ACTION} bg-brand-600 text-white hover:bg-brand-700`}
            >
              Open dashboard
            </Link>
          ) : (
            <>
              <Link
                href="/sign-up"
                className={`${CALL_TO_ACTION} bg-brand-600 text-white hover:bg-brand-700`}
              >
                Create an account
              </Link>
              <Link href="/sign-in" className={`${CALL_TO_ACTION} border border-gray-400 hover:bg-gray-50`}>
                Sign in
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="how" className="flex flex-col gap-3">
        <h2 id="how" className="text-xl font-semibold">
          How it works
        </h2>
        <ol className="list-decimal space-y-2 pl-5 text-gray-700">
          <li>In TikTok, tap Share → Copy link on the video, photo post or story.</li>
          <li>Paste it into your TikSavr dashboard — one link or a whole message full of them.</li>
          <li>TikSavr checks what it is, saves the best copy it can get, and keeps it in your history.</li>
        </ol>
        <p className="text-sm text-gray-600">
          TikSavr only saves what TikTok shows publicly. It never logs in to TikTok or uses anyone's cookies.
          When a post can't be saved — a followers-only story, a private account — it tells you why and shows
          you how to screen record it instead.
        </p>
      </section>
    </main>
  );
}
