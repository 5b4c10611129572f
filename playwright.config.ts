// Browser journeys (e2e/*.spec.ts) in real Chromium against a real build of the app on port 3999.
// e2e/support/global-setup.ts prepares a fresh database (E2E_DATABASE=sqlite|postgres), builds into
// .next-e2e and starts the server; docs/testing.md explains how to add a spec.
import { defineConfig, devices } from '@playwright/test';
import { baseURL, chromiumArgs, chromiumPath, outputDir } from './e2e/support/environment';

const jsonReport = process.env.LEDE_E2E_JSON_REPORT;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One server on two cores: specs run one at a time, in a stable order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/support/global-setup.ts',
  outputDir,
  reporter: [['list'], ...(jsonReport ? [['json', { outputFile: jsonReport }] as ['json', { outputFile: string }]] : [])],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'chromium' }],
});
