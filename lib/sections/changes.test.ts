// The newsroom's section changes (changeSection): each validated by the one schema, written with its
// audit entry and its page refresh in one transaction, and refused whole.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { changeSection, saveSection, sectionMessages, slugFromName } from '@/lib/sections/commands';
import { loadSectionNav, listSectionsForNewsroom } from '@/lib/sections/queries';
import { CommandError } from '@/lib/commands/error';
import { sectionSitemapEntries } from '@/lib/sitemaps/queries';
import { sectionOptions } from '@/lib/articles/admin-queries';

let editorId = 0;
const actor = () => ({ id: editorId, ip: '203.0.113.9' });
const refreshesSince = async (id: number) => (await db.pageRefresh.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } })).map((row) => JSON.parse(row.tags) as string[]);
const lastRefreshId = async () => (await db.pageRefresh.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0;
const counts = async () => [await db.section.count(), await db.sectionSlug.count(), await db.auditEntry.count(), await db.pageRefresh.count()];
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CommandError);
  return (error as CommandError).message;
};

beforeAll(async () => {
  editorId = (await db.user.create({ data: { email: 'sections-editor@example.org', name: 'Ed', role: 'editor', passwordHash: 'x' } })).id;
});

describe('slugFromName', () => {
  it.each([
    ['Arts & Culture', 'arts-and-culture'],
    ['  Zürich Süd  ', 'zuerich-sued'],
    ['COVID-19', 'covid-19'],
  ])('%s → %s', (name, slug) => expect(slugFromName(name)).toBe(slug));
});

