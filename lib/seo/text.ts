// Small text helpers for what crawlers read: descriptions and titles have length limits.

/** Collapses whitespace and cuts at a word boundary, adding an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** ~160 characters: what search results show of a description. */
export const describe = (text: string): string => truncateText(text, 160);

/** Google's headline limit for NewsArticle. */
export const headlineMaxLength = 110;

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/FFFF).
const invalidXmlChars = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with the characters XML cannot hold removed (sitemaps and feeds would not parse otherwise). */
export const xmlSafeText = (text: string): string => text.replace(invalidXmlChars, '');
