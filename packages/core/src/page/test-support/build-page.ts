import { createHash } from 'node:crypto';

/**
 * Builds TikTok-shaped pages for tests from our own made-up data. The shapes (field names,
 * strings-vs-numbers, `CodecType` values, URL parameters) follow what the real captures in
 * shared/real-captures show; no capture content is copied.
 */

export type RawItem = Record<string, unknown>;

export const SAMPLE_ITEM_ID = '7450123456789012345';
export const SAMPLE_AUTHOR_ID = '6900000000000000001';

/** The unix second an id encodes (ids carry their creation time in the upper bits). */
export function secondsOfId(id: string): number {
  return Number(BigInt(id) >> 32n);
}

/** An id minted at `seconds` (the low 32 bits are arbitrary). */
export function idAt(seconds: number, low = 123_456_789): string {
  return ((BigInt(seconds) << 32n) | BigInt(low)).toString();
}

function signed(path: string, query: string): string {
  return `https://v16-webapp-prime.tiktok.com/video/tos/test/${path}/?a=1988&bti=dGVzdA&br=1200&bt=600&${query}&expire=1900000000&l=20250101000000TESTLOG&policy=2&signature=0123456789abcdef&tk=tt_chain_token`;
}

export type GearSpec = {
  readonly gearName: string;
  readonly codecType: string; // 'h264' | 'h265_hvc1' | 'bytevc2' …
  readonly width: number;
  readonly height: number;
  readonly bitrate: number;
  readonly dataSize?: number | string;
  readonly urls?: readonly string[];
};

/** A bitrateInfo entry, with a mirror URL and the broken `www.tiktok.com/aweme/v1/play/` URL real pages carry. */
export function gear(spec: GearSpec): RawItem {
  const codecToken = spec.codecType.startsWith('h265') ? 'bytevc1' : spec.codecType;
  const slug = `${spec.gearName}-${spec.codecType}`;
  const urls = spec.urls ?? [
    signed(slug, 'mime_type=video_mp4'),
    signed(slug, 'mime_type=video_mp4').replace('v16-webapp-prime', 'v19-webapp-prime'),
    `https://www.tiktok.com/aweme/v1/play/?faid=1988&file_id=${slug}&is_play_url=1&item_id=1`,
  ];
  return {
    Bitrate: spec.bitrate,
    QualityType: 20,
    BitrateFPS: 30,
    GearName: spec.gearName,
    PlayAddr: {
      DataSize: spec.dataSize ?? String(spec.bitrate * 4),
      Width: spec.width,
      Height: spec.height,
      Uri: 'v0test',
      UrlList: urls,
      UrlKey: `v0test_${codecToken}_${Math.min(spec.width, spec.height)}p_${spec.bitrate}`,
      FileHash: 'f0',
    },
    CodecType: spec.codecType,
    Format: 'mp4',
  };
}

/** The gears a 2025 page typically carries: 1080p only as HEVC, H.264 at 540p. */
export const TYPICAL_GEARS: readonly GearSpec[] = [
  { gearName: 'adapt_lowest_1080_1', codecType: 'h265_hvc1', width: 1080, height: 1920, bitrate: 1_100_000 },
  { gearName: 'normal_540_0', codecType: 'h264', width: 576, height: 1024, bitrate: 900_000 },
  { gearName: 'adapt_lower_720_1', codecType: 'h265_hvc1', width: 720, height: 1280, bitrate: 560_000 },
  { gearName: 'adapt_540_1', codecType: 'h265_hvc1', width: 576, height: 1024, bitrate: 480_000 },
];

export type VideoItemOptions = {
  readonly id?: string;
  readonly gears?: readonly GearSpec[];
  readonly playAddr?: unknown;
  readonly downloadAddr?: unknown;
  readonly withPlayAddrStruct?: boolean;
  readonly createTime?: number | string;
};

