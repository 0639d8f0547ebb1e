import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeCreatorControl } from './creator-control-route.ts';
import { sendJson } from './http-responses.ts';
import { readJsonBody } from './json-body.ts';
import type { SimContext } from './sim-context.ts';
import { SimInputError } from './sim-input-error.ts';
import type { SimFault, SimItemPatch, SimItemSpec, SimMediaRole, TikTokSim } from './sim-types.ts';

/**
 * The `/__sim/` JSON control API: the same controls as the in-process TikTokSim object, for a
 * separate process such as Playwright.
 *   GET  /__sim/items                      → { items, examples }
 *   POST /__sim/items        SimItemSpec   → 201 { item }
 *   PATCH /__sim/items/ID    SimItemPatch  → { item }
 *   GET  /__sim/faults                     → { faults }
 *   POST /__sim/faults       { target, fault } or { clear: true } → { faults }
 *   DELETE /__sim/faults                   → { faults: [] }
 *   GET  /__sim/clock                      → { nowMs, now }
 *   POST /__sim/clock        { advanceSeconds } or { nowMs } → { nowMs, now }
 *   GET  /__sim/stats                      → SimStats
 *   GET  /__sim/media?itemId&role&index    → { sha256, size }
 *   POST /__sim/reset                      → { ok: true }
 * plus creators, stories, posts, deletion, renames and the request log: creator-control-route.ts.
 * Bad input answers 400 { error }.
 */
function clockView(sim: TikTokSim) {
  const nowMs = sim.now();
  return { nowMs, now: new Date(nowMs).toISOString() };
}

async function route(ctx: SimContext, sim: TikTokSim, req: IncomingMessage, res: ServerResponse, url: URL) {
  const path = url.pathname.replace(/\/+$/, '');
  const method = req.method ?? 'GET';
  const itemPatch = /^\/__sim\/items\/(\d{1,21})$/.exec(path);

  if (path === '/__sim/items' && method === 'GET') {
    return sendJson(res, 200, { items: sim.items(), examples: sim.examples() });
  }
  if (path === '/__sim/items' && method === 'POST') {
    const item = sim.addItem((await readJsonBody(req)) as unknown as SimItemSpec);
    return sendJson(res, 201, { item });
  }
  if (itemPatch && method === 'PATCH') {
    const item = sim.updateItem(itemPatch[1] as string, (await readJsonBody(req)) as SimItemPatch);
    return sendJson(res, 200, { item });
  }
  if (path === '/__sim/faults' && method === 'GET') return sendJson(res, 200, { faults: ctx.faults.list() });
  if (path === '/__sim/faults' && method === 'POST') {
    const body = await readJsonBody(req);
    if (body.clear === true) sim.clearFaults();
    else sim.setFault(body.target as string, body.fault as SimFault);
    return sendJson(res, 200, { faults: ctx.faults.list() });
  }
  if (path === '/__sim/faults' && method === 'DELETE') {
    sim.clearFaults();
    return sendJson(res, 200, { faults: [] });
  }
  if (path === '/__sim/clock' && method === 'GET') return sendJson(res, 200, clockView(sim));
  if (path === '/__sim/clock' && method === 'POST') {
    const body = await readJsonBody(req);
    if (typeof body.nowMs === 'number') sim.setNow(body.nowMs);
    else if (typeof body.advanceSeconds === 'number') sim.advanceClock(body.advanceSeconds);
    else throw new SimInputError('send { advanceSeconds } or { nowMs }');
    return sendJson(res, 200, clockView(sim));
  }
  if (path === '/__sim/stats' && method === 'GET') return sendJson(res, 200, sim.stats());
  if (path === '/__sim/media' && method === 'GET') {
    const itemId = url.searchParams.get('itemId') ?? '';
    const role = (url.searchParams.get('role') ?? 'video') as SimMediaRole;
    const index = Number(url.searchParams.get('index') ?? 0);
    return sendJson(res, 200, {
      sha256: await sim.mediaSha256(itemId, role, index),
      size: sim.mediaSize(itemId, role, index),
    });
  }
  if (path === '/__sim/reset' && method === 'POST') {
    sim.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (await routeCreatorControl(sim, req, res, url)) return;
  sendJson(res, 404, { error: `no control endpoint ${method} ${path}` });
}

export async function serveControl(
  ctx: SimContext,
  sim: TikTokSim,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  ctx.stats.hit('control');
  try {
    await route(ctx, sim, req, res, url);
  } catch (error) {
    if (error instanceof SimInputError || error instanceof RangeError) {
      sendJson(res, 400, { error: error.message });
      return;
    }
    throw error;
  }
}
