import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LegacyFormatError, parseLegacyArticle } from '@/lib/legacy/parser';

const fixturePath = path.join(process.cwd(), 'prisma/legacy/lavrov-syria-2016-11-02.txt');
const fixture = fs.readFileSync(fixturePath);
const text = fixture.toString('utf8');

function failure(input: Buffer | string, options?: { timeZone?: string }): LegacyFormatError {
  try {
    parseLegacyArticle(input, 'archive/1880400.txt', options);
  } catch (error) {
    if (error instanceof LegacyFormatError) return error;
    throw error;
  }
  throw new Error('expected a LegacyFormatError');
}

/** Rewrites the var_dump with a JSON string and its true byte length. */
function withRelated(json: string): string {
  return text.replace(/string\(\d+\) "[\s\S]*"$/, `string(${Buffer.byteLength(json)}) "${json}"`);
}

describe('parseLegacyArticle on the real legacy file', () => {
  const article = parseLegacyArticle(fixture, fixturePath, { timeZone: 'Asia/Tehran' });

  it('splits the kicker from the headline', () => {
    expect(article.title).toBe("VIDEO: Russia Seeks 'Honest' Cooperation in Syria: Lavrov");
    expect(article.kicker).toBe('VIDEO');
    expect(article.headline).toBe("Russia Seeks 'Honest' Cooperation in Syria: Lavrov");
  });

  it('reads the dateline in the legacy time zone (Tehran, UTC+3:30 in November 2016)', () => {
    expect(article.dateline).toBe('Wed Nov 2, 2016 19:50:06');
    expect(article.publishedAt).toBe('2016-11-02T16:20:06.000Z');
    expect(parseLegacyArticle(fixture, fixturePath, { timeZone: 'UTC' }).publishedAt).toBe('2016-11-02T19:50:06.000Z');
    // Summer time: Tehran was UTC+4:30 on 1 July 2016.
    const summer = text.replace('Wed Nov 2, 2016 19:50:06', 'Fri Jul 1, 2016 12:00:00');
    expect(parseLegacyArticle(summer, 'x', { timeZone: 'Asia/Tehran' }).publishedAt).toBe('2016-07-01T07:30:00.000Z');
  });

  it('keeps the nine body paragraphs in order, with the source credit among them', () => {
    expect(article.paragraphs).toHaveLength(9);
    expect(article.paragraphs[0]).toMatch(/^Russian Foreign Minister Sergei Lavrov has said Wednesday/);
    expect(article.paragraphs[1]).toMatch(/in Syria; Press TV reported\.$/);
    expect(article.paragraphs[8]).toBe(`The Russian foreign minister also accused the United States of repeatedly "withdrawing" from peace efforts in Syria's battered Aleppo.`);
    expect(article.paragraphs.join('\n')).not.toContain('string(');
    expect(article.sourceCredit).toBe('Press TV');
  });

  it('checks the byte length (1147 UTF-8 bytes, more than its characters)', () => {
    expect(article.relatedByteLength).toBe(1147);
    const json = /string\(1147\) "([\s\S]*)"$/.exec(text)![1]!;
    expect(json.length).toBeLessThan(1147);
    expect(Buffer.byteLength(json)).toBe(1147);
  });

  it('gives the six related items in sort order with kickers, kinds and dates', () => {
    expect(article.related.map((item) => [item.id, item.sort, item.kicker, item.headline, item.mediaKind])).toEqual([
      ['1879845', 3656025, '', 'Russia, NATO Will Hold Parallel Military Drills in Balkan', 'image'],
      ['1879918', 3656026, 'SYRIA VIDEO', "Army Inflicts Great Loss on Terrorists in Clashes in Northern Dara'a", 'video'],
      ['1879987', 3656027, '', 'FBI Sees No Relation between Trump, Russia’s Putin: Report', 'image'],
      ['1880272', 3656028, '', 'Russia Declares 10 Hours Truce in Aleppo for Humanitarian Aid on Friday', 'image'],
      ['1880287', 3656029, '', "Syria in Past 24 Hours: Terrorists in Damascus Receive Army's Ultimatum", 'image'],
      ['1880388', 3656030, 'VIDEO', '200,000 Migrants are Suffering in Syria and Iraq', 'image'],
    ]);
    expect(article.related[0]).toMatchObject({
      contentTypeId: '21',
      pic: '/2016/11/01/alalam_636135849798379447_25f_4x3.jpg',
      title: 'Russia, NATO Will Hold Parallel Military Drills in Balkan',
      // 636135849798379447 ticks = 2016-11-01T08:16:19.837Z
      picDate: '2016-11-01T08:16:19.837Z',
    });
    expect(article.related[1]!.pic).toBe('/2016/11/01/alalam_636135952272091613_25f_4x3.mp4');
    expect(article.related[5]!.title).toBe('VIDEO : 200,000 Migrants are Suffering in Syria and Iraq');
    for (const item of article.related) expect(item.picDate.slice(0, 10).replaceAll('-', '/')).toBe(item.pic.slice(1, 11));
  });

  it('sorts by sort, not by file order', () => {
    const items = JSON.parse(/string\(1147\) "([\s\S]*)"$/.exec(text)![1]!) as unknown[];
    const reversed = parseLegacyArticle(withRelated(JSON.stringify([...items].reverse())), 'x');
    expect(reversed.related.map((item) => item.id)).toEqual(article.related.map((item) => item.id));
  });

  it('reads a string the same as a Buffer, CRLF line endings and a BOM too', () => {
    expect(parseLegacyArticle(text, fixturePath)).toEqual(article);
    const crlf = `\uFEFF${text.replaceAll('\n', '\r\n')}`;
    expect(parseLegacyArticle(Buffer.from(crlf), fixturePath)).toEqual(article);
  });

  it('accepts an empty related list', () => {
    expect(parseLegacyArticle(withRelated('[]'), 'x').related).toEqual([]);
  });
});

