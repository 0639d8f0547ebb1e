import type { ReactNode } from 'react';

/** A column title; `numeric` columns are right-aligned like their cells. */
export type TableColumn = string | { readonly title: string; readonly numeric?: boolean };

/** The header row of the app's data tables: one style for every admin table. */
export function TableHead({ columns, leading }: { columns: readonly TableColumn[]; leading?: ReactNode }) {
  return (
    <thead className="border-b border-gray-300">
      <tr>
        {leading}
        {columns.map((column) => {
          const { title, numeric = false } = typeof column === 'string' ? { title: column } : column;
          return (
            <th key={title} scope="col" className={`py-2 pr-3${numeric ? ' text-right' : ''}`}>
              {title}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
