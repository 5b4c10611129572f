// `next build` needs no database. It prerenders the few pages without parameters (the home page, the
// not-found page) only because Next always does; those copies are never served: Lede's page cache
// renders every page from the database on its first request (docs/caching.md). So the loaders those
// pages call answer empty during the build instead of querying a database that may not exist yet
// (docs/deploy.md builds before migrating; a CI machine may have no database at all).
export function duringBuild(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}
