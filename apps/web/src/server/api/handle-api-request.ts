import { AppError, isAppError } from '@tiksavr/core';
import { z } from 'zod';
import { authenticateToken, type RateState } from '../tokens/authenticate-token.ts';
import type { ApiDeps } from './api-deps.ts';
import type { ApiEndpoint } from './api-endpoint.ts';
import {
  invalidRequest,
  JSON_HEADERS,
  type ReplyFormat,
  responseForError,
  TEXT_HEADERS,
} from './api-error-response.ts';
import { readJsonBody } from './read-json-body.ts';

/** `RateLimit-*` headers (the IETF draft's names) on every answer to a known token. */
function rateHeaders(rate: RateState | null, now: Date): Record<string, string> {
  if (!rate) return {};
  return {
    'RateLimit-Limit': String(rate.limit),
    'RateLimit-Remaining': String(rate.remaining),
    'RateLimit-Reset': String(Math.max(0, Math.ceil((rate.resetAt.getTime() - now.getTime()) / 1000))),
  };
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const arrayKeysOf = new WeakMap<z.ZodObject, Set<string>>();

/** Query keys whose schema is an array take every repeated value (`state=done&state=failed`). */
function arrayQueryKeys(schema: z.ZodObject): Set<string> {
  let keys = arrayKeysOf.get(schema);
  if (!keys) {
    keys = new Set(
      Object.entries(schema.shape)
        .filter(([, field]) => z.toJSONSchema(field as z.ZodType, { io: 'input' }).type === 'array')
        .map(([key]) => key),
    );
    arrayKeysOf.set(schema, keys);
  }
  return keys;
}

function queryObject(schema: z.ZodObject, search: URLSearchParams): Record<string, unknown> {
  const arrays = arrayQueryKeys(schema);
  const query: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const values = search.getAll(key);
    if (values.length === 0) continue;
    query[key] = arrays.has(key) ? values : values[0];
  }
  return query;
}

async function parseInput(endpoint: ApiEndpoint, request: Request, rawParams: Record<string, string>) {
  let params: unknown;
  if (endpoint.params) {
    const parsed = endpoint.params.safeParse(rawParams);
    if (!parsed.success)
      throw new AppError(endpoint.notFound ?? 'api_not_found', 'path parameters do not parse');
    params = parsed.data;
  }
  let query: unknown;
  if (endpoint.query) {
    const parsed = endpoint.query.safeParse(queryObject(endpoint.query, new URL(request.url).searchParams));
    if (!parsed.success) throw invalidRequest('query', parsed.error);
    query = parsed.data;
  }
  let body: unknown;
  if (endpoint.body) {
    const parsed = endpoint.body.safeParse(await readJsonBody(request));
    if (!parsed.success) throw invalidRequest('body', parsed.error);
    body = parsed.data;
  }
  return { params, query, body };
}

/**
 * Answers one API request: the bearer token (and its rate limit), then the input, then the
 * endpoint's `run`, whose result is parsed through the documented schema before it is sent.
 * Every failure is `{ error: { code, message } }` with the status of its code.
 */
export async function handleApiRequest(
  endpoint: ApiEndpoint,
  request: Request,
  rawParams: Record<string, string>,
  deps: ApiDeps,
): Promise<Response> {
  const now = deps.now?.() ?? new Date();
  const format: ReplyFormat =
    endpoint.textReply && new URL(request.url).searchParams.get('reply') === 'text' ? 'text' : 'json';
  let rate: RateState | null = null;
  try {
    const identity = await authenticateToken(deps.db, request.headers.get('authorization'), {
      now,
      requestsPerMinute: deps.requestsPerMinute,
    }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'api_rate_limited') rate = error.detail.rate as RateState;
      throw error;
    });
    rate = identity.rate;
    const input = await parseInput(endpoint, request, rawParams);
    const result = await endpoint.run(
      {
        db: deps.db,
        boss: deps.boss,
        storage: deps.storage,
        user: identity.user,
        token: identity.token,
        rate: identity.rate,
        request,
        publicUrl: deps.publicUrl,
      },
      input,
    );
    if (endpoint.success.kind === 'file') {
      if (!(result instanceof Response))
        throw new Error(`${endpoint.operationId} did not answer with a file`);
      return withHeaders(result, rateHeaders(rate, now));
    }
    const answer = endpoint.success.schema.safeParse(result);
    if (!answer.success) {
      throw new Error(`${endpoint.operationId} answered outside its schema`, { cause: answer.error });
    }
    const body = answer.data;
    if (format === 'text' && endpoint.textReply) {
      return new Response((endpoint.textReply as (answer: unknown) => string)(body), {
        status: endpoint.success.status,
        headers: { ...TEXT_HEADERS, ...rateHeaders(rate, now) },
      });
    }
    return new Response(JSON.stringify(body), {
      status: endpoint.success.status,
      headers: { ...JSON_HEADERS, ...rateHeaders(rate, now) },
    });
  } catch (error) {
    return responseForError(
      error,
      (internal) => deps.logError(internal, { operationId: endpoint.operationId }),
      rateHeaders(rate, now),
      format,
    );
  }
}
