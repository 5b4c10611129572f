// Test helper: runs structured-data-testing-tool's Google preset on an HTML page (offline: it reads
// the given HTML, fetches nothing). Used by lib/seo/jsonld.test.ts and e2e/crawlers-metadata.spec.ts.
import { createRequire } from 'node:module';

export type SdttResult = {
  passed: { test: string }[];
  failed: { test: string; description?: string; error?: { message: string } }[];
  warnings: { test: string }[];
  schemas: string[];
};

const require = createRequire(import.meta.url);
// CommonJS without type declarations.
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest: (html: string, options: object) => Promise<SdttResult>;
};
const { Google } = require('structured-data-testing-tool/presets') as { Google: object };

/** The result whether the tests passed or not (the tool rejects on failures; we want to read them). */
export async function googlePreset(html: string): Promise<SdttResult> {
  try {
    return await structuredDataTest(html, { presets: [Google] });
  } catch (error) {
    const failure = error as { type?: string; res?: SdttResult };
    if (failure.type === 'VALIDATION_FAILED' && failure.res) return failure.res;
    throw error;
  }
}

/** The JSON-LD blocks of a page, parsed, flattened (a block may hold an array). */
export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((match) => {
    const data = JSON.parse(match[1]!) as Record<string, unknown> | Record<string, unknown>[];
    return Array.isArray(data) ? data : [data];
  });
}
