// Playwright global setup: a fresh database, a build that matches it, and `next start` on port 3999.
// Everything happens here rather than in Playwright's `webServer`, because webServer starts before
// globalSetup and the server must start after the database is seeded (the build reads no database).
//
// Reuse (local runs only; CI always rebuilds): right after a build, the seeded SQLite database and
// the build folder are snapshotted together into data/e2e/pristine/. When no source changed since,
// the next run restores both instead of seeding and building again, so pages cached by an earlier
// run (an article an admin spec published, say) never outlive the database they came from.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildStamp, portIsTaken, projectRoot, runNextBuild, staleBuildReason, startNextServer, waitUntilServing } from '../../scripts/support/next-build';
import { createPostgresDatabase, dropPostgresDatabase } from './database';
import {
  adminCredentialsFile, baseURL, databaseKind, databaseUrl, distDir, e2eDir, externalBaseUrl, mediaRoot, port, serverLogFile, sqliteFile, viewLogFile,
} from './environment';

const say = (line: string) => console.log(`[e2e] ${line}`);
const pristineDir = path.join(e2eDir, 'pristine');
const distPath = path.join(projectRoot, distDir);
const sqliteFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

function runPrepare(): Promise<void> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join('e2e', 'support', 'prepare.ts')], { cwd: projectRoot, env: process.env, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`preparing the e2e database failed (exit code ${code})`))));
  });
}

function wipeSqlite(): void {
  for (const file of sqliteFiles(sqliteFile)) fs.rmSync(file, { force: true });
  fs.rmSync(mediaRoot, { recursive: true, force: true });
  fs.rmSync(adminCredentialsFile, { force: true });
}

function snapshot(): void {
  fs.rmSync(pristineDir, { recursive: true, force: true });
  fs.mkdirSync(pristineDir, { recursive: true });
  fs.cpSync(sqliteFile, path.join(pristineDir, 'lede-e2e.db'));
  if (fs.existsSync(mediaRoot)) fs.cpSync(mediaRoot, path.join(pristineDir, 'media'), { recursive: true });
  fs.cpSync(adminCredentialsFile, path.join(pristineDir, 'admin.json'));
  fs.cpSync(distPath, path.join(pristineDir, 'dist'), { recursive: true, verbatimSymlinks: true });
}

function restore(): void {
  wipeSqlite();
  fs.cpSync(path.join(pristineDir, 'lede-e2e.db'), sqliteFile);
  if (fs.existsSync(path.join(pristineDir, 'media'))) fs.cpSync(path.join(pristineDir, 'media'), mediaRoot, { recursive: true });
  fs.cpSync(path.join(pristineDir, 'admin.json'), adminCredentialsFile);
  fs.rmSync(distPath, { recursive: true, force: true });
  fs.cpSync(path.join(pristineDir, 'dist'), distPath, { recursive: true, verbatimSymlinks: true });
}

async function prepareSqlite(): Promise<void> {
  const canReuse = !process.env.CI && fs.existsSync(path.join(pristineDir, 'dist', 'BUILD_ID'));
  const reason = process.env.CI ? 'CI always rebuilds' : canReuse ? staleBuildReason(distDir, buildStamp(process.env)) : 'no earlier e2e build to reuse';
  if (!reason) {
    say(`Sources unchanged: restoring the pristine e2e database and build from ${path.relative(projectRoot, pristineDir)}.`);
    restore();
    return;
  }
  say(`Fresh SQLite database ${path.relative(projectRoot, sqliteFile)} and a new build (${reason}).`);
  fs.mkdirSync(e2eDir, { recursive: true });
  wipeSqlite();
  await runPrepare();
  await runNextBuild(distDir, process.env);
  if (!process.env.CI) snapshot();
}

async function preparePostgres(): Promise<void> {
  say(`Fresh PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)} and a new build.`);
  fs.mkdirSync(e2eDir, { recursive: true });
  fs.rmSync(mediaRoot, { recursive: true, force: true });
  fs.rmSync(adminCredentialsFile, { force: true });
  await createPostgresDatabase(databaseUrl);
  await runPrepare();
  await runNextBuild(distDir, process.env);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (externalBaseUrl) {
    say(`E2E_BASE_URL is set: testing ${externalBaseUrl} as it is (no database or build prepared).`);
    return async () => {};
  }
  if (await portIsTaken(port)) throw new Error(`Port ${port} is already in use: stop the server there (a leftover e2e run?) or set E2E_PORT.`);
  let server: ChildProcess | undefined;
  const teardown = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
    if (databaseKind === 'postgres') await dropPostgresDatabase(databaseUrl).catch((error: Error) => say(`Could not drop the e2e database: ${error.message}`));
  };
  try {
    if (databaseKind === 'postgres') await preparePostgres();
    else await prepareSqlite();
    say(`Starting next start -p ${port} (server output: ${path.relative(projectRoot, serverLogFile)}).`);
    // Counts what e2e/nginx.spec.ts's nginx logs of the view beacon, as a deployment behind it does.
    fs.rmSync(viewLogFile, { force: true });
    server = startNextServer(distDir, port, { ...process.env, VIEW_LOG_FILE: viewLogFile }, 'pipe');
    const log = fs.createWriteStream(serverLogFile);
    server.stdout?.pipe(log);
    server.stderr?.pipe(log);
    await waitUntilServing(`${baseURL}/status`, server);
    say(`Serving ${baseURL} from ${databaseKind}.`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
