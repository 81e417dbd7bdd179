/**
 * Small string helpers written as loops: the regular expressions they replace (`/\s*:$/`,
 * `/[.\s]+$/`, ...) backtrack polynomially on long runs of white space.
 */
import { isSpace } from './space';

/** The text without trailing characters that `drop` accepts. */
export function trimEndWhere(text: string, drop: (c: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Trailing white space and periods removed ("Introduction. " → "Introduction"). */
export function trimEndDotsAndSpaces(text: string): string {
  return trimEndWhere(text, (c) => c === 46 || isSpace(c));
}

/** Trailing white space, periods, commas and semicolons removed. */
export function trimEndPunctuation(text: string): string {
  return trimEndWhere(text, (c) => c === 46 || c === 44 || c === 59 || isSpace(c));
}

/** One trailing colon (with the white space around it) removed: "CASE SUMMARY :" → "CASE SUMMARY". */
export function stripTrailingColon(text: string): string {
  const trimmed = trimEndWhere(text, isSpace);
  if (!trimmed.endsWith(':')) return text;
  return trimEndWhere(trimmed.slice(0, -1), isSpace);
}

/**
 * The source offset that character `index` of `text` stands for, where `text` is the source range
 * [start, end) with markup removed and runs of white space joined into one space: the two are
 * aligned by walking both (no allocation; a title is short). `index === text.length` gives `end`.
 */
export function sourceOffsetOf(source: string, start: number, end: number, text: string, index: number): number {
  if (index >= text.length) return end;
  let j = start;
  for (let i = 0; i <= index; i++) {
    const c = text.charCodeAt(i);
    const space = isSpace(c);
    let k = j;
    while (k < end && source.charCodeAt(k) !== c && !(space && isSpace(source.charCodeAt(k)))) k++;
    if (k >= end) return Math.min(j, end);
    if (i === index) return k;
    j = k + 1;
  }
  return end;
}
