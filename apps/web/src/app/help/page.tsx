import { ADVICE, PRODUCT_TRUTHS, SCREEN_RECORDING_STEPS } from '@tiksavr/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ScreenRecordingGuideView } from '../../components/help/screen-recording-guide.tsx';
import { AppHeader } from '../../components/nav/app-header.tsx';
import { BrandLink } from '../../components/nav/brand-link.tsx';
import { ThemeToggle } from '../../components/theme/theme-toggle.tsx';
import { currentUser } from '../../lib/server-session.ts';

export const metadata: Metadata = { title: 'Help — TikSavr' };

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

const FAQ: { question: string; answer: string }[] = [
  { question: 'Does TikSavr log in to TikTok?', answer: PRODUCT_TRUTHS.noLogin },
  {
    question: 'What can TikSavr save?',
    answer:
      'Public videos, photo posts (every picture and the music) and public stories. Followers-only stories, private posts and posts of private accounts have no public copy, so it cannot save them; a screen recording can.',
  },
  {
    question: 'Is the saved video watermarked?',
    answer:
      'TikSavr saves the copy without the watermark when TikTok offers one, in the most compatible format.',
  },
  {
    question: 'Will the creator know I saved their story?',
    answer: PRODUCT_TRUTHS.storyViewers,
  },
  {
    question: 'Can I paste many links at once?',
    answer:
      'Yes. Paste a whole message: TikSavr finds every TikTok link in it, says what each one is, and saves each on its own.',
  },
  {
    question: 'Where do my saved files go?',
    answer:
      'They stay in your History on this TikSavr server. Download them to your phone or computer whenever you like, as often as you like.',
  },
];

export default async function HelpPage() {
  const user = await currentUser();
  return (
    <>
      {user ? (
        <AppHeader email={user.email} isAdmin={user.role === 'admin'} />
      ) : (
        <header className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <BrandLink />
          <div className="flex items-center gap-1">
            <Link href="/sign-in" className="rounded-md px-2 py-2 font-medium underline underline-offset-2">
              Sign in
            </Link>
            <ThemeToggle />
          </div>
        </header>
      )}
      <main className="mx-auto flex max-w-3xl flex-col gap-10 px-4 py-6 leading-relaxed">
        <div className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight">Help</h1>
          <p className="text-gray-700">
            How to get links from TikTok, how stories work, and what to do when a post can’t be saved.
          </p>
        </div>

        <Section id="copy-link" title="Copy a link from TikTok">
          <ol className="list-decimal space-y-2 pl-5">
            <li>Open the video, photo post or story in the TikTok app.</li>
            <li>Tap Share (the arrow), then Copy link.</li>
            <li>Open TikSavr, paste it into the box on your dashboard and tap Save.</li>
          </ol>
          <p className="text-gray-700">
            On a phone that supports it, you can also add TikSavr to your home screen and pick it straight
            from TikTok’s Share menu.
          </p>
          <p>
            <Link href="/help/shortcuts" className="underline underline-offset-2">
              Save from your phone’s Share menu
            </Link>
            : step by step for an iPhone Shortcut and for Android. Scripts can use{' '}
            <Link href="/api-docs" className="underline underline-offset-2">
              TikSavr’s API
            </Link>
            .
          </p>
        </Section>

        <Section id="stories" title="How stories work, and why time matters">
          <p>{PRODUCT_TRUTHS.storyLifetime}</p>
          <p>
            TikSavr knows when a story was posted, so each story on your dashboard shows how much time is
            left. Save a story as soon as you see it: once it expires, there is nothing left to save.
          </p>
          <p>{PRODUCT_TRUTHS.storyQuality}</p>
        </Section>

        <Section id="no-link" title="When there is no link to paste">
          <h3 className="font-semibold">{ADVICE.followers_only.title}</h3>
          <p>{ADVICE.followers_only.explanation}</p>
          <h3 className="font-semibold">{ADVICE.share_disabled.title}</h3>
          <p>{ADVICE.share_disabled.explanation}</p>
        </Section>

        <Section id="screen-recording" title="Save it with a screen recording">
          <p>
            A screen recording works for anything you can watch in TikTok. It stays on your phone, and TikTok
            does not tell the creator about it.
          </p>
          <ScreenRecordingGuideView steps={SCREEN_RECORDING_STEPS} />
        </Section>

        <Section id="creators" title="What the creator can and cannot see">
          <p>{PRODUCT_TRUTHS.storyViewers}</p>
        </Section>

        <Section id="faq" title="Questions and answers">
          <div className="flex flex-col gap-2">
            {FAQ.map((item) => (
              <details key={item.question} className="group rounded-lg border border-gray-200 px-4 py-3">
                <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                  {item.question}
                </summary>
                <p className="mt-2 text-gray-800">{item.answer}</p>
              </details>
            ))}
          </div>
        </Section>
      </main>
    </>
  );
}
