/**
 * The letter being read: its text, its lines, and what every part of the parser asks of a line
 * (its bare text, its heading key), each computed once. Also where reading stopped and why.
 */
import type { Span } from '../model';
import { isSpace } from '../text/joined';
import { MAX_STRUCTURE_LENGTH, bare, headingKey, isBlank, scanLines, type BareLine, type Line } from './lines';

/**
 * A real letter disputes a handful of items; this many means the text is not one (or is hostile).
 * Reading stops there, so parse and check time stay bounded; the letter's `limits` say so.
 */
export const MAX_ITEMS = 2000;

/** A layout has four to six sections; past this many headings the text is not a letter. */
export const MAX_SECTIONS = 200;

export class LetterSource {
  readonly lines: Line[];
  readonly limits: string[] = [];
  /** Where reading stopped (see MAX_ITEMS). */
  readTo: number;
  private readonly bareCache: Array<BareLine | undefined> = [];
  private readonly keyCache: Array<string | undefined> = [];
  /** Per line, 1 when its raw text is known to hold no opaque character (see `hasOpaque` in sections.ts). */
  private clear: Uint8Array | undefined;

  constructor(readonly text: string) {
    this.readTo = text.length;
    this.lines = scanLines(text);
  }

  /** Stops reading at `offset`; `why` goes to the letter's limits. */
  stopReading(offset: number, why = `More than ${MAX_ITEMS} disputed items: only the first ${MAX_ITEMS} are read and checked.`): void {
    if (offset >= this.readTo) return;
    this.readTo = offset;
    this.limits.push(why);
  }

  /** A line's text without markup, with the source offset of each character. */
  bareOf(line: Line): BareLine {
    let b = this.bareCache[line.index];
    if (!b) {
      b = bare(this.text, line);
      this.bareCache[line.index] = b;
    }
    return b;
  }

  /** The heading key of a line's bare text (upper case, spaces collapsed). */
  keyOf(line: Line): string {
    let key = this.keyCache[line.index];
    if (key === undefined) {
      key = headingKey(this.bareOf(line).text);
      this.keyCache[line.index] = key;
    }
    return key;
  }

  /** Records that a line's raw text holds no opaque character (a scan that ruled them out says so). */
  markClear(line: Line): void {
    if (!this.clear) this.clear = new Uint8Array(this.lines.length);
    this.clear[line.index] = 1;
  }

  /** Whether a line's raw text is known to hold no opaque character. */
  isKnownClear(line: Line): boolean {
    return this.clear !== undefined && this.clear[line.index] === 1;
  }

  /** Whether a line is short enough, and not blank, to be a heading, a label or a title. */
  isStructureCandidate(line: Line): boolean {
    return !isBlank(line) && line.contentEnd - line.contentStart <= MAX_STRUCTURE_LENGTH;
  }

  /** A span of a bare line's text [from, to), trimmed, mapped to source offsets. */
  bareSpan(b: BareLine, from: number, to: number): Span {
    while (from < to && isSpace(b.text.charCodeAt(from))) from++;
    while (to > from && isSpace(b.text.charCodeAt(to - 1))) to--;
    if (to <= from) {
      const at = b.offsetAt(Math.min(from, b.text.length));
      return { text: '', start: at, end: at };
    }
    return { text: b.text.slice(from, to), start: b.offsetAt(from), end: b.offsetAt(to - 1) + 1 };
  }

  /** The first non-blank line at or after `from` (before `limit`). */
  nextNonBlank(from: number, limit = this.lines.length): Line | undefined {
    for (let i = from; i < limit; i++) if (!isBlank(this.lines[i])) return this.lines[i];
    return undefined;
  }

  /** Lines that lie in [start, end) of the source. */
  linesIn(start: number, end: number): Line[] {
    const out: Line[] = [];
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lines[mid].end < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.lines.length && this.lines[i].start < end; i++) out.push(this.lines[i]);
    return out;
  }

  /**
   * Whether a blank line is a page break: it holds a form feed, or stands next to one (a line that
   * is a form feed, that starts with one or that ends with one, as extractors write page breaks).
   */
  isPageBreak(line: Line): boolean {
    if (!isBlank(line)) return false;
    const before = this.lines[line.index - 1];
    const after = this.lines[line.index + 1];
    return (
      this.hasFormFeed(line.start, Math.min(line.end, line.start + 64)) ||
      (!!after && this.hasFormFeed(after.start, Math.min(after.end, after.start + 4))) ||
      (!!before && this.hasFormFeed(Math.max(before.start, before.end - 4), before.end))
    );
  }

  /** Whether the text holds a form feed in [from, to). */
  private hasFormFeed(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.text.charCodeAt(i) === 12) return true;
    return false;
  }
}
