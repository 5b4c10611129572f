// Scale-out: `next start` instances on different ports, one PostgreSQL database and one Redis between
// them (made for this spec and removed after; the spec runs its own redis-server when the machine has
// one, so it can pause and stop it). What the newsroom changes through one instance is served by the
// others within 1 second, also when the writing instance is killed right after its commit, when Redis
// stalls or restarts, and when Redis is unreachable as an instance starts (pages then render from the
// database instead of waiting). Readers request the pages on both instances all the while.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient } from '@redis/client';
import { expect, test } from '@playwright/test';
import { startNextServer, waitUntilServing } from '../scripts/support/next-build';
import { describeVerdicts, judgeCoherence, startReaders, frontProbes, sitemapProbes, type Change, type Observation } from '../scripts/support/coherence';
import { createPostgresDatabase, dropPostgresDatabase } from './support/database';
import { distDir, postgresAdminUrl, projectRoot } from './support/environment';
import { freePort } from './support/ports';

const run = crypto.randomBytes(4).toString('hex');
const databaseUrl = (() => {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/lede_e2e_scale_${run}`;
  return url.toString();
})();
const keyPrefix = `lede-e2e-scale-${run}:`;
const secret = crypto.randomBytes(24).toString('base64url');
const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// ---- Redis of our own ------------------------------------------------------------------------------
let redisUrl = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: ChildProcess | null = null;
let redisPort = 0;

async function startRedis(): Promise<void> {
  redis = spawn(redisServer, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await answers('127.0.0.1', redisPort)); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}
async function stopRedis(): Promise<void> {
  const process = redis;
  redis = null;
  if (!process || process.exitCode !== null) return;
  const exited = new Promise((resolve) => process.once('exit', resolve));
  process.kill('SIGKILL');
  await exited;
}

// ---- instances ------------------------------------------------------------------------------------
const env = (port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: keyPrefix,
  INTERNAL_SECRET: secret,
  SITE_URL: `http://127.0.0.1:${port}`,
  DATABASE_POOL_SIZE: '4',
  LEDE_LOG_REFRESHES: '1',
  ...extra,
});
const servers: ChildProcess[] = [];

async function startInstance(port: number, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const server = startNextServer(distDir, port, env(port, extra), 'pipe');
  server.stderr?.on('data', (chunk) => process.stderr.write(`[instance ${port}] ${chunk}`));
  // Each refresh an instance carries out, with its delay (LEDE_LOG_REFRESHES below).
  server.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.includes('[cache]')) console.log(`[instance ${port}] ${line}`);
  });
  servers.push(server);
  await waitUntilServing(`http://127.0.0.1:${port}/status`, server);
  return server;
}
const exited = (server: ChildProcess) => new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve)));

function data(args: string[]): Promise<Record<string, unknown>> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join('e2e', 'support', 'scale-out-data.ts'), ...args], {
    cwd: projectRoot,
    env: { ...env(0), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}')) : reject(new Error(`scale-out-data ${args[0]} exited ${code}`))));
  });
}

type Drafts = { drafts: { id: number; path: string }[]; tag: string; section: string; session: string };

