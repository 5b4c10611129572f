// The table's structure in the body editor: add a row above or below the cursor's row, a column
// before or after its column, delete either. A table is its caption, one header row and its body rows
// (lib/articles/body/schema.ts: the header is always there, so there is no header toggle); these
// steps keep it so, and stop at the limits the server enforces (1 to 12 columns, up to 200 rows).
// Pure: each takes the editor's state and gives back the transaction (or null when the step is not
// possible there), so the toolbar, the keyboard and the tests share them.
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { editorNodes as n } from '@/lib/articles/body/editor-doc';
import { maxTableColumns, maxTableRows } from '@/lib/articles/body/limits';

export type TableStep = 'rowAbove' | 'rowBelow' | 'deleteRow' | 'columnBefore' | 'columnAfter' | 'deleteColumn';

/** Where the cursor is in a table: row 0 is the header row, 1… the body rows; null outside a cell. */
export type TablePlace = { table: PMNode; pos: number; row: number; column: number; width: number; rows: number };

export function tablePlace(state: EditorState): TablePlace | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const table = $from.node(depth);
    if (table.type.name !== n.table) continue;
    const child = $from.index(depth); // 0 the caption, 1 the header row, 2… the body rows
    const width = table.child(1).childCount;
    const rows = table.childCount - 2;
    if (child === 0 || depth + 1 > $from.depth) return null;
    return { table, pos: $from.before(depth), row: child - 1, column: $from.index(depth + 1), width, rows };
  }
  return null;
}

/** Whether the step can be taken where the cursor is. */
export function canTakeTableStep(state: EditorState, step: TableStep): boolean {
  const at = tablePlace(state);
  if (!at) return false;
  switch (step) {
    case 'rowAbove':
      return at.row >= 1 && at.rows < maxTableRows; // nothing goes above the header row
    case 'rowBelow':
      return at.rows < maxTableRows;
    case 'deleteRow':
      return at.row >= 1; // the header row stays
    case 'columnBefore':
    case 'columnAfter':
      return at.width < maxTableColumns;
    case 'deleteColumn':
      return at.width > 1;
  }
}

/** What the live region says after the step (and why not, when it cannot be taken). */
export function tableStepMessage(step: TableStep, done: boolean): string {
  if (done) {
    return {
      rowAbove: 'Row added above.', rowBelow: 'Row added below.', deleteRow: 'Row deleted.',
      columnBefore: 'Column added before.', columnAfter: 'Column added after.', deleteColumn: 'Column deleted.',
    }[step];
  }
  return {
    rowAbove: `No row can go above the header row, and a table has at most ${maxTableRows} rows.`,
    rowBelow: `A table has at most ${maxTableRows} rows below its header.`,
    deleteRow: 'The header row stays: a table always has one.',
    columnBefore: `A table has at most ${maxTableColumns} columns.`,
    columnAfter: `A table has at most ${maxTableColumns} columns.`,
    deleteColumn: 'A table keeps at least one column.',
  }[step];
}

const cellsOf = (row: PMNode): PMNode[] => Array.from({ length: row.childCount }, (_, index) => row.child(index));

/** The transaction that takes the step, with the cursor in the row or column it made (or next to the one it removed). */
export function tableStep(state: EditorState, step: TableStep): Transaction | null {
  if (!canTakeTableStep(state, step)) return null;
  const at = tablePlace(state)!;
  const { schema } = state;
  const [caption, head, ...body] = Array.from({ length: at.table.childCount }, (_, index) => at.table.child(index)) as [PMNode, PMNode, ...PMNode[]];
  const headCell = () => schema.nodes[n.tableHeaderCell]!.create();
  const cell = () => schema.nodes[n.tableCell]!.create();
  const emptyRow = (width: number) => schema.nodes[n.tableRow]!.create(null, Array.from({ length: width }, cell));
  let headCells = cellsOf(head);
  let rows = body.map(cellsOf);
  let target = { row: at.row, column: at.column };

  switch (step) {
    case 'rowAbove':
    case 'rowBelow': {
      const index = step === 'rowAbove' ? at.row - 1 : at.row; // index among the body rows
      rows.splice(index, 0, cellsOf(emptyRow(at.width)));
      target = { row: index + 1, column: at.column };
      break;
    }
    case 'deleteRow':
      rows.splice(at.row - 1, 1);
      target = { row: Math.min(at.row, rows.length), column: at.column };
      break;
    case 'columnBefore':
    case 'columnAfter': {
      const index = step === 'columnBefore' ? at.column : at.column + 1;
      headCells = [...headCells.slice(0, index), headCell(), ...headCells.slice(index)];
      rows = rows.map((cells) => [...cells.slice(0, index), cell(), ...cells.slice(index)]);
      target = { row: at.row, column: index };
      break;
    }
    case 'deleteColumn':
      headCells = headCells.filter((_, index) => index !== at.column);
      rows = rows.map((cells) => cells.filter((_, index) => index !== at.column));
      target = { row: at.row, column: Math.min(at.column, headCells.length - 1) };
      break;
  }

  const table = at.table.type.create(at.table.attrs, [
    caption,
    head.type.create(head.attrs, headCells),
    ...rows.map((cells) => schema.nodes[n.tableRow]!.create(null, cells)),
  ]);
  const tr = state.tr.replaceWith(at.pos, at.pos + at.table.nodeSize, table);
  // The start of the target cell: past the table's opening, the rows before it, the cells before it.
  let pos = at.pos + 1 + caption.nodeSize;
  const allRows = [table.child(1), ...Array.from({ length: table.childCount - 2 }, (_, index) => table.child(index + 2))];
  for (let index = 0; index < target.row; index += 1) pos += allRows[index]!.nodeSize;
  pos += 1; // into the row
  const row = allRows[target.row]!;
  for (let index = 0; index < target.column; index += 1) pos += row.child(index).nodeSize;
  tr.setSelection(TextSelection.create(tr.doc, pos + 1));
  return tr.scrollIntoView();
}

/** The transaction meta that carries what the live region should say after a table step. */
export const tableStepMeta = 'ledeTableStep';

/** The keys of each step (also shown on the toolbar's buttons as aria-keyshortcuts). */
export const tableStepKeys: Record<TableStep, { prosemirror: string; aria: string }> = {
  rowAbove: { prosemirror: 'Alt-Shift-ArrowUp', aria: 'Alt+Shift+ArrowUp' },
  rowBelow: { prosemirror: 'Alt-Shift-ArrowDown', aria: 'Alt+Shift+ArrowDown' },
  columnBefore: { prosemirror: 'Alt-Shift-ArrowLeft', aria: 'Alt+Shift+ArrowLeft' },
  columnAfter: { prosemirror: 'Alt-Shift-ArrowRight', aria: 'Alt+Shift+ArrowRight' },
  deleteRow: { prosemirror: 'Alt-Shift-Backspace', aria: 'Alt+Shift+Backspace' },
  deleteColumn: { prosemirror: 'Alt-Shift-Delete', aria: 'Alt+Shift+Delete' },
};

/**
 * Takes the step in the view, or says why it cannot. Returns false outside a table cell (the key then
 * does what it does elsewhere).
 */
export function runTableStep(view: { state: EditorState; dispatch: (tr: Transaction) => void }, step: TableStep): boolean {
  if (!tablePlace(view.state)) return false;
  const tr = tableStep(view.state, step);
  view.dispatch((tr ?? view.state.tr).setMeta(tableStepMeta, tableStepMessage(step, tr !== null)));
  return true;
}
