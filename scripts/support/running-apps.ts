// What a CLI that changed public pages says about the running apps that will show the change. The
// change reaches them through the database (its page refreshes are in the outbox, which every app
// polls), never through a call: this only names them, from the records the server entry keeps
// (lib/instance/address.ts).
import { POLL_MS } from '@/lib/cache/outbox';
import { runningApps } from '@/lib/instance/address';

export function runningAppsNotice(): string {
  const apps = runningApps();
  if (!apps.length) return 'No running Lede app on this machine serves this database: the site shows the change when one starts.';
  const where = apps.map((app) => `${app.url} (pid ${app.pid})`).join(', ');
  return apps.length === 1
    ? `The running Lede app at ${where} shows the change at its next look at the page refreshes recorded with it (every ${POLL_MS} ms).`
    : `The running Lede apps at ${where} show the change at their next look at the page refreshes recorded with it (every ${POLL_MS} ms).`;
}
