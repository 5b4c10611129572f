import type { Metadata, Viewport } from 'next';
import { config } from '@/lib/config';

// What every HTML document Lede serves shares: the root layout (app/layout.tsx) and the 404
// document (app/global-not-found.tsx), which Next renders in place of that layout.

export const documentLanguage = config.SITE_LANGUAGE;

export const documentBodyClass = 'min-h-screen bg-paper font-sans text-ink antialiased';

export const documentViewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#a3001b' };

/** Where relative metadata URLs resolve, and the icon. */
export const documentMetadata: Metadata = {
  metadataBase: new URL(config.SITE_URL),
  icons: { icon: '/favicon.ico' },
};
