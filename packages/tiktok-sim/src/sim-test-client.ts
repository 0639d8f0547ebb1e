import { createHash } from 'node:crypto';
import { connect } from 'node:net';

/**
 * Test-side client for the simulator's tests: reads pages the way a downloader would (find
 * the rehydration script, keep the cookies, solve the WAF challenge) and makes raw requests
 * whose broken bodies fetch would hide. Used only by *.test.ts files.
 */

export type PlayAddrView = {
  DataSize: string | number;
  Width: number;
  Height: number;
  UrlList: string[];
  UrlKey: string;
  FileHash: string;
};
export type BitrateView = { Bitrate: number; CodecType: string; GearName: string; PlayAddr: PlayAddrView };
export type ItemStructView = {
  id: string;
  desc: string;
  createTime: string | number;
  author: { id: string; uniqueId: string; nickname: string; secUid: string; privateAccount: boolean };
  video?: {
    id: string;
    width: number;
    height: number;
    duration: number;
    ratio: string;
    cover: string;
    originCover: string;
    dynamicCover: string;
    playAddr: string;
    downloadAddr: string;
    format: string;
    bitrateInfo?: BitrateView[];
    PlayAddrStruct?: PlayAddrView;
  };
  music: {
    id: string;
    title: string;
    authorName: string;
    playUrl: string;
    duration: number;
    original: boolean;
  };
  stats: Record<string, number | string>;
  statsV2: Record<string, string>;
  isContentClassified: boolean;
  imagePost?: { images: Array<{ imageURL: { urlList: string[] }; imageWidth: number; imageHeight: number }> };
};
export type VideoDetailView = {
  statusCode: number;
  statusMsg: string;
  itemInfo: { itemStruct?: ItemStructView };
};
export type UserDetailView = {
  statusCode: number;
  statusMsg: string;
  userInfo: {
    user?: { id: string; secUid: string; uniqueId: string; privateAccount: boolean; UserStoryStatus: number };
    stats?: { videoCount: number };
    statsV2?: { videoCount: string };
  };
};
export type UniversalScopes = {
  'webapp.app-context'?: { host: string; userAgent: string; user?: unknown };
  'seo.abtest'?: { canonical: string };
  'webapp.video-detail'?: VideoDetailView;
  'webapp.user-detail'?: UserDetailView;
};

const REHYDRATION =
  /<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application\/json">([\s\S]*?)<\/script>/;

export function universalScopes(html: string): UniversalScopes | undefined {
  const match = REHYDRATION.exec(html);
  if (!match) return undefined;
  return (JSON.parse(match[1] as string) as { __DEFAULT_SCOPE__: UniversalScopes }).__DEFAULT_SCOPE__;
}

/** `name=value; …` for the Set-Cookie headers of a response. */
export function cookieHeaderFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(';')[0] as string)
    .join('; ');
}

export function cookieValue(headers: Headers, name: string): string | undefined {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0] as string;
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return undefined;
}

export type PageResult = {
  status: number;
  headers: Headers;
  html: string;
  scopes: UniversalScopes | undefined;
  /** The page's cookies as a Cookie header, ready for media requests. */
  cookies: string;
};

export async function getPage(url: string, headers: Record<string, string> = {}): Promise<PageResult> {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const html = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    html,
    scopes: universalScopes(html),
    cookies: cookieHeaderFrom(res.headers),
  };
}

export function itemOf(page: PageResult): ItemStructView {
  const item = page.scopes?.['webapp.video-detail']?.itemInfo.itemStruct;
  if (!item)
    throw new Error(`page has no itemStruct (status ${page.scopes?.['webapp.video-detail']?.statusCode})`);
  return item;
}

function attributeOf(html: string, id: string): string | undefined {
  return new RegExp(`id="${id}" class="([^"]*)"`).exec(html)?.[1];
}

/** Solves the §5 challenge as yt-dlp and gallery-dl do and returns the Cookie header. */
export function solveWafChallenge(html: string): string {
  const encoded = attributeOf(html, 'cs');
  const cookieName = attributeOf(html, 'wci');
  if (!encoded || !cookieName) throw new Error('not a challenge page');
  const challenge = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
    v: { a: string; c: string };
    d?: string;
  };
  const prefix = Buffer.from(challenge.v.a, 'base64');
  const expected = Buffer.from(challenge.v.c, 'base64');
  for (let i = 0; i <= 1_000_000; i++) {
    if (createHash('sha256').update(prefix).update(String(i)).digest().equals(expected)) {
      challenge.d = Buffer.from(String(i)).toString('base64');
      const cookies = [`${cookieName}=${Buffer.from(JSON.stringify(challenge)).toString('base64')}`];
      const second = attributeOf(html, 'rci');
      const secondValue = attributeOf(html, 'rs');
      if (second && secondValue) cookies.push(`${second}=${secondValue}`);
      return cookies.join('; ');
    }
  }
  throw new Error('challenge not solvable');
}

export type RawResponse = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** How the server ended the connection: FIN ('end') or RST ('reset'). */
  closedBy: 'end' | 'reset';
};

/**
 * GET over a bare TCP socket with `Connection: close`, keeping every byte that arrived and
 * telling a clean close (FIN) from a reset (RST), which an HTTP client would blur into one
 * "aborted" error. The sim always sends Content-Length bodies, so no chunked decoding.
 */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const target = new URL(url);
  const lines = [
    `GET ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target.port), target.hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closedBy: RawResponse['closedBy']) => {
      if (settled) return;
      settled = true;
      const data = Buffer.concat(chunks);
      const split = data.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no HTTP response (${closedBy})`));
      const [statusLine = '', ...headerLines] = data.subarray(0, split).toString('latin1').split('\r\n');
      const parsed: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: parsed,
        body: data.subarray(split + 4),
        closedBy,
      });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish('end'));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? finish('reset') : reject(error),
    );
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
