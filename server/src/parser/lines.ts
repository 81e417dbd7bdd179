import { isSpace } from '../text/joined';

/** One physical line of the source. Offsets are into the whole text. */
export interface Line {
  /** Zero-based line number. */
  index: number;
  start: number;
  /** End of the line's text, before the line break. */
  end: number;
  /** The line without leading and trailing white space: [contentStart, contentEnd). */
  contentStart: number;
  contentEnd: number;
}

/** Lines longer than this are never structure (headings, labels, titles): only prose. */
export const MAX_STRUCTURE_LENGTH = 600;

/** Splits a text into lines (\n, \r\n and \r all end a line, as in LSP). */
export function scanLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let cs = start;
    while (cs < end && isSpace(text.charCodeAt(cs))) cs++;
    let ce = end;
    while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
    // A line that is only an HTML comment (an inline suppression) counts as blank for the structure.
    if (ce - cs >= 7 && text.startsWith('<!--', cs) && text.startsWith('-->', ce - 3)) ce = cs;
    lines.push({ index: lines.length, start, end, contentStart: cs, contentEnd: ce });
    if (end >= n) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (start > n) break;
    if (start === n) {
      lines.push({ index: lines.length, start: n, end: n, contentStart: n, contentEnd: n });
      break;
    }
  }
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.contentEnd <= line.contentStart;
}

/**
 * A line's text with markdown/HTML emphasis and heading marks removed (`### `, `**`, `__`, `<b>`,
 * `</b>`), and for each character of that text the offset in the source it came from.
 */
export interface BareLine {
  text: string;
  /** offsets[i] = source offset of text[i]; offsets[text.length] = source end. */
  offsets: number[];
}

const MARKUP = /^(?:\*\*|__|<\/?b>|<\/?strong>)/i;

/** Strips markup from a line (only for lines short enough to be structure). */
export function bare(source: string, line: Line): BareLine {
  let i = line.contentStart;
  const end = Math.min(line.contentEnd, line.contentStart + MAX_STRUCTURE_LENGTH);
  // Heading marks: "#", "##", ... followed by a space.
  if (source.charCodeAt(i) === 35) {
    let j = i;
    while (j < end && source.charCodeAt(j) === 35) j++;
    if (j < end && isSpace(source.charCodeAt(j))) {
      i = j;
      while (i < end && isSpace(source.charCodeAt(i))) i++;
    }
  }
  const chars: string[] = [];
  const offsets: number[] = [];
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 42 || c === 95 || c === 60) {
      const m = MARKUP.exec(source.slice(i, Math.min(end, i + 9)));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    chars.push(source[i]);
    offsets.push(i);
    i++;
  }
  // Trim what markup removal exposed.
  let a = 0;
  let b = chars.length;
  while (a < b && isSpace(chars[a].charCodeAt(0))) a++;
  while (b > a && isSpace(chars[b - 1].charCodeAt(0))) b--;
  const text = chars.slice(a, b).join('');
  const offs = offsets.slice(a, b);
  offs.push(b > a ? offsets[b - 1] + 1 : line.contentStart);
  return { text, offsets: offs };
}

/** Collapses runs of white space and upper-cases: the key headings are compared by. */
export function headingKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toUpperCase();
}
