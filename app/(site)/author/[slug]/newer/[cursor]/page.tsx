import { authorPageRoute } from '@/app/(site)/_routes/author-page';

const route = authorPageRoute('newer');

// Rendered on first request, then served from Next's cache until a change to the contributor or one
// of their articles expires it (lib/cache/tags.ts: contributor, author).
export function generateStaticParams() {
  return [];
}

export const generateMetadata = route.generateMetadata;
export default route.Page;
