import type { SurfaceForm } from '../model';

/** A section heading written in the letter's own surface form. */
export function headingText(text: string, colon: boolean, form: SurfaceForm): string {
  const heading = colon ? `${text}:` : text;
  return form === 'markdown' ? `### ${heading}` : heading;
}

/** An item label ("Decision rationale:") written in the letter's own surface form. */
export function labelText(label: string, form: SurfaceForm): string {
  return form === 'markdown' ? `**${label}**` : label;
}

/** Offset of the start of the line that holds `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the end of the line that holds `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The line break the text uses: that of its first line (CRLF, LF, or a lone CR). */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf >= 0) return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** Edit distance (Damerau-Levenshtein, adjacent transpositions) between two short strings. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}
