// The one shape of a flush (docs/decisions/0022-audience-counts.md): what scripts/serve.mjs's counter
// sends to /api/internal/audience, checked again here although the sender is this same process.
import { z } from 'zod';
import { MAX_ARTICLE_ID } from '@/lib/audience/counter.mjs';
import { MAX_FLUSH_ENTRIES } from '@/lib/audience/beacon.mjs';

// Hours since 1970: from 2020 to 2100, wide enough for any clock, narrow enough to refuse nonsense.
const hour = z.number().int().min(438_000).max(1_139_000);

export const viewBatchSchema = z.object({
  views: z
    .array(z.tuple([z.number().int().min(1).max(MAX_ARTICLE_ID), hour, z.number().int().min(1).max(1_000_000_000)]))
    .max(MAX_FLUSH_ENTRIES),
}).strict();

export type ViewBatch = z.infer<typeof viewBatchSchema>;
