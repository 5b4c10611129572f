// The page a reader or an editor gets while the database is not answering and the page asked for is
// not in the cache. Plain HTML made here (the proxy sends it; nothing may render from the database),
// no script, no style: readable as it is, in any browser.
import { config } from '@/lib/config';

/** Seconds a client is told to wait (Retry-After): about how long a database restart takes. */
export const RETRY_AFTER_SECONDS = 10;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function outagePageHtml(newsroom: boolean): string {
  const site = escapeHtml(config.SITE_NAME);
  const detail = newsroom
    ? 'The newsroom cannot open this page until it answers again. Everything saved before is kept; a save tried meanwhile says so and keeps your text.'
    : 'Pages read recently are still served; this one is not among them.';
  return `<!doctype html>
<html lang="${escapeHtml(config.SITE_LANGUAGE)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · ${site}</title>
</head>
<body>
<main>
<h1>${site} is temporarily unavailable</h1>
<p>The database is not answering. ${detail}</p>
<p>Please try again in a minute: <a href="">reload this page</a>.</p>
</main>
</body>
</html>
`;
}

export const OUTAGE_API_MESSAGE = 'The database is not answering; nothing was changed. Try again in a minute.';
