import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import { SIM_ORIGIN } from './sim.ts';

export type SimCreator = { handle: string; tiktokId: string; tiktokProfileUrl: string };
export type SimStory = { id: string; url: string; shortUrl: string; createTime: string; expiresAt: string };

/** A new account in the local TikTok simulator, with a handle no other run uses. */
export async function createSimCreator(request: APIRequestContext, nickname: string): Promise<SimCreator> {
  const handle = `e2e.watch.${randomBytes(4).toString('hex')}`;
  const response = await request.post(`${SIM_ORIGIN}/__sim/creators`, { data: { handle, nickname } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as SimCreator;
}

/** The creator posts a story now (or one `ageSeconds` old) in the simulator. */
export async function postSimStory(
  request: APIRequestContext,
  handle: string,
  spec: { caption?: string; ageSeconds?: number } = {},
): Promise<SimStory> {
  const response = await request.post(`${SIM_ORIGIN}/__sim/creators/${encodeURIComponent(handle)}/stories`, {
    data: spec,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as SimStory;
}

/** How many times the simulator served media of one item (any file, any range). */
export async function simMediaServed(request: APIRequestContext, itemId: string): Promise<number> {
  const response = await request.get(`${SIM_ORIGIN}/__sim/items/${itemId}/served`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { mediaServed: number }).mediaServed;
}

/** Makes the simulator fail every media request of one item with a 503 (until faults are cleared). */
export async function failSimMedia(request: APIRequestContext, itemId: string): Promise<void> {
  const response = await request.post(`${SIM_ORIGIN}/__sim/faults`, {
    data: { target: itemId, fault: { kind: 'status_5xx', on: 'media' } },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function clearSimFaults(request: APIRequestContext): Promise<void> {
  const response = await request.delete(`${SIM_ORIGIN}/__sim/faults`);
  expect(response.ok(), await response.text()).toBe(true);
}

/** The creator changes who may see an item (e.g. a story made followers-only after it was shared). */
export async function setSimVisibility(
  request: APIRequestContext,
  itemId: string,
  visibility: 'public' | 'followers_only' | 'deleted',
): Promise<void> {
  const response = await request.patch(`${SIM_ORIGIN}/__sim/items/${itemId}`, { data: { visibility } });
  expect(response.ok(), await response.text()).toBe(true);
}
