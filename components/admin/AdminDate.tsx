/** A date in the site's zone, for tables: "15 Jan 2030, 09:00". */
export function AdminDate({ iso, timeZone }: { iso: string | null; timeZone: string }) {
  if (!iso) return <span className="text-gray-700">—</span>;
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
