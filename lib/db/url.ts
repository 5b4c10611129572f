// DATABASE_URL helpers shared by the client and the migrator.
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '').split('?')[0] ?? '';
}
