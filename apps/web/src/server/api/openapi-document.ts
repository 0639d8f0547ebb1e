import { ERRORS, type ErrorCode } from '@tiksavr/core';
import { z } from 'zod';
import { API_REQUESTS_PER_MINUTE } from '../tokens/authenticate-token.ts';
import { type ApiEndpoint, errorCodesOf } from './api-endpoint.ts';
import { API_ENDPOINTS } from './api-endpoints.ts';
import { httpStatusOf } from './api-error-response.ts';
import { componentDescriptions, requestSchemas, responseSchemas } from './api-schemas.ts';

/**
 * The OpenAPI 3.1 document of /api/v1, built from the endpoint declarations and their zod
 * schemas with zod's own `z.toJSONSchema` (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses), so
 * the document cannot drift from what the routes check and send.
 */
type JsonObject = Record<string, unknown>;

const SCHEMA_REF = '#/components/schemas/';
const JSON_SCHEMA_OPTIONS = { target: 'draft-2020-12', uri: (id: string) => `${SCHEMA_REF}${id}` } as const;

function componentsOf(registry: typeof requestSchemas, io: 'input' | 'output'): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA_OPTIONS, io });
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Each component sits inside the document: its own $schema / $id would only confuse readers.
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    const description = componentDescriptions.get(id);
    out[id] = description ? { description, ...rest } : rest;
  }
  return out;
}

function refTo(registry: typeof requestSchemas, schema: z.ZodType, what: string): JsonObject {
  const meta = registry.get(schema);
  if (!meta) throw new Error(`${what} is not a registered API schema`);
  return { $ref: `${SCHEMA_REF}${meta.id}` };
}

function parametersOf(schema: z.ZodObject | undefined, location: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const STATUS_TITLES: Record<number, string> = {
  400: 'The request is not in the expected form.',
  401: 'No valid API token.',
  403: 'Not allowed.',
  404: 'Not found (or not yours: the two are not told apart).',
  409: 'Not possible in its current state.',
  429: 'Too many requests.',
  500: 'Something went wrong on the server.',
};

function errorResponses(endpoint: ApiEndpoint): Record<string, JsonObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(endpoint)) {
    const status = httpStatusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = codes.map((code) => `- \`${code}\`: ${ERRORS[code].user}`).join('\n');
    responses[String(status)] = {
      description: `${STATUS_TITLES[status] ?? 'Error.'}\n\n${list}`,
      ...(status === 429
        ? {
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before the next request.',
                schema: { type: 'integer' },
              },
            },
          }
        : {}),
      content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ApiError` } } },
    };
  }
  return responses;
}

function successResponses(endpoint: ApiEndpoint): Record<string, JsonObject> {
  const success = endpoint.success;
  if (success.kind === 'json') {
    return {
      [String(success.status)]: {
        description: success.description,
        content: {
          'application/json': {
            schema: refTo(responseSchemas, success.schema, `${endpoint.operationId}'s answer`),
          },
        },
      },
    };
  }
  const binary = { [success.mediaType]: { schema: { type: 'string', contentMediaType: success.mediaType } } };
  const disposition = {
    'Content-Disposition': {
      description: 'attachment, with a readable file name.',
      schema: { type: 'string' },
    },
  };
  const responses: Record<string, JsonObject> = {
    '200': { description: success.description, headers: disposition, content: binary },
  };
  if (success.ranges) {
    const contentRange = { 'Content-Range': { schema: { type: 'string' } } };
    responses['206'] = {
      description: 'The part of the file that `Range` asked for.',
      headers: { ...disposition, ...contentRange },
      content: binary,
    };
    responses['416'] = {
      description: 'The range starts past the end of the file; Content-Range gives its size.',
      headers: contentRange,
      content: { 'text/plain': { schema: { type: 'string' } } },
    };
  }
  return responses;
}

const TEXT_REPLY_PARAMETER = {
  name: 'reply',
  in: 'query',
  required: false,
  description:
    '`text`: answer with one plain sentence (text/plain) instead of JSON, errors included, for a phone shortcut to show as it is.',
  schema: { type: 'string', enum: ['text'] },
};

/** With a text reply, every answer may also come as text/plain. */
function withTextContent(responses: Record<string, JsonObject>): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      {
        ...response,
        content: { ...(response.content as JsonObject), 'text/plain': { schema: { type: 'string' } } },
      },
    ]),
  );
}

function operationOf(endpoint: ApiEndpoint): JsonObject {
  const parameters = [
    ...parametersOf(endpoint.params, 'path'),
    ...parametersOf(endpoint.query, 'query'),
    ...(endpoint.textReply ? [TEXT_REPLY_PARAMETER] : []),
  ];
  const responses = { ...successResponses(endpoint), ...errorResponses(endpoint) };
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: refTo(requestSchemas, endpoint.body, `${endpoint.operationId}'s body`),
              },
            },
          },
        }
      : {}),
    responses: endpoint.textReply ? withTextContent(responses) : responses,
  };
}

const DESCRIPTION = `Everything the dashboard does, for scripts and phone shortcuts.

**Authentication.** Make a personal API token in TikSavr under Settings → API tokens and send it
with every request: \`Authorization: Bearer tks_…\`. A token acts as you, never with admin powers,
and sees only your own history. Revoke it there whenever you like.

**Limits.** ${API_REQUESTS_PER_MINUTE} requests a minute per token. Every answer carries
\`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\` (seconds); past the limit the
answer is 429 with \`Retry-After\`.

**Errors.** Every error answer is \`{ "error": { "code": "…", "message": "…" } }\`: the code is
stable, the message is what to tell a person.`;

export function openApiDocument(options: { publicUrl: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const endpoint of API_ENDPOINTS) {
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, JsonObject>)[endpoint.method.toLowerCase()] =
      operationOf(endpoint);
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['Documentation'],
      summary: 'This document',
      description: 'Needs no token.',
      security: [],
      responses: {
        '200': {
          description: 'The OpenAPI 3.1 document of this API.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.1',
    info: { title: 'TikSavr API', version: '1', description: DESCRIPTION },
    servers: [{ url: `${options.publicUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Downloads', description: 'Save links, and your history.' },
      { name: 'Files', description: 'The saved files.' },
      { name: 'Watches', description: 'Creators whose new stories are saved for you.' },
      { name: 'Account', description: 'Your token.' },
      { name: 'Documentation', description: 'This document.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'tks_ followed by 43 characters',
          description: 'A personal API token from Settings → API tokens.',
        },
      },
      schemas: { ...componentsOf(requestSchemas, 'input'), ...componentsOf(responseSchemas, 'output') },
    },
  };
}