function author(): RawItem {
  return {
    id: SAMPLE_AUTHOR_ID,
    uniqueId: 'sample.creator',
    nickname: 'Sample Creator ✨',
    secUid: 'MS4wLjABAAAAsampleSecUid',
    privateAccount: false,
    UserStoryStatus: 0,
  };
}

function commonFields(id: string, createTime: number | string): RawItem {
  return {
    id,
    desc: 'A test post {with braces} and "quotes" </p> #fyp',
    createTime,
    author: author(),
    stats: {
      diggCount: -1_294_967_296,
      shareCount: 12,
      commentCount: 34,
      playCount: 5_600_000,
      collectCount: '78',
    },
    statsV2: {
      diggCount: '3000000000',
      shareCount: '12',
      commentCount: '34',
      playCount: '5600000',
      collectCount: '78',
      repostCount: '0',
    },
    secret: false,
    forFriend: false,
    privateItem: false,
    duetEnabled: true,
    stitchEnabled: true,
    shareEnabled: true,
  };
}

export function videoItem(options: VideoItemOptions = {}): RawItem {
  const id = options.id ?? SAMPLE_ITEM_ID;
  const gears = (options.gears ?? TYPICAL_GEARS).map(gear);
  const h264 = gears.find((entry) => entry.CodecType === 'h264') as { PlayAddr: RawItem } | undefined;
  const playUrls = (h264?.PlayAddr.UrlList as string[] | undefined) ?? [
    signed('play', 'mime_type=video_mp4'),
  ];
  const video: RawItem = {
    id: 'v0test',
    height: 1024,
    width: 576,
    duration: 31,
    ratio: '540p',
    cover:
      'https://p16-sign-va.tiktokcdn.com/obj/tos-test/cover~tplv-tiktokx-origin.image?x-expires=1900000000&x-signature=abc',
    originCover:
      'https://p16-sign-va.tiktokcdn.com/obj/tos-test/origin~tplv-tiktokx-origin.jpeg?x-expires=1900000000&x-signature=def',
    playAddr: options.playAddr ?? playUrls[0],
    downloadAddr: options.downloadAddr ?? signed('download-watermarked', 'mime_type=video_mp4'),
    bitrate: 900_000,
    format: 'mp4',
    codecType: 'h264',
    definition: '540p',
    size: '3600000',
    bitrateInfo: gears,
  };
  if (options.withPlayAddrStruct !== false) {
    video.PlayAddrStruct = { ...(h264?.PlayAddr ?? {}), UrlList: playUrls };
  }
  return {
    ...commonFields(id, options.createTime ?? String(secondsOfId(id) + 5)),
    video,
    music: {
      id: '7450000000000000999',
      title: 'original sound - sample.creator',
      playUrl: 'https://v77.tiktokcdn.com/test/music/?a=1180&mime_type=audio_mp4&l=20250101',
      authorName: 'Sample Creator ✨',
      original: true,
      duration: 31,
    },
  };
}

export function photoItem(options: { id?: string; imageCount?: number; mp3?: boolean } = {}): RawItem {
  const id = options.id ?? SAMPLE_ITEM_ID;
  const images = Array.from({ length: options.imageCount ?? 3 }, (_, index) => ({
    imageURL: {
      urlList: [
        `https://p16-sign-va.tiktokcdn.com/tos-test-i-photomode/photo${index}~tplv-photomode-image.webp?x-expires=1900000000&x-signature=w${index}`,
        `https://p16-sign-va.tiktokcdn.com/tos-test-i-photomode/photo${index}~tplv-photomode-image.jpeg?x-expires=1900000000&x-signature=j${index}`,
      ],
    },
    imageWidth: 1080,
    imageHeight: 1440,
  }));
  return {
    ...commonFields(id, secondsOfId(id) + 3),
    video: {
      id: '',
      height: 0,
      width: 0,
      duration: 0,
      cover:
        'https://p16-sign-va.tiktokcdn.com/obj/tos-test/photo-cover~tplv-photomode-image.jpeg?x-expires=1900000000',
      playAddr: '',
      downloadAddr: '',
    },
    imagePost: { images, cover: { imageURL: { urlList: [] } }, title: 'slides' },
    music: {
      id: '7450000000000000888',
      title: 'a song',
      playUrl: `https://sf16-ies-music-va.tiktokcdn.com/obj/tos-test-ve/song?mime_type=${options.mp3 === false ? 'audio_mp4' : 'audio_mpeg'}`,
      authorName: 'Some Band',
      duration: 27,
    },
  };
}

