#!/usr/bin/env node
// npm test: everything, with nothing to do beforehand. Finds (or installs) a Chromium, then runs the
// type check, the unit and integration tests (vitest, real SQLite), the browser journeys (Playwright)
// on SQLite, and the same journeys on PostgreSQL when a server answers on 127.0.0.1:5432.
// Ends with the skipped stages and tests and why (scripts/test-summary.mjs), then one line
// `N passed, N failed, N skipped` summed over every stage; exits 1 on any failure.
// Plain JavaScript on purpose: it must run before anything is compiled or checked.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { playwrightResult, skippedStage, summaryLines, vitestResult } from './test-summary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-test-report-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const stages = [];

const say = (line) => console.log(`\n[test] ${line}`);

// ---- (a) a browser --------------------------------------------------------------------------------

function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const executable = chromium.executablePath();
    return executable && fs.existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

function installDebianChromium() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return false;
  say('No Chromium found: installing Debian\'s chromium package with apt-get (a few minutes, once).');
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
    if (result.status !== 0) return false;
  }
  return fs.existsSync('/usr/bin/chromium');
}

function findChromium() {
  if (process.env.LEDE_CHROMIUM && fs.existsSync(process.env.LEDE_CHROMIUM)) return process.env.LEDE_CHROMIUM;
  const own = playwrightChromium();
  if (own) return own;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (installDebianChromium()) return '/usr/bin/chromium';
  return null;
}

// ---- running a stage ------------------------------------------------------------------------------

function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function stage(name, work) {
  say(`── ${name} ──`);
  const started = Date.now();
  const counts = await work();
  const seconds = Math.round((Date.now() - started) / 1000);
  stages.push({ name, seconds, ...counts });
  say(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)${counts.note ? ` ${counts.note}` : ''}`);
  return counts;
}

const node = process.execPath;
const bin = (file) => path.join(root, 'node_modules', file);

async function typecheck() {
  const code = await run(node, [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

async function vitest(label, extraEnv = {}) {
  const report = path.join(reportDir, `vitest-${label}.json`);
  const code = await run(node, [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], extraEnv);
  return vitestResult(readJson(report), code, root);
}

async function playwright(label, extraEnv) {
  const report = path.join(reportDir, `playwright-${label}.json`);
  const code = await run(node, [bin('@playwright/test/cli.js'), 'test'], { ...extraEnv, LEDE_E2E_JSON_REPORT: report });
  return playwrightResult(readJson(report), code);
}

// The server both PostgreSQL passes use: LEDE_TEST_POSTGRES_URL (testing/postgres-database.ts).
const postgresServer = new URL(process.env.LEDE_TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
const postgresAddress = `${postgresServer.hostname}:${postgresServer.port || 5432}`;

function postgresAnswers() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: postgresServer.hostname, port: Number(postgresServer.port || 5432) });
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Why the PostgreSQL pass cannot run here, or null when it can.
async function postgresUnavailable() {
  if (process.env.LEDE_TEST_POSTGRES === '0') return 'LEDE_TEST_POSTGRES=0';
  if (!(await postgresAnswers())) return `no PostgreSQL server answers at ${postgresAddress}`;
  const adapter = path.join(root, 'lib', 'db', 'postgres.ts');
  if (!fs.existsSync(adapter) || /not supported yet/.test(fs.readFileSync(adapter, 'utf8'))) {
    return 'lib/db does not support PostgreSQL yet (lib/db/postgres.ts says "not supported yet")';
  }
  return null;
}

// ---- the run -------------------------------------------------------------------------------------

const chromium = findChromium();
if (!chromium) {
  console.error(
    '\n[test] No Chromium to run the browser tests in. Install one, then run npm test again:\n' +
      '  Debian/Ubuntu:  sudo apt-get install chromium\n' +
      '  elsewhere:      npx playwright install chromium   (downloads Playwright\'s own build)\n' +
      '  or point LEDE_CHROMIUM at a Chromium or Chrome executable.',
  );
  process.exit(1);
}
env.LEDE_CHROMIUM = chromium;
say(`Browser: ${chromium}`);

await stage('type check (tsc --noEmit)', typecheck);
const sqliteVitest = await stage('unit and integration tests (vitest, SQLite)', () => vitest('sqlite'));
const sqliteE2e = await stage('browser journeys (Playwright, SQLite)', () => playwright('sqlite', { E2E_DATABASE: 'sqlite' }));

const whyNoPostgres = await postgresUnavailable();
if (whyNoPostgres) {
  // Both PostgreSQL stages count as skipped, test by test, with the reason in the summary.
  say(`SKIPPED: the PostgreSQL pass (${sqliteVitest.total ?? 0} tests, ${sqliteE2e.total ?? 0} browser journeys) did not run: ${whyNoPostgres}.`);
  stages.push(skippedStage('unit and integration tests (vitest, PostgreSQL)', sqliteVitest.total ?? 0, whyNoPostgres));
  stages.push(skippedStage('browser journeys (Playwright, PostgreSQL)', sqliteE2e.total ?? 0, whyNoPostgres));
} else {
  await stage('unit and integration tests (vitest, PostgreSQL)', () => vitest('postgres', { LEDE_TEST_DATABASE: 'postgres' }));
  const e2eServer = process.env.E2E_POSTGRES_URL || process.env.LEDE_TEST_POSTGRES_URL;
  await stage('browser journeys (Playwright, PostgreSQL)', () => playwright('postgres', { E2E_DATABASE: 'postgres', ...(e2eServer ? { E2E_POSTGRES_URL: e2eServer } : {}) }));
}

fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${summaryLines(stages).join('\n')}`);
const failed = stages.reduce((sum, entry) => sum + entry.failed, 0);
process.exit(failed > 0 ? 1 : 0);
