import * as fs from 'fs';
import * as path from 'path';

/** The shared corpus of real letters, beside the repository (../shared/corpus). */
export const corpusDir = path.resolve(__dirname, '..', '..', 'shared', 'corpus');

/** The five corpus letters' file names, sorted (000 ... 004). */
export function corpusFiles(): string[] {
  return fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
}

/** Reads a corpus letter by its number prefix ("000" ... "004"). */
export function readLetter(prefix: string): string {
  const file = corpusFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no corpus letter ${prefix} in ${corpusDir}`);
  return fs.readFileSync(path.join(corpusDir, file), 'utf8');
}

/** Path of a corpus letter by its number prefix. */
export function letterPath(prefix: string): string {
  const file = corpusFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no corpus letter ${prefix} in ${corpusDir}`);
  return path.join(corpusDir, file);
}

/** The repository root. */
export const repoRoot = path.resolve(__dirname, '..');
