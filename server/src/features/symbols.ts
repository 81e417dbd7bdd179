/**
 * Document symbols (outline, breadcrumbs, Go to Symbol): the header named by its case number, each
 * section, and under the section that holds them the disputed items (name = title, detail =
 * outcome) with their guideline lines and rationale.
 */
import { CATEGORY_NAMES } from '../parser/category';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Citation, GuidelineLine, Item, Rationale } from '../model';
import { OUTCOME_LABELS, caseNumberOf, collapse, itemLabel, sectionLabel, type LetterDocument } from './document';

/** Items listed in the outline at most; the rest are summed up in one last entry. */
export const MAX_OUTLINE_ITEMS = 500;

type Offsets = { start: number; end: number };

/** The outline of a letter: a text that is not a letter gives an empty list. */
export function documentSymbols(doc: LetterDocument): DocumentSymbol[] {
  return build(doc);
}

function build(doc: LetterDocument): DocumentSymbol[] {
  const { decision, text } = doc.analysis;
  const symbol = (name: string, kind: DocumentSymbol['kind'], range: Offsets, selection: Offsets, detail?: string): DocumentSymbol => {
    const start = Math.max(0, Math.min(range.start, text.length));
    const end = Math.max(start, Math.min(range.end, text.length));
    // The selection must lie inside the range.
    const selStart = Math.min(Math.max(selection.start, start), end);
    const selEnd = Math.min(Math.max(selection.end, selStart), end);
    const s: DocumentSymbol = {
      name: name || '(untitled)',
      kind,
      range: doc.lines.range(start, end),
      selectionRange: doc.lines.range(selStart, selEnd),
      children: [],
    };
    if (detail) s.detail = detail;
    return s;
  };

  const top: DocumentSymbol[] = [];
  const header = decision.header;
  if (header) {
    const caseNumber = caseNumberOf(doc);
    const caseField = header.fields.find((f) => f.name === 'caseNumber');
    const decided = header.fields.find((f) => f.name === 'decision');
    const selection = caseField && caseField.value.text ? caseField.value : { start: header.start, end: header.start };
    const h = symbol(caseNumber ?? 'Header', SymbolKind.Object, header, selection, decided?.value.text ? `decided ${collapse(decided.value.text)}` : 'header');
    for (const field of header.fields) {
      const end = Math.max(field.label.end, field.value.end);
      h.children!.push(symbol(collapse(field.label.text), SymbolKind.Field, { start: field.label.start, end }, field.label, collapse(field.value.text) || '(empty)'));
    }
    top.push(h);
  }

  const items = decision.items.slice(0, MAX_OUTLINE_ITEMS);
  const placed = new Set<Item>();
  for (const section of decision.sections) {
    const inside = items.filter((i) => !placed.has(i) && i.start >= section.start && i.start <= section.end);
    const detail = section.kind === 'issues' || inside.length ? countItems(inside.length) : undefined;
    const s = symbol(sectionLabel(section), SymbolKind.Namespace, section, section.heading, detail);
    for (const item of inside) {
      placed.add(item);
      s.children!.push(itemSymbol(item, symbol));
    }
    top.push(s);
  }
  // Items outside every section (a damaged letter) still show, at the top level.
  for (const item of items) if (!placed.has(item)) top.push(itemSymbol(item, symbol));

  const hidden = decision.items.length - items.length;
  if (hidden > 0) {
    const last = decision.items[decision.items.length - 1];
    const first = decision.items[items.length];
    top.push(symbol(`… ${hidden} more items (outline limited to ${MAX_OUTLINE_ITEMS})`, SymbolKind.Null, { start: first.start, end: last.end }, first.title));
  }
  top.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return top;
}

type MakeSymbol = (name: string, kind: DocumentSymbol['kind'], range: Offsets, selection: Offsets, detail?: string) => DocumentSymbol;

function itemSymbol(item: Item, symbol: MakeSymbol): DocumentSymbol {
  const selection = item.title.text ? item.title : (item.outcomeSpan ?? item.title);
  const s = symbol(itemLabel(item), SymbolKind.Class, item, selection, `${outcomeDetail(item)} · ${CATEGORY_NAMES[item.category]}`);
  const within = (r: Offsets) => r.start >= item.start && r.end <= item.end;
  for (const line of item.guidelines) {
    const range = { start: line.label.start, end: Math.max(line.label.end, line.value.end) };
    if (!within(range)) continue;
    s.children!.push(symbol(guidelineName(line), SymbolKind.Property, range, line.label, guidelineDetail(line)));
  }
  const r = item.rationale;
  if (r) {
    const start = r.label ? r.label.start : r.body.start;
    const range = { start, end: Math.max(r.body.end, r.label?.end ?? start) };
    if (within(range)) s.children!.push(symbol('Decision rationale', SymbolKind.String, range, r.label ?? { start, end: start }, conclusionDetail(r)));
  }
  return s;
}

function countItems(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

/** The outcome as the letter means it ("Upheld"), or what is wrong with it. */
export function outcomeDetail(item: Item): string {
  if (item.outcome) return OUTCOME_LABELS[item.outcome];
  const written = item.outcomeSpan ? collapse(item.outcomeSpan.text) : '';
  return written ? `${written} (not an IMR outcome)` : 'no outcome';
}

function guidelineName(line: GuidelineLine): string {
  return line.by === 'maximus' ? 'MAXIMUS guideline' : 'Claims Administrator guideline';
}

/** A guideline line in a few words: "Baclofen, p. 65", "no evidence cited". */
export function guidelineDetail(line: GuidelineLine): string {
  if (line.citesNothing) return 'no evidence cited';
  if (line.citations.length === 0) return collapse(line.value.text) ? 'no citation recognised' : 'empty';
  return line.citations.map(citationBrief).join('; ');
}

/** One citation in a few words: its topic (or guideline) and pages. */
export function citationBrief(c: Citation): string {
  const what = collapse(c.topic ?? '') || collapse(c.guideline) || c.source;
  const prefix = c.mtus ? '' : `${c.source === 'other' ? 'non-MTUS' : c.source}: `;
  const pages = pagesText(c);
  return pages ? `${prefix}${what}, ${pages}` : `${prefix}${what}`;
}

/** "p. 65", "pp. 111-113", "pp. 88-89, 76-78, 60-61"; empty when no page is cited. */
export function pagesText(c: Pick<Citation, 'pageRefs' | 'pages'>): string {
  if (c.pageRefs.length === 0) {
    if (c.pages.length === 0) return '';
    return c.pages.length === 1 ? `p. ${c.pages[0]}` : `pp. ${c.pages.join(', ')}`;
  }
  const parts = c.pageRefs.map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`));
  const single = c.pageRefs.length === 1 && c.pageRefs[0].from === c.pageRefs[0].to;
  return `${single ? 'p.' : 'pp.'} ${parts.join(', ')}`;
}

function conclusionDetail(r: Rationale): string {
  if (r.conclusion === 'medically-necessary') return 'medically necessary';
  if (r.conclusion === 'not-medically-necessary') return 'not medically necessary';
  return 'no conclusion stated';
}
