import Link from 'next/link';

/** Previous/next page links that keep the other query parameters. */
export function Pager({ page, pageCount, basePath, query }: { page: number; pageCount: number; basePath: string; query: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (target > 1) params.set('page', String(target));
    return `${basePath}${params.size ? `?${params}` : ''}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="text-blue-800 underline">Previous page</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)} className="text-blue-800 underline">Next page</Link> : null}
    </nav>
  );
}
