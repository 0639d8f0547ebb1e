import { DocText } from './doc-text.tsx';
import { FieldsView, type JsonSchema, schemaAnchor, TypeLabel } from './json-schema-view.tsx';

/** The parts of the OpenAPI 3.1 document this page reads (openapi-document.ts writes them). */
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Content = Record<string, { schema?: JsonSchema }>;
type ResponseSpec = {
  description: string;
  headers?: Record<string, { description?: string }>;
  content?: Content;
};
type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Content };
  responses: Record<string, ResponseSpec>;
};
export type OpenApiDoc = {
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Answers every secured operation shares: listed once under Errors, named briefly at each operation. */
const SHARED_STATUSES = ['401', '403', '429', '500'];

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0] ?? text;
}

const METHOD_COLOURS: Record<string, string> = {
  GET: 'bg-blue-100 text-blue-900',
  POST: 'bg-green-100 text-green-900',
  DELETE: 'bg-red-100 text-red-900',
};

/** A curl line that works once the token is filled in (bodies get the field names as placeholders). */
function curlOf(server: string, method: string, path: string, operation: Operation, doc: OpenApiDoc): string {
  const parts = ['curl'];
  if (method !== 'GET') parts.push(`-X ${method}`);
  if (!(Array.isArray(operation.security) && operation.security.length === 0)) {
    parts.push(`-H "Authorization: Bearer $TIKSAVR_TOKEN"`);
  }
  const bodyRef = operation.requestBody?.content['application/json']?.schema?.$ref;
  const body = bodyRef ? doc.components.schemas[bodyRef.split('/').at(-1) ?? ''] : undefined;
  if (body?.properties) {
    const example = Object.fromEntries(Object.keys(body.properties).map((name) => [name, '…']));
    parts.push(`-H "Content-Type: application/json" -d '${JSON.stringify(example)}'`);
  }
  parts.push(`"${server}${path}"`);
  return parts.join(' ');
}

