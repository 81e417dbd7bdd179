/** The late-2013/2014 MAXIMUS letter: DOCUMENTS REVIEWED and IMR DECISION(S) AND RATIONALE(S). */
import { readPublishedItems } from '../items';
import { LAYOUT_MARKERS } from '../vocabulary';
import type { LayoutDef } from './types';

export const maximus2014: LayoutDef = {
  name: 'maximus-2014',
  headings: [
    { kind: 'how-made', text: 'HOW THE IMR FINAL DETERMINATION WAS MADE', colon: false },
    { kind: 'documents-reviewed', text: 'DOCUMENTS REVIEWED', colon: false },
    { kind: 'clinical-summary', text: 'CLINICAL CASE SUMMARY', colon: false },
    { kind: 'issues', text: 'IMR DECISION(S) AND RATIONALE(S)', colon: false },
  ],
  markers: LAYOUT_MARKERS.maximus2014,
  readItems: readPublishedItems,
};
