import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { config } from '@/lib/config';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(config.SITE_URL),
  title: { default: config.SITE_NAME, template: `%s | ${config.SITE_NAME}` },
  description: config.SITE_DESCRIPTION,
  icons: { icon: '/favicon.ico' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#a3001b' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={config.SITE_LANGUAGE}>
      <body className="min-h-screen bg-paper font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
