import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link between the public site's pages: `next/link` without prefetching. Next would otherwise fetch
 * every linked page as it scrolls into view (11 requests to the app for one home page view), and most
 * readers never follow them; a click is still a client-side navigation of one request
 * (docs/decisions/0025-news-day.md). Since nothing prefetches a public page, Next is edited not to
 * make segment prefetch answers when it renders one (docs/decisions/0036-no-segment-prefetch-data.md).
 */
export function PageLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
