// Server actions and routes are public endpoints: each must check origin, session and role itself.
// A writer's forged publish, a foreign origin, a request without Origin and one without a session all
// change nothing; the JSON API says 403. Sign-ins are throttled, with the same words for every account.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { actionIdOf, newsroomAccount, signIn, someSection, type Account } from './admin-support';
import { wrongCredentialsMessage } from '@/lib/auth/sign-in';
import { pairPolicy } from '@/lib/auth/throttle';
import { createArticle } from '@/lib/articles/commands/save';
import { db } from '@/lib/db/client';
import { startNextServer, waitUntilServing } from '../scripts/support/next-build';
import { distDir, externalBaseUrl } from './support/environment';
import { freePort } from './support/ports';

const foreignActionMessage = 'Forbidden: this form was sent from another site. Use the newsroom’s own pages to make changes.\n';

let editor: Account;
let writer: Account;

test.beforeAll(async () => {
  editor = await newsroomAccount('editor');
  writer = await newsroomAccount('writer');
});

async function draftByWriter() {
  const section = await someSection();
  return createArticle(writer, { headline: `Writer's draft ${Date.now()}`, sectionId: section.id });
}

/** The id of the "Publish now" server action, read from an editor's page (what an attacker would do). */
async function publishActionId(page: Page, articleId: number): Promise<string> {
  await page.goto(`/admin/articles/${articleId}`);
  return actionIdOf(page, 'form:has(button:text-is("Publish now"))');
}

