import * as fs from 'fs';
import * as path from 'path';
import { parseWordList } from '../knowledge/drugs';

/** Word-list files larger than this are refused (a drug list is a few hundred KB at most). */
export const MAX_WORD_LIST_BYTES = 5 * 1024 * 1024;

/**
 * Reads drug names from word-list files (one name a line, `# ` starts a comment). A file that is
 * missing, unreadable or too large gives one clear message and is skipped.
 */
export function readWordLists(files: readonly string[], baseDir: string | undefined): { names: string[]; problems: string[] } {
  const names: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const full = path.isAbsolute(file) || !baseDir ? file : path.join(baseDir, file);
    try {
      const size = fs.statSync(full).size;
      if (size > MAX_WORD_LIST_BYTES) {
        problems.push(`imr.drugs.files: ${file} is ${Math.round(size / 1024)} KB, more than the ${MAX_WORD_LIST_BYTES / 1024 / 1024} MB allowed; skipped.`);
        continue;
      }
      for (const name of parseWordList(fs.readFileSync(full, 'utf8'))) if (name.length <= 100) names.push(name);
    } catch (e) {
      problems.push(`imr.drugs.files: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped.`);
    }
  }
  return { names, problems };
}
