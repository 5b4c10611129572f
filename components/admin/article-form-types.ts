// The article form's values and the state its save action returns (plain data: it crosses from the
// server action to the client island).
import type { ArticleFormValues } from '@/lib/articles/form-values';
import type { FieldDiff } from '@/lib/revisions/diff';

export type { ArticleFormValues };

export type ArticleFormState = {
  status: 'idle' | 'error' | 'conflict';
  message: string;
  fields: Record<string, string>;
  /** What the editor typed, given back so that nothing typed is lost after a refusal. */
  values: ArticleFormValues | null;
  /** `keptTheirs`: the fields (their labels) only the other editor changed, which "Save mine over theirs" keeps as theirs. */
  conflict: { version: number; savedBy: string | null; savedAt: string | null; rows: FieldDiff[]; keptTheirs: string[] } | null;
  attempt: number;
};
