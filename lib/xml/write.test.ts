import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { xmlAttribute, xmlElement, xmlEmptyElement, xmlParent, xmlSafeText, xmlText } from '@/lib/xml/write';

/** The text and attributes of the one element a strict parser reads from `xml`. */
function readBack(xml: string): { text: string; attributes: Record<string, string> } {
  const parser = new SaxesParser();
  let text = '';
  let attributes: Record<string, string> = {};
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => void (attributes = tag.attributes as Record<string, string>));
  parser.on('text', (chunk) => void (text += chunk));
  parser.write(xml).close();
  return { text, attributes };
}

describe('the XML writer', () => {
  it('removes exactly the characters XML 1.0 cannot carry', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
    expect(xmlSafeText(controls)).toBe('\t\n\r');
    expect(xmlSafeText('a\uFFFEb\uFFFFc\uFFFDd')).toBe('abc\uFFFDd');
    expect(xmlSafeText('lone \uD800 high, \uDC00 low, pair \uD83D\uDCA9')).toBe('lone  high,  low, pair \uD83D\uDCA9');
    expect(xmlSafeText('\u007F\u0085\u00A0 kept')).toBe('\u007F\u0085\u00A0 kept');
  });

  it('escapes markup, and the whitespace a parser would otherwise change', () => {
    expect(xmlText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(xmlText('"quoted" \'single\'')).toBe('"quoted" \'single\'');
    expect(xmlText('cr\rlf\ntab\t')).toBe('cr&#xD;lf\ntab\t');
    expect(xmlText('&amp; stays literal')).toBe('&amp;amp; stays literal');
    expect(xmlAttribute('<"\'&>\t\n\r')).toBe('&lt;&quot;&apos;&amp;&gt;&#x9;&#xA;&#xD;');
  });

  it('gives back every string as stored, in text and in attributes', () => {
    const samples = ['plain', 'a<b>c</b>', 'x ]]> y', '&lt;&#60;', 'crlf\r\n lf\n cr\r tab\t', '  spaced  ', 'emoji 💩 ﷽', `${'é'.repeat(3)}\u0000\u0001`];
    for (const sample of samples) {
      const xml = xmlEmptyElement('category', { label: sample });
      expect(readBack(xml).attributes.label).toBe(xmlSafeText(sample));
      expect(readBack(xmlElement('title', sample, { type: 'text' })).text).toBe(xmlSafeText(sample));
    }
  });

  it('leaves out attributes with no value and nests children as written', () => {
    expect(xmlEmptyElement('link', { rel: 'self', href: 'https://x.example/?a=1&b=2', title: undefined, length: 0 })).toBe(
      '<link rel="self" href="https://x.example/?a=1&amp;b=2" length="0"/>',
    );
    expect(xmlParent('author', null, [xmlElement('name', 'Sam & Co')])).toBe('<author><name>Sam &amp; Co</name></author>');
  });
});