describe('changeSection', () => {
  it('creates a section last in the navigation, slug from the name, with its audit entry and refresh', async () => {
    const before = await lastRefreshId();
    const { section, notice } = await changeSection({ action: 'create', name: 'Arts & Culture', slug: '', description: 'Stage and screen.' }, actor());
    expect([section.slug, section.name, section.description, notice]).toEqual(['arts-and-culture', 'Arts & Culture', 'Stage and screen.', 'section-created']);
    const second = (await changeSection({ action: 'create', name: 'Science', slug: 'sci' }, actor())).section;
    expect(second.position).toBe(section.position + 1);
    expect(await refreshesSince(before)).toEqual([
      ['sections', 'home', 'sitemaps', 'section:arts-and-culture', 'section-addresses:arts-and-culture'],
      ['sections', 'home', 'sitemaps', 'section:sci', 'section-addresses:sci'],
    ]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'section.created', targetId: String(section.id) } });
    expect([entry.actorId, entry.targetType, entry.detail, entry.ip]).toEqual([editorId, 'section', '/arts-and-culture "Arts & Culture"', '203.0.113.9']);
  });

  it('renames: the old slug is kept, audited, and every page and both slugs\' answers are refreshed', async () => {
    const { section } = await changeSection({ action: 'create', name: 'Weather' }, actor());
    const before = await lastRefreshId();
    const renamed = (await changeSection({ action: 'rename', id: String(section.id), name: 'Climate', slug: 'climate' }, actor())).section;
    expect([renamed.slug, renamed.name]).toEqual(['climate', 'Climate']);
    expect(await db.sectionSlug.findMany({ where: { sectionId: section.id }, select: { slug: true } })).toEqual([{ slug: 'weather' }]);
    expect(await refreshesSince(before)).toEqual([['sections', 'home', 'feeds', 'sitemaps', 'section:weather', 'section-addresses:weather', 'section:climate', 'section-addresses:climate']]);
    expect((await db.auditEntry.findFirstOrThrow({ where: { action: 'section.renamed', targetId: String(section.id) } })).detail).toBe('/weather → /climate; "Weather" → "Climate"');
    // A name alone: no old slug.
    await changeSection({ action: 'rename', id: section.id, name: 'Climate & Weather' }, actor());
    expect(await db.sectionSlug.count({ where: { sectionId: section.id } })).toBe(1);
  });

  it('a slug another section has now, or had before, is refused; a section may take back its own old slug', async () => {
    const a = (await changeSection({ action: 'create', name: 'Alpha' }, actor())).section;
    const b = (await changeSection({ action: 'create', name: 'Beta' }, actor())).section;
    await changeSection({ action: 'rename', id: a.id, slug: 'alpha-2' }, actor());
    const before = await counts();
    expect(await refusal(changeSection({ action: 'create', name: 'Alpha' }, actor()))).toBe(sectionMessages.taken);
    expect(await refusal(changeSection({ action: 'create', name: 'Other', slug: 'alpha-2' }, actor()))).toBe(sectionMessages.taken);
    expect(await refusal(changeSection({ action: 'rename', id: b.id, slug: 'alpha' }, actor()))).toBe(sectionMessages.taken);
    expect(await refusal(changeSection({ action: 'rename', id: b.id, slug: 'alpha-2' }, actor()))).toBe(sectionMessages.taken);
    // The CLI keeps to the same rule.
    await expect(saveSection({ slug: 'alpha', name: 'Alpha again' })).rejects.toThrow(sectionMessages.taken);
    expect(await counts()).toEqual(before);
    await changeSection({ action: 'rename', id: a.id, slug: 'alpha' }, actor());
    expect(await db.sectionSlug.findMany({ where: { sectionId: a.id }, select: { slug: true } })).toEqual([{ slug: 'alpha-2' }]);
  });

  it('refuses bad input with the schema\'s message and writes nothing', async () => {
    const { section } = await changeSection({ action: 'create', name: 'Gamma' }, actor());
    const before = await counts();
    expect(await refusal(changeSection({ action: 'create', name: '   ' }, actor()))).toBe(sectionMessages.name);
    expect(await refusal(changeSection({ action: 'create', name: 'x'.repeat(81) }, actor()))).toBe(sectionMessages.name);
    expect(await refusal(changeSection({ action: 'create', name: 'Admin' }, actor()))).toBe(sectionMessages.reserved);
    expect(await refusal(changeSection({ action: 'create', name: 'Ok', slug: 'Not A Slug' }, actor()))).toBe(sectionMessages.slug);
    expect(await refusal(changeSection({ action: 'create', name: '<script>alert(1)</script>', slug: '../etc' }, actor()))).toBe(sectionMessages.slug);
    // A name with no letters or digits makes no slug.
    expect(await refusal(changeSection({ action: 'create', name: '!!!' }, actor()))).toBe(sectionMessages.slug);
    expect(await refusal(changeSection({ action: 'rename', id: section.id, slug: 'search' }, actor()))).toBe(sectionMessages.reserved);
    expect(await refusal(changeSection({ action: 'rename', id: 999_999, name: 'Nope' }, actor()))).toBe(sectionMessages.missing);
    expect(await refusal(changeSection({ action: 'move', id: section.id, direction: 'sideways' }, actor()))).toBe('Check the section’s fields.');
    expect(await refusal(changeSection({ action: 'delete', id: section.id }, actor()))).toBe('Check the section’s fields.');
    expect(await counts()).toEqual(before);
  });

  it('moves a section up and down the navigation, stepping over retired ones; the ends refuse', async () => {
    await db.section.deleteMany({});
    const made: Awaited<ReturnType<typeof changeSection>>['section'][] = [];
    for (const name of ['One', 'Two', 'Three', 'Four']) made.push((await changeSection({ action: 'create', name }, actor())).section);
    const [one, two, three, four] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0], (typeof made)[0]];
    await changeSection({ action: 'retire', id: two.id }, actor());
    const before = await lastRefreshId();
    await changeSection({ action: 'move', id: three.id, direction: 'up' }, actor());
    expect((await loadSectionNav()).map((section) => section.slug)).toEqual(['three', 'one', 'four']);
    expect(await refreshesSince(before)).toEqual([['sections', 'home']]);
    await changeSection({ action: 'move', id: three.id, direction: 'down' }, actor());
    await changeSection({ action: 'move', id: four.id, direction: 'up' }, actor());
    expect((await loadSectionNav()).map((section) => section.slug)).toEqual(['one', 'four', 'three']);
    expect(await refusal(changeSection({ action: 'move', id: one.id, direction: 'up' }, actor()))).toBe(sectionMessages.edge);
    expect(await refusal(changeSection({ action: 'move', id: three.id, direction: 'down' }, actor()))).toBe(sectionMessages.edge);
    // Restored, the retired section comes back where it stood.
    await changeSection({ action: 'restore', id: two.id }, actor());
    expect((await loadSectionNav()).map((section) => section.slug)).toEqual(['one', 'two', 'four', 'three']);
  });

  it('retires and restores: out of the navigation and back, audited, refreshed; twice is refused', async () => {
    const { section } = await changeSection({ action: 'create', name: 'Obituaries' }, actor());
    const before = await lastRefreshId();
    expect((await changeSection({ action: 'retire', id: section.id }, actor())).notice).toBe('section-retired');
    expect((await loadSectionNav()).some((each) => each.slug === 'obituaries')).toBe(false);
    expect((await listSectionsForNewsroom()).find((each) => each.id === section.id)?.retiredAt).toBeInstanceOf(Date);
    expect(await refusal(changeSection({ action: 'retire', id: section.id }, actor()))).toBe(sectionMessages.retired);
    await changeSection({ action: 'restore', id: section.id }, actor());
    expect(await refusal(changeSection({ action: 'restore', id: section.id }, actor()))).toBe(sectionMessages.notRetired);
    expect((await loadSectionNav()).some((each) => each.slug === 'obituaries')).toBe(true);
    expect(await refreshesSince(before)).toEqual([
      ['sections', 'home', 'sitemaps', 'section:obituaries'],
      ['sections', 'home', 'sitemaps', 'section:obituaries'],
    ]);
    expect(await db.auditEntry.count({ where: { targetType: 'section', targetId: String(section.id), action: { in: ['section.retired', 'section.restored'] } } })).toBe(2);
  });

  it('a retired section leaves the sitemap of sections and is labelled in the article form; restored, it is back', async () => {
    const { section } = await changeSection({ action: 'create', name: 'Horoscopes' }, actor());
    const listed = async () => {
      const locs: string[] = [];
      for await (const entry of sectionSitemapEntries()) locs.push(new URL(entry.loc).pathname);
      return locs.includes('/horoscopes');
    };
    const label = async () => (await sectionOptions()).find((option) => option.id === section.id)?.label;
    expect([await listed(), await label()]).toEqual([true, 'Horoscopes']);
    await changeSection({ action: 'retire', id: section.id }, actor());
    expect([await listed(), await label()]).toEqual([false, 'Horoscopes (retired)']);
    await changeSection({ action: 'restore', id: section.id }, actor());
    expect([await listed(), await label()]).toEqual([true, 'Horoscopes']);
  });
});
