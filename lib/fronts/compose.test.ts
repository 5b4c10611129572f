import { describe, expect, it } from 'vitest';
import type { ArticleCard } from '@/lib/articles/types';
import { composeFront, slotProblem, type PinnedCandidate } from '@/lib/fronts/compose';

const now = new Date('2026-11-28T12:00:00Z');
const card = (id: number, withPicture = false): ArticleCard => ({
  id, path: `/world/story-${id}`, slug: `story-${id}`, kicker: '', headline: `Story ${id}`, standfirst: '', contentType: 'text',
  publishedAt: '2026-11-01T00:00:00.000Z', modifiedAt: '2026-11-01T00:00:00.000Z', section: { slug: 'world', name: 'World' },
  media: withPicture ? { kind: 'image', url: `/media/${id}.jpg`, width: 1600, height: 900, alt: '', caption: '', credit: '' } as unknown as ArticleCard['media'] : null,
});
const pin = (position: number, id: number | null, status = 'published', extra: Partial<PinnedCandidate> = {}): PinnedCandidate => ({
  position,
  article: id === null ? null : { ...card(id), status, publishedAtDate: status === 'scheduled' ? new Date('2026-12-01T00:00:00Z') : new Date('2026-11-01T00:00:00Z') },
  headline: '',
  media: null,
  ...extra,
});
const ids = (stories: { id: number }[]) => stories.map((story) => story.id);

describe('composeFront', () => {
  it('puts the pinned slots first in their order, then the newest, never one story twice', () => {
    const stories = composeFront([pin(1, 7), pin(0, 3)], [card(9), card(7), card(8), card(3), card(6)], { size: 5, now });
    expect(ids(stories)).toEqual([3, 7, 9, 8, 6]);
    expect(stories.map((story) => story.pinned)).toEqual([true, true, false, false, false]);
  });

  it('drops an unpublished, scheduled or deleted pinned article; the slots after it move up', () => {
    const stories = composeFront([pin(0, 4, 'unpublished'), pin(1, 5), pin(2, null), pin(3, 6, 'scheduled'), pin(4, 2, 'draft')], [card(9), card(4), card(8)], { size: 4, now });
    // 4 is unpublished: not pinned, and not among the automatic ones either (the newest list is public only;
    // here it stands in for a stale row and still may not appear twice).
    expect(ids(stories)).toEqual([5, 9, 4, 8]);
    expect(stories[0]!.pinned).toBe(true);
  });

  it('a published article dated ahead is not public yet and does not show', () => {
    const ahead: PinnedCandidate = { ...pin(0, 11), article: { ...card(11), status: 'published', publishedAtDate: new Date('2026-11-28T12:00:01Z') } };
    expect(ids(composeFront([ahead], [card(1)], { size: 3, now }))).toEqual([1]);
  });

  it('shows the front-only headline and picture instead of the article’s own', () => {
    const picture = card(50, true).media;
    const [lead, second] = composeFront([pin(0, 1, 'published', { headline: 'Front headline', media: picture }), pin(1, 2)], [], { size: 2, now });
    expect([lead!.headline, lead!.media]).toEqual(['Front headline', picture]);
    expect([second!.headline, second!.media]).toEqual(['Story 2', null]);
  });

  it('stops at the front’s size, pinned slots included', () => {
    expect(ids(composeFront([pin(0, 1), pin(1, 2), pin(2, 3)], [card(4)], { size: 2, now }))).toEqual([1, 2]);
  });

  it('with nothing pinned, the home page’s lead is the newest story with a picture', () => {
    expect(ids(composeFront([], [card(1), card(2, true), card(3)], { size: 3, now, automaticLeadWantsPicture: true }))).toEqual([2, 1, 3]);
    // A pinned lead is the editor's choice, picture or not.
    expect(ids(composeFront([pin(0, 1)], [card(2, true), card(3)], { size: 3, now, automaticLeadWantsPicture: true }))).toEqual([1, 2, 3]);
  });
});

describe('slotProblem', () => {
  it('says why a saved slot is not on the public front', () => {
    expect(slotProblem({ status: 'published', publishedAt: new Date('2026-01-01') }, now)).toBeNull();
    expect(slotProblem({ status: 'unpublished', publishedAt: new Date('2026-01-01') }, now)).toBe('the article was unpublished');
    expect(slotProblem({ status: 'scheduled', publishedAt: new Date('2027-01-01') }, now)).toBe('the article is scheduled, not yet published');
    expect(slotProblem(null, now)).toBe('the article was deleted');
  });
});
