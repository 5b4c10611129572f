import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { config } from '@/lib/config';
import { documentBodyClass, documentLanguage, documentMetadata, documentViewport } from '@/components/site/document';
import './globals.css';

export const metadata: Metadata = {
  ...documentMetadata,
  title: { default: config.SITE_NAME, template: `%s | ${config.SITE_NAME}` },
  description: config.SITE_DESCRIPTION,
};

export const viewport: Viewport = documentViewport;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={documentLanguage}>
      <body className={documentBodyClass}>{children}</body>
    </html>
  );
}