/** The newsroom's JSON API, as an editor's tool calls it. Resolves false when the instance died. */
async function command(base: string, session: string, id: number, verb: 'publish' | 'unpublish'): Promise<boolean> {
  try {
    const response = await fetch(`${base}/api/admin/articles/${id}/${verb}`, {
      method: 'POST',
      headers: { origin: base, cookie: `lede_session=${session}`, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(15_000),
    });
    expect(response.status, `${verb} ${id} through ${base}`).toBe(200);
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw error;
    return false;
  }
}

async function cacheStatus(base: string): Promise<{ trusted: boolean; untrusted: number; redisConnected: boolean | null }> {
  const response = await fetch(`${base}/api/internal/cache`, { headers: { 'x-lede-internal': secret } });
  return (await response.json()) as { trusted: boolean; untrusted: number; redisConnected: boolean | null };
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const pageShows = async (url: string, marker: string): Promise<boolean> => {
  const response = await fetch(url);
  return response.status === 200 && (await response.text()).includes(marker);
};

test.describe('instances sharing PostgreSQL and Redis', () => {
  test.describe.configure({ timeout: 300_000 });
  let a = '';
  let b = '';

  test.beforeAll(async () => {
    // Migrating, seeding and starting two servers: minutes when the machine is busy.
    test.setTimeout(240_000);
    const postgres = new URL(postgresAdminUrl);
    test.skip(!(await answers(postgres.hostname, Number(postgres.port || 5432))), `no PostgreSQL at ${postgres.host}`);
    test.skip(!fs.existsSync(path.join(projectRoot, distDir, 'BUILD_ID')), `no build in ${distDir} (the e2e harness builds it)`);
    if (redisServer) {
      redisPort = await freePort();
      redisUrl = `redis://127.0.0.1:${redisPort}`;
      await startRedis();
    }
    const redisAddress = new URL(redisUrl);
    test.skip(!(await answers(redisAddress.hostname, Number(redisAddress.port || 6379))), `no Redis at ${redisAddress.host}`);
    await createPostgresDatabase(databaseUrl);
    await data(['prepare']);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) await startInstance(port);
    a = `http://127.0.0.1:${ports[0]}`;
    b = `http://127.0.0.1:${ports[1]}`;
  });

  test.afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(servers.map(exited));
    await dropPostgresDatabase(databaseUrl).catch(() => {});
    if (redis) await stopRedis();
    else {
      const client = createClient({ url: redisUrl });
      await client.connect().catch(() => {});
      if (client.isReady) {
        const keys: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
        if (keys.length) await client.del(keys);
        await client.close();
      }
    }
  });

  test('a page rendered by one instance is served from the shared cache by the other', async ({ request }) => {
    expect((await request.get(`${a}/politics`)).status()).toBe(200);
    // Next stores a render after its answer has gone: once A itself answers HIT (its cache is Redis),
    // the entry is there for B, which has never rendered this page.
    await waitFor(async () => (await request.get(`${a}/politics`)).headers()['x-nextjs-cache'] === 'HIT', 10_000, 'A caches /politics');
    // A new instance trusts Redis once its outbox poller has read the outbox (docs/decisions/0006).
    await waitFor(async () => (await cacheStatus(b)).trusted, 10_000, 'B trusts Redis');
    const fromB = await request.get(`${b}/politics`);
    expect(fromB.status()).toBe(200);
    expect(fromB.headers()['x-nextjs-cache'], JSON.stringify(await cacheStatus(b))).toBe('HIT');
  });

  test('an article published through A is fresh on B within 1 second', async ({ request }) => {
    const word = `Quokka${crypto.randomBytes(4).toString('hex')}`;
    // B has the front and home cached before the article exists, and answered 404 for its URL.
    for (const page of ['/world', '/']) {
      await request.get(`${b}${page}`);
      const cached = await request.get(`${b}${page}`);
      expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
      expect(await cached.text()).not.toContain(word);
    }
    const scheduled = (await data(['schedule', word, '1500'])) as { id: number; path: string; at: number };
    expect((await request.get(`${b}${scheduled.path}`)).status()).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, scheduled.at - Date.now() + 20)));

    // Published on A: A's due route flips it and carries out its page refresh.
    const due = await request.post(`${a}/api/internal/due`, { headers: { 'x-lede-internal': secret } });
    expect(due.status()).toBe(200);
    expect(((await due.json()) as { published: number[] }).published).toContain(scheduled.id);
    const publishedAt = Date.now();
    for (const page of [scheduled.path, '/world', '/']) {
      const after = await waitFor(() => pageShows(`${b}${page}`, word), 1_000, `${page} on B shows the article`);
      expect(after).toBeLessThanOrEqual(1_000);
    }
    expect(publishedAt).toBeGreaterThan(0);
  });

  test('changes through an instance killed right after each commit reach both others within 1 s, under readers', async () => {
    const word = `Kill${run}`;
    const { drafts, tag, section, session } = (await data(['drafts', word, '5'])) as Drafts;
    const killerPort = await freePort();
    const killer = `http://127.0.0.1:${killerPort}`;
    let current = 0;
    const fronts = frontProbes(section, tag);
    const readers = startReaders({ bases: [a, b], probes: () => [...fronts, ...sitemapProbes(), { kind: 'article', path: drafts[current]!.path }], loops: 6, markerPattern: new RegExp(`${word}n\\d+a`, 'g') });
    const changes: Change[] = [];
    let observations: Observation[] = [];
    try {
      for (const [index, draft] of drafts.entries()) {
        current = index;
        for (const verb of ['publish', 'unpublish'] as const) {
          // The instance that writes dies (SIGKILL) between its commit and its page refresh.
          const server = await startInstance(killerPort, { LEDE_FAULT_KILL_AFTER_COMMIT: '1' });
          const sent = Date.now();
          const answered = await command(killer, session, draft.id, verb);
          expect(answered, 'the writing instance died before answering').toBe(false);
          await exited(server);
          const acknowledged = Date.now();
          expect(server.signalCode).toBe('SIGKILL');
          changes.push({ label: `${verb} #${index}`, markers: [`${word}n${index}a`], articlePath: draft.path, expected: { marker: verb === 'publish' ? `${word}n${index}a` : null }, sent, acknowledged });
          // Held long enough for every page to be read again after the 1 s allowed (renders are slow
          // while three servers, PostgreSQL and the readers share two cores): 2 s, and longer until
          // each page has been asked for on both instances after that second.
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          await readers.waitUntilObservedSince(acknowledged + 1_000, 13_000);
        }
      }
    } finally {
      observations = await readers.stop();
    }
    const { verdicts, figures } = judgeCoherence(changes, observations, 1_000);
    if (process.env.LEDE_COHERENCE_DUMP) fs.writeFileSync(process.env.LEDE_COHERENCE_DUMP, JSON.stringify({ changes, observations }));
    console.log(`[scale-out] ${observations.length} answers; ${figures.map((f) => `${f.kind}: worst ${f.worstMs} ms`).join('; ')}`);
    for (const figure of figures) expect(figure.samples, `${figure.kind} answers judged`).toBeGreaterThanOrEqual(changes.length);
    expect(describeVerdicts(verdicts), 'pages that showed an old state after the 1 s allowed').toBe('');
  });

  test('a section renamed while readers ask both instances: old addresses turn into one 301 within 1 s, never a 404', async () => {
    const word = `Rename${run}`;
    const section = (await data(['section', word])) as { id: number; slug: string; story: string };
    const renamed = `${section.slug}-moved`;
    const paths = { oldFront: `/${section.slug}`, oldStory: `/${section.slug}/${section.story}`, newFront: `/${renamed}`, newStory: `/${renamed}/${section.story}` };
    // Both instances have the section's pages cached and their addresses remembered before the rename.
    for (const base of [a, b]) {
      for (const page of [paths.oldFront, paths.oldStory]) {
        await waitFor(async () => (await fetch(`${base}${page}`)).status === 200, 5_000, `${page} on ${base}`);
        expect((await fetch(`${base}${page}`, { redirect: 'manual' })).status).toBe(200);
      }
    }
    type Answer = { base: string; path: string; start: number; status: number; location: string | null };
    const answers: Answer[] = [];
    let reading = true;
    const reader = async (offset: number) => {
      const probes = Object.values(paths);
      for (let turn = offset; reading; turn += 1) {
        const base = Math.floor(turn / probes.length) % 2 ? a : b;
        const page = probes[turn % probes.length]!;
        const start = Date.now();
        try {
          const response = await fetch(`${base}${page}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
          await response.arrayBuffer();
          answers.push({ base, path: page, start, status: response.status, location: response.headers.get('location') });
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const readers = Array.from({ length: 6 }, (_, index) => reader(index));
    let acknowledged = 0;
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await data(['rename', String(section.id), renamed]);
      acknowledged = Date.now();
      // Until every page has been read on both instances a few times after the 1 s allowed (slow
      // while two servers, PostgreSQL and the readers share two cores).
      const readEnough = () => [a, b].every((base) => Object.values(paths).every((page) => answers.filter((answer) => answer.base === base && answer.path === page && answer.start >= acknowledged + 1_000).length >= 3));
      await waitFor(async () => readEnough(), 60_000, 'every page read three times after the rename').catch(() => {});
    } finally {
      reading = false;
      await Promise.all(readers);
    }
    const moved = (answer: Answer) => answer.status === 301 && new URL(answer.location ?? '', answer.base).pathname === (answer.path === paths.oldFront ? paths.newFront : paths.newStory);
    const wrong = answers.filter((answer) => {
      const old = answer.path === paths.oldFront || answer.path === paths.oldStory;
      // At every moment: the old address is the page or one hop to the new one, never a 404 or a 5xx;
      // the new address, until the rename, is a 404 (the front) or one hop to the story's canonical
      // address (a story asked for under another section's name), and after it the page.
      if (old && !(answer.status === 200 || moved(answer))) return true;
      const toOldStory = answer.status === 301 && answer.path === paths.newStory && new URL(answer.location ?? '', answer.base).pathname === paths.oldStory;
      if (!old && answer.status !== 200 && answer.status !== 404 && !toOldStory) return true;
      // From 1 s after the rename was committed: only the new state, on both instances.
      if (answer.start >= acknowledged + 1_000) return old ? !moved(answer) : answer.status !== 200;
      return false;
    });
    const late = answers.filter((answer) => answer.start >= acknowledged + 1_000);
    console.log(`[scale-out] section rename: ${answers.length} answers, ${late.length} of them from 1 s after the commit`);
    for (const base of [a, b]) for (const page of Object.values(paths)) expect(late.filter((answer) => answer.base === base && answer.path === page).length, `${page} on ${base} read after the 1 s`).toBeGreaterThan(0);
    expect(wrong.slice(0, 10).map((answer) => `${answer.base}${answer.path} at ${answer.start - acknowledged} ms: ${answer.status} ${answer.location ?? ''}`)).toEqual([]);
  });

  test('Redis stalls, then stops and restarts: pages render from the database meanwhile and nothing stale comes back', async () => {
    test.skip(!redis, 'needs a redis-server of its own to pause and stop');
    const word = `Stall${run}`;
    const { drafts, section, session } = (await data(['drafts', word, '2'])) as Drafts;
    const [first, second] = drafts as [{ id: number; path: string }, { id: number; path: string }];
    const front = `/${section}`;
    // Both instances have the front cached, without the article.
    for (const base of [a, b]) {
      await fetch(`${base}${front}`);
      const cached = await fetch(`${base}${front}`);
      expect(cached.headers.get('x-nextjs-cache')).toBe('HIT');
    }

    // Redis stops answering (SIGSTOP: connections stay open, nothing comes back).
    redis!.kill('SIGSTOP');
    try {
      expect(await command(a, session, first.id, 'publish')).toBe(true);
      const published = Date.now();
      const timings: number[] = [];
      for (const base of [a, b]) {
        await waitFor(() => pageShows(`${base}${front}`, `${word}n0a`), 1_000, `${front} on ${base} shows the article while Redis stalls`);
        for (const page of [front, '/', first.path]) {
          const started = Date.now();
          const response = await fetch(`${base}${page}`);
          timings.push(Date.now() - started);
          expect(response.status, `${page} on ${base}`).toBe(200);
          expect(await response.text()).toContain(`${word}n0a`);
        }
      }
      console.log(`[scale-out] Redis stalled: pages answered in ${timings.join(', ')} ms (publish visible ${Date.now() - published} ms after)`);
      expect((await cacheStatus(a)).trusted).toBe(false);
    } finally {
      redis!.kill('SIGCONT');
    }
    // Back: once the pending refresh is carried out in Redis, the cache is trusted and used again,
    // and the entries stored before the stall (without the article) are never served.
    for (const base of [a, b]) await waitFor(async () => (await cacheStatus(base)).trusted, 10_000, `${base} trusts the cache again`);
    for (const base of [a, b]) {
      for (let i = 0; i < 3; i += 1) expect(await pageShows(`${base}${front}`, `${word}n0a`), `${front} on ${base} after the stall`).toBe(true);
      expect((await fetch(`${base}${front}`)).headers.get('x-nextjs-cache')).toBe('HIT');
    }

    // Redis stops for good (its data gone), a change is made meanwhile, then Redis starts again.
    await stopRedis();
    expect(await command(b, session, second.id, 'publish')).toBe(true);
    for (const base of [a, b]) await waitFor(() => pageShows(`${base}${front}`, `${word}n1a`), 1_000, `${front} on ${base} shows the second article while Redis is down`);
    const before = (await cacheStatus(a)).untrusted;
    expect((await fetch(`${a}/`)).status).toBe(200);
    expect((await cacheStatus(a)).untrusted, 'pages are rendered without waiting for Redis').toBeGreaterThan(before);
    await startRedis();
    for (const base of [a, b]) await waitFor(async () => (await cacheStatus(base)).trusted, 10_000, `${base} trusts the restarted Redis`);
    for (const base of [a, b]) {
      expect(await pageShows(`${base}${front}`, `${word}n1a`)).toBe(true);
      await waitFor(async () => (await fetch(`${base}${front}`)).headers.get('x-nextjs-cache') === 'HIT', 5_000, `${front} on ${base} cached again`);
    }
  });

  test('an instance that starts with Redis unreachable serves pages from the database', async () => {
    const port = await freePort();
    const dead = await freePort();
    const server = await startInstance(port, { REDIS_URL: `redis://127.0.0.1:${dead}` });
    const base = `http://127.0.0.1:${port}`;
    const timings: number[] = [];
    for (const page of ['/', '/world', '/politics', '/feeds/rss.xml']) {
      const started = Date.now();
      const response = await fetch(`${base}${page}`);
      timings.push(Date.now() - started);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toMatch(page.startsWith('/feeds') ? /<rss/ : /<h1|<h2/);
    }
    console.log(`[scale-out] Redis unreachable at start: pages answered in ${timings.join(', ')} ms`);
    const status = await cacheStatus(base);
    expect(status).toMatchObject({ trusted: false, redisConnected: false });
    expect(status.untrusted, 'every page read skipped the unreachable cache').toBeGreaterThanOrEqual(4);
    server.kill('SIGTERM');
    await exited(server);
  });
});
