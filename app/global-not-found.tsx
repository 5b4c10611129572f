import type { Metadata, Viewport } from 'next';
import { config } from '@/lib/config';
import { SiteChrome } from '@/components/site/SiteChrome';
import { NotFoundMessage } from '@/components/site/NotFoundMessage';
import { documentBodyClass, documentLanguage, documentMetadata, documentViewport } from '@/components/site/document';
import './globals.css';

// Every address no route matches, and every 404 the proxy decides (lib/routing/respond.ts rewrites
// them to such an address): a whole document, because Next renders this in place of the root layout.
// It draws the reader chrome here, once, instead of in the root not-found boundary that every page's
// payload carried (docs/decisions/0033-global-not-found.md).
export const metadata: Metadata = {
  ...documentMetadata,
  title: `Page not found | ${config.SITE_NAME}`,
  robots: { index: false, follow: true },
};

export const viewport: Viewport = documentViewport;

export default function GlobalNotFound() {
  return (
    <html lang={documentLanguage}>
      <body className={documentBodyClass}>
        <SiteChrome>
          <NotFoundMessage />
        </SiteChrome>
      </body>
    </html>
  );
}
