import { randomBytes } from 'node:crypto';

/**
 * URLs of TikTok's web JSON API (`/api/…/item_list/`) with the parameters a logged-out desktop
 * browser sends, as gallery-dl and yt-dlp send them (tiktok-upstream.md §6): `aid=1988`,
 * `app_name=tiktok_web`, `device_platform=web_pc`, a random web `device_id`, `region`, a
 * `verifyFp`. No request signature (`X-Bogus`, `msToken`) is computed: the two endpoints used
 * here answered without one in those tools; see creator/creator-policy.ts.
 */

/** A web `device_id` in the range gallery-dl draws from (7250000000000000000–7325099899999994577). */
export function newDeviceId(): string {
  const span = 7_325_099_899_999_994_577n - 7_250_000_000_000_000_000n;
  return (7_250_000_000_000_000_000n + (randomBytes(8).readBigUInt64BE() % span)).toString();
}

function webApiUrl(webOrigin: string, path: string, deviceId: string, params: Record<string, string>): URL {
  const url = new URL(path, webOrigin);
  const all: Record<string, string> = {
    aid: '1988',
    app_name: 'tiktok_web',
    device_platform: 'web_pc',
    device_id: deviceId,
    region: 'US',
    verifyFp: `verify_${randomBytes(4).toString('hex').slice(0, 7)}`,
    ...params,
  };
  for (const [key, value] of Object.entries(all)) url.searchParams.set(key, value);
  return url;
}

export type StoryListPage = {
  readonly deviceId?: string;
  /** `MaxCursor` of the previous answer; '0' for the first page. */
  readonly cursor?: string;
  readonly count?: number;
};

/** Stories of one author, oldest first: `/api/story/item_list/?authorId&count&cursor&loadBackward=false`. */
export function storyListUrl(webOrigin: string, authorId: string, page: StoryListPage = {}): URL {
  return webApiUrl(webOrigin, '/api/story/item_list/', page.deviceId ?? newDeviceId(), {
    authorId,
    count: String(page.count ?? 30),
    cursor: page.cursor ?? '0',
    loadBackward: 'false',
  });
}

export type PostListPage = {
  readonly deviceId: string;
  /** Epoch milliseconds: the answer holds posts created before it, newest first. */
  readonly cursorMs: number;
  readonly count?: number;
};

/**
 * Posts of one account, newest first, going back in time:
 * `/api/creator/item_list/?secUid&type=1&count=15&cursor=<ms>` (yt-dlp's and gallery-dl's
 * "legacy" post list, the one that answers without cookies).
 */
export function postListUrl(webOrigin: string, secUid: string, page: PostListPage): URL {
  return webApiUrl(webOrigin, '/api/creator/item_list/', page.deviceId, {
    secUid,
    type: '1',
    count: String(page.count ?? 15),
    cursor: String(Math.trunc(page.cursorMs)),
  });
}
