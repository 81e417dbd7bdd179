import type { SectionKind } from '../model';

/** A section heading a layout uses, matched on the heading key (upper case, spaces collapsed). */
export interface HeadingDef {
  kind: SectionKind;
  /** The canonical heading text (upper case, without a trailing colon). */
  text: string;
  /** Older layouts end the heading with a colon and may go on with body text on the same line. */
  colon: boolean;
  /** Match on this prefix only (the heading goes on to a colon, possibly over wrapped lines). */
  prefixOnly?: boolean;
}

/** Each layout's sections, in order (defined with the layouts, in layouts/). */
export { LAYOUT_HEADINGS } from './layouts';

/** Human names of the section kinds, for messages and quick fixes. */
export const SECTION_NAMES: Record<SectionKind, string> = {
  'how-made': 'how the determination was made',
  'documents-reviewed': 'documents reviewed',
  'clinical-summary': 'clinical case summary',
  issues: 'issues, decisions and rationales',
  guidelines: 'guidelines relied upon',
  rationale: 'rationale',
  'decisions-summary': 'summary of decisions',
};

export type HeadingMatch =
  /** The whole heading is on this line (body text may follow its colon). */
  | { def: HeadingDef; complete: true }
  /** The line starts a heading that goes on over the next line(s). */
  | { def: HeadingDef; complete: false };

/** Matches one heading key against a layout's headings. */
export function matchHeading(key: string, defs: readonly HeadingDef[]): HeadingMatch | undefined {
  for (const def of defs) {
    if (def.prefixOnly) {
      if (!key.startsWith(def.text)) continue;
      const colon = key.indexOf(':');
      return colon < 0 ? { def, complete: false } : { def, complete: true };
    }
    if (key === def.text || (key.length === def.text.length + 1 && startsWithColonAfter(key, def.text))) return { def, complete: true };
    if (def.colon && startsWithColonAfter(key, def.text)) return { def, complete: true };
    // A long heading hard-wrapped in PDF text.
    if (def.colon && key.length >= 20 && def.text.startsWith(key) && key.length < def.text.length) {
      return { def, complete: false };
    }
  }
  return undefined;
}

/** Whether `key` starts with `text` followed by a colon (`key.startsWith(text + ':')`, without building that string). */
export function startsWithColonAfter(key: string, text: string): boolean {
  return key.length > text.length && key.charCodeAt(text.length) === 58 && key.startsWith(text);
}
