import { randomBytes, randomInt } from 'node:crypto';

/**
 * The scopes every page's `__DEFAULT_SCOPE__` carries around the one that matters, in the
 * order real pages use: app-context, biz-context, i18n-translation, seo.abtest, <page scope>,
 * webapp.a-b. Logged out, so app-context has no `user`.
 */
export type PageScopeInput = {
  origin: string;
  userAgent: string;
  nowMs: number;
  canonical: string;
  /** e.g. { 'webapp.video-detail': … }; omitted for pages without one. */
  pageScopes?: Record<string, unknown>;
};

function digits(count: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

export function buildPageScopes(input: PageScopeInput): Record<string, unknown> {
  const host = new URL(input.origin).host;
  const seconds = Math.floor(input.nowMs / 1000);
  return {
    'webapp.app-context': {
      language: 'en',
      region: 'US',
      appId: 1233,
      appType: 'm',
      wid: digits(19),
      webIdCreatedTime: String(seconds),
      odinId: digits(19),
      nonce: randomBytes(16).toString('base64url'),
      botType: 'others',
      requestId: digits(20),
      clusterRegion: 'ALL',
      abTestVersion: { versionName: '70508271,73406214,73720541', parameters: {} },
      csrfToken: randomBytes(27).toString('base64url'),
      userAgent: input.userAgent,
      encryptedWebid: '',
      host,
    },
    'webapp.biz-context': {
      os: 'windows',
      isMobile: false,
      isAndroid: false,
      isIOS: false,
      jumpType: '',
      navList: [],
      kapLinks: [],
      config: { featureFlags: { feature_bar: true, support_multiline_desc: true } },
      domains: { kind: 't', captcha: '', rootApi: input.origin, mTApi: input.origin },
      isGoogleBot: false,
      isBingBot: false,
      isBot: false,
      isSearchEngineBot: false,
      videoPlayerConfig: { fallback: false },
      bitrateConfig: { bitrateLower: 200000, bitrateRange: [200000, 2500000], bitrateUpper: 2000000 },
      idc: 'sim',
      vregion: 'Sim-Loopback',
      vgeo: 'VGeo-ROW',
    },
    'webapp.i18n-translation': {
      Webapp: {
        login: 'Log in',
        foryou: 'For You',
        following: 'Following',
        share: 'Share',
        comments: 'Comments',
      },
    },
    'seo.abtest': { canonical: input.canonical, pageId: digits(18), vidList: [], parameters: {} },
    ...input.pageScopes,
    'webapp.a-b': { b_c: '0' },
  };
}
