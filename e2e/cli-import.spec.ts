// `npm run import` beside a running app that does not listen on 3000: the app records where it
// listens (data/instances/<port>.json, lib/instance/app-record.mjs), the CLI names it, and the
// imported article is on the section front the app had already cached within the outbox's poll, with
// no restart and no call from the CLI to the app (lib/cache/outbox.ts carries the refresh).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { deleteArticle } from '@/lib/articles/commands/trash';
import { POLL_MS } from '@/lib/cache/outbox';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { appRecordFile } from '@/lib/instance/app-record.mjs';
import { legacyFileText } from '@/lib/legacy/synthetic';
import { asHtmlText, newsroomAccount, someSection, uniqueWord, waitForPublic } from './admin-support';
import { externalBaseUrl, port, projectRoot } from './support/environment';

/** The wall-clock fields of `at` in the legacy archive's time zone (its datelines carry no zone). */
function legacyDateline(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: config.LEGACY_TIMEZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

test.skip(!!externalBaseUrl, 'needs the server the harness started (its record and its database)');

test('npm run import beside an app on a port other than 3000: the app is named and the cached section front shows the article within the poll', async ({ request }) => {
  test.setTimeout(120_000);
  expect(port).not.toBe(3000);
  const record = JSON.parse(fs.readFileSync(appRecordFile(config.dataDir, port), 'utf8')) as { pid: number; port: number; url: string };
  expect(record).toMatchObject({ port, url: `http://127.0.0.1:${port}` });
  expect(() => process.kill(record.pid, 0)).not.toThrow();

  const section = await someSection();
  const headline = `${uniqueWord('Import')} ferry timetable agreed`;
  // The front as the app serves it before the import, cached (the second request is a hit).
  for (let n = 0; n < 2; n += 1) {
    const front = await request.get(`/${section.slug}`);
    expect(front.status()).toBe(200);
    expect(await front.text()).not.toContain(asHtmlText(headline));
  }

  const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-import-running-'));
  const legacyId = String(9_000_000 + Math.floor(Math.random() * 900_000));
  fs.writeFileSync(
    path.join(archive, `${legacyId}.txt`),
    legacyFileText({ title: headline, dateline: legacyDateline(new Date(Date.now() - 5 * 60_000)), paragraphs: ['The port authority agreed the winter timetable on Tuesday.'], related: [] }),
  );
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = spawnSync(process.execPath, [tsx, 'scripts/import.ts', archive, '--section', section.slug], { cwd: projectRoot, env: process.env, encoding: 'utf8', timeout: 90_000 });
  const finished = Date.now();
  fs.rmSync(archive, { recursive: true, force: true });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('Imported 1, updated 0, unchanged 0, failed 0');
  expect(run.stdout).toContain(`The running Lede app at http://127.0.0.1:${port} (pid ${record.pid}) shows the change at its next look at the page refreshes recorded with it (every ${POLL_MS} ms).`);

  const article = await db.article.findFirstOrThrow({ where: { legacyId }, select: { id: true, slug: true } });
  try {
    // Within the poll, plus a render of the front: a second is generous, a restart is not needed.
    const shown = await waitForPublic(request, `/${section.slug}`, (status, html) => status === 200 && html.includes(asHtmlText(headline)), finished + 1_000);
    console.log(`[cli-import] the section front showed the imported article ${shown - finished} ms after the CLI exited`);
    const page = await request.get(`/${section.slug}/${article.slug}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(asHtmlText(headline));
  } finally {
    // Leave the e2e database as the other specs expect it.
    const editor = await newsroomAccount('editor');
    await deleteArticle({ id: editor.id, role: 'editor' }, article.id);
  }
});
