// The legacy article format (docs/legacy-format.md): headline (maybe with a kicker) on line 1, the
// dateline, body paragraphs separated by blank lines (the source credit among them), and last the
// var_dump of the related items. Anything else is a LegacyFormatError naming the file and line.
import { articleContentSchema } from '@/lib/articles/schema';
import { maxBodyTextLength } from '@/lib/articles/body/schema';
import { config } from '@/lib/config';
import { paragraphsLength } from '@/lib/legacy/body';
import { parseDateline } from '@/lib/legacy/dateline';
import { splitKicker } from '@/lib/legacy/kicker';
import { parseRelatedVarDump, varDumpStart } from '@/lib/legacy/related';
import { LegacyFormatError, type LegacyArticle } from '@/lib/legacy/types';

export { LegacyFormatError } from '@/lib/legacy/types';
export type { LegacyArticle, LegacyRelatedItem } from '@/lib/legacy/types';

export type ParseOptions = { timeZone?: string };

// The newsroom's own rules for what an article says (lengths, no NUL), so an imported headline is held
// to what an editor's is. The body is paragraphs of plain text: only its length can be wrong.
const legacyContentSchema = articleContentSchema.pick({ kicker: true, headline: true, sourceCredit: true });

// "..., Lavrov expressed hope ... in Syria; Press TV reported." → "Press TV"
const creditPattern = /[;,]\s+((?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){0,4})\s+reported\.?\s*$/;

export function extractSourceCredit(paragraphs: readonly string[]): string {
  for (const paragraph of paragraphs) {
    const match = creditPattern.exec(paragraph);
    if (match) return match[1]!;
  }
  return '';
}

function decode(input: Buffer | string, source: string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
  } catch {
    // Name the line of the first byte that is not UTF-8: decode ever shorter prefixes.
    let good = 0;
    let bad = input.length;
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input.subarray(0, middle));
        good = middle;
      } catch {
        bad = middle;
      }
    }
    // `good` may end inside a valid multi-byte character; count newlines before it.
    let line = 1;
    for (let index = 0; index < good; index += 1) if (input[index] === 0x0a) line += 1;
    throw new LegacyFormatError(source, line, `not UTF-8: byte 0x${input[good]!.toString(16).padStart(2, '0')} at offset ${good}`);
  }
}

export function parseLegacyArticle(input: Buffer | string, source = '<input>', options: ParseOptions = {}): LegacyArticle {
  const fail: (line: number, reason: string) => never = (line, reason) => {
    throw new LegacyFormatError(source, line, reason);
  };
  const lines = decode(input, source).split(/\r?\n/);

  const title = lines[0]?.trim() ?? '';
  if (!title) fail(1, 'no headline on the first line');
  if (varDumpStart.test(title)) fail(1, 'the first line is the related-items var_dump, not a headline');
  const split = splitKicker(title) ?? fail(1, `unknown kicker form in headline "${title.slice(0, 60)}"`);

  let index = 1;
  while (index < lines.length && !lines[index]!.trim()) index += 1;
  if (index >= lines.length) fail(index, 'no dateline: the file ends after the headline');
  const datelineLine = index + 1;
  const dateline = lines[index]!.trim();
  const when = parseDateline(dateline, options.timeZone ?? config.LEGACY_TIMEZONE);
  if (!when.ok) fail(datelineLine, when.reason);

  const dumpIndex = lines.findIndex((line, at) => at > index && varDumpStart.test(line));
  if (dumpIndex < 0) fail(lines.length, 'no related-items var_dump: the last part must be string(N) "[...]"');

  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(index + 1, dumpIndex)) {
    if (line.trim()) current.push(line.trim());
    else if (current.length) (paragraphs.push(current.join(' ')), (current = []));
  }
  if (current.length) paragraphs.push(current.join(' '));

  const sourceCredit = extractSourceCredit(paragraphs);
  // Line number of the body's first line (else the var_dump's), for messages about the body.
  let bodyIndex = index + 1;
  while (bodyIndex < dumpIndex && !lines[bodyIndex]!.trim()) bodyIndex += 1;
  const bodyLine = bodyIndex + 1;
  const content = legacyContentSchema.safeParse({ kicker: split.kicker, headline: split.headline, sourceCredit });
  if (!content.success) {
    const issue = content.error.issues[0]!;
    fail(issue.path[0] === 'sourceCredit' ? bodyLine : 1, `${String(issue.path[0])}: ${issue.message}`);
  }
  const bodyLength = paragraphsLength(paragraphs);
  if (bodyLength > maxBodyTextLength) fail(bodyLine, `body: too long (${bodyLength.toLocaleString('en')} characters of text; ${maxBodyTextLength.toLocaleString('en')} at most)`);

  const related = parseRelatedVarDump(lines.slice(dumpIndex).join('\n'));
  if (!related.ok) fail(dumpIndex + 1, related.reason);

  return {
    source,
    title,
    kicker: split.kicker,
    headline: split.headline,
    dateline,
    publishedAt: when.iso,
    paragraphs,
    sourceCredit,
    relatedByteLength: related.byteLength,
    related: related.items,
  };
}
