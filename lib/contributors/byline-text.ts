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

// Lower-case words a name may hold ("Ursula von der Leyen", "Omar al Bashir").
const particles = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'y', 'dos', 'das', 'ter', 'ten']);

/** Does `part` read as one person's or agency's name? A few words, no digits, each word capitalised
 * (or in a caseless script, or a particle such as "von"): "Our correspondent" is not one. */
function nameLike(part: string): boolean {
  const words = part.split(/\s+/).filter(Boolean);
  if (!words.length || /\d/.test(part) || words.length > 5) return false;
  return words.every((word, index) => {
    const first = [...word][0]!;
    if (/\p{Lu}/u.test(first) || (/\p{L}/u.test(first) && !/\p{Ll}/u.test(first))) return true;
    return index > 0 && particles.has(word.toLowerCase());
  });
}

const tidy = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The byline's names when every part is one, else null. */
function splitNames(text: string): string[] | null {
  const parts: string[] = [];
  for (const raw of text.split(separator)) {
    const part = raw.trim();
    if (suffixes.test(part) && parts.length) parts[parts.length - 1] += `, ${part}`;
    else parts.push(part);
  }
  return parts.every(nameLike) ? parts : null;
}

export function bylineNames(byline: string): BylineNames {
  const text = tidy(byline).replace(/^by\s+/i, '').replace(/[.;:]+$/, '').trim();
  if (!text) return { names: [], place: null };
  // "… in Cairo" at the end is a place, when what comes before it is a list of names.
  const at = place.exec(text);
  const withoutPlace = at ? splitNames(text.slice(0, at.index).trim()) : null;
  const parts = withoutPlace ?? splitNames(text);
  // One part that is not a name, and the whole is kept as it was written.
  if (!parts) return { names: [text], place: null };
  const names: string[] = [];
  for (const part of parts) if (!names.some((name) => nameKey(name) === nameKey(part))) names.push(part);
  return { names, place: withoutPlace ? at![1]! : null };
}

/** Two spellings of one name: same letters, case and spacing aside. */
export function nameKey(name: string): string {
  return tidy(name).toLocaleLowerCase('und');
}
