import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

/**
 * The WAF proof-of-work page TikTok sometimes serves instead of a post (tiktok-upstream.md §5):
 * ~1.5 KB of HTML, "Please wait...", and the challenge in element attributes —
 *   id="cs"  class = base64 JSON {v:{a:<b64 prefix>, c:<b64 sha256(prefix + str(i))>}, …}, padding stripped
 *   id="wci" class = the cookie name to answer in (`_wafchallengeid`)
 *   id="rci"/id="rs" = an optional second cookie (`waforiginalreid`) and its value.
 * The answer is cookie wci = base64(compact JSON of the challenge plus d = base64(str(i))).
 * `i` is kept small so solving takes milliseconds. Each solved challenge is accepted once.
 */
export const WAF_COOKIE_NAME = '_wafchallengeid';
export const WAF_SECOND_COOKIE_NAME = 'waforiginalreid';

export type WafChallenge = { v: { a: string; c: string }; s: string };

export type WafChallenger = {
  /** A fresh challenge and the page that carries it. */
  issue(): { challenge: WafChallenge; html: string };
  /** True once for a correctly solved, sim-issued challenge cookie value. */
  acceptAnswer(cookieValue: string | undefined): boolean;
  reset(): void;
};

const MAX_ANSWER = 2_000;
const REMEMBERED_ANSWERS = 10_000;

function digestOf(prefix: Buffer, answer: string): Buffer {
  return createHash('sha256').update(prefix).update(answer).digest();
}

// A working in-browser solver, so the page behaves like the real one if a browser opens it.
const SOLVER_SCRIPT =
  '(async()=>{const g=i=>document.getElementById(i).className,b=s=>Uint8Array.from(atob(s),c=>c.charCodeAt(0));' +
  "const ch=JSON.parse(atob(g('cs'))),a=b(ch.v.a);for(let i=0;i<1e6;i++){const n=new TextEncoder().encode(String(i))," +
  'm=new Uint8Array(a.length+n.length);m.set(a);m.set(n,a.length);const h=btoa(String.fromCharCode(...new Uint8Array(' +
  "await crypto.subtle.digest('SHA-256',m))));if(h===ch.v.c){ch.d=btoa(String(i));break}}" +
  "document.cookie=g('wci')+'='+btoa(JSON.stringify(ch))+'; Max-Age=1; path=/';" +
  "document.cookie=g('rci')+'='+g('rs')+'; Max-Age=1; path=/';location.reload()})();";

function renderPage(encodedChallenge: string, secondCookieValue: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Please wait...</title>
<style>body{margin:0;font-family:-apple-system,"Segoe UI",Roboto,sans-serif;color:#161823;background:#fff}
.waf-wrap{display:flex;min-height:100vh;flex-direction:column;align-items:center;justify-content:center}
.waf-spin{width:32px;height:32px;border:3px solid #eee;border-top-color:#fe2c55;border-radius:50%;animation:r 1s linear infinite}
@keyframes r{to{transform:rotate(360deg)}}</style></head>
<body><div class="waf-wrap"><div class="waf-spin"></div><p>Please wait...</p></div>
<p id="cs" class="${encodedChallenge}" hidden></p><p id="wci" class="${WAF_COOKIE_NAME}" hidden></p>
<p id="rci" class="${WAF_SECOND_COOKIE_NAME}" hidden></p><p id="rs" class="${secondCookieValue}" hidden></p>
<script>${SOLVER_SCRIPT}</script></body></html>
`;
}

export function createWafChallenger(secret: Buffer = randomBytes(32)): WafChallenger {
  const answered = new Set<string>();
  const seal = (a: string, c: string) => createHmac('sha256', secret).update(`${a}.${c}`).digest('base64');

  return {
    issue() {
      const prefix = randomBytes(16);
      const a = prefix.toString('base64');
      const c = digestOf(prefix, String(randomInt(0, MAX_ANSWER + 1))).toString('base64');
      const challenge: WafChallenge = { v: { a, c }, s: seal(a, c) };
      const encoded = Buffer.from(JSON.stringify(challenge)).toString('base64').replace(/=+$/, '');
      return { challenge, html: renderPage(encoded, randomBytes(12).toString('hex')) };
    },
    acceptAnswer(cookieValue) {
      if (!cookieValue) return false;
      let answer: unknown;
      try {
        answer = JSON.parse(Buffer.from(cookieValue, 'base64').toString('utf8'));
      } catch {
        return false;
      }
      if (typeof answer !== 'object' || answer === null) return false;
      const { v, s, d } = answer as { v?: { a?: unknown; c?: unknown }; s?: unknown; d?: unknown };
      const a = v?.a;
      const c = v?.c;
      if (typeof a !== 'string' || typeof c !== 'string' || typeof s !== 'string' || typeof d !== 'string') {
        return false;
      }
      if (s !== seal(a, c) || answered.has(a)) return false;
      const number = Buffer.from(d, 'base64').toString('latin1');
      if (!/^\d{1,7}$/.test(number)) return false;
      if (!digestOf(Buffer.from(a, 'base64'), number).equals(Buffer.from(c, 'base64'))) return false;
      if (answered.size >= REMEMBERED_ANSWERS) answered.clear();
      answered.add(a);
      return true;
    },
    reset() {
      answered.clear();
    },
  };
}
