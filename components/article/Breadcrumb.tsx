import { PageLink } from '@/components/site/PageLink';

export type BreadcrumbItem = { name: string; href: string };

export function Breadcrumb({ items, current }: { items: BreadcrumbItem[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-1 text-muted">
        {items.map((item) => (
          <li key={item.href} className="after:ml-1 after:content-['›']">
            <PageLink href={item.href} className="text-ink underline hover:text-accent">
              {item.name}
            </PageLink>
          </li>
        ))}
        <li aria-current="page" className="line-clamp-1 max-w-full">
          {current}
        </li>
      </ol>
    </nav>
  );
}
