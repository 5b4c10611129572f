import { describe, expect, it } from 'vitest';
import { compileLegacyPatterns, legacyIdFromPath } from '@/lib/routing/legacy';

describe('legacy URL patterns', () => {
  const defaults = compileLegacyPatterns('/news/{id},/news/{id}/{anything}');

  it.each([
    ['/news/1234', '1234'],
    ['/news/1234/', '1234'],
    ['/news/1234/russia-seeks-honest-cooperation', '1234'],
    ['/news/1234/any/deeper/tail.html', '1234'],
    ['/NEWS/1234', '1234'],
  ])('%s → id %s', (path, id) => expect(legacyIdFromPath(path, defaults)).toBe(id));

  // A NUL or other control character in the id: no legacy id (PostgreSQL refused the lookup, a 500).
  it.each(['/news', '/news/', '/newsroom/1234', '/world/news', '/x/news/1234', '/news/%00', '/news/a%00b', '/news/%1F/x'])('%s is not a legacy URL', (path) => {
    expect(legacyIdFromPath(path, defaults)).toBeNull();
  });

  it('takes other patterns from configuration, literal characters and all', () => {
    const custom = compileLegacyPatterns('/archive/{id}.html, /story.php?id={id}, nonsense, /no-id');
    expect(custom.map((pattern) => pattern.source)).toEqual(['/archive/{id}.html', '/story.php?id={id}']);
    expect(legacyIdFromPath('/archive/987.html', custom)).toBe('987');
    expect(legacyIdFromPath('/archive/987xhtml', custom)).toBeNull();
    expect(legacyIdFromPath('/news/987', custom)).toBeNull();
  });
});
