// docs/deploy.md, followed as written on a new, empty PostgreSQL database. The spec reads the block of
// commands the page marks (`<!-- e2e/deploy-postgres.spec.ts … -->`) and runs them in order, so the
// page and this test cannot drift apart: build (which must need no database), migrate, add the
// sections, create the editor, start an instance. Then a reader gets the home page and the sections,
// and the editor signs in with the credentials the page gives.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { staleBuildReason, waitUntilServing } from '../scripts/support/next-build';
import { createPostgresDatabase, dropPostgresDatabase } from './support/database';
import { postgresAdminUrl, projectRoot } from './support/environment';
import { freePort } from './support/ports';

const marker = '<!-- e2e/deploy-postgres.spec.ts';

/** The commands of the block docs/deploy.md marks for this spec, one per line, comments removed. */
function documentedCommands(markdown: string): string[] {
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`docs/deploy.md has no block marked ${marker} -->`);
  const fence = markdown.slice(at).match(/```[a-z]*\n([\s\S]*?)```/);
  if (!fence) throw new Error('the marked block of docs/deploy.md is not followed by a fenced code block');
  return fence[1]!
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim())
    .filter(Boolean);
}

const run = crypto.randomBytes(4).toString('hex');
const instance = (process.env.E2E_INSTANCE ?? '').replace(/[^a-z0-9-]/gi, '');
// A build folder of the spec's own, kept between local runs (CI always builds).
const distDir = `.next-deploy${instance ? `-${instance}` : ''}`;
const databaseUrl = (() => {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/lede_e2e_deploy_${run}`;
  return url.toString();
})();
const editorPassword = crypto.randomBytes(18).toString('base64url');

function postgresAnswers(): Promise<boolean> {
  const url = new URL(postgresAdminUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const gitStatus = () => spawnSync('git', ['status', '--porcelain'], { cwd: projectRoot, encoding: 'utf8' }).stdout;

test.describe('docs/deploy.md on an empty PostgreSQL database', () => {
  test.describe.configure({ timeout: 900_000 });
  let server: ChildProcess | null = null;
  let created = false;

  test.beforeAll(async () => {
    // It makes its own PostgreSQL database whatever the pass: once per `npm test` is enough.
    test.skip(process.env.E2E_DATABASE === 'postgres', 'runs in the SQLite pass (it creates its own PostgreSQL database and build)');
    test.skip(!(await postgresAnswers()), `PostgreSQL does not answer at ${new URL(postgresAdminUrl).host}: the deploy journey needs one`);
  });

  test.afterAll(async () => {
    if (server?.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    if (created) await dropPostgresDatabase(databaseUrl);
  });

  test('build, migrate, sections, an editor and an instance, as the page says', async ({ page }) => {
    const commands = documentedCommands(fs.readFileSync(path.join(projectRoot, 'docs', 'deploy.md'), 'utf8'));
    await createPostgresDatabase(databaseUrl);
    created = true;
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir,
      EDITOR_PASSWORD: editorPassword,
      SITE_URL: `http://127.0.0.1:${port}`,
      INTERNAL_SECRET: crypto.randomBytes(24).toString('base64url'),
      MEDIA_ROOT: path.join(projectRoot, 'data', `e2e-deploy-${run}`, 'media'),
      NEXT_TELEMETRY_DISABLED: '1',
    };
    delete (env as Record<string, string | undefined>).REDIS_URL;
    delete (env as Record<string, string | undefined>).NODE_ENV;

    const sections: { slug: string; name: string }[] = [];
    let editor: { email: string } | null = null;
    for (const command of commands) {
      const addSection = command.match(/^npm run sections -- add (\S+) "([^"]+)"/);
      if (addSection) sections.push({ slug: addSection[1]!, name: addSection[2]! });
      const createUser = command.match(/^npm run user -- create --email (\S+) --role editor/);
      if (createUser) editor = { email: createUser[1]! };

      if (command === 'npm ci') {
        // The checkout under test is installed already; reinstalling under the running test runner
        // would pull its own modules away.
        console.log(`[deploy] skipped (already installed): ${command}`);
        continue;
      }
      if (/\bnext start\b|scripts\/serve\.mjs/.test(command)) {
        const started = command.replace(/PORT=\d+/, `PORT=${port}`).replace(/-p \d+/, `-p ${port}`);
        console.log(`[deploy] ${started}`);
        server = spawn('sh', ['-c', started], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        server.stderr?.on('data', (chunk) => process.stderr.write(`[deploy server] ${chunk}`));
        await waitUntilServing(`http://127.0.0.1:${port}/status`, server, 120_000);
        continue;
      }
      if (command === 'npm run build' && !process.env.CI && !staleBuildReason(distDir, {})) {
        console.log(`[deploy] skipped (the build in ${distDir} is newer than every source; CI always builds): ${command}`);
        continue;
      }
      const before = command === 'npm run build' ? gitStatus() : '';
      console.log(`[deploy] ${command}`);
      const result = spawnSync('sh', ['-c', command], { cwd: projectRoot, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, `\`${command}\` failed:\n${output.split('\n').slice(-40).join('\n')}`).toBe(0);
      if (command === 'npm run build') {
        expect(gitStatus(), 'the build left the checkout as it was (no rewritten tsconfig.json)').toBe(before);
        fs.writeFileSync(path.join(projectRoot, distDir, 'lede-build.json'), '{}\n');
      }
    }
    expect(server, 'the block starts an instance').not.toBeNull();
    expect(sections.length, 'the block adds sections').toBeGreaterThan(0);
    expect(editor, 'the block creates an editor').not.toBeNull();

    const base = `http://127.0.0.1:${port}`;
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    expect(homeHtml).toContain('No stories have been published yet.');
    for (const section of sections) {
      expect(homeHtml, `the navigation links to ${section.slug}`).toContain(`href="/${section.slug}"`);
      const front = await fetch(`${base}/${section.slug}`);
      expect(front.status, `/${section.slug}`).toBe(200);
      expect(await front.text()).toContain(`>${section.name}</h1>`);
    }
    // A page no route matches: the not-found page carries the same navigation (not a build-time copy).
    const missing = await fetch(`${base}/no/such/page/${run}/here`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(`href="/${sections[0]!.slug}"`);

    await page.goto(`${base}/admin/login`);
    await page.getByLabel('E-mail').fill(editor!.email);
    await page.getByLabel('Password').fill(editorPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/articles$/);
  });
});
