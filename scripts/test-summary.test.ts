// npm test's closing summary: what did not run is counted as skipped and said, with its reason,
// never passed silently (a missing PostgreSQL, Redis, xmllint or the XSDs).
import { describe, expect, it } from 'vitest';
import { playwrightResult, skippedStage, summaryLines, vitestResult } from './test-summary.mjs';

const root = '/project';

// The parts of vitest's JSON report the summary reads (vitest 4: meta as the test set it).
const vitestReport = {
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 4,
  numTodoTests: 0,
  numTotalTests: 7,
  numFailedTestSuites: 0,
  testResults: [
    {
      name: '/project/lib/cache/page-cache-handler.redis.test.ts',
      assertionResults: [
        { fullName: 'page cache in Redis serves on B what A stored', status: 'skipped', meta: { skippedFor: 'no Redis server answers at 127.0.0.1:6379' } },
        { fullName: 'page cache in Redis never stores a 404', status: 'skipped', meta: { skippedFor: 'no Redis server answers at 127.0.0.1:6379' } },
        { fullName: 'page cache with Redis unreachable answers misses at once', status: 'passed', meta: {} },
      ],
    },
    {
      name: '/project/lib/db/copy.test.ts',
      assertionResults: [{ fullName: 'copyDatabase copies every row', status: 'skipped', meta: { skippedFor: 'no PostgreSQL server answers at 127.0.0.1:5432' } }],
    },
    {
      name: '/project/lib/transfer/crash.test.ts',
      assertionResults: [{ fullName: 'kill -9 during a JSON import leaves whole articles', status: 'skipped', meta: {} }],
    },
    { name: '/project/lib/articles/queries.test.ts', assertionResults: [{ fullName: 'loadArticlePage seeks', status: 'passed', meta: {} }, { fullName: 'getPublishedArticle', status: 'passed', meta: {} }] },
  ],
};

// The parts of Playwright's JSON report the summary reads.
const playwrightReport = {
  stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 1 },
  errors: [],
  suites: [
    {
      title: 'nginx.spec.ts',
      file: 'nginx.spec.ts',
      specs: [],
      suites: [
        {
          title: 'behind nginx',
          file: 'nginx.spec.ts',
          specs: [
            {
              title: 'caches public pages',
              file: 'nginx.spec.ts',
              tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'nginx is not installed (apt-get install nginx-light) and could not be installed here' }], results: [] }],
            },
          ],
        },
      ],
    },
  ],
};

