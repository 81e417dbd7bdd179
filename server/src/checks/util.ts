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
