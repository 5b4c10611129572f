// kill -9 during a publish: the publish runs in a child process that SIGKILLs itself inside the
// command's transaction (LEDE_FAULT_KILL_AT=article.transition) or right after its commit, before the
// page refresh (LEDE_FAULT_KILL_AFTER_COMMIT). Inside: nothing of it remains (still unpublished, no
// revision, no audit entry). After the commit: all of it is there, the related links untouched, and
// the refresh waits in the outbox for the next poll of any instance.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diedOfSigkill } from '@/testing/killed';
import { beforeAll, describe, expect, it } from 'vitest';
import { unpublishArticle } from '@/lib/articles/commands/status';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { importLegacyPaths } from '@/lib/legacy/importer';
import { writeSyntheticArchive } from '@/lib/legacy/synthetic';
import { createUser } from '@/lib/users/commands';

const tsx = path.join(config.projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function publish(articleId: number, actorId: number, env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  return spawnSync(process.execPath, [tsx, 'testing/publish-child.ts', String(articleId), String(actorId)], { cwd: config.projectRoot, env: childEnv, encoding: 'utf8', timeout: 60_000 });
}

async function stateOf(articleId: number) {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, version: true, _count: { select: { relatedLinks: true } } } });
  return {
    status: article.status,
    version: article.version,
    relatedLinks: article._count.relatedLinks,
    publishedRevisions: await db.revision.count({ where: { articleId, note: 'Published' } }),
    publishedAudits: await db.auditEntry.count({ where: { action: 'article.published', targetId: String(articleId) } }),
  };
}

describe('kill -9 during a publish', () => {
  let articleId: number;
  let editorId: number;

  beforeAll(async () => {
    const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-publish-crash-'));
    writeSyntheticArchive(archive, 12);
    await importLegacyPaths([archive]);
    const article = await db.article.findFirstOrThrow({ where: { relatedLinks: { some: {} } }, orderBy: { id: 'asc' }, select: { id: true } });
    articleId = article.id;
    editorId = (await createUser({ email: 'crash-editor@example.test', role: 'editor', password: 'Harbour-lantern-47-quietly!' })).id;
    await unpublishArticle({ id: editorId, role: 'editor' }, articleId);
  });

  it('is all or nothing, and a refresh lost with the process waits in the outbox', async () => {
    const before = await stateOf(articleId);
    expect(before.status).toBe('unpublished');
    expect(before.relatedLinks).toBeGreaterThan(0);

    const inside = publish(articleId, editorId, { LEDE_FAULT_KILL_AT: 'article.transition' });
    expect(diedOfSigkill(inside), inside.stderr).toBe(true);
    expect(await stateOf(articleId)).toEqual(before);

    const refreshesBefore = await db.pageRefresh.count();
    const after = publish(articleId, editorId, { LEDE_FAULT_KILL_AFTER_COMMIT: '1' });
    expect(diedOfSigkill(after), after.stderr).toBe(true);
    expect(await stateOf(articleId)).toEqual({ ...before, status: 'published', version: before.version + 1, publishedRevisions: before.publishedRevisions + 1, publishedAudits: before.publishedAudits + 1 });
    expect(await db.pageRefresh.count()).toBeGreaterThan(refreshesBefore);
  });
});
