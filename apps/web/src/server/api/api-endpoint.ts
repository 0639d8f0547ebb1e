import type { ErrorCode } from '@tiksavr/core';
import type { z } from 'zod';
import type { TokenIdentity } from '../tokens/authenticate-token.ts';
import type { UserContext } from '../trpc.ts';

/**
 * One operation of the HTTP API, declared once: the route handler runs it (handle-api-request.ts)
 * and the OpenAPI document describes it (openapi-document.ts), from the same zod schemas. Business
 * logic stays in the dashboard's handler functions; `run` only calls them.
 */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export type ApiTag = 'Downloads' | 'Files' | 'Watches' | 'Account';

/** What a successful call answers. */
export type ApiSuccess =
  | { kind: 'json'; status: 200 | 201; description: string; schema: z.ZodType }
  /** A stored file, streamed; with `ranges`, `Range` gives 206 (416 past the end). */
  | { kind: 'file'; description: string; mediaType: string; ranges: boolean };

/** What `run` gets besides its input: the token owner's context (role always `user`) and the request. */
export type ApiCallContext = UserContext & {
  request: Request;
  token: TokenIdentity['token'];
  rate: TokenIdentity['rate'];
  /** The address people reach TikSavr at (PUBLIC_URL), for absolute links in answers. */
  publicUrl: string;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiEndpointSpec<P, Q, B> = {
  operationId: string;
  method: HttpMethod;
  /** Path below /api/v1, with `{name}` for path parameters, as OpenAPI writes it. */
  path: `/${string}`;
  tag: ApiTag;
  summary: string;
  description: string;
  /** Path parameters; when they don't parse, the answer is `notFound` (an id that can't exist is missing). */
  params?: P;
  notFound?: ErrorCode;
  query?: Q;
  body?: B;
  success: ApiSuccess;
  /**
   * With `?reply=text` the answer is this one sentence as text/plain, and an error is its plain
   * message: a phone shortcut can show either in a notification as it is.
   */
  textReply?: (answer: never) => string;
  /** Error codes `run` may end with, besides those of authentication and input checks. */
  errors: readonly ErrorCode[];
  run: (
    ctx: ApiCallContext,
    input: { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> },
  ) => Promise<unknown>;
};

/** An endpoint with its input types erased, as the registry, the runner and the document see it. */
export type ApiEndpoint = Omit<ApiEndpointSpec<z.ZodObject, z.ZodObject, z.ZodType>, 'run'> & {
  run: (ctx: ApiCallContext, input: { params: unknown; query: unknown; body: unknown }) => Promise<unknown>;
};

/** Declares an endpoint with `run`'s input typed from its schemas. */
export function defineEndpoint<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: ApiEndpointSpec<P, Q, B>): ApiEndpoint {
  return spec as unknown as ApiEndpoint;
}

/** Error codes every endpoint may answer with: a missing, wrong, expired or revoked token; a disabled account; the rate limit. */
export const AUTH_ERRORS = [
  'api_token_missing',
  'api_token_invalid',
  'api_token_expired',
  'api_token_revoked',
  'account_disabled',
  'api_rate_limited',
] as const satisfies readonly ErrorCode[];

/** Every error code an endpoint may answer with, in the order the document lists them. */
export function errorCodesOf(endpoint: ApiEndpoint): ErrorCode[] {
  const codes: ErrorCode[] = [...AUTH_ERRORS];
  if (endpoint.query || endpoint.body) codes.push('invalid_request');
  if (endpoint.params && endpoint.notFound) codes.push(endpoint.notFound);
  codes.push(...endpoint.errors, 'internal');
  return [...new Set(codes)];
}
