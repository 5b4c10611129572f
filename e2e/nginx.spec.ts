// deploy/nginx.conf, run for real in front of the e2e server: nginx (Debian's package) on a free
// loopback port with its cache in a temporary folder. What the config promises, read off the
// X-Cache-Status header: public pages micro-cached (MISS, then HIT), served stale while one request
// renews them, the view beacon is neither cached nor logged, per-reader answers (Cache-Control private/no-store) never stored, /admin (previews
// included) never cached.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { db } from '@/lib/db/client';
import { baseURL, projectRoot } from './support/environment';
import { freePort } from './support/ports';

function findNginx(): string | null {
  for (const candidate of [process.env.LEDE_NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  // Like the browser: install Debian's package when this run may (root with apt), else skip.
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['install', '-y', '-q', 'nginx-light'], { stdio: 'ignore', timeout: 240_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (fs.existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  }
  return null;
}

/** The shipped config with this run's port, upstream and cache folder: nothing else changed. */
function configFor(shipped: string, port: number, upstream: string, cacheDir: string): string {
  const replaced = shipped
    .replace(/^\s*listen 80;$/m, `    listen 127.0.0.1:${port};`)
    .replace(/upstream lede_app \{[\s\S]*?keepalive 32;\n\}/, `upstream lede_app {\n    server ${upstream};\n    keepalive 32;\n}`)
    .replace('/var/cache/nginx/lede', cacheDir);
  if (replaced.includes('listen 80;') || replaced.includes('/var/cache/nginx') || !replaced.includes(upstream)) {
    throw new Error('deploy/nginx.conf no longer has the lines this test adapts (listen 80, the upstream block, the cache path)');
  }
  return replaced;
}

test.describe('deploy/nginx.conf in front of the app', () => {
  let nginx: ChildProcess | null = null;
  let front = '';
  let dir = '';

  test.beforeAll(async () => {
    const binary = findNginx();
    test.skip(!binary, 'nginx is not installed (apt-get install nginx-light) and could not be installed here');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-nginx-'));
    const port = await freePort();
    const upstream = new URL(baseURL).host;
    fs.writeFileSync(path.join(dir, 'lede.conf'), configFor(fs.readFileSync(path.join(projectRoot, 'deploy', 'nginx.conf'), 'utf8'), port, upstream, path.join(dir, 'cache')));
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        'daemon off;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log ${dir}/access.log;`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind}_temp;`),
        `  include ${dir}/lede.conf;`,
        '}',
      ].join('\n'),
    );
    const check = spawnSync(binary!, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(binary!, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
    front = `http://127.0.0.1:${port}`;
    for (let tries = 0; tries < 50; tries++) {
      if (await fetch(`${front}/status`).then(() => true, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nginx did not answer on ${front}: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
  });

  test.afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx!.once('exit', resolve));
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const status = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    await response.arrayBuffer();
    return { cache: response.headers.get('x-cache-status'), code: response.status, control: response.headers.get('cache-control') ?? '' };
  };

  test('micro-caches a public page, then serves it stale while one request renews it', async () => {
    // Warm the app's own cache first so that nginx sees the page as the app will keep serving it.
    await fetch(`${baseURL}/world`).then((response) => response.arrayBuffer());
    expect((await status(`${front}/world`)).cache).toBe('MISS');
    const hit = await status(`${front}/world`);
    expect(hit).toMatchObject({ cache: 'HIT', code: 200 });
    // nginx counts whole seconds: a 1 s lifetime ends 1 to 2 s after the page was stored.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Expired: answered at once from the stale copy while the background request renews it...
    expect(['STALE', 'UPDATING']).toContain((await status(`${front}/world`)).cache);
    // ...after which the renewed copy is a HIT again.
    await expect.poll(async () => (await status(`${front}/world`)).cache, { timeout: 5_000 }).toBe('HIT');
  });

  test('never stores what the app marks private or no-store', async () => {
    const first = await status(`${front}/search?q=lavrov`);
    expect(first.control).toMatch(/private|no-store|no-cache|max-age=0/);
    const second = await status(`${front}/search?q=lavrov`);
    expect(first.cache).toBe('MISS');
    expect(second.cache).toBe('MISS');
  });

  test('never caches the admin or previews', async () => {
    for (const url of ['/admin/login', '/admin/login', '/admin/articles/1/preview', '/admin/articles/1/preview', '/admin']) {
      expect((await status(`${front}${url}`)).cache, url).toBe('BYPASS');
    }
  });

  test('never caches nor logs the view beacon', async () => {
    const article = await db.article.findFirstOrThrow({ where: { status: 'published' }, select: { id: true } });
    for (let n = 0; n < 2; n += 1) {
      const response = await fetch(`${front}/api/views?article=${article.id}`, {
        method: 'POST',
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36' },
      });
      // No X-Cache-Status at all: the location has no cache to consult (proxy_cache off).
      expect([response.status, response.headers.get('x-cache-status'), response.headers.get('cache-control')]).toEqual([204, null, 'no-store']);
    }
    await fetch(`${front}/world`).then((response) => response.arrayBuffer());
    const log = fs.readFileSync(path.join(dir, 'access.log'), 'utf8');
    expect(log).toContain('/world');
    expect(log).not.toContain('/api/views');
  });
});
