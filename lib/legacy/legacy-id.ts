// Which legacy id a file stands for. The format carries none inside the file (the old site knew it
// from its URL, /news/{id}), so the archive's file names carry it: the last run of five or more digits
// in the name (1880400.txt, news-1880400.txt, 2016/11/02/1880400-lavrov.txt), else the whole stem
// (lavrov-syria-2016-11-02.txt → "lavrov-syria-2016-11-02").
import path from 'node:path';

export function legacyIdFromFileName(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]*$/, '');
  const runs = stem.match(/\d{5,}/g);
  return runs ? runs[runs.length - 1]! : stem;
}
