import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests (beside the code: *.test.ts). Integration tests run against a real
// SQLite file: testing/global-setup.ts migrates a template once, testing/setup-database.ts
// gives every test file its own copy before any lib/ module reads DATABASE_URL.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'testing/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.{ts,tsx}'],
    globalSetup: ['testing/global-setup.ts'],
    setupFiles: ['testing/setup-database.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
