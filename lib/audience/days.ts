// The start of "today" in a time zone, as an instant: the dashboard's "today" is the site's day
// (SITE_TIMEZONE), not UTC's. Views are counted in UTC hours, so in a zone whose offset is not whole
// hours (Asia/Tehran, +03:30) "today" starts with the UTC hour that holds local midnight.

function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (at.getTime() - at.getMilliseconds());
}

export function startOfDayIn(timeZone: string, now: Date = new Date()): Date {
  const local = new Date(now.getTime() + offsetMs(timeZone, now));
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight itself (a daylight-saving change during the day moves it).
  const guess = midnightAsUtc - offsetMs(timeZone, new Date(midnightAsUtc - offsetMs(timeZone, now)));
  return new Date(guess);
}
