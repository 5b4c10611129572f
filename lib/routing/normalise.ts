// One spelling per public page: lower case, no trailing slash, no doubled slashes. Pure string work,
// run by the proxy on every request; files, media, Next's assets, the API and the admin are left as
// they are (their paths can be case-sensitive or are not for crawlers).

const untouchedPrefixes = ['/_next/', '/api/', '/media/', '/admin', '/placeholder/'];

/** True for paths the normaliser leaves alone. */
export function isExempt(pathname: string): boolean {
  if (untouchedPrefixes.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix))) return true;
  // A file (robots.txt, sitemap.xml, /feeds/rss.xml, favicon.ico): the last segment has an extension.
  const last = pathname.replace(/\/+$/, '').split('/').at(-1) ?? '';
  return /\.[a-z0-9]{1,8}$/i.test(last);
}

/** The canonical spelling of a public path ("/World//Story/" → "/world/story"). */
export function normalisePath(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';
  // Percent-escapes stay as they are (their hex digits may be upper case); everything else is lowered.
  return path.replace(/%[0-9a-f]{2}|[^%]+/gi, (part) => (part.startsWith('%') ? part.toUpperCase() : part.toLowerCase()));
}
