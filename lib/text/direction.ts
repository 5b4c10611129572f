// The writing direction of a language (BCP 47), for `dir` on the article page. The likely script
// decides (Intl.Locale#maximize: 'fa' → Arab, 'dv' → Thaa, 'sd-Deva' → Deva): V8's own textInfo gets
// some wrong on Node 20 ('dv' says ltr) and getTextInfo() only arrives with later Node versions.
export type TextDirection = 'ltr' | 'rtl';

/** Scripts written right to left (ISO 15924). */
const rtlScripts: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi', 'Mend', 'Hung', 'Khar', 'Phnx', 'Avst']);
/** When the runtime cannot tell the script: languages whose usual script is right to left. */
const rtlLanguages: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'ckb', 'yi', 'ji', 'dv', 'sd', 'ug', 'ku-arab', 'arc', 'syr', 'nqo', 'ks', 'pnb', 'mzn', 'glk', 'lrc', 'bal', 'azb']);

type TextInfo = { direction?: string };
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

// Asked several times a render (the article, its header, the site's words on it) with a handful of
// distinct languages: Intl.Locale and maximize() are slow enough to show in a render's profile.
const known = new Map<string, TextDirection>();
const KNOWN_MAX = 1_000;

export function textDirection(language: string): TextDirection {
  const remembered = known.get(language);
  if (remembered) return remembered;
  const direction = directionOf(language);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(language, direction);
  return direction;
}

function directionOf(language: string): TextDirection {
  let locale: LocaleWithTextInfo;
  try {
    locale = new Intl.Locale(language) as LocaleWithTextInfo;
  } catch {
    return 'ltr';
  }
  const script = locale.script ?? locale.maximize().script;
  if (script) return rtlScripts.has(script) ? 'rtl' : 'ltr';
  if (rtlLanguages.has(locale.language.toLowerCase())) return 'rtl';
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}
