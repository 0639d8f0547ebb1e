import type { DemoExample, SimCreatorSpec, SimItem, SimItemSpec, TikTokSim } from './sim-types.ts';

/**
 * The demo scenarios (`seed: 'demo'`): one of each case the product must handle, each with a
 * label and the link a person would paste, plus creators to watch. Stories are given as short
 * links, the way they are shared (tiktok-upstream.md §1).
 *
 * Ids are stable across starts where the truth allows it: every account and every post gets its
 * ids from a fixed key and a fixed date, so a demo link saved yesterday still opens the same
 * post today. Stories cannot: a story's id carries its creation time and a story lives 24 h, so
 * the demo's stories are made afresh relative to now on every start.
 */
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Posts are dated back from here (2026-11-20 18:00 UTC), or from a week ago if the clock is earlier. */
const DEMO_POSTS_AT = Date.UTC(2026, 10, 20, 18, 0, 0);
/** The large video: big enough that a download shows its progress, served slowly on purpose. */
const LARGE_VIDEO_BYTES = 80 * 1024 * 1024;
const LARGE_VIDEO_BYTES_PER_SECOND = 6 * 1024 * 1024;
/** The watchable creator posts a new story this often, for this long after the start. */
const STORY_EVERY_MS = 30 * MINUTE_MS;
const UPCOMING_STORIES = 48;

const CREATORS: readonly SimCreatorSpec[] = [
  { handle: 'sunny.kitchen', nickname: 'Sunny Kitchen' },
  { handle: 'trailnotes', nickname: 'Trail Notes' },
  { handle: 'night.owl.art', nickname: 'Night Owl Art' },
  { handle: 'quiet.corner', nickname: 'Quiet Corner' },
  { handle: 'matchday.clips', nickname: 'Matchday Clips' },
  { handle: 'late.show.clips', nickname: 'Late Show Clips' },
  { handle: 'daily.doodles', nickname: 'Daily Doodles' },
];

