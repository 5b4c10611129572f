const styles: Record<string, string> = {
  draft: 'bg-gray-200 text-gray-900',
  scheduled: 'bg-amber-100 text-amber-900',
  published: 'bg-green-100 text-green-900',
  unpublished: 'bg-red-100 text-red-900',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${styles[status] ?? styles.draft}`}>{status}</span>;
}
