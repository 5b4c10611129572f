import { formatDateline } from '@/lib/format/dates';

/** The time in UTC for machines, in the site's time zone for readers. */
export function Dateline({ publishedAt, modifiedAt }: { publishedAt: string; modifiedAt: string }) {
  const updated = Date.parse(modifiedAt) - Date.parse(publishedAt) > 60_000;
  return (
    <p className="text-sm text-muted" data-testid="dateline">
      <time dateTime={publishedAt}>{formatDateline(publishedAt)}</time>
      {updated ? (
        <>
          <span aria-hidden="true"> · </span>
          Updated <time dateTime={modifiedAt}>{formatDateline(modifiedAt)}</time>
        </>
      ) : null}
    </p>
  );
}
