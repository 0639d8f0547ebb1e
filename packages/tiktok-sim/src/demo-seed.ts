import type { DemoExample, SimItem, SimItemSpec, TikTokSim } from './sim-types.ts';

/**
 * The demo scenarios (`seed: 'demo'`): one of each case the product must handle, each with a
 * label and the link a person would paste. Stories are given as short links, the way they
 * are shared (tiktok-upstream.md §1).
 */
const HOUR_MS = 60 * 60 * 1000;

export function seedDemo(sim: TikTokSim): DemoExample[] {
  /** Serves a TikTok-form link from the simulator: vm/vt hosts become /vm/ and /vt/ paths. */
  const simUrlOf = (tiktokUrl: string): string => {
    const url = new URL(tiktokUrl);
    const short = /^(vm|vt)\./.exec(url.hostname);
    return `${sim.origin}${short ? `/${short[1]}` : ''}${url.pathname}${url.search}`;
  };
  const now = sim.now();
  const examples: DemoExample[] = [];
  const add = (spec: SimItemSpec, link: (item: SimItem) => string = (item) => item.tiktokUrl): SimItem => {
    const item = sim.addItem(spec);
    if (spec.label)
      examples.push({ label: spec.label, url: link(item), simUrl: simUrlOf(link(item)), itemId: item.id });
    return item;
  };
  const ago = (ms: number) => new Date(now - ms);
  const asShared = (item: SimItem) => item.tiktokShortUrl;

  const video = add({
    kind: 'video',
    username: 'sunny.kitchen',
    nickname: 'Sunny Kitchen',
    caption: 'Three-minute garlic noodles 🍜 #recipe #dinner',
    createTime: ago(5 * HOUR_MS),
    label: 'Video (H.264 + HEVC)',
  });
  add(
    {
      kind: 'photo',
      username: 'trailnotes',
      nickname: 'Trail Notes',
      caption: 'Lake weekend in three photos 🏞️ #hiking',
      createTime: ago(26 * HOUR_MS),
      imageCount: 3,
      label: 'Photo post (3 images + music)',
    },
    (item) => item.tiktokUrl,
  );
  add(
    {
      kind: 'video',
      username: 'night.owl.art',
      nickname: 'Night Owl Art',
      caption: 'Sketching until sunrise ✏️',
      createTime: ago(23 * HOUR_MS),
      story: true,
      label: 'Story, about 1 hour left',
    },
    asShared,
  );
  add(
    {
      kind: 'video',
      username: 'night.owl.art',
      caption: 'New mural, day one 🎨',
      createTime: ago(10 * 60 * 1000),
      story: true,
      label: 'Fresh story',
    },
    asShared,
  );
  add(
    {
      kind: 'video',
      username: 'night.owl.art',
      caption: 'Close friends only: studio tour',
      createTime: ago(2 * HOUR_MS),
      story: true,
      visibility: 'followers_only',
      label: 'Followers-only story',
    },
    asShared,
  );
  add(
    {
      kind: 'video',
      username: 'night.owl.art',
      caption: 'Yesterday’s sunset timelapse',
      createTime: ago(25 * HOUR_MS),
      story: true,
      label: 'Expired story',
    },
    asShared,
  );
  add({
    kind: 'video',
    username: 'quiet.corner',
    nickname: 'Quiet Corner',
    caption: 'Morning pages, week 12',
    visibility: 'private_account',
    label: 'Post from a private account',
  });
  add({
    kind: 'video',
    username: 'sunny.kitchen',
    caption: 'Burnt the rice again (deleted)',
    createTime: ago(3 * 24 * HOUR_MS),
    visibility: 'deleted',
    label: 'Deleted post',
  });
  add({
    kind: 'video',
    username: 'matchday.clips',
    nickname: 'Matchday Clips',
    caption: 'Last-minute winner ⚽',
    visibility: 'region_locked',
    label: 'Region-locked post',
  });
  add({
    kind: 'video',
    username: 'late.show.clips',
    nickname: 'Late Show Clips',
    caption: 'Stunt gone wrong (viewer discretion)',
    visibility: 'age_restricted',
    label: 'Age-restricted post',
  });
  add({
    kind: 'video',
    username: 'sunny.kitchen',
    caption: 'Knife skills in 1080p',
    createTime: ago(2 * 24 * HOUR_MS),
    hevcOnly1080p: true,
    label: 'Video with 1080p only in HEVC',
  });
  examples.push({
    label: 'Short link to the video',
    url: video.tiktokShortUrl,
    simUrl: simUrlOf(video.tiktokShortUrl),
    itemId: video.id,
  });
  return examples;
}
