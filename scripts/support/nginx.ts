// deploy/nginx.conf run for real on loopback (e2e/nginx.spec.ts and the news-day bench): Debian's
// nginx with the shipped config, only its port, upstream and cache folder changed, in a temporary
// folder of its own. Beside it, optionally, a second server that answers files from a folder: what
// nginx achieves serving a page's bytes from disk, the ceiling the micro-cache is measured against.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

export function findNginx(): string | null {
  for (const candidate of [process.env.LEDE_NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  // Like the browser: install Debian's package when this run may (root with apt), else none.
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['install', '-y', '-q', 'nginx-light'], { stdio: 'ignore', timeout: 240_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (fs.existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  }
  return null;
}

/** The shipped config with this run's port, upstream, cache folder and view log: nothing else changed. */
export function nginxConfigFor(shipped: string, port: number, upstream: string, cacheDir: string, viewLog: string): string {
  const replaced = shipped
    .replace(/^\s*listen 80;$/m, `    listen 127.0.0.1:${port};`)
    // The upstream's server lines become this run's one server; the rest of the block is kept.
    .replace(/(upstream lede_app \{\n)((?:\s*#.*\n|\s*server .*\n)+)/, `$1    server ${upstream};\n`)
    .replace('/var/cache/nginx/lede', cacheDir)
    .replace(SHIPPED_VIEW_LOG, viewLog);
  if (replaced.includes('listen 80;') || replaced.includes('/var/cache/nginx') || replaced.includes(SHIPPED_VIEW_LOG) || !replaced.includes(upstream)) {
    throw new Error('deploy/nginx.conf no longer has the lines this test adapts (listen 80, the upstream block, the cache path, the view log)');
  }
  return replaced;
}


/** Where deploy/nginx.conf writes the views it counted (the app's VIEW_LOG_FILE reads it). */
export const SHIPPED_VIEW_LOG = '/var/log/nginx/lede-views.log';

export type RunningNginx = { url: string; filesUrl: string | null; filesDir: string | null; dir: string; viewLog: string; pid: number; stop: () => Promise<void> };

/**
 * Starts nginx with deploy/nginx.conf in front of `upstream` (host:port). With `files`, a second
 * server answers the files of its own folder (filesDir) on filesUrl, with the same worker.
 */
export async function startNginx(options: { projectRoot: string; upstream: string; files?: boolean; workerConnections?: number; workers?: number; viewLog?: string }): Promise<RunningNginx> {
  const binary = findNginx();
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx-light)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-nginx-'));
  const viewLog = options.viewLog ?? path.join(dir, 'lede-views.log');
  const port = await freePort();
  const filesPort = options.files ? await freePort() : null;
  const filesDir = options.files ? path.join(dir, 'files') : null;
  if (filesDir) fs.mkdirSync(filesDir);
  fs.writeFileSync(path.join(dir, 'lede.conf'), nginxConfigFor(fs.readFileSync(path.join(options.projectRoot, 'deploy', 'nginx.conf'), 'utf8'), port, options.upstream, path.join(dir, 'cache'), viewLog));
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      `worker_processes ${options.workers ?? 1};`,
      // As docs/deploy.md asks of a deployment: the view beacon's bots map is one long expression,
      // about 380 µs a request interpreted and a few compiled (docs/benchmarks.md, "View beacons").
      'pcre_jit on;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      `events { worker_connections ${options.workerConnections ?? 256}; }`,
      'http {',
      `  access_log ${dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind}_temp;`),
      `  include ${dir}/lede.conf;`,
      filesDir ? `  server { listen 127.0.0.1:${filesPort}; root ${filesDir}; default_type text/html; }` : '',
      '}',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const child = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; tries < 50; tries++) {
    if (await fetch(`${url}/status`).then(() => true, () => false)) {
      return { url, filesUrl: filesPort ? `http://127.0.0.1:${filesPort}` : null, filesDir, dir, viewLog, pid: child.pid!, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
  await stop();
  throw new Error(`nginx did not answer on ${url}: ${log}`);
}
