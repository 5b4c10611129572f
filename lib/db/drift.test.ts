// One model, two databases: prisma/postgres/schema.prisma must be exactly what the generator makes
// from prisma/schema.prisma, and each database's committed migrations must build exactly its
// schema (apart from the hand-written full-text search objects, which Prisma cannot describe).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsToSchemaDiff } from '@/lib/db/drift';
import { postgresSchemaFromSqlite } from '@/lib/db/postgres-schema';
import { needs, postgresMissing, postgresServer as testPostgresServer } from '@/testing/services';

const sqliteSchema = { path: 'prisma/schema.prisma', content: fs.readFileSync('prisma/schema.prisma', 'utf8') };
const postgresSchema = { path: 'prisma/postgres/schema.prisma', content: fs.readFileSync('prisma/postgres/schema.prisma', 'utf8') };
const postgresServer = testPostgresServer();
const postgresAbsent = await postgresMissing(postgresServer);

// What the search migrations add and `migrate diff` would drop: everything else must be empty.
const handWritten = {
  sqlite: /^DROP TABLE "ArticleSearch(_config|_data|_docsize|_idx)?";$/,
  postgresql: /^(DROP INDEX "Article_searchVector_idx"|ALTER TABLE "Article" DROP COLUMN "searchVector");$/,
};
const unexplained = (diff: string, allowed: RegExp) =>
  diff
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('--') && !/^PRAGMA foreign_keys=(on|off);$/.test(line) && !allowed.test(line));

// A column the migrations do not have: the same check must then fail.
const withExtraColumn = (schema: { path: string; content: string }) => ({
  ...schema,
  content: schema.content.replace(/(model Section \{\n)/, '$1  driftProbe String @default("")\n'),
});

const sqliteUrl = () => `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-drift-')), 'shadow.db')}`;

describe('PostgreSQL schema generation', () => {
  it('prisma/postgres/schema.prisma is what scripts/generate-postgres-schema.ts makes of prisma/schema.prisma', () => {
    expect(postgresSchema.content).toBe(postgresSchemaFromSqlite(sqliteSchema.content));
  });

  it('changes only the provider and the client folder', () => {
    const generated = postgresSchemaFromSqlite(sqliteSchema.content);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('output       = "../../lib/generated/prisma-postgres"');
    expect(generated.replace(/^\/\/ GENERATED[^\n]*\n[^\n]*\n\n/, '').replace('"postgresql"', '"sqlite"').replace('../../lib/generated/prisma-postgres', '../lib/generated/prisma')).toBe(sqliteSchema.content);
  });

  it('refuses a model only one database can hold', () => {
    expect(() => postgresSchemaFromSqlite(sqliteSchema.content.replace('model Tag {', 'model Tag {\n  aliases String[]'))).toThrow(/scalar lists/);
    expect(() => postgresSchemaFromSqlite(sqliteSchema.content.replace('name      String', 'name      String @db.Text'))).toThrow(/native database types/);
  });
});

describe('committed migrations match the schema', () => {
  it('SQLite: prisma/migrations builds prisma/schema.prisma', async () => {
    const diff = await migrationsToSchemaDiff(sqliteUrl(), 'prisma/migrations', sqliteSchema);
    expect(unexplained(diff, handWritten.sqlite)).toEqual([]);
    const drifted = await migrationsToSchemaDiff(sqliteUrl(), 'prisma/migrations', withExtraColumn(sqliteSchema));
    expect(unexplained(drifted, handWritten.sqlite).join('\n')).toMatch(/driftProbe/);
  });

  it('PostgreSQL: prisma/postgres/migrations builds prisma/postgres/schema.prisma', needs(postgresAbsent), async () => {
    const diff = await migrationsToSchemaDiff(postgresServer, 'prisma/postgres/migrations', postgresSchema);
    expect(unexplained(diff, handWritten.postgresql)).toEqual([]);
    // The search objects are there (the migration ran in the shadow database).
    expect(diff).toContain('DROP COLUMN "searchVector"');
    const drifted = await migrationsToSchemaDiff(postgresServer, 'prisma/postgres/migrations', withExtraColumn(postgresSchema));
    expect(unexplained(drifted, handWritten.postgresql).join('\n')).toMatch(/ADD COLUMN\s+"driftProbe"/);
  });
});
