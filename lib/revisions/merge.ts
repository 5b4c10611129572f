// "Save mine over theirs", field by field: a three-way merge of an article's editable fields. The base
// is the version this editor's form was opened on, mine is what they post, theirs is what another
// editor saved meanwhile. A field this editor left as it was keeps theirs (their change survives);
// a field this editor changed is theirs to overwrite, which is what the button says. Pure, tested
// alone (merge.test.ts); the save command runs it (lib/articles/commands/save.ts).
import { canonical } from '@/lib/revisions/block-diff';

export type MergeResult<T> = {
  merged: T;
  /** The fields where the other editor's change was kept (this editor had not touched them). */
  keptTheirs: Array<keyof T>;
};

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export function mergeOverTheirs<T extends object, K extends keyof T>(base: Pick<T, K>, mine: T, theirs: Pick<T, K>, fields: readonly K[]): MergeResult<T> {
  const merged = { ...mine };
  const keptTheirs: Array<keyof T> = [];
  for (const field of fields) {
    if (same(mine[field], base[field]) && !same(theirs[field], base[field])) {
      merged[field] = theirs[field];
      keptTheirs.push(field);
    }
  }
  return { merged, keptTheirs };
}
