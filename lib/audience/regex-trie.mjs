// @ts-check
// isbot's list as one alternation costs nginx 15–18 µs a user agent (PCRE2 with JIT, a browser's user
// agent of 120 characters: pcre2test -t): at every position of the string PCRE tries each of its 206
// alternatives in turn. The same language, rewritten so that each alternative begins with a literal
// character and alternatives sharing a literal start share one branch (a trie of their literal
// prefixes), costs 2.3–2.7 µs: at each position one branch per distinct first character is tried
// (docs/decisions/0022-audience-counts.md, "The bots map's cost"). No library writes such a regex from
// other regexes (regexgen and its kin take literal strings), so this does it, for the few shapes
// isbot's list has, and leaves any other alternative exactly as it was.
//
// Every rewrite keeps whether a string matches (not where): the map only asks "is it a bot".
// nginx-bots.test.ts checks that on real user agents and on random strings.

const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);
const QUANTIFIER = new Set([...'?*+{']);

/**
 * Walks a pattern from `from`, skipping escapes and the insides of character classes, and calls
 * `visit` with each other character, its index and the group depth after it; stops when `visit`
 * returns true. The one reading of a pattern's structure that the functions below share.
 * @param {string} pattern @param {number} from @param {(char: string, index: number, depth: number) => boolean | void} visit
 */
function walkStructure(pattern, from, visit) {
  let depth = 0;
  let inClass = false;
  for (let index = from; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '\\') {
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    if (visit(char, index, depth)) return;
  }
}

/**
 * The top-level alternatives of a pattern (a `|` outside groups and classes).
 * @param {string} pattern @returns {string[]}
 */
export function splitAlternatives(pattern) {
  /** @type {string[]} */
  const alternatives = [];
  let start = 0;
  walkStructure(pattern, 0, (char, index, depth) => {
    if (char !== '|' || depth !== 0) return;
    alternatives.push(pattern.slice(start, index));
    start = index + 1;
  });
  alternatives.push(pattern.slice(start));
  return alternatives;
}

/**
 * The first token of a pattern when it is one literal character not followed by a quantifier:
 * `{ char, length }` (its spelling's length: 2 for an escaped punctuation mark), else null.
 * @param {string} pattern
 */
function literalAt(pattern) {
  const first = pattern[0];
  if (first === undefined) return null;
  /** @type {{ char: string, length: number }} */
  let literal;
  if (first === '\\') {
    const next = pattern[1];
    if (next === undefined || /[A-Za-z0-9]/.test(next)) return null; // \b, \w, \d, \s…: not a literal
    literal = { char: next, length: 2 };
  } else {
    if (SPECIAL.has(first)) return null;
    literal = { char: first, length: 1 };
  }
  if (QUANTIFIER.has(pattern[literal.length] ?? '')) return null;
  return literal;
}

/** The end of the group that starts at `open` (its `)`), classes and escapes skipped; -1 if none. */
function groupEnd(/** @type {string} */ pattern, /** @type {number} */ open) {
  let end = -1;
  walkStructure(pattern, open, (char, index, depth) => {
    if (char !== ')' || depth !== 0) return false;
    end = index;
    return true;
  });
  return end;
}

/**
 * One alternative rewritten to begin with a literal character where it began with an assertion:
 * - `(?<!A|B)c…` → `c(?<!Ac|Bc)…` (c literal: the lookbehind moves past it and takes it along);
 * - `(?:^|[^g])c…` → the same as `(?<!g)c…` (whether it matches, not where), then as above;
 * - `\bc…` (c a letter or digit) → `c(?<!\wc)…`;
 * - `\b\w+x…` (x literal, not a word character) → `x(?<=\wx)…`.
 * Anything else is returned as it was.
 * @param {string} alternative
 */
