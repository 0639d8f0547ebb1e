import { parseTikTokUrl } from '@tiksavr/core';
import { type BenchCase, measureAgainstBaseline } from '../harness.ts';
import { createSeededRandom, type SeededRandom } from '../seeded-random.ts';

/**
 * core.parseTikTokUrl: links parsed per second on one core, over a mixed corpus shaped like what
 * people paste (mostly canonical and share-sheet links with tracking parameters, some short links,
 * aliases and mistakes). Baseline: the WHATWG URL parser alone on the same strings (`URL.parse`, the
 * non-throwing `new URL`), i.e. the floor our parser builds on. Target from the issue: ≥ 500,000/s.
 */

const TARGET_URLS_PER_SECOND = 500_000;
const CORPUS_SIZE = 20_000;
const SEED = 20_260_901;

type Sample = { readonly url: string; readonly accepted: boolean };

const USER_PARTS = [
  'zg',
  'embong',
  'daily',
  'cat',
  'lover',
  'the',
  'real',
  'news',
  'vn',
  'official',
  'fan',
  'club',
];

function username(random: SeededRandom): string {
  const words = random.int(1, 3);
  let name = '';
  for (let index = 0; index < words; index++) {
    if (index > 0) name += random.pick(['.', '_', '']);
    name += random.pick(USER_PARTS);
  }
  return random.next() < 0.4 ? `${name}${random.int(1, 9999)}` : name;
}

/** An id the way TikTok mints them: creation second in the upper bits, random low 32 bits. */
function itemId(random: SeededRandom): string {
  const createdAt = BigInt(random.int(1_546_300_800, 1_788_220_800)); // 2019 … 2026
  const low = BigInt(random.int(0, 0xffff_ffff));
  return ((createdAt << 32n) | low).toString();
}

function shortCode(random: SeededRandom): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let code = random.pick(['ZM', 'ZS', 'ZT']);
  for (let index = 0; index < 7; index++) code += random.pick([...alphabet]);
  return code;
}

function trackingQuery(random: SeededRandom): string {
  const params = [
    `is_from_webapp=1`,
    `sender_device=${random.pick(['pc', 'mobile'])}`,
    `web_id=${itemId(random)}`,
    `_r=1`,
    `_t=${shortCode(random)}`,
    `lang=${random.pick(['en', 'vi-VN', 'de', 'pt-BR'])}`,
    `is_copy_url=1`,
    `k=1`,
  ];
  const count = random.int(2, params.length);
  return `?${params.slice(0, count).join('&')}`;
}

function sample(random: SeededRandom): Sample {
  const roll = random.next();
  const id = itemId(random);
  const user = username(random);
  if (roll < 0.35) return { url: `https://www.tiktok.com/@${user}/video/${id}`, accepted: true };
  if (roll < 0.55)
    return { url: `https://www.tiktok.com/@${user}/video/${id}${trackingQuery(random)}`, accepted: true };
  if (roll < 0.65)
    return {
      url: `https://www.tiktok.com/@${user}/photo/${id}${random.next() < 0.5 ? trackingQuery(random) : ''}`,
      accepted: true,
    };
  if (roll < 0.8) {
    const code = shortCode(random);
    const url = random.pick([
      `https://vm.tiktok.com/${code}/`,
      `https://vt.tiktok.com/${code}/`,
      `https://www.tiktok.com/t/${code}/`,
    ]);
    return { url: random.next() < 0.3 ? `${url}?_t=${shortCode(random)}&_r=1` : url, accepted: true };
  }
  if (roll < 0.88) {
    const url = random.pick([
      `https://m.tiktok.com/v/${id}.html`,
      `https://www.tiktok.com/embed/v2/${id}`,
      `https://www.tiktok.com/share/video/${id}`,
      `https://www.tiktokv.com/share/video/${id}/`,
      `https://m.tiktok.com/@${user}/video/${id}`,
    ]);
    return { url, accepted: true };
  }
  if (roll < 0.93) {
    const url = random.pick([
      ` www.tiktok.com/@${user}/video/${id}\n`,
      `tiktok.com/@${user}/video/${id}/`,
      `vm.tiktok.com/${shortCode(random)}`,
      `HTTPS://WWW.TIKTOK.COM/@${user}/video/${id}`,
    ]);
    return { url, accepted: true };
  }
  const url = random.pick([
    `https://www.tiktok.com/@${user}`,
    `https://www.tiktok.com/tag/${random.pick(USER_PARTS)}`,
    `https://www.youtube.com/watch?v=${shortCode(random)}`,
    `https://tiktok.com.evil.io/@${user}/video/${id}`,
    `https://www.tiktok.com/@${user}/video/not-an-id`,
  ]);
  return { url, accepted: false };
}

function buildCorpus(): Sample[] {
  const random = createSeededRandom(SEED);
  return Array.from({ length: CORPUS_SIZE }, () => sample(random));
}

export const urlParseCase: BenchCase = {
  name: 'core.parseTikTokUrl',
  metric: 'throughput',
  unit: 'urls/s',
  target: TARGET_URLS_PER_SECOND,
  higherIsBetter: true,
  async run() {
    const corpus = buildCorpus();
    const urls = corpus.map((entry) => entry.url);
    const wrong = corpus.filter((entry) => parseTikTokUrl(entry.url).ok !== entry.accepted);
    if (wrong.length > 0) {
      throw new Error(
        `parseTikTokUrl disagrees with the corpus on ${wrong.length} links, e.g. ${JSON.stringify(wrong[0]?.url)}`,
      );
    }
    const { candidate, baseline } = await measureAgainstBaseline(
      () => {
        let accepted = 0;
        for (const url of urls) if (parseTikTokUrl(url).ok) accepted++;
        return accepted;
      },
      () => {
        let parsed = 0;
        for (const url of urls) if (URL.parse(url) !== null) parsed++;
        return parsed;
      },
      urls.length,
      { warmupReps: 5, reps: 40 },
    );
    const expectedAccepted = corpus.filter((entry) => entry.accepted).length;
    if (candidate.lastResult !== expectedAccepted) {
      throw new Error(`timed parse accepted ${candidate.lastResult} links, expected ${expectedAccepted}`);
    }
    return {
      value: Math.round(candidate.opsPerSec),
      baseline: Math.round(baseline.opsPerSec),
      details: {
        baselineIs: 'URL.parse (WHATWG URL, non-throwing new URL) on the same strings',
        corpusSize: urls.length,
        acceptedShare: Number((expectedAccepted / urls.length).toFixed(3)),
        reps: candidate.reps,
        medianRepMs: Number(candidate.medianMs.toFixed(3)),
        p95RepMs: Number(candidate.p95Ms.toFixed(3)),
        baselineMedianRepMs: Number(baseline.medianMs.toFixed(3)),
      },
    };
  },
};
