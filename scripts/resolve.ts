// `npm run resolve -- <url> [--highest]`: parses a TikTok link and resolves it to its media,
// printing both as JSON. Upstream is real TikTok unless TIKTOK_ORIGIN points at a simulator.
import { isAppError, parseTikTokUrl, resolve } from '@tiksavr/core';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--'));
if (!url) {
  console.error('usage: npm run resolve -- <tiktok url> [--highest]');
  process.exit(2);
}
const origin = process.env.TIKTOK_ORIGIN || undefined;
const parse = parseTikTokUrl(url);
const out: Record<string, unknown> = { input: url, upstream: origin ?? 'https://www.tiktok.com', parse };

if (parse.ok) {
  try {
    const resolved = await resolve(url, {
      origin,
      quality: args.includes('--highest') ? 'highest' : 'compatible',
    });
    out.resolve = {
      ok: true,
      canonicalUrl: resolved.canonicalUrl,
      isStory: resolved.isStory,
      storyDeadline: resolved.storyDeadline?.toISOString() ?? null,
      item: resolved.item,
      media: resolved.plan.assets,
      mediaRequestHeaders: Object.keys(resolved.mediaRequest.headers),
    };
  } catch (error) {
    out.resolve = isAppError(error)
      ? { ok: false, code: error.code, message: error.userMessage, detail: error.detail }
      : { ok: false, code: 'internal', message: String(error) };
  }
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
process.exitCode = (out.resolve as { ok?: boolean } | undefined)?.ok === false || !parse.ok ? 1 : 0;