describe('parseLegacyArticle on malformed files', () => {
  it('names the source, line and reason in the message', () => {
    const error = failure(text.replace('Wed Nov 2, 2016 19:50:06', 'Yesterday evening'));
    expect(error.source).toBe('archive/1880400.txt');
    expect(error.line).toBe(3);
    expect(error.reason).toBe('no dateline: expected a line like "Wed Nov 2, 2016 19:50:06", found "Yesterday evening"');
    expect(error.message).toBe(`archive/1880400.txt:3: ${error.reason}`);
  });

  it('refuses a file without a dateline at all', () => {
    const error = failure('VIDEO: Only a headline\n\n');
    expect([error.line, error.reason]).toEqual([3, 'no dateline: the file ends after the headline']);
  });

  it('refuses an impossible date and a weekday that does not match', () => {
    expect(failure(text.replace('Wed Nov 2, 2016', 'Wed Feb 30, 2016')).reason).toBe('impossible dateline date "Feb 30, 2016"');
    expect(failure(text.replace('Wed Nov 2, 2016', 'Tue Nov 2, 2016')).reason).toBe('dateline weekday Tue does not match Nov 2, 2016 (a Wed)');
    expect(failure(text.replace('19:50:06', '25:50:06')).reason).toBe('impossible dateline time "25:50:06"');
  });

  it('refuses an empty first line', () => {
    expect(failure(`\n${text}`)).toMatchObject({ line: 1, reason: 'no headline on the first line' });
  });

  it('refuses broken JSON', () => {
    const error = failure(withRelated('[{"id":"1879845","sort":"1",'));
    expect(error.line).toBe(23);
    expect(error.reason).toMatch(/^related items: broken JSON: /);
  });

  it('refuses a byte length that counts characters instead of UTF-8 bytes', () => {
    const json = /string\(1147\) "([\s\S]*)"$/.exec(text)![1]!;
    const error = failure(text.replace('string(1147)', `string(${json.length})`));
    expect(error.line).toBe(23);
    expect(error.reason).toBe(`related items: byte length does not match: string(${json.length}) but the JSON is 1147 UTF-8 bytes`);
  });

  it('refuses a file without the var_dump, and an unterminated one', () => {
    const bare = text.slice(0, text.indexOf('string('));
    expect(failure(bare).reason).toBe('no related-items var_dump: the last part must be string(N) "[...]"');
    expect(failure(text.replace(/"$/, '')).reason).toBe('related items: expected string(N) "[...]" with a closing quote');
  });

  it('refuses related items with missing or malformed fields', () => {
    expect(failure(withRelated('{"id":"1"}')).reason).toBe('related items: the JSON is not a list');
    expect(failure(withRelated('[{"id":"12a","sort":"1","contenttypeid":"21","pic":"/2016/11/01/a.jpg","title":"T"}]')).reason).toBe(
      'related item 1: id must be a string of digits',
    );
    expect(failure(withRelated('[{"id":"1","sort":"1","contenttypeid":"21","pic":"/tmp/a.gif","title":"T"}]')).reason).toBe(
      'related item 1: pic must be a path like /YYYY/MM/DD/name.jpg or .mp4',
    );
    expect(failure(withRelated('[{"id":"1","sort":"1","contenttypeid":"21","pic":"/2016/11/01/a.jpg"}]')).reason).toMatch(/^related item 1: title /);
    const twice = '{"id":"1","sort":"1","contenttypeid":"21","pic":"/2016/11/01/a.jpg","title":"T"}';
    expect(failure(withRelated(`[${twice},${twice}]`)).reason).toBe('related items: the same id appears twice');
  });

  it('refuses kicker forms it does not know, in the headline and in related titles', () => {
    for (const bad of ['VIDEO:Russia Seeks Cooperation', 'VIDEO  : Russia Seeks', 'VIDEO:: Russia Seeks', '[VIDEO] Russia Seeks', 'VIDEO | Russia', 'VIDEO - Russia', 'Video: Russia Seeks']) {
      const error = failure(text.replace(/^.*\n/, `${bad}\n`));
      expect(error.line, bad).toBe(1);
      expect(error.reason).toBe(`unknown kicker form in headline "${bad}"`);
    }
    const error = failure(withRelated('[{"id":"1","sort":"1","contenttypeid":"21","pic":"/2016/11/01/a.jpg","title":"VIDEO:Army"}]'));
    expect([error.line, error.reason]).toEqual([23, 'related item 1: unknown kicker form in title "VIDEO:Army"']);
  });

  it('still reads headlines whose colon is not a kicker', () => {
    for (const [title, kicker, headline] of [
      ['Syria in Past 24 Hours: Terrorists Receive Ultimatum', '', 'Syria in Past 24 Hours: Terrorists Receive Ultimatum'],
      ['FBI Sees No Relation: Report', '', 'FBI Sees No Relation: Report'],
      ['NATO-led Drills Begin', '', 'NATO-led Drills Begin'],
      ['US - Russia Talks Resume', '', 'US - Russia Talks Resume'],
      ['COVID-19 UPDATE: Cases Fall', 'COVID-19 UPDATE', 'Cases Fall'],
    ]) {
      const article = parseLegacyArticle(text.replace(/^.*\n/, `${title}\n`), 'x');
      expect([article.kicker, article.headline]).toEqual([kicker, headline]);
    }
  });

  it('refuses bytes that are not UTF-8, naming their line', () => {
    const latin1 = Buffer.from(text.replace('Moscow’s', 'Moscow\u2019s'), 'utf8');
    const at = latin1.indexOf(Buffer.from('Moscow'));
    const broken = Buffer.concat([latin1.subarray(0, at), Buffer.from([0x4d, 0x6f, 0x73, 0x63, 0x6f, 0x77, 0x92]), latin1.subarray(at + 9)]);
    const error = failure(broken);
    expect(error.line).toBe(7);
    expect(error.reason).toMatch(/^not UTF-8: byte 0x92 at offset \d+$/);
  });
});
