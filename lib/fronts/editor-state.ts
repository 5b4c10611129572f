// The editor page's unsaved arrangement, read from its query: the GET form carries the slots
// (lib/fronts/schema.ts) and the button pressed (`op`). Without `draft=1` the page shows what is saved.
import type { SearchParams } from '@/lib/forms/search-params';
import { applyDraftOp, arrangementFields, frontArrangementSchema, frontMessages, type FrontSlotInput } from '@/lib/fronts/schema';
import { firstValue } from '@/lib/forms/search-params';

export type EditorState = { draft: boolean; slots: FrontSlotInput[]; problem: string | null; query: string };

/** A page's searchParams as the form's fields (`getAll` in order, as URLSearchParams gives them). */
export function queryFields(params: SearchParams): { getAll(name: string): string[] } {
  return { getAll: (name) => { const value = Object.hasOwn(params, name) ? params[name] : undefined; return value === undefined ? [] : Array.isArray(value) ? value : [value]; } };
}

export function readEditorState(address: string, params: SearchParams, saved: () => FrontSlotInput[]): EditorState {
  const query = (firstValue(params.q) ?? '').slice(0, 200);
  if (firstValue(params.draft) !== '1') return { draft: false, slots: saved(), problem: null, query };
  const fields = arrangementFields(address, queryFields(params));
  // The button's change first (its index is the slot's place on the page), then the slots whose
  // article was deleted (an empty field) are let go: there is nothing left in them to save.
  const changed = applyDraftOp(fields.slots, firstValue(params.op), (articleId) => ({ articleId: String(articleId), headline: '', mediaId: '' }));
  const parsed = frontArrangementSchema.safeParse({ front: address, slots: changed.filter((slot) => slot.articleId !== '') });
  if (!parsed.success) {
    // A link anyone could write: the saved arrangement, with the schema's own words (never the link's).
    const message = parsed.error.issues.map((issue) => issue.message).find((text) => Object.values<string>(frontMessages).includes(text)) ?? frontMessages.article;
    return { draft: false, slots: saved(), problem: message, query };
  }
  return { draft: true, slots: parsed.data.slots, problem: null, query };
}
