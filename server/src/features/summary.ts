/**
 * The decision summary: case, items with their outcomes, and the count of problems. It feeds the
 * status bar item, the "IMR: Show Decision Summary" list and its markdown tooltip.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../checks/types';
import type { Conclusion, Layout, Outcome, Patient } from '../model';
import { CATEGORY_NAMES } from '../parser/category';
import { OUTCOME_LABELS, caseNumberOf, collapse, itemLabel, type LetterDocument } from './document';
import { escapeMarkdown } from './markdown';
import { citationBrief } from './symbols';

export interface SummaryItem {
  title: string;
  /** The kind of treatment, as a reader names it ("diagnostic imaging and testing"). */
  category: string;
  outcome: Outcome | null;
  /** The outcome as written when it is not a known one, else its usual name. */
  outcomeText: string;
  conclusion: Conclusion | null;
  /** Whether the rationale's conclusion agrees with the outcome; null when either is missing. */
  agrees: boolean | null;
  /** The MAXIMUS citations in a few words. */
  basis: string;
  range: Range;
  selectionRange: Range;
}

export interface DecisionSummary {
  caseNumber: string | null;
  layout: Layout;
  /** Decision date as written, or null. */
  decisionDate: string | null;
  /** "48-year-old male", or null when the summary does not say. */
  patient: string | null;
  items: SummaryItem[];
  outcomes: Record<Outcome | 'none', number>;
  problems: Record<Severity, number> & { total: number };
}

/** Summarises a letter. */
export function decisionSummary(doc: LetterDocument): DecisionSummary {
  const { decision, findings } = doc.analysis;
  const outcomes: DecisionSummary['outcomes'] = { upheld: 0, overturned: 0, 'partially-overturned': 0, none: 0 };
  const items: SummaryItem[] = [];
  for (const item of decision.items) {
    outcomes[item.outcome ?? 'none']++;
    const conclusion = item.rationale?.conclusion ?? null;
    const maximus = item.guidelines.filter((g) => g.by === 'maximus').flatMap((g) => g.citations);
    const selection = item.title.text ? item.title : { start: item.start, end: item.start };
    items.push({
      title: itemLabel(item),
      category: CATEGORY_NAMES[item.category],
      outcome: item.outcome,
      outcomeText: item.outcome ? OUTCOME_LABELS[item.outcome] : collapse(item.outcomeSpan?.text ?? '') || 'no outcome',
      conclusion,
      agrees: agreement(item.outcome, conclusion),
      basis: maximus.map(citationBrief).join('; '),
      range: doc.lines.range(item.start, item.end),
      selectionRange: doc.lines.range(selection.start, selection.end),
    });
  }
  const problems = { error: 0, warning: 0, information: 0, hint: 0, total: 0 };
  for (const f of findings) {
    problems[f.severity]++;
    problems.total++;
  }
  const decided = decision.header?.fields.find((f) => f.name === 'decision');
  return {
    caseNumber: caseNumberOf(doc),
    layout: decision.layout,
    decisionDate: decided ? collapse(decided.value.text) || null : null,
    patient: patientText(decision.patient),
    items,
    outcomes,
    problems,
  };
}

/** The patient in a few words: "48-year-old male", "female"; null when neither is stated. */
export function patientText(p: Patient): string | null {
  const parts = [p.age !== null ? `${p.age}-year-old` : '', p.sex ?? ''].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** Whether an outcome and a rationale conclusion say the same thing; null when one is missing. */
export function agreement(outcome: Outcome | null, conclusion: Conclusion | null): boolean | null {
  if (!outcome || !conclusion || outcome === 'partially-overturned') return null;
  return (outcome === 'upheld') === (conclusion === 'not-medically-necessary');
}

/** The items and their outcomes in a few words: "3 items: 2 upheld, 1 overturned". */
export function outcomesText(s: Pick<DecisionSummary, 'items' | 'outcomes'>): string {
  const parts: string[] = [];
  if (s.outcomes.upheld) parts.push(`${s.outcomes.upheld} upheld`);
  if (s.outcomes.overturned) parts.push(`${s.outcomes.overturned} overturned`);
  if (s.outcomes['partially-overturned']) parts.push(`${s.outcomes['partially-overturned']} partially overturned`);
  if (s.outcomes.none) parts.push(`${s.outcomes.none} without outcome`);
  const n = s.items.length;
  const items = n === 1 ? '1 item' : `${n} items`;
  return parts.length ? `${items}: ${parts.join(', ')}` : items;
}

/**
 * The problems the Problems panel lists: errors, warnings and information. Hints are not listed
 * there (the editor shows them as dots under the word), so counting them would disagree with it.
 */
export function listedProblems(s: DecisionSummary): number {
  return s.problems.error + s.problems.warning + s.problems.information;
}

/** The status bar text: "3 items: 2 upheld, 1 overturned · 2 problems" (problems as the Problems panel counts them). */
export function statusText(s: DecisionSummary): string {
  const listed = listedProblems(s);
  const problems = listed === 0 ? 'no problems' : listed === 1 ? '1 problem' : `${listed} problems`;
  return `${outcomesText(s)} · ${problems}`;
}

/** The summary as markdown (tooltip and the summary view). */
export function summaryMarkdown(s: DecisionSummary): string {
  const out: string[] = [];
  out.push(`**${s.caseNumber ? `Case ${s.caseNumber}` : 'Decision letter'}**${s.decisionDate ? ` · decided ${s.decisionDate}` : ''}${s.patient ? ` · ${s.patient}` : ''}`);
  out.push('');
  if (s.items.length === 0) out.push('No disputed items found.');
  for (const item of s.items) {
    const agree = item.agrees === false ? ' ⚠ the rationale concludes the opposite' : '';
    out.push(`- ${escapeMarkdown(item.title, true)}: **${escapeMarkdown(item.outcomeText)}** (${item.category})${agree}`);
  }
  out.push('');
  const p = s.problems;
  if (p.total === 0) out.push('No problems found.');
  else {
    const parts = (['error', 'warning', 'information', 'hint'] as const)
      .filter((k) => p[k] > 0)
      .map((k) => `${p[k]} ${k === 'information' ? 'info' : k}${p[k] > 1 && k !== 'information' ? 's' : ''}`);
    out.push(`Problems: ${parts.join(', ')}`);
  }
  return out.join('\n');
}