export function leadWithLiteral(alternative) {
  const notAfter = /^\(\?:\^\|\[\^([A-Za-z0-9])\]\)/.exec(alternative);
  if (notAfter) return leadWithLiteral(`(?<!${notAfter[1]})${alternative.slice(notAfter[0].length)}`);
  if (alternative.startsWith('(?<!')) {
    const end = groupEnd(alternative, 0);
    if (end < 0) return alternative;
    const after = alternative.slice(end + 1);
    const literal = literalAt(after);
    if (!literal || after.startsWith('(')) return alternative;
    const spelled = after.slice(0, literal.length);
    const behind = splitAlternatives(alternative.slice(4, end)).map((branch) => branch + spelled);
    return `${spelled}(?<!${behind.join('|')})${after.slice(literal.length)}`;
  }
  const wordStart = /^\\b([A-Za-z0-9])/.exec(alternative);
  const wordChar = wordStart?.[1];
  if (wordChar && !QUANTIFIER.has(alternative[3] ?? '')) return `${wordChar}(?<!\\w${wordChar})${alternative.slice(3)}`;
  if (alternative.startsWith('\\b\\w+')) {
    const after = alternative.slice(5);
    const literal = literalAt(after);
    if (literal && !/\w/.test(literal.char)) {
      const spelled = after.slice(0, literal.length);
      return `${spelled}(?<=\\w${spelled})${after.slice(literal.length)}`;
    }
  }
  return alternative;
}

/**
 * An alternative's literal prefix (characters, lower-cased: the map is case-insensitive, and so must be
 * any pattern given here) and the rest.
 * @param {string} alternative @returns {{ prefix: string[], spelled: string[], rest: string }}
 */
function literalPrefix(alternative) {
  /** @type {string[]} */
  const prefix = [];
  /** @type {string[]} */
  const spelled = [];
  let rest = alternative;
  for (let literal = literalAt(rest); literal; literal = literalAt(rest)) {
    prefix.push(literal.char.toLowerCase());
    spelled.push(rest.slice(0, literal.length).toLowerCase());
    rest = rest.slice(literal.length);
  }
  return { prefix, spelled, rest };
}

/**
 * @typedef {{ prefix: string[], spelled: string[], rest: string }} Entry
 * @param {Entry[]} entries @returns {string}
 */
function trie(entries) {
  // An entry that ends here with nothing left matches already: the others add nothing.
  if (entries.some((entry) => entry.prefix.length === 0 && entry.rest === '')) return '';
  const parts = entries.filter((entry) => entry.prefix.length === 0).map((entry) => entry.rest);
  /** @type {Map<string, { spelled: string, entries: Entry[] }>} */
  const branches = new Map();
  for (const { prefix: [key, ...prefix], spelled: [spelled = '', ...spellings], rest } of entries) {
    if (key === undefined) continue;
    const branch = branches.get(key) ?? { spelled, entries: [] };
    branch.entries.push({ prefix, spelled: spellings, rest });
    branches.set(key, branch);
  }
  for (const [, branch] of [...branches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) parts.push(branch.spelled + trie(branch.entries));
  return parts.length === 1 ? (parts[0] ?? '') : `(?:${parts.join('|')})`;
}

/**
 * A case-insensitive alternation rewritten as a trie of literal prefixes, with the alternatives
 * anchored at the start (`^…`) in one branch of their own: the same strings match.
 * @param {string} pattern
 */
export function alternationAsTrie(pattern) {
  const alternatives = splitAlternatives(pattern);
  const anchored = alternatives.filter((alternative) => alternative.startsWith('^')).map((alternative) => literalPrefix(alternative.slice(1)));
  const floating = alternatives.filter((alternative) => !alternative.startsWith('^')).map((alternative) => literalPrefix(leadWithLiteral(alternative)));
  const parts = [];
  if (floating.length) parts.push(stripGroup(trie(floating)));
  if (anchored.length) parts.push(`^${wrap(trie(anchored))}`);
  return parts.join('|');
}

/** `(?:a|b)` at the top level is `a|b`. */
function stripGroup(/** @type {string} */ pattern) {
  return pattern.startsWith('(?:') && groupEnd(pattern, 0) === pattern.length - 1 ? pattern.slice(3, -1) : pattern;
}

/** A part after `^` needs its own group when it is an alternation. */
function wrap(/** @type {string} */ pattern) {
  return splitAlternatives(pattern).length > 1 ? `(?:${pattern})` : pattern;
}
