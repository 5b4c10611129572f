// The table steps of the body editor (issue 12's gap: once inserted, a table could only grow rows at its
// end): rows above and below, columns before and after, deleting either, where the cursor is; the
// header row always stays, and no step goes past the limits the server enforces.
import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { bodyExtensions } from '@/components/admin/body-editor/schema-extensions';
import { canTakeTableStep, tableStep, type TableStep } from '@/components/admin/body-editor/table-commands';
import { blocksToEditorDoc, editorDocToBlocks } from '@/lib/articles/body/editor-doc';
import type { BlockOf } from '@/lib/articles/body/schema';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { maxTableColumns, maxTableRows } from '@/lib/articles/body/limits';

const schema = getSchema(bodyExtensions());
type Table = BlockOf<'table'>;

/** An editor state holding the table, the cursor at the end of the cell's text (row 0 = header row). */
function stateAt(table: Table, row: number, column: number): EditorState {
  const doc = schema.nodeFromJSON(blocksToEditorDoc({ version: 1, blocks: [table] }));
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === 'dataTable') {
      const rowNode = node.child(row + 1);
      let at = pos + 1 + node.child(0).nodeSize;
      for (let index = 0; index < row; index += 1) at += node.child(index + 1).nodeSize;
      at += 1;
      for (let index = 0; index < column; index += 1) at += rowNode.child(index).nodeSize;
      found = at + 1 + rowNode.child(column).content.size;
      return false;
    }
    return true;
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, found) });
}

/** The table after the step, and the text of the cell the cursor is in. */
function after(table: Table, row: number, column: number, step: TableStep): { table: Table; cursorIn: string } | null {
  const tr = tableStep(stateAt(table, row, column), step);
  if (!tr) return null;
  const blocks = editorDocToBlocks(tr.doc.toJSON()).blocks;
  const result = blocks.find((block): block is Table => block.type === 'table')!;
  expect(bodyDocumentSchema.safeParse({ version: 1, blocks }).success).toBe(true);
  return { table: result, cursorIn: tr.selection.$from.parent.textContent };
}

const table: Table = { type: 'table', caption: 'Results', header: ['Party', 'Seats'], rows: [['Red', '10'], ['Blue', '12']] };

describe('rows', () => {
  it('adds a row above and below the cursor, empty and as wide as the table, with the cursor in it', () => {
    expect(after(table, 1, 1, 'rowAbove')).toEqual({ table: { ...table, rows: [['', ''], ['Red', '10'], ['Blue', '12']] }, cursorIn: '' });
    expect(after(table, 1, 0, 'rowBelow')!.table.rows).toEqual([['Red', '10'], ['', ''], ['Blue', '12']]);
    // Below the header row is the first body row.
    expect(after(table, 0, 0, 'rowBelow')!.table.rows).toEqual([['', ''], ['Red', '10'], ['Blue', '12']]);
  });

  it('deletes the cursor’s row, and moves the cursor to the row now there', () => {
    expect(after(table, 1, 1, 'deleteRow')).toEqual({ table: { ...table, rows: [['Blue', '12']] }, cursorIn: '12' });
    expect(after(table, 2, 0, 'deleteRow')).toEqual({ table: { ...table, rows: [['Red', '10']] }, cursorIn: 'Red' });
  });

  it('keeps the header row: nothing above it, and it cannot be deleted', () => {
    expect(after(table, 0, 0, 'rowAbove')).toBeNull();
    expect(after(table, 0, 1, 'deleteRow')).toBeNull();
    expect(after({ ...table, rows: [['Red', '10']] }, 1, 0, 'deleteRow')!.table.rows).toEqual([]);
  });

  it(`stops at ${maxTableRows} rows`, () => {
    const full: Table = { ...table, rows: Array.from({ length: maxTableRows }, (_, index) => [`r${index}`, '']) };
    expect(canTakeTableStep(stateAt(full, 1, 0), 'rowAbove')).toBe(false);
    expect(after(full, 5, 0, 'rowBelow')).toBeNull();
    expect(after(full, 5, 0, 'deleteRow')!.table.rows).toHaveLength(maxTableRows - 1);
  });
});

describe('columns', () => {
  it('adds a column before and after the cursor in the header and every row, with the cursor in its header or row', () => {
    expect(after(table, 0, 1, 'columnBefore')).toEqual({ table: { ...table, header: ['Party', '', 'Seats'], rows: [['Red', '', '10'], ['Blue', '', '12']] }, cursorIn: '' });
    expect(after(table, 2, 1, 'columnAfter')!.table).toEqual({ ...table, header: ['Party', 'Seats', ''], rows: [['Red', '10', ''], ['Blue', '12', '']] });
  });

  it('deletes the cursor’s column everywhere, but never the last one', () => {
    expect(after(table, 1, 0, 'deleteColumn')).toEqual({ table: { ...table, header: ['Seats'], rows: [['10'], ['12']] }, cursorIn: '10' });
    expect(after({ ...table, header: ['Only'], rows: [['x']] }, 1, 0, 'deleteColumn')).toBeNull();
  });

  it(`stops at ${maxTableColumns} columns`, () => {
    const wide: Table = { ...table, header: Array.from({ length: maxTableColumns }, (_, index) => `h${index}`), rows: [Array<string>(maxTableColumns).fill('x')] };
    expect(after(wide, 0, 3, 'columnBefore')).toBeNull();
    expect(after(wide, 1, 3, 'columnAfter')).toBeNull();
    expect(after(wide, 1, 3, 'deleteColumn')!.table.header).toHaveLength(maxTableColumns - 1);
  });
});

it('does nothing outside a table cell (in its caption, or in a paragraph)', () => {
  const doc = schema.nodeFromJSON(blocksToEditorDoc({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words' }] }, table] }));
  const inParagraph = EditorState.create({ doc, selection: TextSelection.create(doc, 2) });
  const inCaption = EditorState.create({ doc, selection: TextSelection.create(doc, doc.child(0).nodeSize + 3) });
  for (const step of ['rowAbove', 'rowBelow', 'deleteRow', 'columnBefore', 'columnAfter', 'deleteColumn'] as const) {
    expect(tableStep(inParagraph, step)).toBeNull();
    expect(tableStep(inCaption, step)).toBeNull();
  }
});
