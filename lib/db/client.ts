// The one Prisma client of the process. Only lib/ data modules import it (docs/decisions).
// DATABASE_URL picks the driver adapter (lib/db/create-client.ts); the client is kept on globalThis
// so that Next's dev reloads and its several server bundles share one connection.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createClient } from '@/lib/db/create-client';

export { createClient };
export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { ledeDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.ledeDb ??= createClient());
