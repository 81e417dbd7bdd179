import * as path from 'path';
import { parseWordList } from '../knowledge/drugs';
import { readRegularFile } from './regularFile';

/** Word-list files larger than this are refused (a drug list is a few hundred KB at most). */
export const MAX_WORD_LIST_BYTES = 5 * 1024 * 1024;

/**
 * Reads drug names from word-list files (one name a line, `# ` starts a comment). A file that is
 * missing, unreadable, too large or not a regular file (a folder, a pipe, a device) gives one clear
 * message and is skipped; nothing here blocks or reads without end.
 */
export function readWordLists(files: readonly string[], baseDir: string | undefined): { names: string[]; problems: string[] } {
  const names: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const full = path.isAbsolute(file) || !baseDir ? file : path.join(baseDir, file);
    const read = readRegularFile(full, MAX_WORD_LIST_BYTES);
    if (!read.ok) {
      problems.push(`imr.drugs.files: ${problemText(file, read)}; skipped.`);
      continue;
    }
    for (const name of parseWordList(read.bytes.toString('utf8'))) if (name.length <= 100) names.push(name);
  }
  return { names, problems };
}

function problemText(file: string, read: Exclude<ReturnType<typeof readRegularFile>, { ok: true }>): string {
  switch (read.reason) {
    case 'not-a-file':
      return `${file} is not a regular file (a folder, a pipe or a device)`;
    case 'too-large':
      return `${file} is ${Math.round(read.size / 1024)} KB, more than the ${MAX_WORD_LIST_BYTES / 1024 / 1024} MB allowed`;
    case 'unreadable':
      return `cannot read ${file} (${read.code})`;
  }
}