function OperationView({
  method,
  path,
  operation,
  doc,
}: {
  method: string;
  path: string;
  operation: Operation;
  doc: OpenApiDoc;
}) {
  const server = doc.servers[0]?.url ?? '';
  const body = operation.requestBody?.content['application/json']?.schema;
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  return (
    <section
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="flex scroll-mt-20 flex-col gap-3 rounded-xl border border-gray-200 p-4"
    >
      <h3
        id={`${operation.operationId}-title`}
        className="flex flex-wrap items-center gap-2 text-lg font-semibold"
      >
        <span className={`rounded px-2 py-0.5 font-mono text-sm ${METHOD_COLOURS[method] ?? 'bg-gray-100'}`}>
          {method}
        </span>
        <code className="font-mono text-base break-all">/api/v1{path}</code>
      </h3>
      <p className="font-medium">{operation.summary}</p>
      {operation.description ? <DocText text={operation.description} className="text-gray-800" /> : null}
      {isPublic ? <p className="text-sm text-gray-700">No token needed.</p> : null}
      <pre className="rounded-lg bg-gray-100 p-3 text-sm break-all whitespace-pre-wrap">
        <code>{curlOf(server, method, path, operation, doc)}</code>
      </pre>
      {operation.parameters && operation.parameters.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h4 className="font-semibold">Parameters</h4>
          <dl className="flex flex-col divide-y divide-gray-200 rounded-lg border border-gray-200">
            {operation.parameters.map((parameter) => (
              <div key={`${parameter.in}-${parameter.name}`} className="flex flex-col gap-1 px-3 py-2">
                <dt className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-mono font-semibold">{parameter.name}</code>
                  <span className="text-sm text-gray-700">
                    in {parameter.in}, <TypeLabel schema={parameter.schema} />
                    {parameter.required ? '' : ', optional'}
                  </span>
                </dt>
                {parameter.description ? (
                  <dd className="text-sm">
                    <DocText text={parameter.description} />
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {body ? (
        <div className="flex flex-col gap-2">
          <h4 className="font-semibold">JSON body</h4>
          <p className="text-sm">
            <TypeLabel schema={body} />
          </p>
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        <h4 className="font-semibold">Answers</h4>
        <dl className="flex flex-col divide-y divide-gray-200 rounded-lg border border-gray-200">
          {Object.entries(operation.responses).map(([status, response]) => {
            const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
            return (
              <div key={status} className="flex flex-col gap-1 px-3 py-2">
                <dt className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-mono font-semibold">{status}</span>
                  {mediaType ? (
                    <span className="text-sm text-gray-700">
                      {mediaType}
                      {media?.schema?.$ref ? (
                        <>
                          , <TypeLabel schema={media.schema} />
                        </>
                      ) : null}
                    </span>
                  ) : null}
                </dt>
                <dd className="text-sm">
                  {SHARED_STATUSES.includes(status) ? (
                    <p>
                      {firstParagraph(response.description)}{' '}
                      <a href={`#errors-${status}`} className="underline underline-offset-2">
                        Reasons
                      </a>
                    </p>
                  ) : (
                    <DocText text={response.description} />
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
    </section>
  );
}

/** The API reference, rendered on the server from the OpenAPI document (no script, no outside fetch). */
export function ApiDocsView({ doc }: { doc: OpenApiDoc }) {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  return (
    <div className="flex flex-col gap-10">
      <DocText text={doc.info.description} />
      <nav aria-label="Operations" className="flex flex-col gap-2">
        <h2 className="text-xl font-semibold">Operations</h2>
        <ul className="flex flex-col gap-1">
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a href={`#${operation.operationId}`} className="underline underline-offset-2">
                <span className="font-mono text-sm">{method}</span> {path}
              </a>{' '}
              <span className="text-gray-700">— {operation.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      {doc.tags.map((tag) => {
        const inTag = operations.filter(({ operation }) => operation.tags.includes(tag.name));
        if (inTag.length === 0) return null;
        return (
          <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="flex flex-col gap-4">
            <h2 id={`tag-${tag.name}`} className="text-2xl font-semibold">
              {tag.name}
            </h2>
            {tag.description ? <p className="text-gray-700">{tag.description}</p> : null}
            {inTag.map(({ path, method, operation }) => (
              <OperationView
                key={operation.operationId}
                method={method}
                path={path}
                operation={operation}
                doc={doc}
              />
            ))}
          </section>
        );
      })}
      <section aria-labelledby="errors-title" className="flex flex-col gap-4">
        <h2 id="errors-title" className="text-2xl font-semibold">
          Errors any operation may answer
        </h2>
        <dl className="flex flex-col divide-y divide-gray-200 rounded-lg border border-gray-200">
          {SHARED_STATUSES.map((status) => {
            const response = operations
              .map(({ operation }) => operation.responses[status])
              .find((found) => found !== undefined);
            if (!response) return null;
            return (
              <div
                key={status}
                id={`errors-${status}`}
                className="flex scroll-mt-20 flex-col gap-1 px-3 py-2"
              >
                <dt className="font-mono font-semibold">{status}</dt>
                <dd className="text-sm">
                  <DocText text={response.description} />
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section aria-labelledby="schemas-title" className="flex flex-col gap-4">
        <h2 id="schemas-title" className="text-2xl font-semibold">
          Shapes
        </h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <section
            key={name}
            id={schemaAnchor(name)}
            aria-labelledby={`${schemaAnchor(name)}-title`}
            className="flex scroll-mt-20 flex-col gap-2"
          >
            <h3 id={`${schemaAnchor(name)}-title`} className="font-mono text-lg font-semibold">
              {name}
            </h3>
            {schema.description ? <p className="text-gray-700">{schema.description}</p> : null}
            <FieldsView schema={schema} />
          </section>
        ))}
      </section>
      <p className="text-sm text-gray-700">
        The same, as an OpenAPI 3.1 document:{' '}
        <a href="/api/v1/openapi.json" className="underline underline-offset-2">
          /api/v1/openapi.json
        </a>
      </p>
    </div>
  );
}
