import type { Metadata } from 'next';
import { SiteChrome } from '@/components/site/SiteChrome';
import { NotFoundMessage } from '@/components/site/NotFoundMessage';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

// Every unknown address, and every notFound() of a page, lands here: in the site's own chrome.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}
