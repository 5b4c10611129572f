import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyNestingError, bodyNestingLimit, bodyToText, cleanBody, sanitizeBody } from '@/lib/articles/sanitize';
import { bodySchema } from '@/lib/articles/schema';
import { xssVectors as vectors } from '@/testing/xss-vectors';


describe('sanitizeBody', () => {
  it.each(vectors)('leaves nothing executable from %s', (vector) => {
    const clean = sanitizeBody(`<p>before</p>${vector}<p>after</p>`);
    expect(clean).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<style|<meta|<base|<form|<input|<button|<details|<template|<noscript/i);
    expect(clean).not.toMatch(/\son[a-z]+\s*=/i);
    expect(clean).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i);
    expect(clean).not.toMatch(/style=/i);
    expect(clean).toContain('<p>before</p>');
    // Cleaning is idempotent: what is stored passes the allowlist again unchanged.
    expect(sanitizeBody(clean)).toBe(clean);
  });

  it('keeps the newsroom formatting', () => {
    const html = '<h2>Sub</h2><p>A <strong>bold</strong> <em>claim</em> with <a href="https://example.org/x">a source</a>.</p><ul><li>one</li></ul><blockquote><p>quote</p></blockquote>';
    expect(sanitizeBody(html)).toBe(
      '<h2>Sub</h2><p>A <strong>bold</strong> <em>claim</em> with <a href="https://example.org/x" rel="noopener noreferrer">a source</a>.</p><ul><li>one</li></ul><blockquote><p>quote</p></blockquote>',
    );
  });

  it('keeps the words of unknown tags and drops the code of dangerous ones', () => {
    expect(sanitizeBody('<p><span class="x">kept</span><script>lost()</script></p>')).toBe('<p>kept</p>');
  });

  it('turns a stray h1 into an h2 (one h1 per page: the headline)', () => {
    expect(sanitizeBody('<h1>Title</h1>')).toBe('<h2>Title</h2>');
  });
});

describe('bodyToText', () => {
  it('gives paragraphs as plain text with entities decoded', () => {
    expect(bodyToText('<p>Tom &amp; Jerry &lt;3</p><p>Second&nbsp;line<br>break</p>')).toBe('Tom & Jerry <3\n\nSecond line\nbreak');
    expect(cleanBody('<p>x</p><script>y</script>')).toEqual({ body: '<p>x</p>', bodyText: 'x' });
  });
});

describe('datetime-local in the site zone', async () => {
  const { parseLocalDateTime, toLocalDateTimeInput } = await import('@/lib/articles/schema');
  it('reads wall-clock times in the given zone, across daylight saving', () => {
    expect(parseLocalDateTime('2030-01-15T09:00', 'UTC')?.toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(parseLocalDateTime('2030-01-15T09:00', 'Europe/London')?.toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(parseLocalDateTime('2030-07-15T09:00', 'Europe/London')?.toISOString()).toBe('2030-07-15T08:00:00.000Z');
    expect(parseLocalDateTime('2030-07-15T09:00', 'Asia/Tehran')?.toISOString()).toBe('2030-07-15T05:30:00.000Z');
    expect(parseLocalDateTime('tomorrow', 'UTC')).toBeNull();
    expect(toLocalDateTimeInput('2030-07-15T08:00:00.000Z', 'Europe/London')).toBe('2030-07-15T09:00');
  });
});

// The parser under sanitize-html, as sanitize-html itself loads it. Its open elements live in an array
// it unshifts on every open tag and searches on every close tag: each costs the depth at that moment.
// Summing that depth counts the parser's work without a clock.
type ParserPrototype = { emitOpenTag(name: string): void; onclosetag(start: number, end: number): void };
const requireFromSanitizer = createRequire(createRequire(import.meta.url).resolve('sanitize-html'));
const parser = (requireFromSanitizer('htmlparser2') as { Parser: { prototype: ParserPrototype & { stack: string[] } } }).Parser.prototype;
const originals = { emitOpenTag: parser.emitOpenTag, onclosetag: parser.onclosetag };
let stackWork = 0;
parser.emitOpenTag = function (this: { stack: string[] }, name: string) {
  stackWork += this.stack.length;
  return originals.emitOpenTag.call(this, name);
};
parser.onclosetag = function (this: { stack: string[] }, start: number, end: number) {
  stackWork += this.stack.length;
  return originals.onclosetag.call(this, start, end);
};
afterAll(() => Object.assign(parser, originals));

/** The parser's work sanitising `html` (refused or not), and whether it was refused as too deep. */
function workOf(html: string): { work: number; refused: boolean } {
  stackWork = 0;
  try {
    sanitizeBody(html);
    return { work: stackWork, refused: false };
  } catch (error) {
    if (!(error instanceof BodyNestingError)) throw error;
    return { work: stackWork, refused: true };
  }
}

describe('sanitising is linear in the size of the body', () => {
  const realistic = '<h2>Section</h2><p>Words and <strong>bold <em>and <a href="https://example.org/">linked</a></em></strong> words.</p><ul><li>one</li><li>two <b>three</b></li></ul><blockquote><p>Quoted.</p></blockquote>';
  // Inputs that made the parser's stack deep before the limit, each 200 KB or so.
  const shapes: Record<string, (n: number) => string> = {
    'nested <b>': (n) => '<b>'.repeat(n),
    'nested unknown tags': (n) => '<x-y>'.repeat(n),
    'opens never closed by the wrong close': (n) => '<b></i>'.repeat(n),
    'implied closes that reopen': (n) => '<p><div></p>'.repeat(n),
    'nested lists': (n) => '<ul><li>'.repeat(n),
    '<b/> (not self-closing in HTML)': (n) => '<b/>'.repeat(n),
  };

  it.each(Object.entries(shapes))('refuses %s deeper than the limit, after work bounded by the limit a tag', (_name, shape) => {
    const html = shape(Math.ceil(200_000 / shape(1).length));
    const { work, refused } = workOf(html);
    expect(refused).toBe(true);
    // At most the limit of steps for each tag the parser met before it stopped.
    expect(work).toBeLessThanOrEqual(bodyNestingLimit * (bodyNestingLimit + 10) * 3);
  });

  it('does work in proportion to the size of realistic and flat bodies (ten times the body, ten times the work)', () => {
    for (const unit of [realistic, '<p>x</p>', '<b></b>', 'x<img>', '<span>a</span>']) {
      const small = workOf(unit.repeat(Math.ceil(20_000 / unit.length)));
      const large = workOf(unit.repeat(Math.ceil(200_000 / unit.length)));
      expect([small.refused, large.refused]).toEqual([false, false]);
      expect(large.work, unit).toBeLessThanOrEqual(small.work * 10 + 100);
    }
  });

  it('keeps nesting up to the limit and refuses one more, with a message naming the limit', () => {
    expect(sanitizeBody(`${'<blockquote>'.repeat(bodyNestingLimit)}deep${'</blockquote>'.repeat(bodyNestingLimit)}`)).toContain('deep');
    expect(() => sanitizeBody(`${'<blockquote>'.repeat(bodyNestingLimit + 1)}deeper`)).toThrow(BodyNestingError);
    const parsed = bodySchema.safeParse('<b>'.repeat(30_000));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      `The body nests tags more than ${bodyNestingLimit} deep; flatten it (at most ${bodyNestingLimit} tags inside one another).`,
    ]);
  });
});
