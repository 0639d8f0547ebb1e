import { type APIRequestContext, expect } from '@playwright/test';
import { SIM_ORIGIN } from './sim.ts';

export type SimItem = { id: string; tiktokUrl: string };

/** A new post in the local TikTok simulator (its control API), with a link to paste. */
export async function createSimItem(
  request: APIRequestContext,
  spec: {
    kind?: 'video' | 'photo';
    username?: string;
    caption?: string;
    visibility?: string;
    largeBytes?: number;
    mediaBytesPerSecond?: number;
  },
): Promise<SimItem> {
  const response = await request.post(`${SIM_ORIGIN}/__sim/items`, {
    data: { kind: 'video', username: 'e2e_dashboard', ...spec },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { item: SimItem }).item;
}
