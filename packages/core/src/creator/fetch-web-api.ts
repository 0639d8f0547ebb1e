import { AppError } from '../errors.ts';
import { asNumber, asRecord, asString, type JsonRecord } from '../page/lenient-json.ts';
import { isWafChallengePage, solveWafChallenge } from '../page/waf-challenge.ts';
import { apiRequestHeaders } from '../resolve/browser-headers.ts';
import { wafAnswerCookie } from '../resolve/fetch-item-page.ts';
import { httpGet, retryAfterSeconds } from '../resolve/http-get.ts';
import { reportPushback } from '../resolve/pushback.ts';
import { cookieHeaderFor, keepCookies, type ResolveSession } from '../resolve/resolve-session.ts';
import { WEB_API_MAX_BYTES } from './creator-policy.ts';

/**
 * One call of TikTok's web JSON API (the story and post lists), with the resolver's rules
 * (http-get.ts: no automatic redirects, a timeout, a size cap) and these answers:
 * - 429 → `rate_limited` with Retry-After (reported as pushback by the caller's wrapper);
 * - a redirect to `/login` → `login_required`; any other redirect or non-2xx → `upstream_error`;
 * - the WAF challenge page instead of JSON → solved once, the call repeated with the answer
 *   cookies; a second challenge → `challenge` (each challenge page is reported as pushback);
 * - an empty or unreadable body → one more try (gallery-dl does the same), then `upstream_error`.
 * TikTok's own `statusCode` inside the JSON is read by `webApiStatusError`.
 */
const MAX_TRIES = 3;

function redirectError(session: ResolveSession, url: URL, location: string | null): AppError {
  const target = location === null ? null : URL.parse(location, url);
  const path = target === null ? '' : session.upstream.tiktokFormOf(target).pathname;
  if (path === '/login' || path.startsWith('/login/')) {
    return new AppError('login_required', `TikTok redirected ${url.pathname} to /login`);
  }
  return new AppError('upstream_error', `TikTok redirected ${url.pathname} instead of answering`);
}

function jsonRecordOf(text: string): JsonRecord | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export async function fetchWebApi(session: ResolveSession, url: URL, referer: string): Promise<JsonRecord> {
  let answerCookie = '';
  let solvedChallenge = false;
  let retriedUnreadable = false;
  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    const cookie = [cookieHeaderFor(session, url), answerCookie].filter((part) => part !== '').join('; ');
    answerCookie = '';
    const reply = await httpGet(url, {
      fetch: session.fetch,
      beforeRequest: session.beforeRequest,
      headers: apiRequestHeaders(session.userAgent, cookie, referer),
      timeoutMs: session.timeoutMs,
      maxBytes: WEB_API_MAX_BYTES,
      signal: session.signal,
    });
    keepCookies(session, reply);
    const where = `${url.origin}${url.pathname}`;
    if (reply.status === 429) {
      throw new AppError('rate_limited', `HTTP 429 from ${where}`, {
        detail: { httpStatus: 429, retryAfterSeconds: retryAfterSeconds(reply.headers) },
      });
    }
    if (reply.status >= 300 && reply.status < 400)
      throw redirectError(session, url, reply.headers.get('location'));
    if (reply.status < 200 || reply.status >= 300) {
      throw new AppError('upstream_error', `HTTP ${reply.status} from ${where}`, {
        detail: { httpStatus: reply.status },
      });
    }
    const json = jsonRecordOf(reply.text);
    if (json !== undefined) return json;
    if (isWafChallengePage(reply.text)) {
      reportPushback(session.onPushback, { kind: 'challenge' });
      const solution = solvedChallenge ? null : solveWafChallenge(reply.text);
      if (solution === null)
        throw new AppError('challenge', `TikTok answered ${where} with its WAF challenge`);
      solvedChallenge = true;
      answerCookie = wafAnswerCookie(solution);
      continue;
    }
    if (retriedUnreadable) break;
    retriedUnreadable = true;
  }
  throw new AppError('upstream_error', `No readable JSON from ${url.origin}${url.pathname}`);
}

export type WebApiSubject = {
  /** What was listed, for messages (`stories of 6799838955094836230`). */
  readonly what: string;
};

/**
 * The error for TikTok's `statusCode` (or `status_code`) inside a list answer; null for 0 or
 * none. See creator-policy.ts rule 8 for the unverified mapping.
 */
export function webApiStatusError(
  session: ResolveSession,
  body: JsonRecord,
  subject: WebApiSubject,
): AppError | null {
  const status = asNumber(body.statusCode) ?? asNumber(body.status_code) ?? 0;
  if (status === 0) return null;
  const statusMsg = asString(body.statusMsg) ?? asString(body.status_msg) ?? '';
  const detail = { statusCode: status, statusMsg };
  const message = `TikTok answered ${status}${statusMsg ? ` "${statusMsg}"` : ''} for ${subject.what}`;
  switch (status) {
    case 10222:
      return new AppError('private_account', message, { detail });
    case 10221:
      return new AppError('account_not_found', message, { detail: { ...detail, why: 'banned' } });
    case 10202:
      return new AppError('account_not_found', message, { detail: { ...detail, why: 'not_found' } });
    case 10000:
      reportPushback(session.onPushback, { kind: 'challenge' });
      return new AppError('challenge', message, { detail });
    case 10204:
      reportPushback(session.onPushback, { kind: 'item_hidden' });
      return new AppError('upstream_error', message, { detail });
    default:
      return new AppError('upstream_error', message, { detail });
  }
}
