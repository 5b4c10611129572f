// Helpers the reader and admin specs share. Import `test` and `expect` from here rather than from
// @playwright/test when you need them; plain @playwright/test works too.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { adminCredentialsFile } from './environment';

export { test, expect } from '@playwright/test';

/** The legacy demo article and what its page must show (issue 2, the imported demo content). */
export const legacyArticle = {
  path: '/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov',
  kicker: 'VIDEO',
  headline: "Russia Seeks 'Honest' Cooperation in Syria: Lavrov",
  sourceCredit: 'Press TV',
} as const;

/** The first admin's credentials, written by the global setup. */
export function adminCredentials(): { email: string; password: string } {
  return JSON.parse(fs.readFileSync(adminCredentialsFile, 'utf8')) as { email: string; password: string };
}

// What leaks look like: a PHP var_dump, the legacy related list as JSON, a stack trace, an object as text.
const rawDumpPatterns: [string, RegExp][] = [
  ['a PHP var_dump', /string\(\d*/],
  ['legacy JSON keys', /"contenttypeid"|"sort"\s*:|\[\{"id"/],
  ['a stack trace', /\n\s+at [\w.<>]+ \(|at Object\.<anonymous>|node_modules\/|Error: .*\n\s+at /],
  ['an object printed as text', /\[object Object\]/],
];

/** Fails when the visible text of the page holds raw data a reader should never see. */
export async function expectNoRawDump(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const [what, pattern] of rawDumpPatterns) {
    expect(text, `page ${page.url()} shows ${what}`).not.toMatch(pattern);
  }
  const html = await page.content();
  expect(html, `page ${page.url()} carries the legacy related list as JSON`).not.toMatch(/"contenttypeid"|string\(\d+\) "\[/);
}

/** axe-core with the WCAG 2.0 A/AA and 2.1 AA rules: returns the violations, readable in a failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
}

/** True when the document is wider than the viewport (a horizontal scroll bar). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
