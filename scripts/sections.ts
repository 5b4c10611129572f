// Sections from the command line (thin: lib/sections does the work). A new site gets its sections here.
//   npm run sections -- add SLUG "Name" [--description TEXT] [--position N]   (adds, or changes by slug)
//   npm run sections -- list
import { parseArgs } from 'node:util';
import { z } from 'zod';

const usage = `Usage:
  npm run sections -- add SLUG "Name" [--description TEXT] [--position N]
  npm run sections -- list`;

function readArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: { description: { type: 'string' }, position: { type: 'string' } } });
  } catch (error) {
    // An unknown option or a missing value: say which, without a stack trace.
    console.error(`${usage}\n  ${(error as Error).message}`);
    return null;
  }
}

async function main(): Promise<number> {
  const parsed = readArgs();
  if (!parsed) return 2;
  const [command, ...rest] = parsed.positionals;
  const { applyMigrations } = await import('@/lib/db/migrate');
  const { db } = await import('@/lib/db/client');
  switch (command) {
    case 'add': {
      const [slug, name] = rest;
      if (!slug || !name || rest.length > 2) {
        console.error(usage);
        return 2;
      }
      const position = parsed.values.position === undefined ? undefined : Number(parsed.values.position);
      await applyMigrations();
      const { saveSection, sectionInputSchema } = await import('@/lib/sections/commands');
      const input = sectionInputSchema.safeParse({ slug, name, description: parsed.values.description, position });
      if (!input.success) {
        console.error(`Section not saved:\n${input.error.issues.map((issue) => `  ${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n')}`);
        return 1;
      }
      const section = await saveSection(input.data);
      console.log(`Saved section /${section.slug} "${section.name}" (position ${section.position}).`);
      const { runningAppsNotice } = await import('./support/running-apps');
      console.log(runningAppsNotice());
      await db.$disconnect();
      return 0;
    }
    case 'list': {
      await applyMigrations();
      const { listSections } = await import('@/lib/sections/queries');
      const sections = await listSections();
      for (const section of sections) console.log(`${section.position}\t/${section.slug}\t${section.name}${section.retired ? '\t(retired)' : ''}`);
      if (!sections.length) console.log('No sections yet: npm run sections -- add SLUG "Name"');
      await db.$disconnect();
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof z.ZodError ? `Invalid input: ${error.message}` : error);
  return 1;
});
