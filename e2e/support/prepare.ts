// Run by the e2e global setup with tsx, in a process of its own (lib/config reads the environment
// once, and the runner's own process must not hold the database open): migrate, seed the demo
// content, create the first admin and leave its credentials for the admin specs.
import fs from 'node:fs';
import { adminCredentialsFile } from './environment';

const { prepareSite } = await import('../../scripts/support/prepare-site');

const { db } = await import('@/lib/db/client');
const site = await prepareSite({ log: (line) => console.log(`[e2e] ${line}`) });
await db.$disconnect();
if (!site.admin) throw new Error('The e2e database already had users: it should have been created fresh.');
fs.writeFileSync(adminCredentialsFile, `${JSON.stringify(site.admin, null, 2)}\n`, { mode: 0o600 });
console.log(`[e2e] ${site.articles} articles; admin credentials in ${adminCredentialsFile}`);
