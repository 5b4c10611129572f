// Validates sitemap XML against the sitemaps.org / Google XSDs with xmllint. The XSDs are not part of
// Lede: they live beside the project in ../shared/schemas (never copied in). When they or xmllint
// are missing, `xsdValidator()` says why, and the tests that validate are skipped with that reason
// (counted as skipped in the summary, never as passed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type XsdValidator = { validate(xml: string, schema: 'siteindex.xsd' | 'sitemap-all.xsd'): { ok: boolean; output: string } };

/** ../shared/schemas relative to the project root (the directory tests and scripts run from). */
export const schemasDir = path.resolve(process.cwd(), '../shared/schemas');

export function xsdValidator(): XsdValidator | { unavailable: string } {
  if (!fs.existsSync(path.join(schemasDir, 'sitemap-all.xsd'))) {
    return { unavailable: `the sitemap XSDs are absent (${schemasDir})` };
  }
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) return { unavailable: 'xmllint is not installed (apt-get install libxml2-utils)' };
  return {
    validate(xml, schema) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-xsd-'));
      const file = path.join(dir, 'sitemap.xml');
      fs.writeFileSync(file, xml);
      try {
        const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(schemasDir, schema), file], { encoding: 'utf8' });
        return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
