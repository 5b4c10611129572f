// Two texts word by word (jsdiff), for the revisions page and the conflict screen. A module of its own
// with nothing but jsdiff behind it: the conflict screen renders in the article form, a client
// component, and must not bring the snapshot schema (zod, whose object schemas probe `new Function`,
// a violation under the newsroom's CSP) or the HTML reader into the browser.
import { diffArrays } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Words and the spaces and tags between them, so that joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/<[^>]*>|\s+|[^\s<]+/g) ?? [];
}

// jsdiff's Myers diff costs time by the number of tokens changed, hardly by the length: an edit
// anywhere in the longest body is shown word by word. Its cost grows with the square of the changes,
// so past this many tokens added and removed (about 500 words replaced: a rewrite, not an edit) it
// stops and the field is shown as replaced, which keeps the revisions page quick however different
// two versions are (docs/benchmarks.md, "The revisions' word diff").
export const maxChangedTokens = 1_000;

export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const changes = diffArrays(tokens(before), tokens(after), { maxEditLength: maxChangedTokens });
  if (!changes) return [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])];
  return changes.map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value.join('') }));
}

