/**
 * What the MTUS checks (`unknown-guideline`, `citation-page`) share: the letter's governing date, the
 * guideline a rationale's prose citation refers to, and where in the source a page number or a
 * guideline name stands.
 */
import type { Citation, Decision, HeaderFieldName, Item, ProseCitation, Span } from '../model';
import type { CitationResolution, Guideline, MtusIndex } from '../knowledge/mtus';

const DATE_FIELDS: readonly HeaderFieldName[] = ['urDenial', 'decision', 'assigned', 'applicationReceived'];

/**
 * The date that decides which edition a citation means (the 2009 or the 2016 CPMTG): the UR denial
 * date (the request precedes it), else the decision date, else the other header dates; null when the
 * letter has no dated header.
 */
export function letterDate(decision: Decision): string | null {
  for (const name of DATE_FIELDS) {
    const iso = decision.header?.fields.find((f) => f.name === name)?.iso;
    if (iso) return iso;
  }
  return null;
}

/** The guideline a prose citation refers to, and whether its pages can be checked. */
export interface ProseTarget {
  guideline: Guideline | null;
  /** Named in the prose but unknown to the index. */
  unknown: boolean;
  /** A 2016-or-later part, or a non-MTUS source: pages are not checked. */
  unchecked: boolean;
}

/**
 * Resolves the guideline of "page 64 of the MTUS Chronic Pain ...". "MTUS page 78" names no part:
 * it means the part the item's own citations name (MAXIMUS line first), else the CPMTG in force on
 * the letter's date.
 */
export function proseTarget(index: MtusIndex, item: Item, prose: ProseCitation, date: string | null): ProseTarget {
  const named = prose.guideline ? index.resolveGuideline(prose.guideline, { date }) : null;
  if (prose.guideline && !named) return { guideline: null, unknown: true, unchecked: true };
  let guideline = named?.guideline ?? null;
  if (!guideline || guideline.id === 'mtus') guideline = contextGuideline(index, item, date);
  if (!guideline) return { guideline: null, unknown: false, unchecked: true };
  return { guideline, unknown: false, unchecked: guideline.later || !guideline.mtus };
}

function contextGuideline(index: MtusIndex, item: Item, date: string | null): Guideline | null {
  const lines = [...item.guidelines].sort((a, b) => (a.by === 'maximus' ? 0 : 1) - (b.by === 'maximus' ? 0 : 1));
  for (const line of lines) {
    for (const citation of line.citations) {
      // Only the guideline and the status count here: the pages are left unchecked.
      const resolved = index.resolveCitation(citation, { date }, false);
      if ((resolved.status === 'mtus' || resolved.status === 'later') && resolved.guideline && resolved.guideline.id !== 'mtus') {
        return resolved.guideline;
      }
    }
  }
  return index.resolveGuideline('Chronic Pain Medical Treatment Guidelines', { date })?.guideline ?? null;
}

/** Where page `page` is written inside a prose citation (after its "page(s)" word); the whole span if not found. */
export function pageNumberRange(text: string, span: Span, page: number): { start: number; end: number } {
  const slice = text.slice(span.start, span.end);
  const after = Math.max(0, slice.search(/\bpages?\b/i));
  const digits = /\d{1,4}/g;
  digits.lastIndex = after;
  for (let m = digits.exec(slice); m; m = digits.exec(slice)) {
    if (Number(m[0]) === page) return { start: span.start + m.index, end: span.start + m.index + m[0].length };
  }
  return { start: span.start, end: span.end };
}

/**
 * Where a name is written inside a span of the source (words may be split by line breaks or markup).
 * Words made only of markup characters (`*`, `_`) are left to the separator between words: as words
 * of their own they would overlap it and make the search backtrack without end on runs of `*`.
 */
export function nameRange(text: string, span: Span, name: string): { start: number; end: number } {
  const words = name
    .split(/\s+/)
    .filter((w) => w.length > 0 && !/^[*_]+$/.test(w))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length > 0) {
    const m = new RegExp(words.join('[\\s*_]+'), 'i').exec(text.slice(span.start, span.end));
    if (m) return { start: span.start + m.index, end: span.start + m.index + m[0].length };
  }
  return { start: span.start, end: span.end };
}

/** A citation of an item's guideline lines with what the MTUS index makes of it. */
export interface ResolvedCitation {
  item: Item;
  citation: Citation;
  resolved: CitationResolution;
}

/**
 * Every citation of an item's guideline lines, resolved against the index at the letter's date.
 * The checks read it through `context.facts.resolvedCitations(item)`, computed once per item.
 */
export function resolveItemCitations(item: Item, index: MtusIndex, date: string | null): ResolvedCitation[] {
  const list: ResolvedCitation[] = [];
  for (const line of item.guidelines) {
    for (const citation of line.citations) list.push({ item, citation, resolved: index.resolveCitation(citation, { date }) });
  }
  return list;
}
