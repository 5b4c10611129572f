// The proxy's 404 gate. Next 16 renders a page's notFound() as an empty HTML shell whose content
// only JavaScript fills in (vercel/next.js#95613, #97000): a reader without JavaScript would see a
// blank page. So a path whose section, tag or article does not exist is rewritten to an address no
// route matches, which Next answers with the prerendered, server-rendered 404 page (status 404); an
// article found under an old slug or another section gets its one 301 here too.
// Known-good paths are remembered for a while so cached pages are served without a query; a
// missing path is never remembered, so a page published a moment ago is found at once.
import { NextResponse, type NextRequest } from 'next/server';
import { legacyIdFromPath } from '@/lib/routing/legacy';
import { publicPathRecord } from '@/lib/routing/public-path';
import { rememberedPaths } from '@/lib/routing/remembered-paths';

const REMEMBER_MS = 30_000;
const MAX_REMEMBERED = 50_000;
// Five segments: deeper than any public route, so no page (and no notFound() shell) answers it.
export const NOT_FOUND_PATH = '/_lede/no/such/page/here';

const gate = rememberedPaths;

function remember(path: string, now: number): void {
  if (gate.known.size >= MAX_REMEMBERED) {
    // Drop the oldest tenth (a Map keeps insertion order): cheap, and a dropped entry costs one query.
    let drop = Math.ceil(MAX_REMEMBERED / 10);
    for (const key of gate.known.keys()) {
      gate.known.delete(key);
      if (--drop === 0) break;
    }
  }
  gate.known.set(path, now + REMEMBER_MS);
}

const notFound = (request: NextRequest) => NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));

/** Runs after routeRedirect, so a legacy URL still here had no article to go to. */
export async function notFoundGate(request: NextRequest, now: number = Date.now()): Promise<NextResponse | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const path = request.nextUrl.pathname;
  if (legacyIdFromPath(path)) return notFound(request);
  const record = publicPathRecord(path);
  if (!record) return null;
  const until = gate.known.get(path);
  if (until !== undefined && until > now) return null;
  const { resolvePublicRecord } = await import('@/lib/articles/existence');
  const generation = gate.generation;
  const state = await resolvePublicRecord(record);
  if (state.kind === 'page') {
    // A refresh came while the database was read: the answer may predate it, so it is not kept.
    if (generation === gate.generation) remember(path, now);
    return null;
  }
  gate.known.delete(path);
  if (state.kind === 'moved') return NextResponse.redirect(new URL(state.path, request.nextUrl.origin), 301);
  return notFound(request);
}
