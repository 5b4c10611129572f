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

export function textDirection(language: string): TextDirection {
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
