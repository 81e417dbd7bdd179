/**
 * Finds the labelled elements of a real letter with regexes of the test's own (independent of the
 * grammar and of the parser), each with the scope the grammar must give it. The grammar test then
 * checks the token scopes over each element's characters.
 */

/** An element of the letter and the scope every one of its characters must carry. */
export interface Expected {
  kind: ElementKind;
  start: number;
  end: number;
  scope: string;
}

export type ElementKind =
  | 'header-label'
  | 'header-value'
  | 'section-heading'
  | 'item-title'
  | 'outcome'
  | 'item-label'
  | 'pages-label'
  | 'page-number'
  | 'date'
  | 'case-number'
  | 'title-strength'
  | 'title-quantity';

const HEADER_CELL = /<b>([^<:\n]+):<\/b>\t([^\t\n]*)/g;
const SECTION = /^[ \t]*(?:#{2,3} )?(HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES)[ \t]*$/gm;
const TITLE = /^[ \t]*(?:\*\*)?(\S[^\n]*?):(?:\*\*)?[ \t]+(Upheld|Overturned)[ \t]*$/gm;
const LABEL = /^[ \t]*(?:\*\*)?(Claims Administrator guideline|MAXIMUS guideline|Decision rationale):/gm;
const PAGES = /(Page\(s\)):((?:[ ,;]*\d+(?:-\d+)?)+)/g;
const PAGE_NUMBER = /\d+(?:-\d+)?/g;
const NUMERIC_DATE = /(?<![\d/])\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})(?![\d/])/g;
const WRITTEN_DATE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/g;
const CASE_NUMBER = /\bCM\d{2}-\d{7}\b/g;
const TITLE_STRENGTH = /\d+(?:\/\d+)? ?mg\b/gi;
const TITLE_QUANTITY = /#\d+|\bQTY:? ?\d+(?:\.\d+)?|\bquantity \d+/gi;

const LABEL_SCOPES: Record<string, string> = {
  'Claims Administrator guideline': 'entity.name.tag.label.claims-administrator.imr',
  'MAXIMUS guideline': 'entity.name.tag.label.maximus.imr',
  'Decision rationale': 'entity.name.tag.label.rationale.imr',
};

const OUTCOME_SCOPES: Record<string, string> = {
  Upheld: 'markup.deleted.outcome.upheld.imr',
  Overturned: 'markup.inserted.outcome.overturned.imr',
};

/** Every labelled element of a letter, in the order found (by kind, then by offset). */
export function findElements(text: string): Expected[] {
  const out: Expected[] = [];
  const add = (kind: ElementKind, start: number, value: string, scope: string) => {
    out.push({ kind, start, end: start + value.length, scope });
  };

  for (const m of text.matchAll(HEADER_CELL)) {
    const labelAt = m.index + '<b>'.length;
    add('header-label', labelAt, m[1], 'entity.name.tag.header.imr');
    const value = m[2].trim();
    if (value) add('header-value', m.index + m[0].length - m[2].length + m[2].indexOf(value), value, 'meta.field.value.header.imr');
  }
  for (const m of text.matchAll(SECTION)) {
    add('section-heading', m.index + m[0].indexOf(m[1]), m[1], 'entity.name.section.imr');
  }
  for (const m of text.matchAll(TITLE)) {
    const titleAt = m.index + m[0].indexOf(m[1]);
    add('item-title', titleAt, m[1], 'entity.name.type.item.imr');
    add('outcome', m.index + m[0].lastIndexOf(m[2]), m[2], OUTCOME_SCOPES[m[2]]);
    for (const s of m[1].matchAll(TITLE_STRENGTH)) add('title-strength', titleAt + s.index, s[0], 'constant.numeric.strength.imr');
    for (const q of m[1].matchAll(TITLE_QUANTITY)) add('title-quantity', titleAt + q.index, q[0], 'constant.numeric.quantity.imr');
  }
  for (const m of text.matchAll(LABEL)) {
    add('item-label', m.index + m[0].indexOf(m[1]), m[1], LABEL_SCOPES[m[1]]);
  }
  for (const m of text.matchAll(PAGES)) {
    add('pages-label', m.index, m[1], 'keyword.other.page.imr');
    const listAt = m.index + m[1].length + 1;
    for (const p of m[2].matchAll(PAGE_NUMBER)) add('page-number', listAt + p.index, p[0], 'constant.numeric.page.imr');
  }
  for (const re of [NUMERIC_DATE, WRITTEN_DATE]) {
    for (const m of text.matchAll(re)) add('date', m.index, m[0], 'constant.numeric.date.imr');
  }
  for (const m of text.matchAll(CASE_NUMBER)) add('case-number', m.index, m[0], 'constant.numeric.case-number.imr');
  return out;
}

/** How many elements of each kind were found. */
export function countByKind(elements: readonly Expected[]): Partial<Record<ElementKind, number>> {
  const counts: Partial<Record<ElementKind, number>> = {};
  for (const e of elements) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}
