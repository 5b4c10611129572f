import { PageLink } from '@/components/site/PageLink';

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="mt-16 border-t border-rule bg-neutral-100">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-muted">
        <p>
          © {siteName}. Published with Lede, open-source news publishing.
        </p>
        <ul className="flex gap-4">
          <li>
            <PageLink href="/search" className="underline">
              Search
            </PageLink>
          </li>
          <li>
            <a href="/feeds/rss.xml" className="underline">
              RSS
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