export function seedDemo(sim: TikTokSim): DemoExample[] {
  /** Serves a TikTok-form link from the simulator: vm/vt hosts become /vm/ and /vt/ paths. */
  const simUrlOf = (tiktokUrl: string): string => {
    const url = new URL(tiktokUrl);
    const short = /^(vm|vt)\./.exec(url.hostname);
    return `${sim.origin}${short ? `/${short[1]}` : ''}${url.pathname}${url.search}`;
  };
  const now = sim.now();
  const postsAt = Math.min(DEMO_POSTS_AT, now - 7 * DAY_MS);
  const examples: DemoExample[] = [];
  for (const creator of CREATORS) sim.addCreator({ ...creator, stableKey: creator.handle });

  const example = (label: string, kind: DemoExample['kind'], url: string, itemId: string) =>
    examples.push({ label, kind, url, simUrl: simUrlOf(url), itemId });
  /** A post: stable ids from its key, dated `msBefore` the fixed posts date. */
  const post = (
    key: string,
    msBefore: number,
    spec: Omit<SimItemSpec, 'createTime' | 'stableKey'>,
  ): SimItem => {
    const item = sim.addItem({ ...spec, createTime: new Date(postsAt - msBefore), stableKey: `demo:${key}` });
    if (spec.label) example(spec.label, 'post', item.tiktokUrl, item.id);
    return item;
  };
  /** A story `msAgo` before now (negative: it appears later), shared as a short link. */
  const story = (msAgo: number, spec: Omit<SimItemSpec, 'createTime' | 'story'>): SimItem => {
    const item = sim.addItem({ ...spec, story: true, createTime: new Date(now - msAgo) });
    if (spec.label) example(spec.label, 'story', item.tiktokShortUrl, item.id);
    return item;
  };

  const video = post('video', 5 * HOUR_MS, {
    kind: 'video',
    username: 'sunny.kitchen',
    caption: 'Three-minute garlic noodles 🍜 #recipe #dinner',
    label: 'Video (H.264 + HEVC)',
  });
  post('photo', 26 * HOUR_MS, {
    kind: 'photo',
    username: 'trailnotes',
    caption: 'Lake weekend in three photos 🏞️ #hiking',
    imageCount: 3,
    label: 'Photo post (3 images + music)',
  });
  story(23 * HOUR_MS, {
    kind: 'video',
    username: 'night.owl.art',
    caption: 'Sketching until sunrise ✏️',
    label: 'Story, about 1 hour left',
  });
  story(10 * MINUTE_MS, {
    kind: 'video',
    username: 'night.owl.art',
    caption: 'New mural, day one 🎨',
    label: 'Fresh story',
  });
  story(2 * HOUR_MS, {
    kind: 'video',
    username: 'night.owl.art',
    caption: 'Close friends only: studio tour',
    visibility: 'followers_only',
    label: 'Followers-only story',
  });
  story(25 * HOUR_MS, {
    kind: 'video',
    username: 'night.owl.art',
    caption: 'Yesterday’s sunset timelapse',
    label: 'Expired story',
  });
  post('private', 1 * HOUR_MS, {
    kind: 'video',
    username: 'quiet.corner',
    caption: 'Morning pages, week 12',
    visibility: 'private_account',
    label: 'Post from a private account',
  });
  post('deleted', 3 * DAY_MS, {
    kind: 'video',
    username: 'sunny.kitchen',
    caption: 'Burnt the rice again (deleted)',
    visibility: 'deleted',
    label: 'Deleted post',
  });
  post('region', 1 * HOUR_MS, {
    kind: 'video',
    username: 'matchday.clips',
    caption: 'Last-minute winner ⚽',
    visibility: 'region_locked',
    label: 'Region-locked post',
  });
  post('age', 1 * HOUR_MS, {
    kind: 'video',
    username: 'late.show.clips',
    caption: 'Stunt gone wrong (viewer discretion)',
    visibility: 'age_restricted',
    label: 'Age-restricted post',
  });
  post('hevc-only', 2 * DAY_MS, {
    kind: 'video',
    username: 'sunny.kitchen',
    caption: 'Knife skills in 1080p',
    hevcOnly1080p: true,
    label: 'Video with 1080p only in HEVC',
  });
  example('Short link to the video', 'post', video.tiktokShortUrl, video.id);

  post('large', 3 * HOUR_MS, {
    kind: 'video',
    username: 'sunny.kitchen',
    caption: 'Full dumpling workshop, uncut (80 MB) 🥟',
    largeBytes: LARGE_VIDEO_BYTES,
    mediaBytesPerSecond: LARGE_VIDEO_BYTES_PER_SECOND,
    label: 'Large video (80 MB, downloads slowly)',
  });

  // A creator to watch: two stories up now, a new one every half hour, posts now and then.
  for (const [key, daysBefore] of [
    ['doodles-1', 1],
    ['doodles-2', 3],
    ['doodles-3', 6],
  ] as const) {
    post(key, daysBefore * DAY_MS, {
      kind: 'video',
      username: 'daily.doodles',
      caption: `Doodle diary, day ${key.at(-1)}`,
    });
  }
  story(3 * HOUR_MS, { kind: 'video', username: 'daily.doodles', caption: 'Coffee-cup cat ☕' });
  story(30 * MINUTE_MS, { kind: 'photo', username: 'daily.doodles', caption: 'Three tiny dinosaurs' });
  for (let index = 1; index <= UPCOMING_STORIES; index += 1) {
    story(-index * STORY_EVERY_MS, {
      kind: index % 4 === 0 ? 'photo' : 'video',
      username: 'daily.doodles',
      caption: `Doodle of the half hour #${index}`,
    });
  }
  sim.addItem({
    kind: 'video',
    username: 'daily.doodles',
    caption: 'Speed-drawing a whole city 🏙️',
    createTime: new Date(now + 40 * MINUTE_MS),
  });
  example(
    'Creator who posts a story every 30 minutes',
    'creator',
    'https://www.tiktok.com/@daily.doodles',
    '',
  );
  example('Creator with stories up now', 'creator', 'https://www.tiktok.com/@night.owl.art', '');
  return examples;
}
