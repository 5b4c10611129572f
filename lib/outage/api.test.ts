import { describe, expect, it } from 'vitest';
import { databaseLastAnswered, probeDatabase } from '@/lib/db/availability';
import { answeringDatabaseOutage } from '@/lib/outage/api';

// What Prisma throws when SQLite's busy timeout ran out behind another writer (the soak's publishes).
const busy = Object.assign(new Error('Operation has timed out'), { code: 'P1008' });

describe('the JSON API when the database fails a request', () => {
  it('answers 503 with Retry-After and a message for a timed-out query, without declaring an outage', async () => {
    expect(await probeDatabase()).toBe(true);
    const handler = answeringDatabaseOutage(async () => {
      throw busy;
    });
    const response = await handler();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('10');
    expect(await response.json()).toEqual({ error: 'The database is not answering; nothing was changed. Try again in a minute.' });
    // A busy database is not a gone one: pages keep rendering (before, one busy timeout sent the
    // whole site to "cached pages or 503" for a second).
    expect(databaseLastAnswered()).toBe(true);
  });

  it('leaves any other error an error', async () => {
    const handler = answeringDatabaseOutage(async () => {
      throw new TypeError('a bug');
    });
    await expect(handler()).rejects.toThrow('a bug');
  });
});
