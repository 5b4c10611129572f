import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeOverTheirs } from '@/lib/revisions/merge';

type Fields = { headline: string; standfirst: string; tags: string[]; leadMediaId: number | null };
const fields = ['headline', 'standfirst', 'tags', 'leadMediaId'] as const;
const base: Fields = { headline: 'Ferry timetable changes', standfirst: 'From Monday.', tags: ['Transport'], leadMediaId: null };

describe('save mine over theirs (three-way merge per field)', () => {
  it('keeps their standfirst when I changed only the headline', () => {
    const mine = { ...base, headline: 'Ferry timetable changes again' };
    const theirs = { ...base, standfirst: 'From Monday, say the operators.' };
    expect(mergeOverTheirs(base, mine, theirs, fields)).toEqual({
      merged: { ...base, headline: 'Ferry timetable changes again', standfirst: 'From Monday, say the operators.' },
      keptTheirs: ['standfirst'],
    });
  });

  it('keeps mine where we both changed a field (that is what the button says)', () => {
    const mine = { ...base, headline: 'Mine' };
    const theirs = { ...base, headline: 'Theirs', tags: ['Transport', 'Islands'], leadMediaId: 4 };
    expect(mergeOverTheirs(base, mine, theirs, fields)).toEqual({
      merged: { ...base, headline: 'Mine', tags: ['Transport', 'Islands'], leadMediaId: 4 },
      keptTheirs: ['tags', 'leadMediaId'],
    });
  });

  it('keeps my change that sets a field back to what they had before (mine differs from the base)', () => {
    const mine: Fields = { ...base, leadMediaId: 3 };
    const theirs: Fields = { ...base, leadMediaId: 5 };
    expect(mergeOverTheirs(base, mine, theirs, fields).merged.leadMediaId).toBe(3);
  });

  it('for any base, mine and theirs: each field is mine if I changed it, else theirs', () => {
    const value = fc.record({ headline: fc.constantFrom('A', 'B', 'C'), standfirst: fc.constantFrom('x', 'y'), tags: fc.array(fc.constantFrom('t', 'u'), { maxLength: 2 }), leadMediaId: fc.option(fc.constantFrom(1, 2)) });
    fc.assert(
      fc.property(value, value, value, (b, mine, theirs) => {
        const { merged } = mergeOverTheirs(b, mine, theirs, fields);
        for (const field of fields) {
          const changedByMe = JSON.stringify(mine[field]) !== JSON.stringify(b[field]);
          expect(merged[field]).toEqual(changedByMe ? mine[field] : theirs[field]);
        }
      }),
    );
  });
});
