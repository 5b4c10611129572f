// For CLIs that write to the database behind a running app's back (import, db:copy): asks the app on
// this machine to expire the pages those writes touched. Without a running app there is nothing to
// expire (its cache lives in memory and starts empty).
import { config } from '@/lib/config';
import { internalSecret } from '@/lib/scheduling/internal-secret';

export type SiteNotice = { refreshed: boolean; message: string };

export async function notifyRunningSite(change: { articleIds: number[] } | { everything: true }, origin: string = `http://127.0.0.1:${config.PORT}`): Promise<SiteNotice> {
  try {
    const response = await fetch(`${origin}/api/internal/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lede-internal': internalSecret() },
      body: JSON.stringify(change),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return { refreshed: false, message: `The app at ${origin} refused the refresh (${response.status}); restart it to show the changes.` };
    return { refreshed: true, message: `The app at ${origin} refreshed the pages these changes touch.` };
  } catch {
    return { refreshed: false, message: `No Lede app answered at ${origin}; a running app on another port shows the changes after a restart.` };
  }
}
