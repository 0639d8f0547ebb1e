import { elementBody, findOpeningTag } from './html-element.ts';
import { asRecord, type JsonRecord } from './lenient-json.ts';

/**
 * Finds the JSON that a TikTok page embeds in `<script id="…">` and parses only that slice.
 *
 * Why hand-rolled instead of an HTML parser or a regex over the document: a page is 0.5–1 MB and
 * the resolver reads one element of it. `indexOf` jumps to the element in microseconds, and
 * `JSON.parse` of the slice is the only real cost. An HTML parser would build a DOM of the whole
 * page, and a lazy regex (`<script id="X">(.*?)</script>`) backtracks over the whole megabyte.
 */

/** The raw text content of the first `<script>` element whose `id` is exactly `id`, or undefined. */
export function findScriptText(html: string, id: string): string | undefined {
  const tag = findOpeningTag(html, id, 'script');
  return tag === undefined ? undefined : elementBody(html, tag, 'script');
}

/**
 * Index just past the `}` that closes the object opening at `start`, or -1. Knows about JSON
 * strings and their escapes, so braces inside captions do not count.
 */
function endOfObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b /* { */) depth += 1;
    else if (char === 0x7d /* } */) {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

function parseRecord(text: string): JsonRecord | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Parses a script's text as one JSON object. A pure JSON body (`{…}`) is parsed directly; a JS
 * body such as `window['SIGI_STATE']={…};window['SIGI_RETRY']={…}` yields its first object.
 */
export function parseScriptObject(text: string): JsonRecord | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  if (text.trimStart().startsWith('{')) {
    const whole = parseRecord(text);
    if (whole !== undefined) return whole;
  }
  const end = endOfObject(text, start);
  return end < 0 ? undefined : parseRecord(text.slice(start, end));
}

const MAX_KEY_HITS = 16;

function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
  return index;
}

/**
 * Parses only the object value of the first `"key": {…}` in a script's JSON, or undefined.
 * A page's JSON is 0.3–1 MB, of which the item scope is ~30 KB; scanning to the key and parsing
 * that object keeps the cost flat whatever else the page carries. An unescaped `"key"` followed
 * by `:` cannot occur inside a JSON string, so a match is a real key; callers still validate the
 * shape and fall back to parsing the whole script.
 */
export function parseObjectAtKey(text: string, key: string): JsonRecord | undefined {
  const needle = `"${key}"`;
  let from = 0;
  for (let hit = 0; hit < MAX_KEY_HITS; hit += 1) {
    const at = text.indexOf(needle, from);
    if (at < 0) return undefined;
    from = at + needle.length;
    const colon = skipWhitespace(text, from);
    if (text[colon] !== ':') continue; // the name as a value (`"route":"webapp.video-detail"`)
    const start = skipWhitespace(text, colon + 1);
    if (text[start] !== '{') return undefined;
    const end = endOfObject(text, start);
    return end < 0 ? undefined : parseRecord(text.slice(start, end));
  }
  return undefined;
}
