import type { SectionFront } from '@/lib/articles/queries';
import { sectionPath } from '@/lib/articles/urls';
import { ArticleListPage } from '@/components/front/ArticleListPage';
import { FrontTop } from '@/components/front/FrontTop';

/** A section front's first page: the public page and the newsroom's preview render the same component. */
export function SectionFrontView({ front }: { front: SectionFront }) {
  const [lead, ...top] = front.pinned;
  return (
    <ArticleListPage
      title={front.section.name}
      description={front.section.description}
      basePath={sectionPath(front.section.slug)}
      page={front.page}
      isFirstPage
      retired={front.section.retired}
      top={lead ? <FrontTop lead={lead} top={top} /> : undefined}
    />
  );
}
