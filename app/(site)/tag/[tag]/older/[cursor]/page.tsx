import { pagedListRoute } from '@/app/(site)/_routes/paged-list';

const route = pagedListRoute('tag', 'older');

// Rendered on first request, then served from Next's cache until a change to the list expires it.
export function generateStaticParams() {
  return [];
}

export const generateMetadata = route.generateMetadata;
export default route.Page;