describe('the test summary', () => {
  it('reads each skip and its reason from vitest and Playwright reports', () => {
    const vitest = vitestResult(vitestReport, 0, root);
    expect([vitest.passed, vitest.failed, vitest.skipped, vitest.total]).toEqual([3, 0, 4, 7]);
    expect(vitest.skips).toEqual([
      { file: 'lib/cache/page-cache-handler.redis.test.ts', title: 'page cache in Redis serves on B what A stored', reason: 'no Redis server answers at 127.0.0.1:6379' },
      { file: 'lib/cache/page-cache-handler.redis.test.ts', title: 'page cache in Redis never stores a 404', reason: 'no Redis server answers at 127.0.0.1:6379' },
      { file: 'lib/db/copy.test.ts', title: 'copyDatabase copies every row', reason: 'no PostgreSQL server answers at 127.0.0.1:5432' },
      { file: 'lib/transfer/crash.test.ts', title: 'kill -9 during a JSON import leaves whole articles', reason: null },
    ]);
    const playwright = playwrightResult(playwrightReport, 0);
    expect([playwright.passed, playwright.failed, playwright.skipped, playwright.total]).toEqual([5, 0, 1, 6]);
    expect(playwright.skips).toEqual([
      { file: 'e2e/nginx.spec.ts', title: 'behind nginx › caches public pages', reason: 'nginx is not installed (apt-get install nginx-light) and could not be installed here' },
    ]);
  });

  it('ends with the skipped PostgreSQL stage, the skipped tests grouped by reason, then the totals', () => {
    const why = 'no PostgreSQL server answers at 127.0.0.1:5432';
    const lines = summaryLines([
      { name: 'type check (tsc --noEmit)', passed: 1, failed: 0, skipped: 0, seconds: 20 },
      { name: 'unit and integration tests (vitest, SQLite)', seconds: 300, ...vitestResult(vitestReport, 0, root) },
      { name: 'browser journeys (Playwright, SQLite)', seconds: 600, ...playwrightResult(playwrightReport, 0) },
      skippedStage('unit and integration tests (vitest, PostgreSQL)', 7, why),
      skippedStage('browser journeys (Playwright, PostgreSQL)', 6, why),
    ]);
    expect(lines).toEqual([
      '[test] Summary',
      '  ✓ type check (tsc --noEmit): 1 passed, 0 failed, 0 skipped (20 s)',
      '  ✓ unit and integration tests (vitest, SQLite): 3 passed, 0 failed, 4 skipped (300 s)',
      '  ✓ browser journeys (Playwright, SQLite): 5 passed, 0 failed, 1 skipped (600 s)',
      '  – unit and integration tests (vitest, PostgreSQL): 0 passed, 0 failed, 7 skipped',
      '  – browser journeys (Playwright, PostgreSQL): 0 passed, 0 failed, 6 skipped',
      '[test] Skipped, and why:',
      '  PostgreSQL stage skipped: no PostgreSQL server answers at 127.0.0.1:5432 (unit and integration tests (vitest, PostgreSQL): 7 tests; browser journeys (Playwright, PostgreSQL): 6 tests)',
      '  unit and integration tests (vitest, SQLite): 1 test skipped: no PostgreSQL server answers at 127.0.0.1:5432 (lib/db/copy.test.ts)',
      '  unit and integration tests (vitest, SQLite): 2 tests skipped: no Redis server answers at 127.0.0.1:6379 (lib/cache/page-cache-handler.redis.test.ts)',
      '  unit and integration tests (vitest, SQLite): 1 test skipped: no reason given (lib/transfer/crash.test.ts)',
      '  browser journeys (Playwright, SQLite): 1 test skipped: nginx is not installed (apt-get install nginx-light) and could not be installed here (e2e/nginx.spec.ts)',
      '9 passed, 0 failed, 18 skipped',
    ]);
  });

  it('names every failed test with the first lines of its error, so the end of a CI log says what failed', () => {
    const vitest = vitestResult(
      {
        ...vitestReport,
        numFailedTests: 1,
        testResults: [
          {
            name: '/project/lib/audience/view-log.test.ts',
            status: 'failed',
            assertionResults: [{ fullName: 'the view log reads a rotated log', status: 'failed', failureMessages: ['AssertionError: expected 3 to be 4\n    at view-log.test.ts:10:5'] }],
          },
          { name: '/project/lib/broken.test.ts', status: 'failed', message: 'Failed to load url ./missing', assertionResults: [] },
        ],
      },
      1,
      root,
    );
    const spec = (line: number, status: string, message: string) => ({
      title: `journey at ${line}`,
      file: 'cache.spec.ts',
      line,
      tests: [{ status, annotations: [], results: [{ status: 'failed', error: { message: `\u001b[31mError: expect(received).toBe(expected)\u001b[39m\n\n${message}\n\n  at x` } }] }],
    });
    const playwright = playwrightResult(
      {
        stats: { expected: 0, unexpected: 1, flaky: 1, skipped: 0 },
        suites: [{ title: 'cache.spec.ts', file: 'cache.spec.ts', suites: [], specs: [spec(12, 'unexpected', 'Expected: 200\nReceived: 500'), spec(40, 'flaky', 'Expected: "a"')] }],
      },
      1,
    );
    const crashed = playwrightResult({ stats: { expected: 3 }, errors: [{ message: 'Error: the build failed\nmore' }] }, 1);
    const lines = summaryLines([
      { name: 'vitest', seconds: 1, ...vitest },
      { name: 'Playwright', seconds: 1, ...playwright },
      { name: 'Playwright again', seconds: 1, ...crashed },
    ]);
    expect(lines.slice(lines.indexOf('[test] Failed:'))).toEqual([
      '[test] Failed:',
      '  vitest: lib/audience/view-log.test.ts › the view log reads a rotated log: AssertionError: expected 3 to be 4 / at view-log.test.ts:10:5',
      '  vitest: lib/broken.test.ts › (the file): Failed to load url ./missing',
      '  Playwright: e2e/cache.spec.ts:12 › journey at 12: Error: expect(received).toBe(expected) / Expected: 200 / Received: 500',
      '  Playwright: e2e/cache.spec.ts:40 › journey at 40: Error: expect(received).toBe(expected) / Expected: "a" / at x',
      '  Playwright again: (outside any test): Error: the build failed / more',
      '6 passed, 4 failed, 4 skipped',
    ]);
  });

  it('counts a crashed tool as a failure, never as a pass', () => {
    expect(vitestResult(null, 1, root)).toMatchObject({ passed: 0, failed: 1 });
    expect(playwrightResult(null, 1)).toMatchObject({ passed: 0, failed: 1 });
    expect(vitestResult({ ...vitestReport, testResults: [], numFailedTestSuites: 2 }, 1, root).failed).toBe(2);
  });
});
