// Scale-out: two `next start` instances on different ports, one PostgreSQL database and one Redis
// key prefix between them (both made for this spec and removed after). An article published through
// instance A — its scheduled time falls due and A's internal due route publishes it and runs
// refreshArticlePages there — is served fresh by instance B within 1 second: the section front and
// home page B had cached, and the article page B had answered 404 for.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient } from '@redis/client';
import { expect, test } from '@playwright/test';
import { startNextServer, waitUntilServing } from '../scripts/support/next-build';
import { createPostgresDatabase, dropPostgresDatabase } from './support/database';
import { distDir, postgresAdminUrl, projectRoot } from './support/environment';
import { freePort } from './support/ports';

const redisUrl = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = crypto.randomBytes(4).toString('hex');
const databaseUrl = (() => {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/lede_e2e_scale_${run}`;
  return url.toString();
})();
const keyPrefix = `lede-e2e-scale-${run}:`;
const secret = crypto.randomBytes(24).toString('base64url');

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const env = (port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: keyPrefix,
  INTERNAL_SECRET: secret,
  SITE_URL: `http://127.0.0.1:${port}`,
  DATABASE_POOL_SIZE: '4',
});

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

test.describe('two instances sharing PostgreSQL and Redis', () => {
  test.describe.configure({ timeout: 180_000 });
  const servers: ChildProcess[] = [];
  let a = '';
  let b = '';

  test.beforeAll(async () => {
    const postgres = new URL(postgresAdminUrl);
    const redis = new URL(redisUrl);
    test.skip(!(await answers(postgres.hostname, Number(postgres.port || 5432))), `no PostgreSQL at ${postgres.host}`);
    test.skip(!(await answers(redis.hostname, Number(redis.port || 6379))), `no Redis at ${redis.host}`);
    test.skip(!fs.existsSync(path.join(projectRoot, distDir, 'BUILD_ID')), `no build in ${distDir} (the e2e harness builds it)`);
    await createPostgresDatabase(databaseUrl);
    await data(['prepare']);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      const server = startNextServer(distDir, port, env(port), 'pipe');
      server.stderr?.on('data', (chunk) => process.stderr.write(`[instance ${port}] ${chunk}`));
      servers.push(server);
      await waitUntilServing(`http://127.0.0.1:${port}/status`, server);
    }
    a = `http://127.0.0.1:${ports[0]}`;
    b = `http://127.0.0.1:${ports[1]}`;
  });

  test.afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)))));
    await dropPostgresDatabase(databaseUrl).catch(() => {});
    const client = createClient({ url: redisUrl });
    await client.connect().catch(() => {});
    if (client.isReady) {
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
      if (keys.length) await client.del(keys);
      await client.close();
    }
  });

  test('a page rendered by one instance is served from the shared cache by the other', async ({ request }) => {
    expect((await request.get(`${a}/politics`)).status()).toBe(200);
    const fromB = await request.get(`${b}/politics`);
    expect(fromB.status()).toBe(200);
    expect(fromB.headers()['x-nextjs-cache']).toBe('HIT');
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

    // Published on A: A's due route flips it and runs refreshArticlePages on A.
    const due = await request.post(`${a}/api/internal/due`, { headers: { 'x-lede-internal': secret } });
    expect(due.status()).toBe(200);
    expect(((await due.json()) as { published: number[] }).published).toContain(scheduled.id);
    const publishedAt = Date.now();

    for (const page of [scheduled.path, '/world', '/']) {
      let seenAfter = -1;
      while (Date.now() - publishedAt <= 1_000) {
        const response = await request.get(`${b}${page}`);
        if (response.status() === 200 && (await response.text()).includes(word)) {
          seenAfter = Date.now() - publishedAt;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(seenAfter, `${page} on B shows the article within 1 s of the publish on A`).toBeGreaterThanOrEqual(0);
    }
  });
});
