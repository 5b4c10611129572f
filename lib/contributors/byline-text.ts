// Free-text bylines of before contributors ("By Sara Ahmadi and Tom Li", "A, B & C") read as the names
// they list, in order. Conservative on purpose: a byline it cannot read as a plain list of names is
// kept whole as one name (an agency credit, "Staff and agencies"), never guessed at. Pure; tested
// with examples and fast-check (byline-text.test.ts).

export type BylineNames = {
  names: string[];
  /** A place the byline ended with ("… in Cairo"), dropped from the names: the converter counts them. */
  place: string | null;
};

// Name suffixes that follow a comma and belong to the name before it.
const suffixes = /^(jr|sr|ii|iii|iv|phd|md)\.?$/i;
// Separators between names: a comma (Latin or Arabic), "and", "&" (and Persian/Arabic "و").
const separator = /\s*[,،]\s*(?:and\s+|&\s*)?|\s+(?:and|&|و)\s+/iu;
const place = /\s+in\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})$/u;

/** Does `part` read as one person's or agency's name? Starts with a capital (or a caseless script's letter), no digits, a few words. */
function nameLike(part: string): boolean {
  if (!part || /\d/.test(part) || part.split(/\s+/).length > 5) return false;
  const first = [...part][0]!;
  return /\p{Lu}/u.test(first) || (/\p{L}/u.test(first) && !/\p{Ll}/u.test(first));
}

const tidy = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

export function bylineNames(byline: string): BylineNames {
  let text = tidy(byline).replace(/^by\s+/i, '').replace(/[.;:]+$/, '').trim();
  if (!text) return { names: [], place: null };
  let found: string | null = null;
  const at = place.exec(text);
  if (at && nameLike(text.slice(0, at.index).trim())) {
    found = at[1]!;
    text = text.slice(0, at.index).trim();
  }
  const parts: string[] = [];
  for (const raw of text.split(separator)) {
    const part = raw.trim();
    if (suffixes.test(part) && parts.length) parts[parts.length - 1] += `, ${part}`;
    else parts.push(part);
  }
  // One part that is not a name, and the whole is kept as it was written.
  if (!parts.every(nameLike)) return { names: [text], place: found };
  const names: string[] = [];
  for (const part of parts) if (!names.some((name) => nameKey(name) === nameKey(part))) names.push(part);
  return { names, place: found };
}

/** Two spellings of one name: same letters, case and spacing aside. */
export function nameKey(name: string): string {
  return tidy(name).toLocaleLowerCase('und');
}
