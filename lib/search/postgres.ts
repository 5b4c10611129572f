// PostgreSQL search arrives with the scale-out work (tsvector + GIN behind the same interface).
import type { SearchEngine } from '@/lib/search/types';

export const postgresSearch: SearchEngine = {
  async search() {
    throw new Error('Search on PostgreSQL is not available yet.');
  },
};
