/**
 * Facts TikSavr tells people about stories and about itself. Shown next to advice and in the
 * story help; kept here so every screen says the same thing.
 */
export const STORY_LIFETIME_HOURS = 24;

export const PRODUCT_TRUTHS = {
  storyLifetime: `Stories stay up for ${STORY_LIFETIME_HOURS} hours after they are posted. After that, nobody but the creator can get them.`,
  storyViewers:
    'Creators can see who viewed their story, but TikTok does not tell them about downloads or screen recordings.',
  storyQuality:
    'Stories are often posted in lower quality than regular videos, so a saved story may look softer.',
  noLogin:
    "TikSavr never logs in to TikTok and never uses anyone's cookies or account. It only saves what anyone can see without signing in.",
} as const;

export type ProductTruth = keyof typeof PRODUCT_TRUTHS;
