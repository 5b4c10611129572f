// The old site typed kickers into the title: "VIDEO: ...", "SYRIA VIDEO: ...", "VIDEO : ...".
// A kicker is an all-capitals prefix (words of capitals, digits, & ' ’ -) followed by ": " or " : ".
// A mixed-case prefix is part of the headline ("Syria in Past 24 Hours: Terrorists ...").

export type KickerSplit = { kicker: string; headline: string };

const word = String.raw`[A-Z][A-Z0-9&'’-]*`;
const knownForm = new RegExp(String.raw`^(${word}(?: ${word})*) ?:[ \t]+(\S.*)$`);

// Forms that look like a kicker but were typed some other way: refusing them beats publishing a
// headline that starts with "VIDEO:Russia" or "[VIDEO]".
const unknownForms: readonly RegExp[] = [
  new RegExp(String.raw`^${word}(?: ${word})*(?::(?=\S)|\s{2,}:|\s*::|\s*\|)`),
  /^\[[A-Z][A-Z ]*\]/,
  /^(?:[A-Z]+ )*VIDEO\s*[-–—]\s/,
  /^(?!VIDEO)[Vv][Ii][Dd][Ee][Oo]\s*[:|–—-]/,
];

/** Splits a legacy title; returns null when it carries a kicker in a form this parser does not know. */
export function splitKicker(title: string): KickerSplit | null {
  const trimmed = title.trim();
  const known = knownForm.exec(trimmed);
  if (known) return { kicker: known[1]!, headline: known[2]!.trim() };
  if (unknownForms.some((form) => form.test(trimmed))) return null;
  return { kicker: '', headline: trimmed };
}
