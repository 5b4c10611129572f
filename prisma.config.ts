// Prisma CLI configuration (migrate, generate, studio). The app itself never runs the CLI: it applies
// the committed migrations at start through lib/db/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/lede.db' },
});
