/**
 * The stored text of one page of an imported MTUS guideline, found by the stored PDF and its
 * one-based page index (what the hovers' and document links' "Open page" targets name). The client
 * shows it as a read-only document, so a page opens as text even where no PDF viewer is installed.
 */
import type { MtusIndex } from '../knowledge/mtus';

/** A stored page: a title for its tab and its text. */
export interface MtusPageText {
  title: string;
  text: string;
}

/** The page of `pdfFile` at `pdfPage` (one-based), or null when no imported guideline holds it. */
export function mtusPageText(mtus: MtusIndex, pdfFile: string, pdfPage: number): MtusPageText | null {
  for (const guideline of mtus.importable()) {
    const imported = mtus.imported(guideline.id);
    if (!imported || imported.source.pdf !== pdfFile) continue;
    const page = imported.pages.find((p) => p.pdfIndex + 1 === pdfPage);
    if (!page) return null;
    const printed = page.printed ?? page.label;
    const where = printed !== undefined ? `page ${printed}` : `PDF page ${pdfPage}`;
    return { title: `${guideline.name}, ${where}`, text: page.text };
  }
  return null;
}
