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
