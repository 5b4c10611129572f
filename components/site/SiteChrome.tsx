import type { ReactNode } from 'react';
import { config } from '@/lib/config';
import { getSectionNav } from '@/lib/sections/queries';
import { getBreakingNews } from '@/lib/articles/breaking';
import { SkipLink } from '@/components/site/SkipLink';
import { SiteHeader } from '@/components/site/SiteHeader';
import { SiteFooter } from '@/components/site/SiteFooter';
import { BreakingBanner } from '@/components/site/BreakingBanner';

/** The reader chrome around every public page, 404 included. It is the one component that loads
 * (navigation and the breaking banner, both from the data cache) because Next's not-found page has no
 * layout of its own to do it. */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const [sections, breaking] = await Promise.all([getSectionNav(), getBreakingNews()]);
  return (
    <>
      <SkipLink />
      {breaking ? <BreakingBanner news={breaking} /> : null}
      <SiteHeader siteName={config.SITE_NAME} sections={sections} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
      <SiteFooter siteName={config.SITE_NAME} />
    </>
  );
}
