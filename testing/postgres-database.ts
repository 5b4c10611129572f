// PostgreSQL for the vitest run (LEDE_TEST_DATABASE=postgres): one migrated template database per
// run, named lede_test_<random>, and one database per test file created WITH TEMPLATE from it
// (a file copy inside the server: far faster than migrating each time). All are dropped after.
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, listDatabases, withDatabase } from '@/lib/db/postgres';

/** The server the tests use; its database part is ignored. */
export const testServerUrl = (): string => process.env.LEDE_TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

export const wantsPostgres = (): boolean => process.env.LEDE_TEST_DATABASE === 'postgres';

export async function createTemplateDatabase(): Promise<{ url: string; prefix: string; dropAll: () => Promise<void> }> {
  const prefix = `lede_test_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(testServerUrl(), prefix);
  await createDatabase(url);
  const dropAll = async () => {
    for (const name of await listDatabases(url, prefix)) await dropDatabase(withDatabase(url, name));
  };
  return { url, prefix, dropAll };
}

/** A fresh database copied from the template; CREATE DATABASE refuses while another copy of the
 * same template is starting, so it retries a few times. */
export async function createFileDatabase(templateUrl: string): Promise<string> {
  const template = new URL(templateUrl).pathname.slice(1);
  const url = withDatabase(templateUrl, `${template}_${process.pid}_${randomBytes(3).toString('hex')}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await createDatabase(url, { template });
      return url;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export { dropDatabase };
