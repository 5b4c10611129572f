// npm start: everything a fresh clone needs to serve Lede, in order: migrate, seed an empty database,
// build only when the last build is missing or older than the sources (the build itself reads no
// database), then hand over to the server (scripts/serve.mjs: Next's handler behind a server that
// sees each socket) and stay its parent (signals in, exit code out).
import fs from 'node:fs';
import os from 'node:os';
import { buildStamp, portIsTaken, projectRoot, runNextBuild, staleBuildReason, startNextServer, waitUntilServing } from './support/next-build';

process.env.NEXT_TELEMETRY_DISABLED = '1';
// A PORT without a SITE_URL most likely means "serve here": keep absolute links pointing at it.
if (!process.env.SITE_URL && process.env.PORT) process.env.SITE_URL = `http://localhost:${process.env.PORT}`;
// The internal endpoints (scheduled publishing, the page cache's state) need a secret the server
// shares with itself: without INTERNAL_SECRET, lib/ keeps one in data/internal-secret
// (lib/instance/internal-secret.ts).

// lib/config reads the environment once, on first import: only now may lib/ modules load.
const { config } = await import('@/lib/config');
process.env.DATABASE_URL = config.DATABASE_URL;
process.env.MEDIA_ROOT = config.MEDIA_ROOT;
process.env.SITE_URL = config.SITE_URL;

const say = (line: string) => console.log(`[lede] ${line}`);

function box(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join('\n');
}

fs.mkdirSync(config.dataDir, { recursive: true });
fs.mkdirSync(config.MEDIA_ROOT, { recursive: true });

const { prepareSite } = await import('./support/prepare-site');
const { db } = await import('@/lib/db/client');
const prepared = await prepareSite({ log: say });
await db.$disconnect();

if (prepared.admin) {
  console.log(
    `\n${box([
      `Sign in at ${config.SITE_URL}/admin/login as ${prepared.admin.email} with password ${prepared.admin.password} (shown once)`,
      'Write it down now: it is not stored anywhere in clear and will not be printed again.',
    ])}\n`,
  );
} else {
  say(`Newsroom sign-in: ${config.SITE_URL}/admin/login. Forgot a password? npm run user -- set-password --email you@example.com`);
}

const distDir = process.env.NEXT_DIST_DIR || '.next';
const reason = staleBuildReason(distDir, buildStamp(process.env));
if (reason) {
  say(`Building the site (${reason}); this takes a minute…`);
  await runNextBuild(distDir, process.env);
} else {
  say(`Using the existing build in ${distDir} (sources unchanged).`);
}

if (await portIsTaken(config.PORT)) {
  const { appOnPort } = await import('@/lib/instance/address');
  const lede = appOnPort(config.PORT);
  const holder = lede ? `Lede already runs there (pid ${lede.pid}, since ${lede.started})` : 'Another program listens there';
  console.error(`[lede] Port ${config.PORT} is already in use: ${holder}. Stop that server or choose another port: PORT=3001 npm start`);
  process.exit(1);
}
say(`Starting Lede on port ${config.PORT}…`);
const server = startNextServer(distDir, config.PORT, process.env);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
});

waitUntilServing(`http://127.0.0.1:${config.PORT}/status`, server).then(
  () => say(`Lede is serving at ${config.SITE_URL} (newsroom: ${config.SITE_URL}/admin). Ctrl+C stops it.`),
  (error: Error) => say(`The server did not come up: ${error.message}`),
);
