import { PageLink } from '@/components/site/PageLink';
import type { BreakingNews } from '@/lib/articles/breaking';

export function BreakingBanner({ news }: { news: BreakingNews }) {
  return (
    <aside aria-label="Breaking news" className="bg-accent text-white" data-testid="breaking-banner">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:text-base">
        <strong className="mr-2 uppercase tracking-wide">Breaking</strong>
        <PageLink href={news.path} className="text-white underline">
          {news.headline}
        </PageLink>
      </p>
    </aside>
  );
}