/** Posts to a server action the way a browser without script posts its form. */
function postAction(request: APIRequestContext, actionId: string, fields: Record<string, string>, headers: Record<string, string>) {
  return request.post(`/admin/articles/${fields.articleId}`, {
    multipart: { [`$ACTION_ID_${actionId}`]: '', ...fields },
    headers,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

const statusOf = async (id: number) => (await db.article.findUniqueOrThrow({ where: { id } })).status;

test('a writer cannot publish, not even with a forged request to the action or the API', async ({ page, browser, baseURL }) => {
  const { id } = await draftByWriter();
  await signIn(page, editor);
  const actionId = await publishActionId(page, id);

  const writerContext = await browser.newContext({ baseURL });
  const writerPage = await writerContext.newPage();
  await signIn(writerPage, writer);
  // The writer's own page offers no publish button.
  await writerPage.goto(`/admin/articles/${id}`);
  await expect(writerPage.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  // Forged: the editor's action id, the writer's session, a same-origin request.
  const forged = await postAction(writerPage.request, actionId, { articleId: String(id) }, { Origin: new URL(baseURL!).origin, 'Sec-Fetch-Site': 'same-origin' });
  // The action refuses the role itself and goes back to the page with the code of its words.
  expect([forged.status(), forged.headers().location]).toEqual([303, `/admin/articles/${id}?error=role`]);
  expect(await statusOf(id)).toBe('draft');
  // The JSON API answers 403.
  const api = await writerPage.request.post(`/api/admin/articles/${id}/publish`, { headers: { Origin: new URL(baseURL!).origin }, data: {}, failOnStatusCode: false });
  expect(api.status()).toBe(403);
  expect(await statusOf(id)).toBe('draft');
  expect(await db.auditEntry.count({ where: { action: 'article.published', targetId: String(id) } })).toBe(0);
  // The same API for an editor works (so the 403 above is about the role).
  const allowed = await page.request.post(`/api/admin/articles/${id}/publish`, { headers: { Origin: new URL(baseURL!).origin }, data: {}, failOnStatusCode: false });
  expect(allowed.status()).toBe(200);
  expect(await statusOf(id)).toBe('published');
  await writerContext.close();
});

test('an action called from another origin, without Origin, or without a session does nothing', async ({ page, playwright, baseURL }) => {
  const { id } = await draftByWriter();
  await signIn(page, editor);
  const actionId = await publishActionId(page, id);
  const origin = new URL(baseURL!).origin;

  const foreign = await postAction(page.request, actionId, { articleId: String(id) }, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
  // The request proxy refuses it before Next's own check (which would answer a bare 500) and says why.
  expect([foreign.status(), foreign.headers()['content-type'], await foreign.text()]).toEqual([403, 'text/plain; charset=utf-8', foreignActionMessage]);
  expect(await statusOf(id)).toBe('draft');

  // No Origin at all (Next itself lets this through): refused by the action.
  const bare = await postAction(page.request, actionId, { articleId: String(id) }, {});
  expect(await statusOf(id)).toBe('draft');
  // The page is told a code, never a sentence (components/admin/outcomes.ts).
  expect([bare.status(), bare.headers().location]).toEqual([303, `/admin/articles/${id}?error=origin`]);

  // No session.
  const anonymous = await playwright.request.newContext({ baseURL });
  const signedOut = await postAction(anonymous, actionId, { articleId: String(id) }, { Origin: origin, 'Sec-Fetch-Site': 'same-origin' });
  expect([signedOut.status(), signedOut.headers().location]).toEqual([303, '/admin/login']);
  expect(await statusOf(id)).toBe('draft');
  expect((await anonymous.post(`/api/admin/articles/${id}/publish`, { headers: { Origin: origin }, failOnStatusCode: false })).status()).toBe(401);
  expect((await anonymous.get('/admin/articles', { maxRedirects: 0 })).headers().location).toContain('/admin/login');
  await anonymous.dispose();

  // A cross-site upload with the editor's cookie is refused too.
  const upload = await page.request.post('/api/admin/media', { headers: { Origin: 'https://evil.example', Accept: 'application/json' }, multipart: { alt: 'x' }, failOnStatusCode: false });
  expect(upload.status()).toBe(403);

  // The very same request with the editor's session and our own origin does publish: the refusals
  // above came from the checks, not from a malformed request.
  const genuine = await postAction(page.request, actionId, { articleId: String(id) }, { Origin: origin, 'Sec-Fetch-Site': 'same-origin' });
  expect([genuine.status(), genuine.headers().location]).toEqual([303, `/admin/articles/${id}?notice=published`]);
  expect(await statusOf(id)).toBe('published');
});

test('the session cookie is HttpOnly and SameSite=Lax, sign-out ends the session, and admin pages are noindex and uncached', async ({ page, context }) => {
  await signIn(page, editor);
  const cookie = (await context.cookies()).find((c) => c.name === 'lede_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  const response = await page.goto('/admin/articles');
  expect(response?.headers()['cache-control']).toMatch(/no-store/);
  expect(response?.headers()['x-robots-tag']).toMatch(/noindex/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  // The old token is dead even if replayed.
  await context.addCookies([{ ...cookie!, expires: cookie!.expires }]);
  await page.goto('/admin/articles');
  await expect(page).toHaveURL(/\/admin\/login/);
  expect(await db.auditEntry.count({ where: { action: 'sign-in', actorId: editor.id } })).toBeGreaterThan(0);
});

test('sign-in throttling kicks in, and says the same for an existing and an unknown account', async ({ page }) => {
  test.setTimeout(300_000);
  const target = await newsroomAccount('writer');
  const ghost = `ghost-${Date.now()}@example.org`;
  const attempt = async (email: string, password: string) => {
    await page.goto('/admin/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page.locator('#login-message');
  };
  const answer = async (email: string, password: string) => {
    const message = await attempt(email, password);
    await expect(message).toHaveText(/\S/);
    return (await message.textContent()) ?? '';
  };
  const locked = /^Too many failed sign-ins\. Signing in is locked for 15 minutes\.$/;
  for (const email of [target.email, ghost]) {
    // Fail from one address, waiting out each wait the form names (1, 2, 4 … s after the free
    // failures), until the lock: real time, so no step depends on how fast this machine answers.
    const answers: string[] = [];
    for (;;) {
      const text = await answer(email, 'wrong password');
      const wait = /^Too many failed sign-ins\. Wait (\d+) seconds? before trying again\.$/.exec(text);
      answers.push(text === wrongCredentialsMessage ? 'checked' : wait ? 'wait' : text);
      if (wait) await page.waitForTimeout(Number(wait[1]) * 1000 + 250);
      else if (text !== wrongCredentialsMessage) break;
    }
    expect(answers.slice(0, pairPolicy.free)).toEqual(Array(pairPolicy.free).fill('checked'));
    expect(answers.filter((entry) => entry === 'checked')).toHaveLength(pairPolicy.lockAt);
    expect(answers.at(-1)).toMatch(locked);
    // Now even the right password is held back from this address, with a clear message.
    expect(await answer(email, email === target.email ? target.password : 'wrong password')).toMatch(locked);
    await expect(page).toHaveURL(/\/admin\/login/);
  }
  expect(await db.loginThrottle.findUnique({ where: { key: `pair:${target.email}|127.0.0.1` } })).toMatchObject({ failures: pairPolicy.lockAt });
  expect(await db.auditEntry.count({ where: { action: { in: ['sign-in.failed', 'sign-in.locked'] }, detail: target.email } })).toBe(pairPolicy.lockAt);
  expect(await db.auditEntry.count({ where: { action: 'sign-in', actorId: target.id } })).toBe(0);
  // Every spec signs in from 127.0.0.1: the failures above would count against that address for
  // every later sign-in of the run (its free failures nearly spent), so this test takes them back.
  await db.loginThrottle.deleteMany({ where: { key: { contains: '127.0.0.1' } } });
});

test('a client cannot choose its address or its host with forwarded headers', async ({ page, baseURL }) => {
  // No TRUSTED_PROXIES in this run: every X-Forwarded-* header comes from the client itself.
  const target = await newsroomAccount('writer');
  for (const spoofed of ['6.6.6.1', '6.6.6.2']) {
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': spoofed, 'X-Real-IP': spoofed, Forwarded: `for=${spoofed}` });
    await page.goto('/admin/login');
    await page.getByLabel('E-mail').fill(target.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#login-message')).toHaveText(wrongCredentialsMessage);
  }
  const failures = await db.auditEntry.findMany({ where: { action: 'sign-in.failed', detail: target.email }, select: { ip: true } });
  expect(failures.map((entry) => entry.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
  expect(await db.loginThrottle.count({ where: { key: { contains: '6.6.6.' } } })).toBe(0);
  expect(await db.loginThrottle.findUnique({ where: { key: `pair:${target.email}|127.0.0.1` } })).toMatchObject({ failures: 2 });
  await page.setExtraHTTPHeaders({});

  // A forged X-Forwarded-Host that matches a foreign Origin does not pass the origin check (Next's or ours).
  const { id } = await draftByWriter();
  await signIn(page, editor);
  const actionId = await publishActionId(page, id);
  const forwarded = await postAction(page.request, actionId, { articleId: String(id) }, { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', 'Sec-Fetch-Site': 'same-origin' });
  expect([forwarded.status(), await forwarded.text()]).toEqual([403, foreignActionMessage]);
  expect(await statusOf(id)).toBe('draft');
  // Nor does it steer the site's own redirects elsewhere.
  const section = await someSection();
  const redirect = await page.request.get(`/${section.slug.toUpperCase()}/`, { headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' }, maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(new URL(redirect.headers().location!, baseURL).href).toBe(`${new URL(baseURL!).origin}/${section.slug}`);
});

test('behind a trusted proxy the client address comes from X-Forwarded-For', async ({ browser }) => {
  test.skip(Boolean(externalBaseUrl), 'starts a second server from the e2e build');
  // A second server on the same build and database, told that loopback is its proxy.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = startNextServer(distDir, port, { ...process.env, SITE_URL: origin, TRUSTED_PROXIES: 'loopback' }, 'pipe');
  try {
    await waitUntilServing(`${origin}/status`, server);
    const account = await newsroomAccount('writer');
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    // What a proxy in front sends: whatever the client claimed, then the address it saw.
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '6.6.6.6, 198.51.100.24' });
    await page.goto('/admin/login');
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#login-message')).toHaveText(wrongCredentialsMessage);
    await signIn(page, account);
    const entries = await db.auditEntry.findMany({ where: { OR: [{ detail: account.email }, { actorId: account.id }] }, orderBy: { id: 'asc' }, select: { action: true, ip: true } });
    expect(entries).toEqual([
      { action: 'sign-in.failed', ip: '198.51.100.24' },
      { action: 'sign-in', ip: '198.51.100.24' },
    ]);
    await context.close();
  } finally {
    server.kill('SIGTERM');
  }
});

test('admin pages show only known messages for ?error=, never the text of a link', async ({ page }) => {
  const admin = await newsroomAccount('admin');
  await signIn(page, admin);
  const { id } = await draftByWriter();
  const bait = '<script>alert(1)</script>Your account is suspended, call +1 555 0100';
  for (const path of ['/admin/articles', `/admin/articles/${id}`, `/admin/articles/${id}/revisions`, '/admin/media', '/admin/trash', '/admin/users', '/admin/sections']) {
    await page.goto(`${path}?error=${encodeURIComponent(bait)}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text, path).not.toContain('suspended');
    expect(text, path).not.toContain('alert(1)');
    expect(await page.content(), path).not.toContain('555 0100');
    await expect(page.locator('p[role="alert"]'), path).toHaveCount(0);
  }
  // A known code shows its own words.
  await page.goto(`/admin/articles/${id}?error=confirm-delete`);
  await expect(page.locator('p[role="alert"]')).toHaveText('Tick the box to confirm the deletion.');
});
