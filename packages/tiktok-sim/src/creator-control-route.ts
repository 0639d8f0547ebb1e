import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-responses.ts';
import { readJsonBody } from './json-body.ts';
import { SimInputError } from './sim-input-error.ts';
import type { SimCreatorSpec, SimPostSpec, SimStorySpec, TikTokSim } from './sim-types.ts';

/**
 * The creator and request-log part of the `/__sim/` control API (see control-route.ts):
 *   POST   /__sim/creators                  SimCreatorSpec {handle, nickname?, private?, banned?}
 *                                           → 201 SimCreator {tiktokId, secUid, handle, …} (200 if it existed)
 *   GET    /__sim/creators                  → { creators: SimCreator[] }
 *   GET    /__sim/creators/HANDLE           → SimCreator, or 404 { error }
 *   POST   /__sim/creators/HANDLE/stories   SimStorySpec {kind?, ageSeconds?, createTime?, bytes?, caption?, visibility?}
 *                                           → 201 SimPosted {id, url, shortUrl, simUrl, createTime, expiresAt, item}
 *   POST   /__sim/creators/HANDLE/posts     SimPostSpec (as stories, plus pinned?, any visibility) → 201 SimPosted
 *   POST   /__sim/creators/HANDLE/rename    { to }     → SimCreator (under its new handle)
 *   POST   /__sim/creators/HANDLE/private   { value }  → SimCreator
 *   POST   /__sim/creators/HANDLE/banned    { value }  → SimCreator
 *   DELETE /__sim/items/ID                  → { item } (deleted by its creator: 10204, off the lists)
 *   GET    /__sim/items/ID/served           → { itemId, mediaServed } (media bodies sent to the end)
 *   GET    /__sim/requests?since=SEQ        → SimRequestLogEntry[] {seq, at, simAt, method, path, kind, status}
 *   DELETE /__sim/requests                  → { ok: true }
 * Returns false for any other path, for control-route.ts to answer.
 */
const CREATOR = /^\/__sim\/creators\/([^/]+)(?:\/(stories|posts|rename|private|banned))?$/;
const ITEM = /^\/__sim\/items\/(\d{1,21})(\/served)?$/;

function handleIn(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new SimInputError('the handle in the path is not valid percent-encoding');
  }
}

export async function routeCreatorControl(
  sim: TikTokSim,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '');
  const method = req.method ?? 'GET';

  if (path === '/__sim/creators' && method === 'POST') {
    const spec = (await readJsonBody(req)) as unknown as SimCreatorSpec;
    const existed = typeof spec.handle === 'string' && sim.creator(spec.handle) !== undefined;
    sendJson(res, existed ? 200 : 201, sim.addCreator(spec));
    return true;
  }
  if (path === '/__sim/creators' && method === 'GET') {
    sendJson(res, 200, { creators: sim.creators() });
    return true;
  }
  const creator = CREATOR.exec(path);
  if (creator) {
    const handle = handleIn(creator[1] as string);
    const action = creator[2];
    if (action === undefined && method === 'GET') {
      const found = sim.creator(handle);
      sendJson(res, found ? 200 : 404, found ?? { error: `no creator @${handle}` });
      return true;
    }
    if (method !== 'POST' || action === undefined) return false;
    const body = await readJsonBody(req);
    if (action === 'stories') sendJson(res, 201, sim.addStory(handle, body as SimStorySpec));
    else if (action === 'posts') sendJson(res, 201, sim.addPost(handle, body as SimPostSpec));
    else if (action === 'rename') sendJson(res, 200, sim.renameCreator(handle, body.to as string));
    else if (action === 'private') sendJson(res, 200, sim.setCreatorPrivate(handle, body.value as boolean));
    else sendJson(res, 200, sim.setCreatorBanned(handle, body.value as boolean));
    return true;
  }
  const item = ITEM.exec(path);
  if (item && method === 'DELETE' && item[2] === undefined) {
    sendJson(res, 200, { item: sim.deleteItem(item[1] as string) });
    return true;
  }
  if (item && method === 'GET' && item[2] !== undefined) {
    sendJson(res, 200, { itemId: item[1], mediaServed: sim.mediaServed(item[1] as string) });
    return true;
  }
  if (path === '/__sim/requests' && method === 'GET') {
    const since = Number(url.searchParams.get('since') ?? 0);
    if (!Number.isInteger(since) || since < 0) throw new SimInputError('since must be a whole number ≥ 0');
    sendJson(res, 200, sim.requests(since));
    return true;
  }
  if (path === '/__sim/requests' && method === 'DELETE') {
    sim.clearRequests();
    sendJson(res, 200, { ok: true });
    return true;
  }
  return false;
}
