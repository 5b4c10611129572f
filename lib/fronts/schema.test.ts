import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDraftOp, arrangementFields, arrangementQuery, FRONT_SLOTS_MAX, frontArrangementSchema, frontMessages, type FrontSlotInput } from '@/lib/fronts/schema';
import { readEditorState } from '@/lib/fronts/editor-state';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const firstMessage = (input: unknown) => {
  const parsed = frontArrangementSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe('frontArrangementSchema', () => {
  it('reads the form’s parallel fields in order', () => {
    const fields = arrangementFields('home', form([['article', '12'], ['headline', ' Front words '], ['picture', '3'], ['article', '7'], ['headline', ''], ['picture', '']]));
    expect(frontArrangementSchema.parse(fields)).toEqual({
      front: 'home',
      slots: [{ articleId: 12, headline: 'Front words', mediaId: 3 }, { articleId: 7, headline: '', mediaId: null }],
    });
  });

  it('refuses bad input with its own message', () => {
    expect(firstMessage({ front: 'home', slots: [{ articleId: '12', mediaId: '' }, { articleId: 12, mediaId: '' }] })).toBe(frontMessages.twice);
    expect(firstMessage({ front: 'home', slots: [{ articleId: '', mediaId: '' }] })).toBe(frontMessages.article);
    expect(firstMessage({ front: 'home', slots: [{ articleId: '1e3', mediaId: '' }] })).toBe(frontMessages.article);
    expect(firstMessage({ front: 'home', slots: [{ articleId: '-4', mediaId: '' }] })).toBe(frontMessages.article);
    expect(firstMessage({ front: 'home', slots: [{ articleId: '2147483648', mediaId: '' }] })).toBe(frontMessages.article);
    expect(firstMessage({ front: 'home', slots: [{ articleId: '3', headline: 'x'.repeat(201), mediaId: '' }] })).toBe(frontMessages.headline);
    expect(firstMessage({ front: 'home', slots: [{ articleId: '3', mediaId: 'abc' }] })).toBe(frontMessages.picture);
    expect(firstMessage({ front: 'Not A Slug', slots: [] })).toBe(frontMessages.front);
    expect(firstMessage({ front: '../admin', slots: [] })).toBe(frontMessages.front);
    const many = Array.from({ length: FRONT_SLOTS_MAX + 1 }, (_, index) => ({ articleId: index + 1, mediaId: '' }));
    expect(firstMessage({ front: 'home', slots: many })).toBe(frontMessages.full);
    expect(firstMessage({ front: 'home', slots: many.slice(0, FRONT_SLOTS_MAX) })).toBeNull();
  });

  it('never throws on any form, and what it accepts round-trips through the query', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('article', 'headline', 'picture', 'op'), fc.string({ maxLength: 30 })), { maxLength: 40 }), (entries) => {
        const parsed = frontArrangementSchema.safeParse(arrangementFields('home', form(entries)));
        if (parsed.success) expect(frontArrangementSchema.parse(arrangementFields('home', arrangementQuery(parsed.data.slots)))).toEqual(parsed.data);
      }),
    );
  });
});

describe('applyDraftOp', () => {
  const slots: FrontSlotInput[] = [1, 2, 3].map((articleId) => ({ articleId, headline: '', mediaId: null }));
  const pin = (articleId: number): FrontSlotInput => ({ articleId, headline: '', mediaId: null });
  const order = (op: string) => applyDraftOp(slots, op, pin).map((slot) => slot.articleId);

  it('moves, removes and pins; anything out of range changes nothing', () => {
    expect(order('up:1')).toEqual([2, 1, 3]);
    expect(order('down:1')).toEqual([1, 3, 2]);
    expect(order('remove:0')).toEqual([2, 3]);
    expect(order('add:9')).toEqual([1, 2, 3, 9]);
    expect(order('add:2')).toEqual([1, 2, 3]);
    expect(order('up:0')).toEqual([1, 2, 3]);
    expect(order('down:2')).toEqual([1, 2, 3]);
    expect(order('remove:7')).toEqual([1, 2, 3]);
    expect(order('find')).toEqual([1, 2, 3]);
    expect(order('up:1; drop table')).toEqual([1, 2, 3]);
  });
});

describe('readEditorState', () => {
  const saved = () => [{ articleId: 5, headline: '', mediaId: null }];
  it('shows the saved arrangement without draft=1, the query’s otherwise, with the button’s change', () => {
    expect(readEditorState('home', { article: ['1', '2'], headline: ['', ''], picture: ['', ''] }, saved).slots.map((slot) => slot.articleId)).toEqual([5]);
    const state = readEditorState('home', { draft: '1', article: ['1', '2'], headline: ['', 'B'], picture: ['', ''], op: 'up:1' }, saved);
    expect(state).toEqual({ draft: true, problem: null, query: '', slots: [{ articleId: 2, headline: 'B', mediaId: null }, { articleId: 1, headline: '', mediaId: null }] });
  });
  it('lets go of a slot whose article was deleted (an empty field), after applying the button at its place', () => {
    const state = readEditorState('home', { draft: '1', article: ['', '2', '3'], headline: ['', '', ''], picture: ['', '', ''], op: 'up:2' }, saved);
    expect(state.slots.map((slot) => slot.articleId)).toEqual([3, 2]);
  });
  it('a query the schema refuses shows the saved arrangement and the schema’s words, never the link’s', () => {
    const state = readEditorState('home', { draft: '1', article: ['1', '1'], headline: ['<script>', ''], picture: ['', ''] }, saved);
    expect(state).toEqual({ draft: false, problem: frontMessages.twice, query: '', slots: saved() });
  });
});
