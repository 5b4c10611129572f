// Where the running app is, the one module that knows. Inside the app (the request proxy's loopback
// calls: scheduled work, the outage's cache lookup) it is this process's own port, from lib/config.ts.
// Outside it (the CLIs) it is what the server entry recorded when it started listening
// (./app-record.mjs). No CLI calls the app: they write through the database, and the outbox carries
// their page refreshes to every instance (lib/cache/outbox.ts). They read the record to tell the
// operator which running app shows their change (scripts/support/running-apps.ts), and npm start
// which Lede already holds its port.
import { config } from '@/lib/config';
import { databaseFingerprint, readAppRecords, type AppRecord } from '@/lib/instance/app-record.mjs';

export type { AppRecord };

/** This process's own address, for a request it makes to itself. */
export const loopbackOrigin = (): string => `http://127.0.0.1:${config.PORT}`;

/** The running apps (alive, on this machine, from this project) that serve DATABASE_URL's database. */
export function runningApps(databaseUrl: string = config.DATABASE_URL): AppRecord[] {
  const database = databaseFingerprint(databaseUrl);
  return readAppRecords(config.dataDir).filter((record) => record.database === database);
}

/** The app recorded on `port`, whatever database it serves (alive), or null. */
export function appOnPort(port: number): AppRecord | null {
  return readAppRecords(config.dataDir).find((record) => record.port === port) ?? null;
}
