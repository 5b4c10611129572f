// Derives the PostgreSQL Prisma schema from the SQLite one (prisma/schema.prisma stays the one model
// definition). Pure text in, text out, so the drift test and the generator script share it.

const header = `// GENERATED from prisma/schema.prisma by scripts/generate-postgres-schema.ts: do not edit by hand.
// Edit the SQLite schema, run the script, then add a PostgreSQL migration (docs/postgres.md).

`;

export function postgresSchemaFromSqlite(source: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*provider\s*=\s*"sqlite"[^}]*\}/;
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/;
  if (!datasource.test(source)) throw new Error('prisma/schema.prisma: expected `datasource db { provider = "sqlite" }`');
  if (!output.test(source)) throw new Error('prisma/schema.prisma: expected the client generator to output to ../lib/generated/prisma');
  // Features only one of the two databases has would make the twins differ in meaning: refuse them.
  for (const line of source.split('\n').map((text) => text.replace(/\/\/.*$/, ''))) {
    if (/@db\./.test(line)) throw new Error(`native database types are not portable: ${line.trim()}`);
    if (/mode:\s*insensitive/.test(line)) throw new Error(`mode: insensitive is PostgreSQL-only: ${line.trim()}`);
    if (/^\s*\w+\s+(String|Int|BigInt|Float|Decimal|Boolean|DateTime|Json|Bytes)\[\]/.test(line)) {
      throw new Error(`scalar lists are PostgreSQL-only: ${line.trim()}`);
    }
  }
  return (
    header +
    source
      .replace(datasource, (block) => block.replace('"sqlite"', '"postgresql"'))
      .replace(output, '$1"../../lib/generated/prisma-postgres"')
  );
}
