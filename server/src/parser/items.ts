/**
 * The disputed items of the published layouts: a title that may wrap over several lines and ends
 * in ": Upheld" (or in a colon, the outcome on the next line), then the labelled fields
 * "Claims Administrator guideline:", "MAXIMUS guideline:" and "Decision rationale:", each running
 * to the next structure.
 */
import type { Item, Outcome, Section, Span } from '../model';
import { Joined } from '../text/joined';
import { isSpace } from '../text/joined';
import { stripTrailingColon } from '../text/trim';
import { parseGuidelineValue } from './citations';
import { isBlank, type Line } from './lines';
import { newItem } from './newItem';
import { buildRationale } from './rationale';
import { MAX_ITEMS, type LetterSource } from './source';
import { BOLD_TITLE_LINE, ISSUES_INTRO, ITEM_LABELS, MODIFIED_MARK, ORIGINAL_REQUEST, OUTCOME_LINE, outcomeOf, type ItemLabelKind } from './vocabulary';

/** An outcome as a title line ends: one to four words without digits. */
const OUTCOME_WORDS = /^[A-Za-z][A-Za-z-]{0,30}(?: [A-Za-z][A-Za-z-]{0,30}){0,3}$/;

/** The longest line read as part of a title, and the most lines a title block holds. */
const MAX_TITLE_LINE = 600;
const MAX_TITLE_LINES = 8;

interface LabelMark {
  type: 'label';
  /** Index into the section's non-blank lines. */
  line: number;
  kind: ItemLabelKind;
  label: Span;
  valueStart: number;
}

interface TitleMark {
  type: 'title';
  /** The title's first and last lines (indexes into the non-blank lines); -1 when there is none. */
  first: number;
  line: number;
  /** The line of the outcome when it stands alone after the title. */
  outcomeLine: number;
  title: Span;
  outcome: Span | null;
  outcome_: Outcome | null;
}

type Mark = LabelMark | TitleMark;

/** The non-blank lines of a section, and before each whether a real blank line (not a page break) separates it from the one before. */
interface Body {
  lines: Line[];
  gapBefore: boolean[];
}

/** Reads the items of every issues section. */
export function readPublishedItems(src: LetterSource, sections: Section[]): Item[] {
  const items: Item[] = [];
  for (const section of sections) {
    if (section.kind !== 'issues') continue;
    const body = sectionBody(src, section);
    const marks = withMissingTitles(src, body, findMarks(src, body));
    buildItems(src, body, marks, items);
  }
  return items;
}

/**
 * The items of the lines in [from, to) of an issues section, read as if they were the whole
 * section's body: incremental.ts reads one edited item again this way.
 */
export function readItemsIn(src: LetterSource, from: number, to: number): Item[] {
  const items: Item[] = [];
  const body = sectionBody(src, { bodyStart: from, end: to - 1 });
  buildItems(src, body, withMissingTitles(src, body, findMarks(src, body)), items);
  return items;
}

function sectionBody(src: LetterSource, section: Pick<Section, 'bodyStart' | 'end'>): Body {
  const lines: Line[] = [];
  const gapBefore: boolean[] = [];
  let gap = false;
  for (const l of src.linesIn(section.bodyStart, section.end + 1)) {
    if (isBlank(l)) {
      if (!src.isPageBreak(l)) gap = true;
      continue;
    }
    if (l.contentStart < section.bodyStart) continue;
    lines.push(l);
    gapBefore.push(gap);
    gap = false;
  }
  return { lines, gapBefore };
}

/** The labels and title lines of a section, in order. */
function findMarks(src: LetterSource, body: Body): Mark[] {
  const { lines } = body;
  const marks: Mark[] = [];
  // Enough structure for MAX_ITEMS items (a title and three labels each, and some to spare).
  const markLimit = (MAX_ITEMS + 1) * 4;
  for (let k = 0; k < lines.length; k++) {
    if (marks.length > markLimit) {
      // What follows is left unread (MAX_ITEMS): it must not become one giant field either.
      src.stopReading(lines[k].start);
      lines.length = k;
      break;
    }
    const label = labelOf(src, lines[k]);
    if (label) {
      marks.push({ type: 'label', line: k, ...label });
      continue;
    }
    const title = titleEndingAt(src, body, k, marks.length ? lastLine(marks[marks.length - 1]) : -1);
    if (!title) continue;
    marks.push(title);
    if (title.outcomeLine > k) k = title.outcomeLine;
  }
  return marks;
}

function lastLine(mark: Mark): number {
  return mark.type === 'title' ? Math.max(mark.line, mark.outcomeLine) : mark.line;
}

/** The item label a line starts with, and where its value starts. */
function labelOf(src: LetterSource, line: Line): Omit<LabelMark, 'type' | 'line'> | undefined {
  const c = src.text.charCodeAt(line.contentStart);
  // Labels start with C, M or D (any case), or with markup.
  if (!(c === 42 || c === 95 || c === 60 || c === 67 || c === 77 || c === 68 || c === 99 || c === 109 || c === 100)) return undefined;
  const b = src.bareOf(line);
  for (const { kind, pattern } of ITEM_LABELS) {
    const m = pattern.exec(b.text);
    if (!m) continue;
    let valueStart = line.contentEnd;
    for (let k = m[0].length; k < b.text.length; k++) {
      if (!isSpace(b.text.charCodeAt(k))) {
        valueStart = b.offsetAt(k);
        break;
      }
    }
    return { kind, label: src.bareSpan(b, 0, m[0].length), valueStart };
  }
  return undefined;
}

