/** Test data: a made-up import of the 2009 CPMTG (two pages of placeholder text, our own words). */
import type { ImportedGuideline } from '../../server/src/knowledge/mtus';

/** A made-up import of the 2009 guideline: page 65 with our own placeholder text, and a stored PDF. */
export const IMPORTED: ImportedGuideline = {
  guidelineId: 'cpmtg-2009',
  pageCount: 127,
  pages: [
    { printed: 64, pdfIndex: 69, text: 'Muscle relaxants (for pain)\nPlaceholder line one of page sixty-four.' },
    { printed: 65, pdfIndex: 70, text: 'Baclofen (Lioresal)\nPlaceholder words standing in for the page text.' },
  ],
  contents: [],
  source: { fileName: 'cpmtg-2009.pdf', pdf: '/store/mtus/cpmtg 2009.pdf', importedAt: '2026-01-01T00:00:00Z', pdfPages: 130 },
};
