/**
 * The one white-space test, by character code: what JavaScript's `\s` and `trim` count as white
 * space (space, tab, line breaks, form feed — the page break of PDF text —, the no-break and other
 * Unicode spaces, the byte-order mark), plus the zero-width space that text extracted from PDFs
 * carries.
 */

/** Whether a character code is white space (see the module comment for which). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  if (c === 160 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  return c >= 0x2000 && c <= 0x200b;
}
