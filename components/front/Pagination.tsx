import { PageLink } from '@/components/site/PageLink';

/** Older/newer links of a keyset-paginated list. Older stories come "next", as in a paper's archive. */
export function Pagination({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Pagination" data-testid="pagination" className="mt-10 flex justify-between border-t border-rule pt-4 font-semibold">
      {newerHref ? (
        <PageLink href={newerHref} rel="prev" className="text-ink underline hover:text-accent">
          ← Newer stories
        </PageLink>
      ) : (
        <span />
      )}
      {olderHref ? (
        <PageLink href={olderHref} rel="next" className="text-ink underline hover:text-accent">
          Older stories →
        </PageLink>
      ) : null}
    </nav>
  );
}
