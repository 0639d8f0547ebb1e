import type { APIRequestContext } from '@playwright/test';

/** The local TikTok simulator started by `scripts/start.ts --demo` (see playwright.config.ts). */
export const SIM_ORIGIN = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? '3199'}`;

export type DemoExample = { label: string; url: string; simUrl: string; itemId: string };

/** The seeded demo items, by their label (e.g. "Video (H.264 + HEVC)"). */
export async function demoExamples(request: APIRequestContext): Promise<Map<string, DemoExample>> {
  const response = await request.get(`${SIM_ORIGIN}/__sim/items`);
  if (!response.ok()) throw new Error(`GET /__sim/items answered ${response.status()}`);
  const body = (await response.json()) as { examples: DemoExample[] };
  return new Map(body.examples.map((example) => [example.label, example]));
}

export function example(examples: Map<string, DemoExample>, label: string): DemoExample {
  const found = examples.get(label);
  if (!found) throw new Error(`the simulator has no demo example "${label}"`);
  return found;
}

/** The sha256 of the bytes the simulator serves for one media file of an item. */
export async function simMediaSha256(
  request: APIRequestContext,
  itemId: string,
  role: 'video' | 'image' | 'audio',
  index = 0,
): Promise<string> {
  const response = await request.get(
    `${SIM_ORIGIN}/__sim/media?itemId=${itemId}&role=${role}&index=${index}`,
  );
  if (!response.ok()) throw new Error(`GET /__sim/media answered ${response.status()}`);
  return ((await response.json()) as { sha256: string }).sha256;
}
