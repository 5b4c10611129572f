// A child process for lib/articles/commands/crash.test.ts: publishes an article as the newsroom's
// publish action does (the command, then the page refresh after the commit). argv: articleId, actorId.
import { publishArticle } from '@/lib/articles/commands/status';
import { refreshPublicPages } from '@/lib/cache/refresh';

const [articleId, actorId] = process.argv.slice(2).map(Number);
await publishArticle({ id: actorId!, role: 'editor' }, articleId!);
await refreshPublicPages();
console.log('published');
process.exit(0);
