// snippetOf must give exactly what FTS5's snippet() gives: the oracle is SQLite itself, an FTS5 table
// with Lede's tokenizer in memory, asked for random bodies and searches (fast-check).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { foldToken, snippetOf } from '@/lib/search/snippet';
import { toFtsQuery } from '@/lib/search/sqlite';
import { searchTerms } from '@/lib/search/query';

const fts = new Database(':memory:');
fts.exec(`CREATE VIRTUAL TABLE t USING fts5(headline, body, tokenize='unicode61 remove_diacritics 2')`);
const insert = fts.prepare('INSERT INTO t(rowid, headline, body) VALUES (?, ?, ?)');
const snippetQuery = fts.prepare(`SELECT rowid AS id, snippet(t, 1, '[', ']', '…', 24) AS snippet FROM t WHERE t MATCH ? ORDER BY rowid`);
afterAll(() => fts.close());

/** FTS5's snippets of every row matching the terms, by row id. */
function ftsSnippets(terms: string[]): Map<number, string> {
  return new Map((snippetQuery.all(toFtsQuery(terms)) as { id: number; snippet: string }[]).map((row) => [row.id, row.snippet]));
}

const words = ['the', 'minister', 'said', 'sailors', 'saint', 'budget', 'budgets', 'Zürich', 'zurich', 'crème', 'Øresund', 'łódź', 'ÉTÉ', 'vote', 'said:', 'تحلیل', 'east', 'easter', '2026', 'x', 'cafe\u0301s', 'n\u0303o'];
const separators = [', ', '. ', ': ', '.\n', ':\t', '.  ', ' — ', ' (', ') ', '.', ' :', '\n'];

// Mostly plain spaces, so that long runs without a sentence break make FTS5 centre its window on the
// matches, and now and then every other separator, so that sentence starts compete with it; how often
// varies from body to body.
const separator = (spaces: number) => fc.oneof({ weight: spaces, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom(...separators) });
// Bodies of filler words with a few searched words put in at random places, so that a passage must
// be chosen among few matches, sometimes far from any sentence start.
const filler = ['of', 'and', 'a', 'council', 'harbour', 'río', 'Straße', 'meeting', 'يوم'];
/** A search (one to three of the words, the last maybe cut to a prefix) and rows that hold its words. */
const searchAndRows = fc
  .tuple(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), fc.nat({ max: 4 }), fc.integer({ min: 1, max: 80 }))
  .chain(([picked, cut, spaces]) => {
    const lastWord = picked[picked.length - 1]!;
    const typed = [...picked.slice(0, -1), lastWord.slice(0, Math.max(1, lastWord.length - cut))];
    const text = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...filler), separator(spaces)), { minLength: 0, maxLength: 150, size: 'max' }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...picked, ...words)), { minLength: 0, maxLength: 6 }),
      )
      .map(([pieces, inserts]) => {
        const list = pieces.map(([token, after]) => token + after);
        for (const [at, token] of inserts) list.splice(at % (list.length + 1), 0, `${token} `);
        return list.join('');
      });
    return fc.tuple(fc.constant(typed), fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }));
  });

describe('snippetOf', () => {
  it('gives FTS5 snippet() output for random bodies and searches', () => {
    let compared = 0;
    fc.assert(
      fc.property(searchAndRows, ([typed, rows]) => {
        fts.exec('DELETE FROM t');
        rows.forEach(([headline, text], index) => insert.run(index + 1, headline, text));
        const terms = searchTerms(typed.join(' '));
        for (const [id, expected] of ftsSnippets(terms)) {
          compared += 1;
          expect(snippetOf(rows[id - 1]![1], terms, '[', ']', '…', 24)).toBe(expected);
        }
      }),
      { numRuns: 1500 },
    );
    // The property compared real snippets, not only searches that found nothing.
    expect(compared).toBeGreaterThan(200);
  });

  it('cuts a long body around the best passage, as FTS5 does', () => {
    const text = `${'Filler words go here. '.repeat(20)}The zeppelin landed at noon. ${'More filler after it. '.repeat(20)}`;
    fts.exec('DELETE FROM t');
    insert.run(1, 'Headline', text);
    const expected = ftsSnippets(['zeppelin']).get(1);
    expect(expected).toMatch(/^…The \[zeppelin\] landed/);
    expect(snippetOf(text, ['zeppelin'], '[', ']', '…')).toBe(expected);
  });

  it('shows the start of the body when only the headline matched', () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty 21 22 23 24 25 26.';
    fts.exec('DELETE FROM t');
    insert.run(1, 'Reached', text);
    expect(snippetOf(text, ['reached'], '[', ']', '…')).toBe(ftsSnippets(['reached']).get(1));
    expect(snippetOf(text, ['reached'], '[', ']', '…')).toBe('One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty 21 22 23 24…');
  });

  it('folds case and diacritics as the tokenizer does', () => {
    expect(['Zürich', 'ÉTÉ', 'Øresund', 'Łódź', 'crème'].map(foldToken)).toEqual(['zurich', 'ete', 'oresund', 'lodz', 'creme']);
  });
});
