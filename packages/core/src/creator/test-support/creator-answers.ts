import { universalPage } from '../../page/test-support/build-page.ts';

/**
 * TikTok-shaped answers for the creator tests, from made-up data: a profile page carrying
 * `webapp.user-detail` (shape of the real 2025 user-detail capture) and `itemList` entries of
 * the list APIs (only the fields listing reads, plus a few that real entries carry).
 */
export const SAMPLE_USER_ID = '6900000000000000777';
export const SAMPLE_SEC_UID = `MS4wLjABAAAA${'s'.repeat(64)}`;

export type UserDetailSpec = {
  readonly statusCode?: number;
  readonly statusMsg?: string;
  /** null: no user in userInfo (a gone account). */
  readonly user?: Record<string, unknown> | null;
  readonly videoCount?: number;
};

export function sampleUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: SAMPLE_USER_ID,
    shortId: '',
    uniqueId: 'night.owl.art',
    nickname: 'Night Owl Art',
    avatarLarger:
      'https://p16-common-sign.tiktokcdn-us.com/tos-avt/1~c5_1080x1080.jpeg?x-expires=1&x-signature=a',
    avatarMedium:
      'https://p16-common-sign.tiktokcdn-us.com/tos-avt/1~c5_720x720.jpeg?x-expires=1&x-signature=b',
    avatarThumb:
      'https://p16-common-sign.tiktokcdn-us.com/tos-avt/1~c5_100x100.jpeg?x-expires=1&x-signature=c',
    secUid: SAMPLE_SEC_UID,
    privateAccount: false,
    secret: false,
    UserStoryStatus: 1,
    ...overrides,
  };
}

export function profilePage(spec: UserDetailSpec = {}): string {
  const user = spec.user === undefined ? sampleUser() : spec.user;
  const stats = { followerCount: 1200, heartCount: 9800, videoCount: spec.videoCount ?? 3 };
  return universalPage({
    canonical: `https://www.tiktok.com/@${String(user?.uniqueId ?? 'someone')}`,
    leadingScopes: {
      'webapp.user-detail': {
        userInfo:
          user === null
            ? {}
            : {
                user,
                stats,
                statsV2: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, String(v)])),
              },
        shareMeta: {},
        statusCode: spec.statusCode ?? 0,
        statusMsg: spec.statusMsg ?? '',
        needFix: true,
      },
    },
  });
}

export type ListEntrySpec = {
  readonly id: string;
  readonly createTime?: number;
  readonly photo?: boolean;
  readonly pinned?: boolean;
  readonly author?: string;
};

export function listEntry(spec: ListEntrySpec): Record<string, unknown> {
  return {
    id: spec.id,
    desc: '',
    ...(spec.createTime === undefined ? {} : { createTime: spec.createTime }),
    author: { id: SAMPLE_USER_ID, uniqueId: spec.author ?? 'night.owl.art', secUid: SAMPLE_SEC_UID },
    video: {
      playAddr: spec.photo ? '' : 'https://v16-webapp-prime.tiktok.com/video/x/?expire=1',
      duration: spec.photo ? 0 : 9,
    },
    ...(spec.photo
      ? { imagePost: { images: [{ imageURL: { urlList: ['https://p16-sign.tiktokcdn.com/i.jpeg?'] } }] } }
      : {}),
    ...(spec.pinned === undefined ? {} : { isPinnedItem: spec.pinned }),
    statsV2: { playCount: '10' },
  };
}

export function jsonAnswer(value: unknown): { body: string; headers: Record<string, string> } {
  return { body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } };
}
