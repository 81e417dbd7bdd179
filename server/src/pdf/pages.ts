/**
 * Pages of an extracted PDF text: which PDF page an offset stands on. Kept apart from the extractor
 * so that the CLI and the server can name pages without loading pdf.js.
 */
import { lastAtOrBefore } from '../text/lineIndex';

/** The PDF page (1-based) of an offset, given the offset where each page starts (ascending). */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  return lastAtOrBefore(pageStarts, offset) + 1;
}