/** Serialises like TikTok does: `/` inside strings written as `\u002F`, so no `</script>` can appear. */
function scriptJson(value: unknown, pretty = false): string {
  return JSON.stringify(value, null, pretty ? 4 : undefined).replaceAll('/', '\\u002F');
}

function htmlShell(head: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TikTok - Make Your Day</title>${head}</head><body>${body}</body></html>`;
}

export type VideoDetail = { statusCode?: number; statusMsg?: string; itemStruct?: RawItem | undefined };

export type UniversalPageOptions = {
  readonly videoDetail?: VideoDetail;
  readonly detailScopeName?: string;
  readonly canonical?: string;
  /** Bytes of filler translations, to make a page as large as real ones (0.5–1 MB). */
  readonly padTo?: number;
  /** Indent the JSON, as the real 2025 page does. */
  readonly pretty?: boolean;
  /** Scopes placed before the item scope (e.g. one naming the item scope as a value). */
  readonly leadingScopes?: Record<string, unknown>;
};

export function universalPage(options: UniversalPageOptions = {}): string {
  const scope: Record<string, unknown> = {
    ...options.leadingScopes,
    'webapp.app-context': { language: 'en', region: 'US', appId: 1988 },
    'seo.abtest': {
      canonical: options.canonical ?? `https://www.tiktok.com/@sample.creator/video/${SAMPLE_ITEM_ID}`,
      vidList: [],
    },
  };
  if (options.videoDetail !== undefined) {
    const { itemStruct, ...status } = options.videoDetail;
    scope[options.detailScopeName ?? 'webapp.video-detail'] = {
      itemInfo: itemStruct === undefined ? {} : { itemStruct },
      shareMeta: { title: 'TikTok' },
      ...status,
    };
  }
  const base = { __DEFAULT_SCOPE__: scope };
  if (options.padTo !== undefined) {
    // Shaped like the real `webapp.i18n-translation` scope: namespaces of ~2000 short strings.
    const namespaces: Record<string, Record<string, string>> = {};
    const entry =
      'A sentence of interface text that a real page would translate into the reader\u2019s language.';
    const perEntry = entry.length + 16; // an underestimate, so the page ends up at least `padTo` long
    const entries = Math.max(0, Math.ceil((options.padTo - scriptJson(base).length) / perEntry));
    for (let index = 0; index < entries; index += 1) {
      const namespace = `Webapp${Math.floor(index / 2000)}`;
      namespaces[namespace] ??= {};
      namespaces[namespace][`string_key_${index}`] = entry;
    }
    scope['webapp.i18n-translation'] = namespaces;
  }
  const head = `<script id="api-domains" type="application/json">{"business":"https:\\u002F\\u002Fwww.tiktok.com"}</script><script>window.x = document.getElementById("__UNIVERSAL_DATA_FOR_REHYDRATION__");</script>`;
  const body = `<div id="app"></div><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${scriptJson(base, options.pretty)}</script><script src="https://example.test/app.js" async></script>`;
  return htmlShell(head, body);
}

/** A video page as the current layout serves it. */
export function videoPage(
  itemStruct: RawItem = videoItem(),
  status: Omit<VideoDetail, 'itemStruct'> = { statusCode: 0, statusMsg: '' },
): string {
  return universalPage({ videoDetail: { ...status, itemStruct } });
}

