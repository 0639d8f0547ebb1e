import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape, TableShape } from './shape.ts';

/**
 * The structure Prisma's PostgreSQL migrations would create for a schema, derived from its DMMF
 * (written by scripts/dmmf-generator.ts). Covers the features this project's schema uses; an
 * unknown type or default throws so the drift test cannot pass by ignoring something.
 */
type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean;
type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = {
  model: string;
  type: 'id' | 'normal' | 'unique' | 'fulltext';
  dbName?: string | null;
  name?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }[];
};
export type Datamodel = {
  enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
};

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Boolean: 'boolean',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Decimal: 'numeric(65,30)',
  Bytes: 'bytea',
};

const NATIVE_TYPES: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  Timestamptz: 'timestamp(3) with time zone',
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  SetNull: 'SET NULL',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetDefault: 'SET DEFAULT',
};

export function expectedShape(datamodel: Datamodel): SchemaShape {
  const enums = new Map(
    datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
  );
  const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tables = new Map<string, TableShape>();

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const columns = new Map<string, ColumnShape>();
    const foreignKeys = new Map<string, ForeignKeyShape>();
    for (const field of model.fields) {
      if (field.kind === 'scalar' || field.kind === 'enum') {
        columns.set(columnName(field), columnShape(field, enumDbName));
      } else if (field.kind === 'object' && field.relationFromFields?.length) {
        const target = models.get(field.type);
        if (!target)
          throw new Error(`relation ${model.name}.${field.name} points at unknown model ${field.type}`);
        const from = field.relationFromFields.map((f) => columnName(fieldOf(model, f)));
        const to = (field.relationToFields ?? []).map((f) => columnName(fieldOf(target, f)));
        const optional = field.relationFromFields.some((f) => !fieldOf(model, f).isRequired);
        foreignKeys.set(`${table}_${from.join('_')}_fkey`, {
          columns: from,
          referencedTable: target.dbName ?? target.name,
          referencedColumns: to,
          onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')] ?? '?',
          onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? 'Cascade'] ?? '?',
        });
      }
    }
    const indexes = new Map<string, IndexShape>();
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => columnName(fieldOf(model, f.name)));
      const suffix = index.type === 'id' ? 'pkey' : index.type === 'unique' ? 'key' : 'idx';
      const name =
        index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${cols.join('_')}_${suffix}`);
      indexes.set(name, {
        primary: index.type === 'id',
        unique: index.type !== 'normal',
        method: (index.algorithm ?? 'BTree').toLowerCase(),
        columns: index.fields.map((f, i) =>
          [cols[i], f.sortOrder === 'desc' ? 'DESC' : '', f.operatorClass ?? ''].filter(Boolean).join(' '),
        ),
      });
    }
    tables.set(table, { columns, indexes, foreignKeys });
  }
  return { enums, tables };
}

function fieldOf(model: DmmfModel, name: string): DmmfField {
  const field = model.fields.find((f) => f.name === name);
  if (!field) throw new Error(`model ${model.name} has no field ${name}`);
  return field;
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

function columnShape(field: DmmfField, enumDbName: Map<string, string>): ColumnShape {
  if (field.isList) throw new Error(`list field ${field.name}: not supported by the drift check yet`);
  const type =
    field.kind === 'enum'
      ? (enumDbName.get(field.type) ?? field.type)
      : field.nativeType
        ? NATIVE_TYPES[field.nativeType[0]]
        : SCALAR_TYPES[field.type];
  if (!type) throw new Error(`field ${field.name}: type ${field.type} ${field.nativeType ?? ''} not mapped`);
  return { type, nullable: !field.isRequired, default: defaultSql(field, type) };
}

function defaultSql(field: DmmfField, type: string): string | null {
  const value = field.default;
  if (value === undefined) return null;
  if (typeof value === 'object') {
    if (value.name === 'now') return 'CURRENT_TIMESTAMP';
    if (value.name === 'dbgenerated') return String(value.args[0]);
    if (value.name === 'autoincrement') return `nextval(...)`;
    if (value.name === 'uuid' || value.name === 'cuid') return null; // generated by the client
    throw new Error(`field ${field.name}: default function ${value.name} not mapped`);
  }
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (field.kind === 'enum') return `'${value}'::"${type}"`;
  if ((type === 'bigint' || type === 'integer') && /^-?\d+$/.test(value)) return value;
  if (type === 'jsonb') return `'${value}'::jsonb`;
  if (type === 'text') return `'${value}'::text`;
  throw new Error(`field ${field.name}: literal default for ${type} not mapped`);
}
