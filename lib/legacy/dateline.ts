// Legacy datelines ("Wed Nov 2, 2016 19:50:06") carry no zone: the old site wrote its own local time
// (config.LEGACY_TIMEZONE, default Asia/Tehran). This turns one into the UTC instant it names.

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pattern = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/;

export type DatelineResult = { ok: true; iso: string } | { ok: false; reason: string };

// Making a formatter costs far more than using one: an import of thousands of files keeps one a zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** Minutes the zone is ahead of UTC at the instant `utcMs`. */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall-clock time in `timeZone` (the earlier one when a clock change repeats it). */
export function zonedTimeToUtc(fields: { year: number; month: number; day: number; hour: number; minute: number; second: number }, timeZone: string): Date {
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  // A second pass settles guesses that landed on the other side of a clock change.
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}

export function parseDateline(text: string, timeZone: string): DatelineResult {
  const match = pattern.exec(text.trim());
  if (!match) return { ok: false, reason: `no dateline: expected a line like "Wed Nov 2, 2016 19:50:06", found "${text.trim().slice(0, 60)}"` };
  const [, weekday, monthName, dayText, yearText, hourText, minuteText, secondText] = match as unknown as string[];
  const year = Number(yearText);
  const month = months.indexOf(monthName as (typeof months)[number]) + 1;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return { ok: false, reason: `impossible dateline date "${monthName} ${day}, ${year}"` };
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `impossible dateline time "${hourText}:${minuteText}:${secondText}"` };
  const actual = weekdays[calendar.getUTCDay()];
  if (actual !== weekday) return { ok: false, reason: `dateline weekday ${weekday} does not match ${monthName} ${day}, ${year} (a ${actual})` };
  return { ok: true, iso: zonedTimeToUtc({ year, month, day, hour, minute, second }, timeZone).toISOString() };
}
