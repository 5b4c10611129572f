import type { ReactNode } from 'react';

/** The newsroom's tables (articles, revisions, audit log, deleted articles): one caption for screen
 * readers, column headers, and the rows the caller renders. */
export function AdminTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-400">
          {columns.map((column, index) => (
            <th key={column} scope="col" className={index === columns.length - 1 ? 'py-2' : 'py-2 pr-3'}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
