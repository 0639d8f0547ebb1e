/**
 * Why a pasted link can never be saved, as stable codes (stored, logged, mapped to UI) plus the
 * sentence a person sees. The set is closed: adding a reason is an additive change, renaming one
 * is not.
 */
export const LINK_REJECT_REASONS = [
  'empty',
  'too_long',
  'extra_text',
  'not_a_url',
  'not_tiktok',
  'lookalike_host',
  'home',
  'search',
  'profile',
  'tag',
  'sound',
  'live',
  'not_a_post',
  'bad_id',
  'bad_short_code',
  'collection',
  'effect',
  'douyin',
] as const;

export type LinkRejectReason = (typeof LINK_REJECT_REASONS)[number];

const HOW_TO_COPY = 'Open the post, tap Share → Copy link, and paste that.';

export const LINK_REJECT_MESSAGES = {
  empty: `Paste a link to a TikTok post here. ${HOW_TO_COPY}`,
  too_long: `That is far too long to be one TikTok link. ${HOW_TO_COPY}`,
  extra_text: 'There is more than a link here. Paste only the link, without any text around it.',
  not_a_url: "That isn't a web link. In TikTok, open the post, tap Share → Copy link, and paste that.",
  not_tiktok: `This link isn't from TikTok, and TikSavr only saves TikTok posts. ${HOW_TO_COPY}`,
  lookalike_host:
    "This link is made to look like a TikTok link but isn't a plain one, so TikSavr won't open it. Copy the link again from the TikTok app or tiktok.com.",
  home: `This is TikTok's home page, not one post. ${HOW_TO_COPY}`,
  search: `This is a TikTok search or discovery page, not one post. ${HOW_TO_COPY}`,
  profile: `This is a link to a profile, not to one post. ${HOW_TO_COPY}`,
  tag: `This is a link to a hashtag page, not to one post. ${HOW_TO_COPY}`,
  sound: `This is a link to a sound, not to one post. ${HOW_TO_COPY}`,
  live: "This is a link to a LIVE, which can't be saved. To save a post, open it, tap Share → Copy link, and paste that.",
  not_a_post: `This TikTok link doesn't point to one post. ${HOW_TO_COPY}`,
  bad_id:
    'The number at the end of this post link is missing or damaged. Copy the link again with Share → Copy link.',
  bad_short_code: 'This short link is cut off or damaged. Copy it again with Share → Copy link.',
  collection: `This is a link to a collection or playlist, not to one post. ${HOW_TO_COPY}`,
  effect: `This is a link to an effect, not to one post. ${HOW_TO_COPY}`,
  douyin: 'This is a Douyin link. Douyin is a separate app from TikTok, and TikSavr only saves TikTok posts.',
} as const satisfies Record<LinkRejectReason, string>;

export function isLinkRejectReason(value: unknown): value is LinkRejectReason {
  return typeof value === 'string' && (LINK_REJECT_REASONS as readonly string[]).includes(value);
}
