// @ts-check
// Where Lede keeps its data unless told otherwise: the one statement of it, for lib/config.ts and for
// the server entry (scripts/serve.mjs), which is plain JavaScript and cannot load config.
import path from 'node:path';

/** The data folder of the project at `projectRoot` (database, media, instance records, secrets).
 * @param {string} projectRoot */
export const dataFolder = (projectRoot) => path.join(/* turbopackIgnore: true */ projectRoot, 'data');

/** DATABASE_URL when none is set: an SQLite file in the data folder.
 * @param {string} dataDir */
export const defaultDatabaseUrl = (dataDir) => `file:${path.join(/* turbopackIgnore: true */ dataDir, 'lede.db')}`;