/** The photo page: no video-detail, only the canonical `/video/` URL. */
export function photoRedirectPage(
  canonical = `https://www.tiktok.com/@sample.creator/video/${SAMPLE_ITEM_ID}`,
): string {
  return universalPage({ canonical });
}

export type SigiOptions = {
  readonly items?: Record<string, RawItem>;
  readonly statusCode?: number;
  readonly statusMsg?: string;
  /** `sigi-persisted-data` wraps the JSON in `window['SIGI_STATE']=…;` */
  readonly persisted?: boolean;
};

/** The old SIGI layout: the item's author is a name, the user sits in `UserModule.users`. */
export function sigiPage(options: SigiOptions = {}): string {
  const items: Record<string, RawItem> = {};
  const users: Record<string, RawItem> = {};
  for (const [id, raw] of Object.entries(options.items ?? {})) {
    const user = raw.author as RawItem;
    const { author: _drop, ...rest } = raw;
    items[id] = {
      ...rest,
      author: user.uniqueId,
      authorId: user.id,
      authorSecId: user.secUid,
      nickname: user.nickname,
    };
    users[user.uniqueId as string] = user;
  }
  const state = {
    AppContext: { appContext: { language: 'en' } },
    ItemModule: items,
    UserModule: { users },
    VideoPage: {
      statusCode: options.statusCode ?? 0,
      ...(options.statusMsg === undefined ? {} : { statusMsg: options.statusMsg }),
    },
  };
  const body = options.persisted
    ? `<script id="sigi-persisted-data">window['SIGI_STATE']=${scriptJson(state)};window['SIGI_RETRY']={"retry":0}</script>`
    : `<script id="SIGI_STATE" type="application/json">${scriptJson(state)}</script>`;
  return htmlShell('', body);
}

export function nextDataPage(pageProps: {
  statusCode?: number;
  statusMsg?: string;
  itemStruct?: RawItem;
}): string {
  const { itemStruct, ...status } = pageProps;
  const data = {
    props: { pageProps: { ...status, itemInfo: itemStruct === undefined ? {} : { itemStruct } } },
    page: '/@[uniqueId]/video/[id]',
  };
  return htmlShell(
    '',
    `<script id="__NEXT_DATA__" type="application/json" crossorigin="anonymous">${scriptJson(data)}</script>`,
  );
}

export type ChallengeSpec = {
  /** The number the solver must find. */
  readonly answer: number;
  readonly prefix?: string;
  readonly cookieName?: string;
  readonly extraCookie?: { name: string; value: string } | null;
};

function b64NoPadding(value: Buffer | string): string {
  return Buffer.from(value).toString('base64').replace(/=+$/, '');
}

/** The WAF "Please wait..." page with a puzzle whose answer is `spec.answer`. */
export function challengePage(spec: ChallengeSpec): { html: string; payload: Record<string, unknown> } {
  const prefix = Buffer.from(spec.prefix ?? 'test-prefix-0001');
  const digest = createHash('sha256').update(prefix).update(String(spec.answer)).digest();
  const payload = {
    v: { a: prefix.toString('base64'), c: digest.toString('base64') },
    s: 'abc',
    t: 1_700_000_000,
  };
  const extra =
    spec.extraCookie === undefined ? { name: 'waforiginalreid', value: 'orig-12345' } : spec.extraCookie;
  const extraTags =
    extra === null ? '' : `<p id="rci" class="${extra.name}"></p><p class="${extra.value}" id="rs"></p>`;
  const html = htmlShell(
    '<style>body{font-family:sans-serif}</style>',
    `<p id="wci" class="${spec.cookieName ?? '_wafchallengeid'}"></p><p id="cs" class="${b64NoPadding(JSON.stringify(payload))}"></p>${extraTags}<p>Please wait...</p><script>/* solver runs here */</script>`,
  );
  return { html, payload };
}
