/**
 * What every editor feature reads: one analysis of one document version and its line index. The
 * server keeps one per (uri, version); tests build one from a letter's text.
 */
import { OUTCOME_NAMES } from '../parser/vocabulary';
import { analyze, type AnalyzeOptions, type Analysis } from '../engine';
import type { Decision, Item, Outcome, Section } from '../model';
import { LineIndex } from '../text/lineIndex';

export interface LetterDocument {
  readonly analysis: Analysis;
  readonly lines: LineIndex;
}

/** Analyses a text once and pairs it with its line index (for tests and the workspace scan). */
export function letterDocument(text: string, options: AnalyzeOptions = {}): LetterDocument {
  return { analysis: analyze(text, options), lines: new LineIndex(text) };
}

/** Outcome names as letters write them. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = OUTCOME_NAMES;

/** An item's name for lists: its title, else its treatment, else a placeholder. */
export function itemLabel(item: Item): string {
  // A modified request is named by the part still under review (its title holds three sentences).
  if (item.request) return `${collapse(item.request.remaining.text)} (modified request)`;
  const title = collapse(item.title.text);
  if (title) return title;
  const treatment = collapse(item.treatment.text);
  return treatment || '(item without a title)';
}

/** The case number written in the header, or null. */
export function caseNumberOf(doc: LetterDocument): string | null {
  const field = doc.analysis.decision.header?.fields.find((f) => f.name === 'caseNumber');
  const value = field ? collapse(field.value.text) : '';
  return value || null;
}

/** A section title as shown in lists: white space collapsed, no trailing colon. */
export function sectionLabel(section: Section): string {
  const title = collapse(section.title);
  return (title.endsWith(':') ? title.slice(0, -1).trimEnd() : title) || 'Section';
}

/** The longest text `collapse` returns: names and details shown in lists, hovers and messages. */
export const SHOWN_MAX = 300;

/**
 * Collapses runs of white space to one space and trims. A text longer than `SHOWN_MAX` (a title
 * that runs on for pages) is cut there and ends in "…": only its head is read.
 */
export function collapse(text: string): string {
  const head = text.length > 2 * SHOWN_MAX ? text.slice(0, 2 * SHOWN_MAX) : text;
  const shown = head.replace(/\s+/g, ' ').trim();
  if (shown.length > SHOWN_MAX) return shown.slice(0, SHOWN_MAX).trimEnd() + '…';
  return head === text || !/\S/.test(text.slice(head.length)) ? shown : shown + '…';
}

/** Whether offset lies in [start, end] (the end is inclusive, so a cursor just after a word still counts). */
export function touches(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
