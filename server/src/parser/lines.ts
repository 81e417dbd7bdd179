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

/**
 * Splits a text into lines (\n, \r\n and \r all end a line, as in LSP). For the structure, a line
 * that is only an HTML comment (a suppression) counts as blank, unless `keepComments` is set (the
 * normalizer, which must keep every character).
 */
export function scanLines(text: string, keepComments = false): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  // LF only (most texts): the native search finds each line's end without a loop over every character.
  const lfOnly = text.indexOf('\r') < 0;
  while (start <= n) {
    let end: number;
    if (lfOnly) {
      const nl = text.indexOf('\n', start);
      end = nl < 0 ? n : nl;
    } else {
      end = start;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13) break;
        end++;
      }
    }
    let cs = start;
    while (cs < end && isSpace(text.charCodeAt(cs))) cs++;
    let ce = end;
    while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
    // A line that is only an HTML comment (an inline suppression) counts as blank for the structure.
    if (!keepComments && ce - cs >= 7 && text.startsWith('<!--', cs) && text.startsWith('-->', ce - 3)) ce = cs;
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
  /** offsets[i], without building the array (0 <= i <= text.length). */
  offsetAt(i: number): number;
  /** The first i with offsets[i] >= offset, or -1 (as `offsets.findIndex`). */
  indexAtOrAfter(offset: number): number;
  /** Pushes offsets[0], ..., offsets[text.length - 1] onto `out`. */
  appendOffsets(out: number[]): void;
}

/**
 * Length of the emphasis mark (`**`, `__`, `<b>`, `</b>`, `<strong>`, `</strong>`, any case) at
 * `i`, when it ends by `limit`; 0 when there is none.
 */
function markupAt(source: string, i: number, limit: number): number {
  const c = source.charCodeAt(i);
  if (c === 42 /* * */ || c === 95 /* _ */) return i + 2 <= limit && source.charCodeAt(i + 1) === c ? 2 : 0;
  if (c !== 60 /* < */) return 0;
  let j = i + 1;
  if (source.charCodeAt(j) === 47 /* / */) j++;
  const d = source.charCodeAt(j) | 0x20;
  let name = 0;
  if (d === 98 /* b */) name = 1;
  else if (d === 115 /* s */ && source.slice(j, j + 6).toLowerCase() === 'strong') name = 6;
  if (name === 0 || source.charCodeAt(j + name) !== 62 /* > */) return 0;
  const length = j + name + 1 - i;
  return i + length <= limit ? length : 0;
}

/** A character that may start an emphasis mark. */
const MARK_CHAR = /[*_<]/;

/**
 * A bare line: its text is built from the kept pieces of the source; the per-character offsets
 * are only computed when asked for (most lines are only compared by their text).
 */
class Bare implements BareLine {
  private cached: number[] | undefined;

  /** `pieces` holds [start, end) source ranges, in order, already trimmed; `emptyAt` is the end offset of an empty text. */
  constructor(
    readonly text: string,
    private readonly pieces: number[],
    private readonly emptyAt: number,
  ) {}

  get offsets(): number[] {
    if (this.cached) return this.cached;
    const offsets: number[] = [];
    const p = this.pieces;
    for (let k = 0; k < p.length; k += 2) for (let o = p[k]; o < p[k + 1]; o++) offsets.push(o);
    offsets.push(p.length ? p[p.length - 1] : this.emptyAt);
    this.cached = offsets;
    return offsets;
  }

  appendOffsets(out: number[]): void {
    const p = this.pieces;
    for (let k = 0; k < p.length; k += 2) for (let o = p[k]; o < p[k + 1]; o++) out.push(o);
  }

  offsetAt(i: number): number {
    const p = this.pieces;
    let before = 0;
    for (let k = 0; k < p.length; k += 2) {
      const length = p[k + 1] - p[k];
      if (i < before + length) return p[k] + (i - before);
      before += length;
    }
    return p.length ? p[p.length - 1] : this.emptyAt;
  }

  indexAtOrAfter(offset: number): number {
    const p = this.pieces;
    let before = 0;
    for (let k = 0; k < p.length; k += 2) {
      if (p[k + 1] > offset) return before + Math.max(0, offset - p[k]);
      before += p[k + 1] - p[k];
    }
    return (p.length ? p[p.length - 1] : this.emptyAt) >= offset ? before : -1;
  }
}

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
  // The kept pieces: the source between emphasis marks.
  const pieces: number[] = [];
  let from = i;
  // Most lines hold no mark at all: one native search rules that out.
  if (i < end && !MARK_CHAR.test(source.slice(i, end))) i = end;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 42 || c === 95 || c === 60) {
      const length = markupAt(source, i, Math.min(end, i + 9));
      if (length > 0) {
        if (i > from) pieces.push(from, i);
        i += length;
        from = i;
        continue;
      }
    }
    i++;
  }
  if (end > from) pieces.push(from, end);
  // Trim what markup removal exposed: drop white space at both ends, piece by piece.
  while (pieces.length) {
    let a = pieces[0];
    while (a < pieces[1] && isSpace(source.charCodeAt(a))) a++;
    if (a < pieces[1]) {
      pieces[0] = a;
      break;
    }
    pieces.splice(0, 2);
  }
  while (pieces.length) {
    const last = pieces.length - 1;
    let b = pieces[last];
    while (b > pieces[last - 1] && isSpace(source.charCodeAt(b - 1))) b--;
    if (b > pieces[last - 1]) {
      pieces[last] = b;
      break;
    }
    pieces.length -= 2;
  }
  let text: string;
  if (pieces.length === 2) text = source.slice(pieces[0], pieces[1]);
  else {
    text = '';
    for (let k = 0; k < pieces.length; k += 2) text += source.slice(pieces[k], pieces[k + 1]);
  }
  return new Bare(text, pieces, line.contentStart);
}

/** Space at an end, two spaces in a row, or a character that is not printable ASCII. */
const NEEDS_COLLAPSE = /^ | $|  |[^\x20-\x7e]/;

/** Collapses runs of white space and upper-cases: the key headings are compared by. */
export function headingKey(text: string): string {
  // Most lines are printable ASCII with single spaces inside: then only upper-case them.
  if (NEEDS_COLLAPSE.test(text)) return text.replace(/\s+/g, ' ').trim().toUpperCase();
  return text.toUpperCase();
}
