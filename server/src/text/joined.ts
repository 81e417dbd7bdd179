import { isSpace } from './space';
import type { Span } from '../model';

/**
 * Text gathered from several pieces of the source (wrapped lines), joined by single spaces for
 * meaning, that still knows where each of its characters came from.
 */
export class Joined {
  /** [textStart, sourceStart, length] per piece. */
  private readonly pieces: number[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  private cached: string | undefined;

  /**
   * `emptyAt` is where an empty text stands in the source (a label with nothing after it): its
   * span starts and ends there.
   */
  constructor(
    private readonly source: string,
    private readonly emptyAt = 0,
  ) {}

  /** Appends source[start, end) after a joining space (when not the first piece). Empty pieces are skipped. */
  add(start: number, end: number): this {
    if (end <= start) return this;
    if (this.length > 0) {
      this.parts.push(' ');
      this.length += 1;
    }
    this.pieces.push(this.length, start, end - start);
    this.parts.push(this.source.slice(start, end));
    this.length += end - start;
    this.cached = undefined;
    return this;
  }

  get text(): string {
    if (this.cached === undefined) this.cached = this.parts.join('');
    return this.cached;
  }

  /** The length of `text`, without joining it. */
  get textLength(): number {
    return this.length;
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Source offset of the character at text offset i (a joining space maps to the end of the piece before it). */
  sourceOffset(i: number): number {
    const p = this.pieces;
    if (p.length === 0) return this.emptyAt;
    let lo = 0;
    let hi = p.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid * 3] <= i) lo = mid;
      else hi = mid - 1;
    }
    const textStart = p[lo * 3];
    const srcStart = p[lo * 3 + 1];
    const len = p[lo * 3 + 2];
    return srcStart + Math.min(Math.max(i - textStart, 0), len);
  }

  /** Source offset just after the character at text offset i - 1 (for span ends). */
  sourceEnd(i: number): number {
    if (i <= 0) return this.sourceOffset(0);
    return this.sourceOffset(i - 1) + 1;
  }

  /** The text [from, to) as a Joined of its own, each character still mapped to the source. */
  slice(from: number, to: number): Joined {
    const out = new Joined(this.source, this.sourceOffset(from));
    const p = this.pieces;
    for (let k = 0; k < p.length; k += 3) {
      const textStart = p[k];
      const a = Math.max(from, textStart);
      const b = Math.min(to, textStart + p[k + 2]);
      if (b > a) out.add(p[k + 1] + (a - textStart), p[k + 1] + (b - textStart));
    }
    return out;
  }

  /** A span of text offsets [from, to), trimmed of surrounding white space. */
  span(from = 0, to = this.length): Span {
    const text = this.text;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to <= from) {
      const at = this.sourceOffset(from);
      return { text: '', start: at, end: at };
    }
    return { text: text.slice(from, to), start: this.sourceOffset(from), end: this.sourceEnd(to) };
  }
}

/** The white-space test (`space.ts`), also exported here for the modules that import it from this file. */
export { isSpace };
