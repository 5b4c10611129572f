// Where a link in a body goes: the site itself, or elsewhere. Links elsewhere get
// rel="noopener noreferrer" on the page and in feeds (no window.opener, no Referer to third parties).
import { config } from '@/lib/config';

/** True for an http(s) link to another origin than SITE_URL's; mailto: and the site's own are not. */
export function isExternalHref(href: string): boolean {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.origin !== new URL(config.SITE_URL).origin;
  } catch {
    return true;
  }
}