/**
 * The title that ends on line k ("Title: Upheld", or "Title:" with "Upheld" alone on the next
 * line), with the lines before it that belong to it. A title with a known outcome stands alone;
 * one with no outcome or an unknown one must be followed by a guideline label.
 */
function titleEndingAt(src: LetterSource, body: Body, k: number, previousMark: number): TitleMark | undefined {
  const { lines } = body;
  const line = lines[k];
  if (!src.isStructureCandidate(line) || line.contentEnd - line.contentStart > MAX_TITLE_LINE) return undefined;
  // The bare text is made of pieces of the line: no colon in the line, none in it.
  if (!src.text.slice(line.contentStart, line.contentEnd).includes(':')) return undefined;
  const b = src.bareOf(line);
  if (!b.text.includes(':')) return undefined;
  const split = splitTitleLine(b.text);
  if (!split) return undefined;
  let outcome = split.outcome ? src.bareSpan(b, split.outcome[0], split.outcome[1]) : null;
  let outcomeLine = -1;
  let after = k + 1;
  if (!outcome && k + 1 < lines.length) {
    const nb = src.bareOf(lines[k + 1]);
    const word = nb.text.trim();
    // An outcome alone on the next line: a known one, or (a defect to report) a few words before a guideline label.
    const beforeLabel = word.length <= 40 && OUTCOME_WORDS.test(word) && k + 2 < lines.length && labelOf(src, lines[k + 2])?.kind === 'claims-administrator';
    if (OUTCOME_LINE.test(word) || beforeLabel) {
      outcome = src.bareSpan(nb, 0, nb.text.length);
      outcomeLine = k + 1;
      after = k + 2;
    }
  }
  const known = outcome ? outcomeOf(outcome.text) ?? null : null;
  if (!known && !beingTyped(src, body, k, outcome)) {
    const next = after < lines.length ? labelOf(src, lines[after]) : undefined;
    if (!next || next.kind === 'rationale' || (outcome && /\d/.test(outcome.text))) return undefined;
  }
  const first = titleStart(src, body, k, previousMark);
  const title = titleSpan(src, lines, first, k, split.titleEnd);
  if (!title.text) return undefined;
  return { type: 'title', first, line: k, outcomeLine, title, outcome, outcome_: known };
}

/**
 * A title being written, an item before its outcome and fields are: a bold "**Title:**" line, or
 * a line ending in its colon after a blank line as the last line of the section.
 */
function beingTyped(src: LetterSource, body: Body, k: number, outcome: Span | null): boolean {
  if (outcome && /\d/.test(outcome.text)) return false;
  const line = body.lines[k];
  const raw = src.text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 240));
  if (BOLD_TITLE_LINE.test(raw)) return true;
  return !outcome && k === body.lines.length - 1 && body.gapBefore[k] && !ISSUES_INTRO.test(src.bareOf(line).text);
}

/**
 * Splits "Title: Outcome" at its last colon: the title's end, and the outcome's [from, to) when
 * the text after the colon is one to four words (absent when nothing follows the colon).
 */
function splitTitleLine(text: string): { titleEnd: number; outcome: [number, number] | null } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  let titleEnd = colon;
  while (titleEnd > 0 && isSpace(text.charCodeAt(titleEnd - 1))) titleEnd--;
  if (titleEnd === 0) return undefined;
  let from = colon + 1;
  let to = text.length;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from === to) return { titleEnd, outcome: null };
  return OUTCOME_WORDS.test(text.slice(from, to)) ? { titleEnd, outcome: [from, to] } : undefined;
}

/**
 * The first line of the title that ends on line k: the lines before it that go on with it, back to
 * a blank line, a line that ends a sentence or a field, the section's intro, or the last mark. A
 * modified request's title holds whole sentences ("X was the original request. Y was authorized by
 * the Claims Administrator. The remaining IMR eligible portion of the original request, Z is"): it
 * is read back to its first sentence.
 */
