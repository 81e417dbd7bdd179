/**
 * The 2013 "Notice of Independent Medical Review Determination": a numbered summary of decisions
 * ("1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically
 * necessary"), then numbered blocks ("1) Regarding the request for X:") with the parties' bases and
 * the rationale.
 */
import type { Item, Outcome, Section, Span } from '../../model';
import { Joined } from '../../text/joined';
import { stripTrailingColon } from '../../text/trim';
import { parseGuidelineValue } from '../citations';
import { isBlank, type Line } from '../lines';
import { newItem, retitle } from '../newItem';
import { buildRationale } from '../rationale';
import type { LetterSource } from '../source';
import {
  LAYOUT_MARKERS,
  NOTICE_CLAIMS_BASIS,
  NOTICE_DECISION,
  NOTICE_DECISIONS_START,
  NOTICE_EXPERT_BASIS,
  NOTICE_EXPERT_BASIS_INSIDE,
  NOTICE_GUIDELINES_HEADING,
  NOTICE_RATIONALE,
  NOTICE_REGARDING,
  type ItemLabelKind,
} from '../vocabulary';
import type { LayoutDef } from './types';

export const notice2013: LayoutDef = {
  name: 'notice-2013',
  headings: [
    { kind: 'issues', text: 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE', colon: false },
    { kind: 'how-made', text: 'MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER', colon: true },
    { kind: 'clinical-summary', text: 'CASE SUMMARY', colon: true },
    { kind: 'documents-reviewed', text: 'DOCUMENTS REVIEWED FOR DETERMINATION', colon: true },
  ],
  markers: LAYOUT_MARKERS.notice,
  addSections: addDecisionsSummary,
  readItems: noticeItems,
};

/** The numbered "1) MAXIMUS Federal Services, Inc. has determined ..." block before the rationale heading. */
function addDecisionsSummary(src: LetterSource, sections: Section[]): void {
  const issues = sections.find((s) => s.kind === 'issues');
  const limit = issues ? issues.start : src.text.length;
  const lines = src.linesIn(0, limit).filter((l) => !isBlank(l));
  const first = lines.find((l) => NOTICE_DECISIONS_START.test(src.text.slice(l.contentStart, l.contentStart + 20)));
  if (!first) return;
  const last = lines[lines.length - 1];
  const heading: Span = { text: '1)', start: first.contentStart, end: first.contentStart + 2 };
  sections.unshift({
    kind: 'decisions-summary',
    title: 'Summary of decisions',
    heading,
    start: first.contentStart,
    end: last.contentEnd,
    bodyStart: first.contentStart,
  });
  sections.sort((a, b) => a.start - b.start);
}

function noticeItems(src: LetterSource, sections: Section[]): Item[] {
  const items = summaryItems(src, sections);
  const order = [...items.keys()];
  const issues = sections.find((s) => s.kind === 'issues');
  const summary = sections.find((s) => s.kind === 'decisions-summary');
  const from = issues ? issues.bodyStart : summary ? summary.end : 0;
  const lines = src.linesIn(from, src.text.length).filter((l) => !isBlank(l) && l.contentStart >= from);
  const starts = blockStarts(src, lines);
  for (let s = 0; s < starts.length; s++) {
    const { k, n, title } = starts[s];
    const endK = s + 1 < starts.length ? starts[s + 1].k : lines.length;
    let item = items.get(n);
    if (!item) {
      item = newItem(src.text, title, null, null, title.end);
      items.set(n, item);
      order.push(n);
    } else {
      item.title = title;
      retitle(item, src.text);
    }
    item.start = lines[k].contentStart;
    item.end = lines[endK - 1].contentEnd;
    readBlock(src, lines.slice(k + 1, endK), item);
  }
  return order.map((n) => items.get(n)!).filter(Boolean);
}

/** The items of the numbered summary, by number, with the outcome each decision states. */
function summaryItems(src: LetterSource, sections: Section[]): Map<number, Item> {
  const items = new Map<number, Item>();
  const summary = sections.find((s) => s.kind === 'decisions-summary');
  if (!summary) return items;
  const joined = new Joined(src.text);
  for (const l of src.linesIn(summary.start, summary.end + 1)) joined.add(l.contentStart, l.contentEnd);
  const text = joined.text;
  const lead = 'has determined the request for ';
  NOTICE_DECISION.lastIndex = 0;
  for (let m = NOTICE_DECISION.exec(text); m; m = NOTICE_DECISION.exec(text)) {
    const n = Number(m[1]);
    if (items.has(n)) continue;
    const titleAt = m.index + m[0].indexOf(lead) + lead.length;
    const title = joined.span(titleAt, titleAt + m[2].length);
    const phraseAt = m.index + m[0].length - m[4].length;
    const outcomeSpan = joined.span(phraseAt, phraseAt + m[4].length);
    const outcome: Outcome = /^not/i.test(m[4]) ? 'upheld' : 'overturned';
    items.set(n, newItem(src.text, title, outcomeSpan, outcome, outcomeSpan.end));
  }
  return items;
}

/** The "1) Regarding the request for X:" lines: index, number and title. */
function blockStarts(src: LetterSource, lines: Line[]): Array<{ k: number; n: number; title: Span }> {
  const starts: Array<{ k: number; n: number; title: Span }> = [];
  lines.forEach((l, k) => {
    if (!src.isStructureCandidate(l)) return;
    const b = src.bareOf(l);
    const m = NOTICE_REGARDING.exec(b.text);
    if (!m) return;
    const title = stripTrailingColon(b.text.slice(m[0].length));
    if (title) starts.push({ k, n: Number(m[1]), title: src.bareSpan(b, m[0].length, m[0].length + title.length) });
  });
  return starts;
}

interface Field {
  kind: ItemLabelKind;
  label: Span | null;
  value: Joined;
}

/** The bases of both parties and the rationale of one numbered block. */
function readBlock(src: LetterSource, lines: Line[], item: Item): void {
  let field: Field | null = null;
  const flush = () => {
    if (field) addField(item, field);
    field = null;
  };
  for (const l of lines) {
    const head = src.text.slice(l.contentStart, Math.min(l.contentEnd, l.contentStart + 80));
    if (NOTICE_GUIDELINES_HEADING.test(head)) {
      flush();
      continue;
    }
    const ca = NOTICE_CLAIMS_BASIS.exec(head);
    const ex = ca ? null : NOTICE_EXPERT_BASIS.exec(head);
    const ra = ca || ex ? null : NOTICE_RATIONALE.exec(head);
    const m = ca ?? ex ?? ra;
    if (m) {
      flush();
      const label: Span = { text: m[0].trim(), start: l.contentStart, end: l.contentStart + m[0].trimEnd().length };
      field = { kind: ca ? 'claims-administrator' : ex ? 'maximus' : 'rationale', label, value: new Joined(src.text).add(l.contentStart + m[0].length, l.contentEnd) };
      continue;
    }
    if (field) (field as Field).value.add(l.contentStart, l.contentEnd);
  }
  flush();
}

/**
 * Adds a field to the item. The claims administrator's basis may go on, in the same paragraph,
 * with the expert reviewer's ("... The Expert Reviewer based his/her decision on ..."): both are read.
 */
function addField(item: Item, field: Field): void {
  if (field.kind === 'rationale') {
    item.rationale = buildRationale(field.label, field.value, item.treatment.text);
    return;
  }
  const text = field.value.text;
  const inside = field.kind === 'claims-administrator' ? NOTICE_EXPERT_BASIS_INSIDE.exec(text) : null;
  if (inside && inside.index > 0) {
    const own = field.value.slice(0, inside.index);
    addBasis(item, field.kind, field.label, own);
    const labelSpan = field.value.span(inside.index, inside.index + inside[0].length);
    addBasis(item, 'maximus', labelSpan, field.value.slice(inside.index + inside[0].length, text.length));
    return;
  }
  addBasis(item, field.kind, field.label, field.value);
}

function addBasis(item: Item, by: 'claims-administrator' | 'maximus' | 'rationale', label: Span | null, value: Joined): void {
  if (by === 'rationale') return;
  const { citations, citesNothing } = parseGuidelineValue(value, by);
  item.guidelines.push({ by, label: label ?? value.span(0, 0), value: value.span(), citations, citesNothing });
}
