// Helpers for the newsroom specs (e2e/admin-*.spec.ts, e2e/security-*.spec.ts): accounts made straight
// in the e2e database through lib/ (each spec gets its own, so specs never share a throttle or a
// session), signing in through the real form, and reading public pages as a reader would.
import crypto from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/users/commands';

export type Account = { id: number; email: string; password: string; role: 'writer' | 'editor' | 'admin' };

export async function newsroomAccount(role: Account['role']): Promise<Account> {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const password = crypto.randomBytes(12).toString('base64url');
  const { id } = await createUser({ email, role, password, name: `Test ${role}` });
  return { id, email, password, role };
}

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
}

export async function someSection(): Promise<{ id: number; slug: string; name: string }> {
  const section = await db.section.findFirst({ orderBy: { position: 'asc' }, select: { id: true, slug: true, name: true } });
  if (!section) throw new Error('The e2e database has no section: did the demo seed run?');
  return section;
}

export const uniqueWord = (prefix = 'Zebra') => `${prefix}${crypto.randomBytes(5).toString('hex')}`;

/** Polls a public page until `check` passes, failing once `deadline` (ms since epoch) is past. */
export async function waitForPublic(request: APIRequestContext, path: string, check: (status: number, html: string) => boolean, deadline: number): Promise<number> {
  for (;;) {
    const response = await request.get(path, { maxRedirects: 0 });
    const html = await response.text();
    if (check(response.status(), html)) return Date.now();
    if (Date.now() > deadline) throw new Error(`${path} did not show the change in time (status ${response.status()})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server action id a form on the page posts to (Next renders it as a hidden $ACTION_ID_ field). */
export async function actionIdOf(page: Page, formSelector: string): Promise<string> {
  const name = await page.locator(`${formSelector} input[name^="$ACTION_ID_"]`).first().getAttribute('name');
  if (!name) throw new Error(`no server action form at ${formSelector}`);
  return name.slice('$ACTION_ID_'.length);
}

/** Escapes text as React writes it into HTML, to find a headline in a page's source. */
export function asHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
