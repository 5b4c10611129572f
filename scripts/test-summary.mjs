// What scripts/test.mjs makes of each tool's JSON report, and the summary it ends with. Apart from
// test.mjs (which runs everything) so that scripts/test-summary.test.ts can check it on its own.
// Plain JavaScript, like test.mjs: it runs before anything is compiled or checked.
import path from 'node:path';

/** One skipped test: where, what, and why (null when the test gave no reason). */
const skip = (file, title, reason) => ({ file, title, reason: reason || null });

/** One failed test: where, what, and the first lines of its error. CI keeps only the end of the log,
 * so the summary must name what failed (a stop once had "1 failed" and no way to tell which). */
const failure = (file, title, message) => ({ file, title, error: firstLines(message) });
const firstLines = (message) => {
  const lines = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  // "expect(received).toBe(expected)" alone says little: the Expected and Received lines follow it.
  return lines.slice(0, 3).join(' / ').slice(0, 400) || 'no error message';
};

/** Counts of a vitest JSON report; a skipped test's reason is its meta.skippedFor (testing/services.ts). */
export function vitestResult(json, exitCode, root) {
  if (!json) return { passed: 0, failed: 1, skipped: 0, total: 0, skips: [], failures: [], note: '(vitest left no report: it crashed)' };
  const skips = [];
  const failures = [];
  for (const file of json.testResults ?? []) {
    const name = path.relative(root, file.name);
    for (const test of file.assertionResults ?? []) {
      if (['skipped', 'pending', 'todo', 'disabled'].includes(test.status)) skips.push(skip(name, test.fullName, test.meta?.skippedFor));
      if (test.status === 'failed') failures.push(failure(name, test.fullName, test.failureMessages?.[0]));
    }
    // A file that does not load has no test results, only its message.
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed')) failures.push(failure(name, '(the file)', file.message));
  }
  const counts = {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    total: json.numTotalTests ?? 0,
    skips,
    failures,
  };
  // A test file that fails to load has no failed test but a failed suite: it must still count.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = Math.max(1, json.numFailedTestSuites ?? 0);
  return counts;
}

/** Counts of a Playwright JSON report; a skipped test's reason is the description of its `skip`
 * annotation (`test.skip(condition, reason)`). */
export function playwrightResult(json, exitCode) {
  if (!json?.stats) return { passed: 0, failed: 1, skipped: 0, total: 0, skips: [], failures: [], note: '(Playwright left no report)' };
  const skips = [];
  const failures = [];
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith('.spec.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const file = path.posix.join('e2e', spec.file ?? suite.file ?? '');
        const title = [...here, spec.title].join(' › ');
        if (test.status === 'unexpected' || test.status === 'flaky') {
          const failed = (test.results ?? []).find((result) => result.status !== 'passed' && result.status !== 'skipped');
          failures.push(failure(`${file}:${spec.line ?? '?'}`, title, failed?.error?.message ?? failed?.errors?.[0]?.message));
        }
        if (test.status !== 'skipped') continue;
        const annotations = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((result) => result.annotations ?? [])];
        const reason = annotations.find((annotation) => annotation.type === 'skip')?.description;
        skips.push(skip(file, title, reason));
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of json.suites ?? []) walk(suite, []);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const counts = { passed: expected, failed: unexpected + flaky, skipped, total: expected + unexpected + flaky + skipped, skips, failures };
  // Errors outside tests (global setup, a spec that does not load) fail the run with no failed test.
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = Math.max(1, json.errors?.length ?? 0);
    for (const error of json.errors ?? []) failures.push(failure('(outside any test)', '', error.message));
  }
  return counts;
}

/** A stage that did not run at all: every test it would have run counts as skipped, with the reason. */
export function skippedStage(name, total, reason) {
  return { name, passed: 0, failed: 0, skipped: total, total, seconds: 0, skips: [], failures: [], stageSkipped: reason };
}

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The closing lines: one per stage, then every skip grouped by its reason, then the one total line. */
export function summaryLines(stages) {
  const lines = ['[test] Summary'];
  for (const stage of stages) {
    const mark = stage.failed ? '✗' : stage.stageSkipped ? '–' : '✓';
    const time = stage.stageSkipped ? '' : ` (${stage.seconds} s)`;
    lines.push(`  ${mark} ${stage.name}: ${stage.passed} passed, ${stage.failed} failed, ${stage.skipped} skipped${stage.note ? ` ${stage.note}` : ''}${time}`);
  }

  const why = [];
  // Whole stages first: "PostgreSQL stage skipped: <reason> (…)", one line per reason.
  const stagesByReason = new Map();
  for (const stage of stages.filter((each) => each.stageSkipped)) {
    stagesByReason.set(stage.stageSkipped, [...(stagesByReason.get(stage.stageSkipped) ?? []), stage]);
  }
  for (const [reason, skipped] of stagesByReason) {
    const label = skipped.every((stage) => /PostgreSQL/.test(stage.name)) ? 'PostgreSQL stage skipped' : 'Stage skipped';
    why.push(`  ${label}: ${reason} (${skipped.map((stage) => `${stage.name}: ${plural(stage.skipped, 'test')}`).join('; ')})`);
  }
  // Then skipped tests of the stages that ran, by reason.
  for (const stage of stages) {
    const byReason = new Map();
    for (const each of stage.skips ?? []) {
      const key = each.reason ?? '';
      byReason.set(key, [...(byReason.get(key) ?? []), each]);
    }
    const reasons = [...byReason.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b));
    for (const reason of reasons) {
      const tests = byReason.get(reason);
      const files = [...new Set(tests.map((each) => each.file))].sort().join(', ');
      why.push(`  ${stage.name}: ${plural(tests.length, 'test')} skipped: ${reason || 'no reason given'} (${files})`);
    }
  }
  if (why.length) lines.push('[test] Skipped, and why:', ...why);

  const failed = stages.flatMap((stage) => (stage.failures ?? []).map((each) => `  ${stage.name}: ${each.file}${each.title ? ` › ${each.title}` : ''}: ${each.error}`));
  if (failed.length) lines.push('[test] Failed:', ...failed);

  const total = (key) => stages.reduce((sum, stage) => sum + stage[key], 0);
  lines.push(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
  return lines;
}
