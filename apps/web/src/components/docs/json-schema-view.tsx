import type { ReactNode } from 'react';
import { DocText } from './doc-text.tsx';

/** The part of JSON Schema 2020-12 the API document uses, as zod's z.toJSONSchema writes it. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  contentMediaType?: string;
};

const REF_PREFIX = '#/components/schemas/';

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

function SchemaLink({ target }: { target: string }) {
  const name = target.startsWith(REF_PREFIX) ? target.slice(REF_PREFIX.length) : target;
  return (
    <a href={`#${schemaAnchor(name)}`} className="font-mono underline underline-offset-2">
      {name}
    </a>
  );
}

const SAFE_INTEGER = 9007199254740991;

/** Bounds worth telling (not the ±2^53 zod adds to every integer). */
function bounds(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined && Math.abs(schema.minimum) !== SAFE_INTEGER)
    out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && Math.abs(schema.maximum) !== SAFE_INTEGER)
    out.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) out.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength.toLocaleString('en')} characters`);
  if (schema.minItems !== undefined) out.push(`at least ${schema.minItems}`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems}`);
  return out;
}

/** A type in words: `string (uuid)`, `integer ≥ 1`, one of `a`, `b`; `Download` links to its schema. */
export function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  if (schema.$ref) return <SchemaLink target={schema.$ref} />;
  if (schema.anyOf) {
    const options = schema.anyOf;
    return (
      <>
        {options.map((option, index) => (
          <span key={JSON.stringify(option)}>
            {index > 0 ? ' or ' : ''}
            <TypeLabel schema={option} />
          </span>
        ))}
      </>
    );
  }
  if (schema.enum) {
    return (
      <>
        one of{' '}
        {schema.enum.map((value, index) => (
          <span key={String(value)}>
            {index > 0 ? ', ' : ''}
            <code className="font-mono">{JSON.stringify(value)}</code>
          </span>
        ))}
      </>
    );
  }
  if (schema.const !== undefined) return <code className="font-mono">{JSON.stringify(schema.const)}</code>;
  const types = [schema.type ?? 'any'].flat();
  if (types.includes('array') && schema.items) {
    return (
      <>
        list of <TypeLabel schema={schema.items} />
        {bounds(schema).length > 0 ? ` (${bounds(schema).join(', ')})` : ''}
      </>
    );
  }
  const extra = [...(schema.format ? [schema.format] : []), ...bounds(schema)];
  return (
    <>
      {types.join(' or ')}
      {extra.length > 0 ? ` (${extra.join(', ')})` : ''}
    </>
  );
}

/** An object's fields as a definition list, nested objects indented under their field. */
export function FieldsView({ schema }: { schema: JsonSchema }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <TypeLabel schema={schema} />;
  const required = new Set(schema.required ?? []);
  return (
    <dl className="flex flex-col divide-y divide-gray-200 rounded-lg border border-gray-200">
      {properties.map(([name, property]) => {
        const nested = property.properties ? property : property.anyOf?.find((option) => option.properties);
        return (
          <div key={name} className="flex flex-col gap-1 px-3 py-2">
            <dt className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono font-semibold">{name}</code>
              <span className="text-sm text-gray-700">
                {nested ? property.anyOf ? 'object or null' : 'object' : <TypeLabel schema={property} />}
                {required.has(name) ? '' : ', optional'}
              </span>
            </dt>
            <dd className="flex flex-col gap-2 text-sm">
              {property.description ? <DocText text={property.description} /> : null}
              {nested ? <FieldsView schema={nested} /> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
