/**
 * Node adapter: finds the decision letters in the workspace folders (for workspace symbols and
 * "IMR: Check All Decisions in Workspace") and keeps a small index of them, re-reading a file only
 * when its size or modification time changes.
 *
 * A file is a letter when it ends in `.imr`, or ends in `.txt` / `.md` and its beginning looks like
 * a letter (`looksLikeLetter`, conservative). Dependency, build and hidden folders are skipped.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { looksLikeLetter, DETECT_SCAN_CHARS } from '../features/detect';
import type { LetterDocument } from '../features/document';
import { indexLetter, type IndexedLetter } from '../features/workspaceSymbols';
import type { Knowledge } from '../knowledge';
import { parse } from '../parser/parse';
import { LineIndex } from '../text/lineIndex';

export interface FindOptions {
  /** Stop after this many letters (default 5000). */
  maxLetters?: number;
  /** Stop after looking at this many files (default 50 000). */
  maxFiles?: number;
  /** Skip files larger than this (default 2 MB). */
  maxBytes?: number;
  /** Folder depth limit (default 12). */
  maxDepth?: number;
}

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'build', 'coverage', '__pycache__', 'bower_components']);
const DEFAULTS: Required<FindOptions> = { maxLetters: 5000, maxFiles: 50_000, maxBytes: 2 * 1024 * 1024, maxDepth: 12 };

/** A letter found on disk. */
export interface LetterFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Whether a file name has one of the extensions letters come in. */
export function isCandidateName(name: string): boolean {
  return /\.(?:imr|txt|md)$/i.test(name);
}

/** What was decided about a .txt / .md file, kept while its size and time stay the same. */
export type DetectionCache = Map<string, { size: number; mtimeMs: number; letter: boolean }>;

/**
 * The letters under a folder, in path order. Never throws: unreadable folders and files are
 * skipped. `truncated` says a limit was reached. `cache` spares re-reading files already judged.
 */
export async function findLetterFiles(root: string, options: FindOptions = {}, cache?: DetectionCache): Promise<{ files: LetterFile[]; truncated: boolean }> {
  const o = { ...DEFAULTS, ...options };
  const files: LetterFile[] = [];
  let seen = 0;
  let truncated = false;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (truncated || depth > o.maxDepth) return;
    let entries: import('fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (truncated) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
        await walk(full, depth + 1);
        continue;
      }
      if (!entry.isFile() || !isCandidateName(entry.name)) continue;
      if (++seen > o.maxFiles || files.length >= o.maxLetters) {
        truncated = true;
        return;
      }
      const letter = await letterFile(full, o.maxBytes, cache);
      if (letter) files.push(letter);
    }
  };
  await walk(root, 0);
  return { files, truncated };
}

/** The file's stat when it is a letter (by extension, or by its first bytes), else undefined. */
async function letterFile(file: string, maxBytes: number, cache?: DetectionCache): Promise<LetterFile | undefined> {
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const letter = { path: file, size: stat.size, mtimeMs: stat.mtimeMs };
    if (/\.imr$/i.test(file)) return letter;
    const known = cache?.get(file);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.letter ? letter : undefined;
    const handle = await fsp.open(file, 'r');
    let isLetter: boolean;
    try {
      const buffer = Buffer.alloc(Math.min(stat.size, DETECT_SCAN_CHARS));
      await handle.read(buffer, 0, buffer.length, 0);
      isLetter = looksLikeLetter(buffer.toString('utf8'));
    } finally {
      await handle.close();
    }
    cache?.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, letter: isLetter });
    return isLetter ? letter : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The index of the letters in some folders, for workspace symbols. Open documents take precedence
 * over what is on disk (the server passes them in). The folder walk is repeated at most every
 * `rescanMs`; a file is re-read only when its size or time changed.
 */
export class WorkspaceLetters {
  private readonly cache = new Map<string, { size: number; mtimeMs: number; entry: IndexedLetter }>();
  private readonly detected: DetectionCache = new Map();
  private walked: { at: number; files: LetterFile[] } | undefined;
  private walking: Promise<LetterFile[]> | undefined;

  constructor(
    private roots: string[],
    private readonly options: FindOptions & { rescanMs?: number } = {},
  ) {}

  /** Replaces the folders (workspace folders changed). */
  setRoots(roots: string[]): void {
    this.roots = roots;
    this.walked = undefined;
  }

  /** Walks the folders again on the next request (files were added or removed). */
  rescan(): void {
    this.walked = undefined;
  }

  /**
   * Whether a file lies in one of the folders, outside the folders the walk skips (dependency, build
   * and hidden folders), and is a letter (by extension, or by its beginning).
   */
  async isLetter(file: string): Promise<boolean> {
    const inside = this.roots.some((root) => {
      const relative = path.relative(root, file);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const folders = relative.split(path.sep).slice(0, -1);
      return !folders.some((name) => name.startsWith('.') || SKIP_DIRS.has(name));
    });
    if (!inside || !isCandidateName(file)) return false;
    return (await letterFile(file, this.options.maxBytes ?? DEFAULTS.maxBytes, this.detected)) !== undefined;
  }

  /** Forgets what was read (e.g. the knowledge changed). */
  clear(): void {
    this.cache.clear();
    this.detected.clear();
    this.walked = undefined;
  }

  /** The letters on disk, indexed (files that are open are the caller's business). */
  async letters(knowledge: Knowledge | undefined, skipUris: ReadonlySet<string> = new Set()): Promise<IndexedLetter[]> {
    const files = await this.files();
    const out: IndexedLetter[] = [];
    for (const file of files) {
      const uri = pathToFileURL(file.path).href;
      if (skipUris.has(uri)) continue;
      const cached = this.cache.get(file.path);
      if (cached && cached.size === file.size && cached.mtimeMs === file.mtimeMs) {
        out.push(cached.entry);
        continue;
      }
      try {
        const text = await fsp.readFile(file.path, 'utf8');
        const entry = indexLetter(uri, parsedOnly(text), knowledge);
        this.cache.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, entry });
        out.push(entry);
      } catch {
        // Unreadable now: skipped.
      }
    }
    return out;
  }

  /** The letter files under every root (a fresh walk at most every `rescanMs`). */
  async files(): Promise<LetterFile[]> {
    const rescanMs = this.options.rescanMs ?? 5000;
    if (this.walked && Date.now() - this.walked.at < rescanMs) return this.walked.files;
    this.walking ??= (async () => {
      const all: LetterFile[] = [];
      for (const root of this.roots) all.push(...(await findLetterFiles(root, this.options, this.detected)).files);
      this.walked = { at: Date.now(), files: all };
      return all;
    })().finally(() => {
      this.walking = undefined;
    });
    return this.walking;
  }
}

/** Letter paths under a folder, relative to it with `/` separators (for the check-all task). */
export async function relativeLetterPaths(root: string, options: FindOptions = {}): Promise<{ files: string[]; truncated: boolean }> {
  const { files, truncated } = await findLetterFiles(root, options);
  return { files: files.map((f) => path.relative(root, f.path).split(path.sep).join('/')), truncated };
}

/** A letter parsed without running the checks: the index needs its structure only. */
function parsedOnly(text: string): LetterDocument {
  return { analysis: { text, decision: parse(text), findings: [], failures: [] }, lines: new LineIndex(text) };
}
