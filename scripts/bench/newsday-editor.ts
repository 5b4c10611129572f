// The news-day bench's editor: publishes a new article every few seconds through the newsroom's JSON
// API (straight to the app: /api is never cached), then watches the home page, through the same front
// door as the readers, until the article's headline shows on it: the publish-to-home time.
export type Draft = { id: number; path: string };
export type EditorResult = { publishes: number; errors: string[]; publishToHomeMs: number[]; neverShown: number };

export function startEditor(options: { origin: string; front: string; session: string; drafts: Draft[]; marker: (index: number) => string; everySeconds: number }) {
  const result: EditorResult = { publishes: 0, errors: [], publishToHomeMs: [], neverShown: 0 };
  let running = true;
  let index = 0;
  const watchHome = async (marker: string, acknowledged: number) => {
    while (Date.now() - acknowledged < 30_000) {
      try {
        const html = await (await fetch(`${options.front}/`, { signal: AbortSignal.timeout(10_000) })).text();
        if (html.includes(marker)) {
          result.publishToHomeMs.push(Date.now() - acknowledged);
          return;
        }
      } catch {
        // A failed look is retried; the readers' tally counts the errors.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    result.neverShown += 1;
  };
  const loop = (async () => {
    const watchers: Promise<void>[] = [];
    while (running && index < options.drafts.length) {
      const draft = options.drafts[index]!;
      const marker = options.marker(index);
      index += 1;
      try {
        const response = await fetch(`${options.origin}/api/admin/articles/${draft.id}/publish`, {
          method: 'POST',
          headers: { origin: options.origin, cookie: `lede_session=${options.session}`, 'content-type': 'application/json' },
          body: '{}',
          signal: AbortSignal.timeout(30_000),
        });
        await response.arrayBuffer();
        if (response.status === 200) {
          result.publishes += 1;
          watchers.push(watchHome(marker, Date.now()));
        } else result.errors.push(`${response.status} publish ${draft.id}`);
      } catch (error) {
        result.errors.push(`${(error as Error).message} publish ${draft.id}`);
      }
      const until = Date.now() + options.everySeconds * 1000;
      while (running && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(watchers);
  })();
  return {
    result,
    stop: async () => {
      running = false;
      await loop;
      return result;
    },
  };
}
