import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/site/NotFoundMessage';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

// notFound() from a public page: the (site) layout already draws the reader chrome around this.
// Addresses no route matches at all land on app/not-found.tsx, which draws the chrome itself.
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
