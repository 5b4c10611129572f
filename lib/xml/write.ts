// The one place Lede turns stored text into XML (feeds and sitemaps): every character a newsroom
// field may hold comes out either escaped or, when XML 1.0 cannot carry it at all, removed. Element
// and attribute names are always constants of our own code, never data, so only values are escaped.

// Characters XML 1.0 cannot carry even escaped: C0 controls other than tab, LF and CR, lone
// surrogates (the `u` flag sees an unpaired half as a code point of its own), U+FFFE and U+FFFF.
const invalidXmlChars = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with the characters XML cannot hold removed. */
export const xmlSafeText = (text: string): string => text.replace(invalidXmlChars, '');

// A parser turns a raw CR into LF in text, and tab, LF and CR into spaces in attribute values: they
// are written as character references so they come back as they were stored.
const textEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const attributeEscapes: Readonly<Record<string, string>> = { ...textEscapes, '"': '&quot;', "'": '&apos;', '\t': '&#x9;', '\n': '&#xA;' };

/** Any text as XML character data (between tags). */
export const xmlText = (text: string): string => xmlSafeText(text).replace(/[&<>\r]/g, (char) => textEscapes[char]!);

/** Any text as an XML attribute value (inside double quotes). */
export const xmlAttribute = (text: string): string => xmlSafeText(text).replace(/[&<>"'\t\n\r]/g, (char) => attributeEscapes[char]!);

export type XmlAttributes = Readonly<Record<string, string | number | null | undefined>>;

function attributes(list: XmlAttributes | undefined): string {
  let out = '';
  for (const [name, value] of Object.entries(list ?? {})) {
    if (value !== null && value !== undefined) out += ` ${name}="${xmlAttribute(String(value))}"`;
  }
  return out;
}

/** <name attributes>text</name>, the text escaped. */
export const xmlElement = (name: string, text: string, attrs?: XmlAttributes): string => `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;

/** <name attributes/>. */
export const xmlEmptyElement = (name: string, attrs: XmlAttributes): string => `<${name}${attributes(attrs)}/>`;

/** <name attributes>children</name>: the children are XML this module wrote. */
export const xmlParent = (name: string, attrs: XmlAttributes | null, children: readonly string[]): string =>
  `<${name}${attributes(attrs ?? undefined)}>${children.join('')}</${name}>`;

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
