/**
 * Where a pattern next occurs in a text, for a scan that moves forward line by line: one native
 * search finds the next occurrence, and every line before it is known to hold none, without a
 * search of its own.
 */
export class Occurrences {
  /** The first occurrence at or after `searchedFrom` (-1: none), or -2 before the first search. */
  private at = -2;
  private end = -1;

  /** `pattern` must have the global flag (objects may share it: each search sets where it starts). */
  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  /**
   * Whether the pattern occurs wholly inside [from, to). Successive calls must not move `from`
   * back. Gives what `pattern.test(text.slice(from, to))` gives for a pattern without anchors or
   * look-around, all of whose matches have the same length (a word, a character class).
   */
  within(from: number, to: number): boolean {
    if (this.at === -2 || (this.at >= 0 && this.at < from)) {
      this.pattern.lastIndex = from;
      const m = this.pattern.exec(this.text);
      this.at = m ? m.index : -1;
      this.end = m ? m.index + m[0].length : -1;
    }
    return this.at >= 0 && this.end <= to;
  }
}
