/**
 * Decodes one punycode label (the part after `xn--`) to Unicode, per RFC 3492 §6.2.
 * Returns null for malformed input instead of throwing.
 *
 * Hand-rolled on purpose: core must run unchanged in Node and in the browser with no dependency
 * beyond zod; Node's `punycode` module is deprecated and `url.domainToUnicode` is Node-only.
 * It is used only to explain why a link was rejected (lookalike hosts), never to accept one.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;

function digitValue(codeUnit: number): number {
  if (codeUnit >= 48 && codeUnit <= 57) return codeUnit - 22; // '0'-'9' → 26-35
  if (codeUnit >= 65 && codeUnit <= 90) return codeUnit - 65; // 'A'-'Z' → 0-25
  if (codeUnit >= 97 && codeUnit <= 122) return codeUnit - 97; // 'a'-'z' → 0-25
  return BASE;
}

function adaptBias(delta: number, pointCount: number, firstTime: boolean): number {
  let scaled = firstTime ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  scaled += Math.floor(scaled / pointCount);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

export function decodePunycodeLabel(encoded: string): string | null {
  const delimiter = encoded.lastIndexOf('-');
  const output: number[] = [];
  for (let index = 0; index < Math.max(delimiter, 0); index++) {
    const codeUnit = encoded.charCodeAt(index);
    if (codeUnit >= 0x80) return null;
    output.push(codeUnit);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  let position = delimiter >= 0 ? delimiter + 1 : 0;
  while (position < encoded.length) {
    const previousI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (position >= encoded.length) return null;
      const digit = digitValue(encoded.charCodeAt(position++));
      if (digit >= BASE) return null;
      i += digit * weight;
      if (i > Number.MAX_SAFE_INTEGER / BASE) return null;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      weight *= BASE - threshold;
    }
    const pointCount = output.length + 1;
    bias = adaptBias(i - previousI, pointCount, previousI === 0);
    n += Math.floor(i / pointCount);
    if (n > MAX_CODE_POINT) return null;
    i %= pointCount;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}
