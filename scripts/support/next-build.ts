// Deciding whether a Next build is still good, and running `next build` / Lede's server as children.
// Shared by npm start, the e2e harness and the benchmark, which each keep their own NEXT_DIST_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { serverHeapFlags } from './server-heap';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

// What a build is made from. Tests are not: editing one must not force a rebuild.
const sourceRoots = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json'];
const notSource = /(\.test\.tsx?$)|(^lib\/testing\/)/;

// Configuration that ends up inside prerendered pages (absolute URLs, names) or decides what the build
// read from (the database): a change to any of them makes the old build wrong.
export const buildRelevantKeys = [
  'SITE_URL', 'SITE_NAME', 'SITE_DESCRIPTION', 'SITE_LANGUAGE', 'SITE_TIMEZONE', 'DATABASE_URL', 'MEDIA_ROOT',
] as const;

export type BuildStamp = Record<string, string>;

export function buildStamp(env: NodeJS.ProcessEnv): BuildStamp {
  return Object.fromEntries(buildRelevantKeys.map((key) => [key, env[key] ?? '']));
}

function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (relative: string) => {
    const absolute = path.join(projectRoot, relative);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(absolute)) visit(path.posix.join(relative, entry));
    } else if (!notSource.test(relative) && stat.mtimeMs > newest.mtimeMs) {
      newest = { file: relative, mtimeMs: stat.mtimeMs };
    }
  };
  for (const root of sourceRoots) visit(root);
  return newest;
}

/** The stamp's record of when the build began reading the sources (ms since the epoch). */
const sourcesAsOfKey = 'sourcesAsOf';

const stampFile = (distDir: string) => path.join(projectRoot, distDir, 'lede-build.json');

/** Why `distDir` needs a fresh build, or null when the one there is still good. */
export function staleBuildReason(distDir: string, stamp: BuildStamp): string | null {
  const buildId = path.join(projectRoot, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return `no build in ${distDir} yet`;
  let previous: BuildStamp = {};
  try {
    previous = JSON.parse(fs.readFileSync(stampFile(distDir), 'utf8')) as BuildStamp;
  } catch {
    return 'the last build left no record of its configuration';
  }
  // Sources are compared with the moment the build began reading them, not with its end: a file
  // saved while `next build` ran may or may not be in it, so it makes the build stale.
  const sourcesAsOf = Number(previous[sourcesAsOfKey]) || fs.statSync(buildId).mtimeMs;
  const newest = newestSource();
  if (newest.mtimeMs > sourcesAsOf) return `${newest.file} changed since the last build began`;
  const changed = Object.keys(stamp).filter((key) => previous[key] !== stamp[key]);
  return changed.length ? `configuration changed since the last build (${changed.join(', ')})` : null;
}

export function childEnv(env: NodeJS.ProcessEnv, distDir: string): NodeJS.ProcessEnv {
  return { ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
}

/** Runs `next build` into distDir with env, output shown; rejects when the build fails. */
export async function runNextBuild(distDir: string, env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): Promise<void> {
  // `next build` adds its dist folder's type paths to tsconfig.json and reformats it; with a dist
  // folder per use (start, e2e, bench) that would leave every checkout dirty. Put it back as it was.
  const tsconfigPath = path.join(projectRoot, 'tsconfig.json');
  const tsconfig = fs.existsSync(tsconfigPath) ? fs.readFileSync(tsconfigPath, 'utf8') : null;
  try {
    await build(distDir, env, options);
  } finally {
    if (tsconfig !== null && fs.readFileSync(tsconfigPath, 'utf8') !== tsconfig) fs.writeFileSync(tsconfigPath, tsconfig);
  }
}

async function build(distDir: string, env: NodeJS.ProcessEnv, options: { quiet?: boolean }): Promise<void> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: projectRoot,
    env: childEnv({ ...env, NODE_ENV: 'production' }, distDir),
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    if (options.quiet) process.stderr.write(output);
    throw new Error(`next build into ${distDir} failed (exit code ${code})`);
  }
  fs.writeFileSync(stampFile(distDir), `${JSON.stringify({ ...buildStamp(env), [sourcesAsOfKey]: String(startedAt) }, null, 2)}\n`);
}

export const serverEntry = path.join(projectRoot, 'scripts', 'serve.mjs');

/**
 * Starts Lede's server (scripts/serve.mjs: Next's handler behind a server that sees each socket, for
 * the client's real address) on port, serving distDir, with a heap limit (./server-heap.ts). The
 * caller owns the child (and must kill it).
 */
export function startNextServer(distDir: string, port: number, env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe' = 'inherit'): ChildProcess {
  return spawn(process.execPath, [...serverHeapFlags(env), serverEntry], {
    cwd: projectRoot,
    env: childEnv({ ...env, NODE_ENV: 'production', PORT: String(port) }, distDir),
    stdio: stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
}

/** Stops a server startNextServer started (SIGTERM) and resolves once it has exited. */
export async function stopNextServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** Resolves once url answers over HTTP (any status), rejects after timeoutMs or when child exits. */
export async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      // A cold server on a busy machine can take seconds over its first answer: a short abort would retry forever.
      await fetch(url, { signal: AbortSignal.timeout(15_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
