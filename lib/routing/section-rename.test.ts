// A section's rename seen by the path resolver: the old front, its pages, its articles' paths answer
// one 301 to the new address, remembered answers are forgotten by the rename's own refresh (chains
// A→B→C included), and readers asking while the rename is saved get the page or the 301, never a 404.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { resolvePublicPath, type PathAnswer } from '@/lib/routing/resolve-path';
import { forgetAllAnswers, resolverStats } from '@/lib/routing/known-answers';
import { carryOutPageRefreshes } from '@/lib/cache/outbox';
import { changeSection } from '@/lib/sections/commands';

const page: PathAnswer = { kind: 'page' };
const missing: PathAnswer = { kind: 'missing' };
const moved = (location: string): PathAnswer => ({ kind: 'moved', location });
const resolve = (path: string) => {
  const url = new URL(path, 'http://localhost');
  return resolvePublicPath('GET', url.pathname, url.search);
};
const actor = { id: null };
const cursor = '1478000000000-12';

/** A rename as the newsroom saves it: the command, then the refresh carried out (as the action does). */
async function rename(id: number, slug: string) {
  await changeSection({ action: 'rename', id, slug }, actor);
  await carryOutPageRefreshes();
}

async function sectionWithStory(name: string, story: string) {
  const { section } = await changeSection({ action: 'create', name }, actor);
  await db.article.create({ data: { slug: story, headline: story, status: 'published', publishedAt: new Date('2026-01-01T00:00:00Z'), sectionId: section.id } });
  await carryOutPageRefreshes();
  return section;
}

beforeAll(async () => {
  await carryOutPageRefreshes();
});
beforeEach(() => forgetAllAnswers());

describe('a renamed section answers at its old address with one 301', () => {
  it('the front, its older/newer pages and every article under it, query strings kept', async () => {
    const section = await sectionWithStory('Weather', 'storm-warning');
    // Remembered before the rename: the next answers must not come from memory.
    expect(await resolve('/weather')).toEqual(page);
    expect(await resolve(`/weather/older/${cursor}`)).toEqual(page);
    expect(await resolve('/weather/storm-warning')).toEqual(page);
    await rename(section.id, 'climate');
    expect(await resolve('/weather')).toEqual(moved('/climate'));
    expect(await resolve('/weather?utm=x')).toEqual(moved('/climate?utm=x'));
    expect(await resolve(`/weather/older/${cursor}`)).toEqual(moved(`/climate/older/${cursor}`));
    expect(await resolve(`/weather/newer/${cursor}`)).toEqual(moved(`/climate/newer/${cursor}`));
    expect(await resolve('/weather/storm-warning')).toEqual(moved('/climate/storm-warning'));
    // A non-canonical spelling of the old address: still one hop.
    expect(await resolve('/Weather/Storm-Warning/')).toEqual(moved('/climate/storm-warning'));
    expect(await resolve('/climate')).toEqual(page);
    expect(await resolve('/climate/storm-warning')).toEqual(page);
    // Under the old address, a story that is not there is still a 404.
    expect(await resolve('/weather/no-such-story')).toEqual(missing);
  });

  it('a chain A→B→C: every old address goes to C in one hop, and B is forgotten as a page', async () => {
    const section = await sectionWithStory('Alpha', 'alpha-story');
    await rename(section.id, 'beta');
    expect(await resolve('/alpha')).toEqual(moved('/beta'));
    expect(await resolve('/beta')).toEqual(page);
    expect(await resolve('/alpha/alpha-story')).toEqual(moved('/beta/alpha-story'));
    expect(await resolve('/beta/alpha-story')).toEqual(page);
    await rename(section.id, 'gamma');
    for (const old of ['alpha', 'beta']) {
      expect(await resolve(`/${old}`)).toEqual(moved('/gamma'));
      expect(await resolve(`/${old}/alpha-story`)).toEqual(moved('/gamma/alpha-story'));
    }
    expect(await resolve('/gamma')).toEqual(page);
    // Back to its first slug: alpha is a page again, beta and gamma lead there.
    await rename(section.id, 'alpha');
    expect(await resolve('/alpha')).toEqual(page);
    expect(await resolve('/alpha/alpha-story')).toEqual(page);
    expect(await resolve('/beta')).toEqual(moved('/alpha'));
    expect(await resolve('/gamma/alpha-story')).toEqual(moved('/alpha/alpha-story'));
  });

  it('answers an old address from memory after the first look-up, until the next rename', async () => {
    const section = await sectionWithStory('Motoring', 'car-news');
    await rename(section.id, 'cars');
    expect(await resolve('/motoring')).toEqual(moved('/cars'));
    const before = resolverStats().lookedUp;
    expect(await resolve(`/motoring/older/${cursor}`)).toEqual(moved(`/cars/older/${cursor}`));
    expect(resolverStats().lookedUp).toBe(before);
  });

  it('a retired section still answers: its front and its articles are pages', async () => {
    const section = await sectionWithStory('Elections 2024', 'results-night');
    await changeSection({ action: 'retire', id: section.id }, actor);
    await carryOutPageRefreshes();
    expect(await resolve('/elections-2024')).toEqual(page);
    expect(await resolve('/elections-2024/results-night')).toEqual(page);
  });
});

describe('readers during a rename', () => {
  it('requests in flight while the rename is saved get the page or the 301, never a 404', async () => {
    const section = await sectionWithStory('Travel', 'city-breaks');
    const answers: PathAnswer[] = [];
    let saving = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (saving) {
        for (const path of ['/travel', '/travel/city-breaks']) answers.push(await resolve(path));
        // Some requests look the path up afresh, as another instance's empty memory would.
        if (answers.length % 3 === 0) forgetAllAnswers();
        // A remembered answer never leaves the microtask queue: let the save's timers and I/O run.
        await new Promise((done) => setImmediate(done));
      }
    });
    await new Promise((done) => setTimeout(done, 30));
    await rename(section.id, 'journeys');
    // A few more rounds after the save.
    await new Promise((done) => setTimeout(done, 30));
    saving = false;
    await Promise.all(readers);
    const kinds = new Set(answers.map((answer) => JSON.stringify(answer)));
    expect([...kinds].every((kind) => [JSON.stringify(page), JSON.stringify(moved('/journeys')), JSON.stringify(moved('/journeys/city-breaks'))].includes(kind))).toBe(true);
    expect(kinds).toContain(JSON.stringify(moved('/journeys')));
    expect(kinds).toContain(JSON.stringify(page));
    expect(answers.length).toBeGreaterThan(8);
  });
});
