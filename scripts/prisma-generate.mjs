// `prisma generate` needs no schema engine, but the Prisma CLI tries to download one unless
// PRISMA_SCHEMA_ENGINE_BINARY names a file. Machines without internet (ours) would fail there, so
// point it at this very file: generate never executes it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
// Two clients from one model: SQLite's (the source of truth) and PostgreSQL's, whose schema
// scripts/generate-postgres-schema.ts derives from it (a test fails when the two drift).
for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], { stdio: 'inherit', env });
}
