// Dates as readers see them: stored and sent in UTC, shown in the site's time zone.
import { config } from '@/lib/config';

const datelineFormat = new Intl.DateTimeFormat(config.SITE_LANGUAGE, {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: config.SITE_TIMEZONE,
});
const zoneFormat = new Intl.DateTimeFormat(config.SITE_LANGUAGE, { timeZone: config.SITE_TIMEZONE, timeZoneName: 'short' });
const dayFormat = new Intl.DateTimeFormat(config.SITE_LANGUAGE, { dateStyle: 'medium', timeZone: config.SITE_TIMEZONE });

/** "2 November 2016 at 16:20 GMT": the full dateline of an article page. */
export function formatDateline(iso: string): string {
  const date = new Date(iso);
  const zone = zoneFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? config.SITE_TIMEZONE;
  return `${datelineFormat.format(date)} ${zone}`;
}

/** "2 Nov 2016": the short date on cards. */
export function formatDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}
