import type { ReactNode } from 'react';
import { tableClasses } from './layout-parts.tsx';

export interface Column {
  readonly label: string;
  /** Right-align the header (for numbers and row actions). */
  readonly align?: 'right';
  /** Only for screen readers, e.g. "Actions". */
  readonly srOnly?: boolean;
}

export interface DataTableProps<T> {
  readonly columns: readonly Column[];
  readonly rows: readonly T[];
  /** One `<tr>` (with its key) per row. */
  readonly renderRow: (row: T) => ReactNode;
  /** Scroll sideways inside the card when the table is wider. @defaultValue true */
  readonly scroll?: boolean;
}

function HeaderCell({ column }: { column: Column }) {
  return (
    <th scope="col" className={column.align === 'right' ? `${tableClasses.th} text-right` : tableClasses.th}>
      {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
    </th>
  );
}

/** A table with a header row from `columns` and a body from `rows`. */
export function DataTable<T>({ columns, rows, renderRow, scroll = true }: DataTableProps<T>) {
  const table = (
    <table className={tableClasses.table}>
      <thead className="bg-slate-50">
        <tr>
          {columns.map((column) => (
            <HeaderCell key={column.label} column={column} />
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white text-slate-700">{rows.map(renderRow)}</tbody>
    </table>
  );
  return scroll ? <div className="overflow-x-auto">{table}</div> : table;
}
