import * as fs from 'fs';
import * as path from 'path';

/**
 * This folder (test/): where this file is, or, when it is bundled into a script under test/out/,
 * the nearest folder above named "test".
 */
const testDir = (() => {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) if (path.basename(dir) === 'test') return dir;
  return __dirname;
})();

/** The shared corpus of real letters, beside the repository (../shared/corpus). */
export const corpusDir = path.resolve(testDir, '..', '..', 'shared', 'corpus');

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
export const repoRoot = path.resolve(testDir, '..');

/** Reads one of our own sample letters in test/fixtures/layouts. */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(testDir, 'fixtures', 'layouts', name), 'utf8');
}

/**
 * Turns a markdown-converted letter into the PDF-extracted surface form, as a PDF text extractor
 * gives it: no markup, capital headings with a leading space, lines hard-wrapped near `width`
 * characters with a trailing space, and a blank line between every two lines.
 */
export function toPdfText(markdown: string, width = 95): string {
  const out: string[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    let line = raw.replace(/<\/?b>/g, '').replace(/\*\*/g, '').replace(/\t+/g, ' ').trim();
    if (/^#{1,6} /.test(line)) {
      out.push(` ${line.replace(/^#+ /, '')} `);
      continue;
    }
    if (!line) {
      out.push(' ');
      continue;
    }
    while (line.length > width) {
      let cut = line.lastIndexOf(' ', width);
      if (cut <= 0) cut = width;
      out.push(`${line.slice(0, cut)} `);
      line = line.slice(cut).trimStart();
    }
    out.push(`${line} `);
  }
  return out.join('\n\n') + '\n';
}

/** Replaces the one occurrence of `from` in `text`; throws when it occurs never or more than once. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in the letter: ${from}`);
  if (text.indexOf(from, at + 1) >= 0) throw new Error(`more than once in the letter: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A small seeded random number generator (mulberry32): floats in [0, 1), the same for a seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
