// Route parameters readers send, checked before anything is looked up.
import { z } from 'zod';

/** Lower-case ASCII words joined by hyphens: what lib/articles/slug.ts makes. Anything else is not
 * one of ours (the proxy already lower-cases paths), so it is a 404 without a database query. */
export const slugParam = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export function validSlug(value: string): string | null {
  const parsed = slugParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
