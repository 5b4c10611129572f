// npx tsx scripts/generate-postgres-schema.ts [--check]
// prisma/schema.prisma (SQLite) is the one model definition; this writes its PostgreSQL twin to
// prisma/postgres/schema.prisma. The model keeps to what both databases support, so only the
// datasource provider and the generated client's folder differ. --check exits 1 on drift.
import fs from 'node:fs';
import path from 'node:path';
import { postgresSchemaFromSqlite } from '@/lib/db/postgres-schema';

const root = process.cwd();
const source = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const target = path.join(root, 'prisma', 'postgres', 'schema.prisma');
const wanted = postgresSchemaFromSqlite(source);

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== wanted) {
    console.error('prisma/postgres/schema.prisma is out of date: run `npx tsx scripts/generate-postgres-schema.ts`.');
    process.exit(1);
  }
  console.log('prisma/postgres/schema.prisma matches prisma/schema.prisma.');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, wanted);
  console.log(`Wrote ${path.relative(root, target)}.`);
}
