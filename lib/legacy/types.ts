// What the legacy parser hands on: one article file of the old site, checked and split into newsroom
// fields. Dates are ISO-8601 UTC strings, like everywhere else in Lede's read model.

export type LegacyMediaKind = 'image' | 'video';

/** One entry of the var_dump'ed related list, in `sort` order. */
export type LegacyRelatedItem = {
  /** The related article's id on the old site (digits, kept as a string). */
  id: string;
  sort: number;
  contentTypeId: string;
  /** The picture's path on the old site: /YYYY/MM/DD/name.jpg|.mp4 */
  pic: string;
  mediaKind: LegacyMediaKind;
  /** When the picture was made: the .NET ticks in its name, else midnight UTC of its folder date. */
  picDate: string;
  /** The title as stored, and split into its own kicker and headline. */
  title: string;
  kicker: string;
  headline: string;
};

export type LegacyArticle = {
  /** Where it came from (a path), for messages. */
  source: string;
  /** First line as stored, and split into kicker and headline. */
  title: string;
  kicker: string;
  headline: string;
  /** The dateline as written, and the instant it names in the legacy time zone. */
  dateline: string;
  publishedAt: string;
  paragraphs: string[];
  /** The outlet named in "...; Press TV reported." ("" when none). */
  sourceCredit: string;
  /** The N of `string(N)`: the related JSON's length in UTF-8 bytes (checked). */
  relatedByteLength: number;
  related: LegacyRelatedItem[];
};

/** A file that does not follow the legacy format. The message reads "path:line: reason". */
export class LegacyFormatError extends Error {
  readonly source: string;
  readonly line: number;
  readonly reason: string;

  constructor(source: string, line: number, reason: string) {
    super(`${source}:${line}: ${reason}`);
    this.name = 'LegacyFormatError';
    this.source = source;
    this.line = line;
    this.reason = reason;
  }
}
