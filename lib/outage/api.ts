// The newsroom's JSON API when a request fails for want of the database (gone, or too busy to answer
// in time): 503 with Retry-After and a message, never a 500 (docs/decisions/0013-database-outage.md).
import { NextResponse } from 'next/server';
import { failedForWantOfDatabase } from '@/lib/db/availability';
import { OUTAGE_API_MESSAGE, RETRY_AFTER_SECONDS } from '@/lib/outage/page';

export function databaseUnavailableJson(): NextResponse {
  return NextResponse.json({ error: OUTAGE_API_MESSAGE }, { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } });
}

/** Wraps a route handler: a database failure becomes the 503 above, anything else stays an error. */
export function answeringDatabaseOutage<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (await failedForWantOfDatabase(error)) return databaseUnavailableJson();
      throw error;
    }
  };
}
