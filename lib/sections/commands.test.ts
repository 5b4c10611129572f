import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { saveSection } from '@/lib/sections/commands';
import { listSections } from '@/lib/sections/queries';

describe('saveSection (npm run sections -- add)', () => {
  it('adds a section last in the navigation, records a refresh of every page that shows the navigation, and changes it by slug', async () => {
    const before = await db.pageRefresh.count();
    const world = await saveSection({ slug: 'world', name: 'World' });
    const business = await saveSection({ slug: 'business', name: 'Business', description: 'Markets and money.' });
    expect([world.position, business.position]).toEqual([0, 1]);
    const refreshes = await db.pageRefresh.findMany({ orderBy: { id: 'asc' }, skip: before });
    expect(refreshes.map((row) => JSON.parse(row.tags))).toEqual([
      ['sections', 'home', 'section:world'],
      ['sections', 'home', 'section:business'],
    ]);
    await saveSection({ slug: 'world', name: 'World news', position: 5 });
    expect(await listSections()).toEqual([
      { slug: 'business', name: 'Business', position: 1, retired: false },
      { slug: 'world', name: 'World news', position: 5, retired: false },
    ]);
  });

  it('refuses a bad slug or name with the schema\'s message, and writes nothing', async () => {
    const before = [await db.section.count(), await db.pageRefresh.count()];
    await expect(saveSection({ slug: 'Not A Slug', name: 'X' })).rejects.toThrow(/lower-case letters, digits and single hyphens/);
    await expect(saveSection({ slug: 'admin', name: 'Admin' })).rejects.toThrow(/one of the site’s own/);
    await expect(saveSection({ slug: 'empty', name: '  ' })).rejects.toThrow();
    expect([await db.section.count(), await db.pageRefresh.count()]).toEqual(before);
  });
});