function titleStart(src: LetterSource, body: Body, k: number, previousMark: number): number {
  const { lines, gapBefore } = body;
  let first = k;
  let text = src.bareOf(lines[k]).text;
  for (let j = k - 1; j > previousMark && k - j < MAX_TITLE_LINES; j--) {
    if (gapBefore[j + 1]) break;
    const line = lines[j];
    if (!src.isStructureCandidate(line) || line.contentEnd - line.contentStart > MAX_TITLE_LINE) break;
    const bare = src.bareOf(line).text.trimEnd();
    if (ISSUES_INTRO.test(bare) || labelOf(src, line)) break;
    const inFrame = MODIFIED_MARK.test(text) && !ORIGINAL_REQUEST.test(text);
    if (/[.;:?!]["')\]]?$/.test(bare) && !inFrame) break;
    first = j;
    text = `${bare} ${text}`;
  }
  return first;
}

/** The title's text over its lines, without markup and the colon, with its source range. */
function titleSpan(src: LetterSource, lines: Line[], first: number, last: number, titleEnd: number): Span {
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  for (let j = first; j <= last; j++) {
    const b = src.bareOf(lines[j]);
    const s = src.bareSpan(b, 0, j === last ? titleEnd : b.text.length);
    if (!s.text) continue;
    // Joined by single spaces: runs of spaces inside a line too.
    parts.push(s.text.replace(/\s+/g, ' '));
    if (start < 0) start = s.start;
    end = s.end;
  }
  if (start < 0) {
    const at = lines[last].contentStart;
    return { text: '', start: at, end: at };
  }
  return { text: parts.join(' '), start, end };
}

/**
 * A label that cannot continue the current item starts a new one; its title is the line just
 * before it when that line reads like a title (short, not a sentence), else it has none.
 */
function withMissingTitles(src: LetterSource, body: Body, marks: Mark[]): Mark[] {
  const order: Record<ItemLabelKind, number> = { 'claims-administrator': 0, maximus: 1, rationale: 2 };
  let previousOrder = -1;
  const out: Mark[] = [];
  for (const mark of marks) {
    const previous = out.length > 0 ? out[out.length - 1] : undefined;
    out.push(mark);
    if (mark.type === 'title') {
      previousOrder = -1;
      continue;
    }
    if ((previousOrder < 0 && previous?.type === 'title') || (previousOrder >= 0 && order[mark.kind] > previousOrder)) {
      previousOrder = order[mark.kind];
      continue;
    }
    out.splice(out.length - 1, 0, guessedTitle(src, body, mark, previous ? lastLine(previous) : -1));
    previousOrder = order[mark.kind];
  }
  return out;
}

function guessedTitle(src: LetterSource, body: Body, mark: LabelMark, previousLine: number): TitleMark {
  const k = mark.line - 1;
  const candidate = k > previousLine ? body.lines[k] : undefined;
  const text = candidate ? src.bareOf(candidate).text : '';
  if (candidate && text.length > 0 && text.length < 200 && !/[.;]$/.test(text)) {
    const b = src.bareOf(candidate);
    const title = src.bareSpan(b, 0, stripTrailingColon(b.text).length);
    return { type: 'title', first: k, line: k, outcomeLine: -1, title, outcome: null, outcome_: null };
  }
  const at = mark.label.start;
  return { type: 'title', first: -1, line: -1, outcomeLine: -1, title: { text: '', start: at, end: at }, outcome: null, outcome_: null };
}

/**
 * The first line of mark k: a title's first line; for a title guessed with no line of its own
 * (the item starts at its label), the label's line.
 */
function firstLineOf(marks: Mark[], k: number): number {
  const mark = marks[k];
  if (mark.type === 'label') return mark.line;
  if (mark.first >= 0) return mark.first;
  if (mark.line >= 0) return mark.line;
  const label = marks[k + 1];
  return label ? firstLineOf(marks, k + 1) : -1;
}

/** Turns the marks into items: a title opens one, each label fills one of its fields. */
function buildItems(src: LetterSource, body: Body, marks: Mark[], items: Item[]): void {
  const { lines } = body;
  let current: Item | null = null;
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k];
    const next = marks[k + 1];
    const own = mark.type === 'title' ? lastLine(mark) : mark.line;
    const nextFirst = next ? firstLineOf(marks, k + 1) : lines.length;
    const fieldEnd = Math.max(nextFirst, own + 1);
    const fieldLines = own < 0 ? [] : lines.slice(own + 1, fieldEnd);
    if (mark.type === 'title') {
      if (items.length >= MAX_ITEMS) {
        src.stopReading(mark.line >= 0 ? lines[mark.first].start : mark.title.start);
        return;
      }
      const end = mark.line < 0 ? mark.title.end : lines[own].contentEnd;
      current = newItem(src.text, mark.title, mark.outcome, mark.outcome_, end);
      if (mark.first >= 0) current.start = lines[mark.first].contentStart;
      items.push(current);
      // Prose between a title and the next structure belongs to no field; the item still spans it.
      if (fieldLines.length) current.end = fieldLines[fieldLines.length - 1].contentEnd;
      continue;
    }
    if (!current) continue;
    const value = new Joined(src.text, mark.valueStart);
    value.add(mark.valueStart, lines[mark.line].contentEnd);
    for (const l of fieldLines) value.add(l.contentStart, l.contentEnd);
    current.end = Math.max(current.end, fieldLines.length ? fieldLines[fieldLines.length - 1].contentEnd : lines[mark.line].contentEnd);
    if (mark.kind === 'rationale') {
      current.rationale = buildRationale(mark.label, value, current.treatment.text);
    } else {
      const { citations, citesNothing } = parseGuidelineValue(value, mark.kind);
      current.guidelines.push({ by: mark.kind, label: mark.label, value: value.span(), citations, citesNothing });
    }
  }
}
