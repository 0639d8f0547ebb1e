/**
 * A database's structure reduced to what a Prisma schema decides: tables, columns (type,
 * nullability, default), indexes (unique, method, columns with order and operator class),
 * foreign keys and enums. Both the schema (expected-shape.ts) and a live database
 * (database-shape.ts) are described this way, then compared line by line.
 */
export type SchemaShape = {
  enums: Map<string, string[]>;
  tables: Map<string, TableShape>;
};

export type TableShape = {
  columns: Map<string, ColumnShape>;
  indexes: Map<string, IndexShape>;
  foreignKeys: Map<string, ForeignKeyShape>;
};

export type ColumnShape = { type: string; nullable: boolean; default: string | null };
export type IndexShape = { primary: boolean; unique: boolean; method: string; columns: string[] };
export type ForeignKeyShape = {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};

/** Every difference, as readable lines; empty when the two shapes agree. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  diffMaps(
    'enum',
    expected.enums,
    actual.enums,
    (name, e, a) => {
      if (e.join(',') !== a.join(','))
        out.push(`enum ${name}: values ${e.join(',')} in schema, ${a.join(',')} in database`);
    },
    out,
  );
  diffMaps(
    'table',
    expected.tables,
    actual.tables,
    (table, e, a) => {
      diffMaps(
        `column of ${table}:`,
        e.columns,
        a.columns,
        (col, ec, ac) => {
          for (const key of ['type', 'nullable', 'default'] as const) {
            if (ec[key] !== ac[key]) {
              out.push(`column ${table}.${col}: ${key} is ${ec[key]} in schema, ${ac[key]} in database`);
            }
          }
        },
        out,
      );
      diffMaps(
        `index of ${table}:`,
        e.indexes,
        a.indexes,
        (name, ei, ai) => {
          if (JSON.stringify(ei) !== JSON.stringify(ai)) {
            out.push(`index ${name}: ${JSON.stringify(ei)} in schema, ${JSON.stringify(ai)} in database`);
          }
        },
        out,
      );
      diffMaps(
        `foreign key of ${table}:`,
        e.foreignKeys,
        a.foreignKeys,
        (name, ef, af) => {
          if (JSON.stringify(ef) !== JSON.stringify(af)) {
            out.push(
              `foreign key ${name}: ${JSON.stringify(ef)} in schema, ${JSON.stringify(af)} in database`,
            );
          }
        },
        out,
      );
    },
    out,
  );
  return out;
}

function diffMaps<T>(
  what: string,
  expected: Map<string, T>,
  actual: Map<string, T>,
  compare: (name: string, e: T, a: T) => void,
  out: string[],
): void {
  for (const [name, value] of expected) {
    const other = actual.get(name);
    if (other === undefined) out.push(`${what} ${name} is in the schema but missing from the database`);
    else compare(name, value, other);
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) out.push(`${what} ${name} is in the database but not in the schema`);
  }
}
