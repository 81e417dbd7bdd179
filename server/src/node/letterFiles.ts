/**
 * The files the CLI checks: each FILE argument as given, each DIR argument replaced by the letters
 * under it (.imr, .txt, .md, .pdf), in a stable order (names sorted, folders walked depth first),
 * minus what `--ignore` patterns exclude. Symbolic links to folders are not followed (no loops).
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileIgnore, ignores, type IgnorePattern } from './glob';

/** The extensions of letter files looked for in folders. */
export const LETTER_EXTENSIONS = ['.imr', '.txt', '.md', '.pdf'];

/** The files to check, and the one-line problems met (a folder that cannot be listed). */
export interface ExpandedFiles {
  files: string[];
  problems: string[];
}

/** Expands folder arguments into the letters under them; other arguments are kept as given. */
export function expandLetterFiles(args: readonly string[], ignorePatterns: readonly string[] = []): ExpandedFiles {
  const patterns = ignorePatterns.map(compileIgnore).filter((p): p is IgnorePattern => p !== undefined);
  const out: ExpandedFiles = { files: [], problems: [] };
  for (const arg of args) {
    if (arg !== '-' && isFolder(arg)) walk(arg, '', patterns, out);
    else out.files.push(arg);
  }
  return out;
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function walk(root: string, relative: string, patterns: readonly IgnorePattern[], out: ExpandedFiles): void {
  const folder = relative ? path.join(root, relative) : root;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    out.problems.push(`cannot list ${folder}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    const dir = entry.isDirectory();
    if (patterns.some((p) => ignores(p, rel, dir))) continue;
    if (dir) walk(root, rel, patterns, out);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isLetterName(entry.name)) out.files.push(path.join(root, rel));
  }
}

/** True for a file name with one of the letter extensions (any case). */
export function isLetterName(name: string): boolean {
  return LETTER_EXTENSIONS.includes(path.extname(name).toLowerCase());
}
