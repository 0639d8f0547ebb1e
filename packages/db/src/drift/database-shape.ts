import pg from 'pg';
import type { SchemaShape, TableShape } from './shape.ts';

const FK_ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Reads the structure of the `public` schema of a live database (bookkeeping tables excluded). */
export async function databaseShape(url: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await databaseShapeWith(client);
  } finally {
    await client.end();
  }
}

/** The same, on an open connection (which sees that connection's uncommitted changes). */
export async function databaseShapeWith(client: pg.Client): Promise<SchemaShape> {
  {
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const columns = await client.query<{
      table: string;
      column: string;
      type: string;
      nullable: boolean;
      default: string | null;
    }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'`);
    const indexes = await client.query<{
      table: string;
      name: string;
      primary: boolean;
      unique: boolean;
      method: string;
      columns: string[];
    }>(`
      SELECT t.relname AS table, i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique,
             am.amname AS method,
             array(
               SELECT concat_ws(' ', quote_ident(a.attname)::text,
                        CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN 'DESC' END,
                        CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END)
               FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
               JOIN pg_opclass oc ON oc.oid = (ix.indclass::oid[])[k.ord - 1]
               ORDER BY k.ord)::text[] AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    const foreignKeys = await client.query<{
      table: string;
      name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      del: string;
      upd: string;
    }>(`
      SELECT t.relname AS table, con.conname AS name,
             array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
             r.relname AS ref_table,
             array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS ref_columns,
             con.confdeltype AS del, con.confupdtype AS upd
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`);

    const tables = new Map<string, TableShape>();
    const tableOf = (name: string): TableShape => {
      let table = tables.get(name);
      if (!table) {
        table = { columns: new Map(), indexes: new Map(), foreignKeys: new Map() };
        tables.set(name, table);
      }
      return table;
    };
    for (const c of columns.rows) {
      tableOf(c.table).columns.set(c.column, {
        type: c.type.replaceAll('"', ''),
        nullable: c.nullable,
        default: c.default,
      });
    }
    for (const i of indexes.rows) {
      tableOf(i.table).indexes.set(i.name, {
        primary: i.primary,
        unique: i.unique,
        method: i.method,
        // quote_ident quotes mixed-case names; the schema side names columns bare.
        columns: i.columns.map((c) => c.replaceAll('"', '')),
      });
    }
    for (const f of foreignKeys.rows) {
      tableOf(f.table).foreignKeys.set(f.name, {
        columns: f.columns,
        referencedTable: f.ref_table,
        referencedColumns: f.ref_columns,
        onDelete: FK_ACTIONS[f.del] ?? f.del,
        onUpdate: FK_ACTIONS[f.upd] ?? f.upd,
      });
    }
    return { enums: new Map(enums.rows.map((e) => [e.name, e.values])), tables };
  }
}
