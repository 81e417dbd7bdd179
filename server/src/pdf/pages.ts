/**
 * Pages of an extracted PDF text: which PDF page an offset stands on. Kept apart from the extractor
 * so that the CLI and the server can name pages without loading pdf.js.
 */

/** The PDF page (1-based) of an offset, given the offset where each page starts (ascending). */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
