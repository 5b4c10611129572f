import type { BlockOf } from '@/lib/articles/body/schema';

/** A plain table: caption, one header row of column headers, text cells. */
export function TableBlock({ block }: { block: BlockOf<'table'> }) {
  return (
    <table dir="auto">
      {block.caption ? <caption>{block.caption}</caption> : null}
      <thead>
        <tr>
          {block.header.map((cell, index) => (
            <th key={index} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      {block.rows.length ? (
        <tbody>
          {block.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      ) : null}
    </table>
  );
}
