/** The published final determination letter (2014 on): header table, three sections, unnumbered items. */
import { readPublishedItems } from '../items';
import type { LayoutDef } from './types';

export const finalDetermination: LayoutDef = {
  name: 'final-determination',
  headings: [
    { kind: 'how-made', text: 'HOW THE IMR FINAL DETERMINATION WAS MADE', colon: false },
    { kind: 'clinical-summary', text: 'CLINICAL CASE SUMMARY', colon: false },
    { kind: 'issues', text: 'IMR ISSUES, DECISIONS AND RATIONALES', colon: false },
  ],
  // Marked by its headings or its header dates (see detectLayout), not by a marker of its own.
  markers: [],
  readItems: readPublishedItems,
};
