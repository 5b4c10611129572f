// PostgreSQL support arrives with the scale-out issue; the migrator asks for it by this name.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export async function postgresMigrationAdapter(_url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  throw new Error('PostgreSQL is not supported yet: set DATABASE_URL to a file: URL (SQLite).');
}
