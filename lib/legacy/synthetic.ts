// Writes files in the legacy format: for tests (malformed variants start from a good file) and for
// measuring the importer on a synthetic archive of any size. Not used by the product at run time.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '@/lib/seed/random';

export type LegacyFileInput = {
  title: string;
  /** Wall-clock fields in the legacy time zone. */
  dateline: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  paragraphs: readonly string[];
  related: readonly { id: string; sort: string; pic: string; title: string }[];
};

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

export function formatDateline(d: LegacyFileInput['dateline']): string {
  const weekday = weekdays[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday} ${months[d.month - 1]} ${d.day}, ${d.year} ${two(d.hour)}:${two(d.minute)}:${two(d.second)}`;
}

/** The var_dump line exactly as the old site wrote it (items joined by " ,", a space before "]"). */
export function relatedVarDump(related: LegacyFileInput['related']): string {
  const json = related.length
    ? `[${related.map((item) => JSON.stringify({ id: item.id, sort: item.sort, contenttypeid: '21', pic: item.pic, title: item.title })).join(' ,')} ]`
    : '[]';
  return `string(${Buffer.byteLength(json, 'utf8')}) "${json}"`;
}

export function legacyFileText(input: LegacyFileInput): string {
  return [input.title, '', formatDateline(input.dateline), '', ...input.paragraphs.flatMap((p) => [p, '']), relatedVarDump(input.related)].join('\n');
}

const unixEpochTicks = 621_355_968_000_000_000n;

/** A legacy picture path for an instant: /YYYY/MM/DD/alalam_<ticks>_25f_4x3.ext */
export function legacyPic(at: Date, extension: 'jpg' | 'mp4'): string {
  const ticks = BigInt(at.getTime()) * 10_000n + unixEpochTicks;
  return `/${at.getUTCFullYear()}/${two(at.getUTCMonth() + 1)}/${two(at.getUTCDate())}/alalam_${ticks}_25f_4x3.${extension}`;
}

const words = ['Talks', 'Resume', 'Aid', 'Convoy', 'Reaches', 'Town', 'Council', 'Backs', 'Plan', 'Army', 'Ports', 'Reopen', 'Truce', 'Holds', 'Minister', 'Visits', 'Border', 'Grain', 'Deal', 'Signed'];

/** The picture every file of a synthetic archive shows for article `id` (same id, same picture). */
function picOf(id: number): string {
  const at = new Date(Date.UTC(2016, 0, 1) + (id % 100_000) * 600_000);
  return legacyPic(at, id % 10 === 0 ? 'mp4' : 'jpg');
}

function titleOf(id: number): string {
  const random = seededRandom(id);
  const headline = Array.from({ length: random.int(5, 9) }, () => random.pick(words)).join(' ');
  return `${id % 7 === 0 ? 'VIDEO: ' : ''}${headline} ${id}`;
}

/** One synthetic article: its related items point at other ids of the same archive (earlier and later). */
export function syntheticLegacyArticle(id: number, firstId: number, count: number): string {
  const random = seededRandom(id);
  const at = new Date(Date.UTC(2016, 0, 1) + (id - firstId) * 3_600_000);
  const related = Array.from({ length: random.int(0, 6) }, (_, index) => {
    const target = firstId + random.int(0, count - 1);
    return { id: String(target), sort: String(index + 1), pic: picOf(target), title: titleOf(target) };
  }).filter((item, index, all) => item.id !== String(id) && all.findIndex((other) => other.id === item.id) === index);
  return legacyFileText({
    title: titleOf(id),
    dateline: { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: 7, second: 30 },
    paragraphs: Array.from({ length: random.int(3, 8) }, (_, n) => `Paragraph ${n + 1} of article ${id}: officials said on Wednesday that the plan would go ahead; Press TV reported.`),
    related,
  });
}

/** Writes `count` files (ids firstId...) into folders of a thousand under `dir`. */
export function writeSyntheticArchive(dir: string, count: number, firstId = 2_000_000): void {
  for (let n = 0; n < count; n += 1) {
    const id = firstId + n;
    const folder = path.join(dir, String(Math.floor(n / 1000)).padStart(3, '0'));
    if (n % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${id}.txt`), syntheticLegacyArticle(id, firstId, count));
  }
}
