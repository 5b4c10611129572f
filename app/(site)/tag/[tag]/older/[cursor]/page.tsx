import { earlierPagesRoute } from '@/app/(site)/_routes/earlier-pages';

const route = earlierPagesRoute('tag', 'older');

// Rendered on first request, then served from Next's cache until a change to the list expires it.
export function generateStaticParams() {
  return [];
}

export const generateMetadata = route.generateMetadata;
export default route.Page;
