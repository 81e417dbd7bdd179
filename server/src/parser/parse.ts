/**
 * Parses an IMR decision letter, in any of its surface forms and layouts, into the decision model.
 * Each part of a letter has its module: layout.ts (which layout and form), sections.ts, header.ts,
 * reviewer.ts, patient.ts, the layout's item reader (layouts/), suppressions.ts; the words they look
 * for are in vocabulary.ts.
 */
import type { Decision, Item, Layout, Section } from '../model';
import { readHeader } from './header';
import { detectForm, detectLayout } from './layout';
import { layoutNamed } from './layouts';
import { readPatient } from './patient';
import { readReviewer } from './reviewer';
import { findSections } from './sections';
import { LetterSource } from './source';
import { findSuppressions } from './suppressions';

export { MAX_ITEMS, MAX_SECTIONS } from './source';
export { toIsoDate } from './header';

/**
 * The most characters of a text that are read. A letter is tens of kilobytes; a text a hundred
 * times that (a pasted archive, a log) is read no further, so that no paste can stall the editor.
 */
export const MAX_READ = 2_000_000;

/**
 * Parses a letter. Never throws: text that is not a letter gives a model with layout "unknown"
 * and nothing in it.
 */
export function parse(text: string): Decision {
  if (text.length <= MAX_READ) return read(text);
  const cut = readLimit(text);
  const decision = read(text.slice(0, cut));
  decision.readTo = Math.min(decision.readTo, cut);
  decision.limits.push(
    `The text is ${text.length.toLocaleString('en-US')} characters long: only the first ` +
      `${cut.toLocaleString('en-US')} are read and checked.`,
  );
  return decision;
}

/** Where reading a text longer than MAX_READ stops: after the last line break before it, else at it. */
function readLimit(text: string): number {
  const lineEnd = text.lastIndexOf('\n', MAX_READ - 1);
  if (lineEnd >= MAX_READ / 2) return lineEnd + 1;
  // One huge line: cut inside it, never between the halves of a surrogate pair.
  const c = text.charCodeAt(MAX_READ - 1);
  return c >= 0xd800 && c <= 0xdbff ? MAX_READ - 1 : MAX_READ;
}

function read(text: string): Decision {
  const src = new LetterSource(text);
  const layoutName = detectLayout(src);
  const layout = layoutName === 'unknown' ? undefined : layoutNamed(layoutName);
  const sections = layout ? findSections(src, layout.headings) : [];
  layout?.addSections?.(src, sections);
  return withLetterParts(src, layoutName, sections, () => (layout ? layout.readItems(src, sections) : []));
}

/**
 * The model of a letter whose layout and sections are read: its header, reviewer and patient, then
 * its items (`readItems`), its form and suppressions, read from `src` in that order. Also how
 * incremental.ts builds the model of an edited letter around the items it kept.
 */
export function withLetterParts(src: LetterSource, layout: Layout, sections: Section[], readItems: () => Item[]): Decision {
  const header = readHeader(src, sections);
  const reviewer = readReviewer(src, sections);
  const { patient, diagnoses } = readPatient(src, sections);
  const items = readItems();
  return {
    layout,
    form: detectForm(src),
    header,
    sections,
    reviewer,
    patient,
    diagnoses,
    items,
    suppressions: findSuppressions(src),
    limits: src.limits,
    readTo: src.readTo,
  };
}
