import { describe, expect, it } from 'vitest';
import { hasMalformedEscapes } from '@/lib/routing/malformed';

describe('malformed percent-escapes in a path', () => {
  it('finds escapes that do not decode as UTF-8', () => {
    for (const path of ['/%', '/feeds/%E0%A4%A/rss.xml', '/%FF%FE', '/media/%C0%AF', '/a%2', '/tag/%E0%A4%a']) expect(hasMalformedEscapes(path), path).toBe(true);
  });

  it('passes plain paths and valid escapes, a NUL and an encoded slash included', () => {
    for (const path of ['/', '/world/a-story', '/tag/%E0%A4%A4', '/%F0%9F%92%A9', '/%00', '/a%2Fb', '/%25']) expect(hasMalformedEscapes(path), path).toBe(false);
  });
});
