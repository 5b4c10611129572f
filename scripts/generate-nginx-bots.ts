// Writes isbot's list of known bots into deploy/nginx.conf as the `$lede_view_bot` map (between its
// BEGIN and END lines), so that nginx, answering the view beacon itself, leaves the same bots uncounted
// as the app does. Run after upgrading isbot: lib/audience/nginx-bots.test.ts fails until it is.
import fs from 'node:fs';
import path from 'node:path';
import { BEGIN_MARK, END_MARK, nginxBotsMap } from '../lib/audience/nginx-bots.mjs';

const file = path.join(import.meta.dirname, '..', 'deploy', 'nginx.conf');
const config = fs.readFileSync(file, 'utf8');
const start = config.indexOf(BEGIN_MARK);
const end = config.indexOf(END_MARK);
if (start < 0 || end < start) throw new Error(`deploy/nginx.conf has no "${BEGIN_MARK}" … "${END_MARK}" block to replace.`);
fs.writeFileSync(file, config.slice(0, start) + nginxBotsMap() + config.slice(end + END_MARK.length));
console.log('deploy/nginx.conf: the bots map is up to date with isbot.');
