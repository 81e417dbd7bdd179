/**
 * "IMR: Normalize PDF Text": rejoins the hard-wrapped lines of text extracted from a PDF into
 * paragraphs, and marks the letter's structure the way the markdown letters do (`### HEADING`,
 * `**Label:**`, `**Item title:** Outcome`).
 *
 * Guarantees (tested on the corpus and on generated input):
 * - every non-space character of the input stays, in order; only white space changes and `**` /
 *   `### ` markup is added;
 * - edits lie inside the range asked for (the whole text when none is given).
 */
import { LICENSURE_LABEL, NOTICE_FIELD_START, OUTCOME_LINE, SPECIALTY_LABEL } from '../parser/vocabulary';
import type { Edit } from '../checks/types';
import type { Decision, Item } from '../model';
import { LAYOUT_HEADINGS, matchHeading } from '../parser/headings';
import { headingKey, isBlank, scanLines, type Line } from '../parser/lines';
import type { LetterDocument } from './document';

export interface NormalizeResult {
  /** Edits in source offsets, in order, not overlapping; empty when there is nothing to change. */
  edits: Edit[];
  /** What was done, in a sentence for the user. */
  message: string;
}

/** A wrapped PDF line is at most about this long; longer lines are paragraphs already. */
const WRAPPED_LINE_MAX = 160;

type Role =
  /** A line of its own: item titles, "1) Regarding the request for X:", markdown headings. */
  | 'alone'
  /** Starts a paragraph that the next wrapped lines continue (labels, header fields, credentials, numbered entries). */
  | 'start'
  /** A section heading line (a long heading may be wrapped over several lines). */
  | 'heading';

interface LineRole {
  role: Role;
  /** Source ranges to wrap in `**`. */
  bold: Array<[number, number]>;
  /** For headings: the last line of the heading. */
  headingEnd?: number;
  /** Leave the line's text exactly as written (it already has markup). */
  verbatim?: boolean;
  /** The paragraph ends with the first line that ends with a colon ("1) Regarding the request for X:"). */
  endsAtColon?: boolean;
  /** The paragraph takes every line through this one (a title wrapped over lines, a header label split over two). */
  throughLine?: number;
}

const NUMBERED = /^\d{1,3}\)\s/;
/** "1) Regarding the request for X:" stands alone once its colon is on the line. */
const REGARDING_WHOLE = /^\d{1,3}\)\s*Regarding the request for\b.*:\s*$/i;
/** A wrapped line is nearly as long as the longest lines; a much shorter one ends its paragraph. */
const FULL_LINE_SHARE = 0.5;
const MARKUP_LINE = /^(?:#{1,6}\s|\*\*|__|<\/?(?:b|strong)>|[-*+>|]\s|```)/i;

/**
 * Normalizes the letter's text in [range.start, range.end) (the whole text by default). Returns
 * edits. A letter already in markdown form is left alone unless a range is given.
 */
export function normalizePdfText(doc: LetterDocument, range?: { start: number; end: number }): NormalizeResult {
  const { text, decision } = doc.analysis;
  if (!range && decision.form === 'markdown') {
    return { edits: [], message: 'This letter is already in markdown form. Select the part to normalize and run the command again.' };
  }
  const from = Math.max(0, Math.min(range?.start ?? 0, text.length));
  const to = Math.max(from, Math.min(range?.end ?? text.length, text.length));
  const edits = normalizeRange(text, decision, from, to);
  if (edits.length === 0) return { edits, message: 'Nothing to normalize.' };
  return { edits, message: 'Normalized the PDF text: wrapped lines rejoined, headings and labels marked.' };
}

/** Applies edits (in source offsets, not overlapping) to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

interface Block {
  lines: Line[];
  role: LineRole | undefined;
  /** A line in capitals (a heading the parser did not recognise, a letterhead): never joined to prose. */
  caps?: boolean;
}

function normalizeRange(text: string, decision: Decision, from: number, to: number): Edit[] {
  // The lines of the range, clipped to it.
  const lines: Line[] = [];
  for (const line of scanLines(text, true)) {
    if (line.end < from || line.start > to) continue;
    const contentStart = Math.max(line.contentStart, from);
    const contentEnd = Math.min(line.contentEnd, to);
    lines.push({ ...line, contentStart, contentEnd: Math.max(contentStart, contentEnd) });
  }
  const blocks = groupBlocks(text, lines, lineRoles(text, decision));
  return blocks.length ? blockEdits(text, blocks, from, to) : [];
}

/** How lines are joined into paragraphs: the wrap width, and whether wrapped lines are double spaced. */
interface Wrapping {
  double: boolean;
  fullLine: number;
}

/** Groups lines into blocks (paragraphs, headings, lines of their own). */
function groupBlocks(text: string, lines: Line[], roles: Map<number, LineRole>): Block[] {
  const wrapping: Wrapping = { double: isDoubleSpaced(text, lines), fullLine: FULL_LINE_SHARE * wrapWidth(lines) };
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blanks = 0;
  let previous: Line | null = null;
  let headingUntil = -1;
  for (const line of lines) {
    if (isBlank(line)) {
      blanks++;
      continue;
    }
    const role = roles.get(line.index);
    const caps = role === undefined && isCaps(text, line);
    const continuesHeading = current?.role?.role === 'heading' && line.index <= headingUntil;
    if (current && previous && (continuesHeading || joins(text, current, previous, line, role, caps, blanks, wrapping))) {
      current.lines.push(line);
    } else {
      current = { lines: [line], role, ...(caps ? { caps } : {}) };
      blocks.push(current);
      if (role?.role === 'heading') headingUntil = role.headingEnd ?? line.index;
    }
    blanks = 0;
    previous = line;
  }
  return blocks;
}

/** A short line in capitals (a heading the parser did not recognise, a letterhead). */
function isCaps(text: string, l: Line): boolean {
  const s = text.slice(l.contentStart, l.contentEnd);
  return l.contentEnd - l.contentStart <= 120 && /\p{Lu}.*\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** Whether a line goes on the block before it (after `blanks` blank lines). */
function joins(text: string, current: Block, previous: Line, line: Line, role: LineRole | undefined, caps: boolean, blanks: number, w: Wrapping): boolean {
  const width = (l: Line) => l.contentEnd - l.contentStart;
  if (current.role?.throughLine !== undefined && line.index <= current.role.throughLine) return true;
  // "Norco 10/325mg quantity 180:" wrapped before its outcome.
  const outcomeAlone = role === undefined && text[previous.contentEnd - 1] === ':' && OUTCOME_LINE.test(text.slice(line.contentStart, line.contentEnd));
  if (outcomeAlone && blanks <= 1 && !current.role?.verbatim) return true;
  return (
    role === undefined &&
    current.role?.role !== 'alone' &&
    current.role?.role !== 'heading' &&
    !current.role?.verbatim &&
    caps === (current.caps ?? false) &&
    !(current.role?.endsAtColon && text[previous.contentEnd - 1] === ':') &&
    blanks === (w.double ? 1 : 0) &&
    width(previous) >= w.fullLine &&
    (!w.double || width(previous) <= WRAPPED_LINE_MAX) &&
    !MARKUP_LINE.test(text.slice(line.contentStart, line.contentStart + 8))
  );
}

/** The edits that write the blocks: each block rendered, one blank line between blocks, the ends trimmed. */
function blockEdits(text: string, blocks: Block[], from: number, to: number): Edit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const replace = (start: number, end: number, newText: string) => {
    if (end < start || text.slice(start, end) === newText) return;
    edits.push({ start, end, newText });
  };
  if (from === 0) replace(0, blocks[0].lines[0].contentStart, '');
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    const start = block.lines[0].contentStart;
    const end = block.lines[block.lines.length - 1].contentEnd;
    replace(start, end, renderBlock(text, block));
    const next = blocks[k + 1];
    if (next) replace(end, next.lines[0].contentStart, eol + eol);
  }
  const lastBlock = blocks[blocks.length - 1];
  const lastEnd = lastBlock.lines[lastBlock.lines.length - 1].contentEnd;
  if (to === text.length) replace(lastEnd, to, eol);
  return edits;
}

/** The width lines are wrapped at: the 90th percentile of the line lengths. */
function wrapWidth(lines: Line[]): number {
  const widths = lines.filter((l) => !isBlank(l)).map((l) => l.contentEnd - l.contentStart).sort((a, b) => a - b);
  if (widths.length === 0) return 0;
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.9))];
}

/** Whether wrapped lines are separated by one empty line each (the usual PDF extraction). */
function isDoubleSpaced(text: string, lines: Line[]): boolean {
  let single = 0;
  let adjacent = 0;
  let blanks = -1;
  let longest = 0;
  for (const line of lines) {
    if (isBlank(line)) {
      if (blanks >= 0) blanks++;
      continue;
    }
    if (MARKUP_LINE.test(text.slice(line.contentStart, line.contentStart + 8)) || /\*\*|<b>/i.test(text.slice(line.contentStart, line.contentEnd))) {
      return false;
    }
    longest = Math.max(longest, line.contentEnd - line.contentStart);
    if (blanks === 0) adjacent++;
    else if (blanks === 1) single++;
    blanks = 0;
  }
  return single >= 3 && single >= 2 * adjacent && longest <= WRAPPED_LINE_MAX * 2;
}

/** One block's new text: its lines joined by single spaces, with markup added. */
function renderBlock(text: string, block: Block): string {
  const role = block.role;
  if (role?.verbatim) {
    // Lines already marked up keep their text; wrapped continuation lines are joined.
    return block.lines.map((l) => text.slice(l.contentStart, l.contentEnd)).join(' ');
  }
  const inside = (offset: number, isEnd: boolean) =>
    block.lines.some((l) => offset >= l.contentStart && (isEnd ? offset <= l.contentEnd : offset < l.contentEnd));
  const opens = new Set<number>();
  const closes = new Set<number>();
  for (const [a, b] of role?.bold ?? []) {
    if (b > a && inside(a, false) && inside(b, true)) {
      opens.add(a);
      closes.add(b);
    }
  }
  let out = role?.role === 'heading' || (block.caps && isKnownHeading(block.lines.map((l) => text.slice(l.contentStart, l.contentEnd)).join(' '))) ? '### ' : '';
  let pendingSpace = false;
  for (let n = 0; n < block.lines.length; n++) {
    const line = block.lines[n];
    if (n > 0) {
      // A word hyphenated at the end of a line goes on without a space ("work-" + "related").
      const hyphenated = /[A-Za-z]-$/.test(out.slice(-2)) && /^[a-z]/.test(text[line.contentStart] ?? '');
      pendingSpace = !hyphenated;
    }
    for (let i = line.contentStart; i < line.contentEnd; i++) {
      if (closes.has(i)) out += '**';
      if (opens.has(i)) {
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += '**';
      }
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\u00a0') {
        pendingSpace = out.length > 0 && !out.endsWith(' ');
        continue;
      }
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += c;
    }
    if (closes.has(line.contentEnd)) out += '**';
  }
  return out;
}

/** The lines of the text, and the role found so far for each (the first one set stays). */
interface Roles {
  text: string;
  lines: Line[];
  lineOf(offset: number): number;
  roles: Map<number, LineRole>;
  set(index: number, role: LineRole): void;
}

/** The role of each line that has structure, from the parsed decision and a few line patterns. */
function lineRoles(text: string, decision: Decision): Map<number, LineRole> {
  const lines = scanLines(text);
  const roles = new Map<number, LineRole>();
  const r: Roles = {
    text,
    lines,
    roles,
    lineOf: (offset) => lineIndexAt(lines, offset),
    set: (index, role) => {
      if (!roles.has(index)) roles.set(index, role);
    },
  };
  markupRoles(r);
  sectionRoles(r, decision);
  headerRoles(r, decision);
  // Item labels are marked only where the parser reads them through markup (the published layouts).
  const boldLabels = decision.layout === 'final-determination' || decision.layout === 'maximus-2014';
  for (const item of decision.items) itemRoles(r, item, boldLabels);
  patternRoles(r);
  return roles;
}

/** Lines that already have markup keep their text. */
function markupRoles(r: Roles): void {
  for (const line of r.lines) {
    if (isBlank(line)) continue;
    const s = r.text.slice(line.contentStart, line.contentEnd);
    if (MARKUP_LINE.test(s.slice(0, 8)) || /\*\*|<\/?b>/i.test(s)) {
      r.set(line.index, { role: /^#{1,6}\s/.test(s) ? 'alone' : 'start', bold: [], verbatim: true });
    }
  }
}

/** Section headings; "CASE SUMMARY: text goes on" is a label that starts a paragraph. */
function sectionRoles(r: Roles, decision: Decision): void {
  for (const section of decision.sections) {
    if (section.kind === 'decisions-summary') continue;
    const first = r.lineOf(section.heading.start);
    const last = r.lineOf(section.heading.end);
    const rest = r.text.slice(section.heading.end, r.lines[last].contentEnd).trim();
    if (rest && !/^:$/.test(rest)) {
      r.set(first, { role: 'start', bold: [[section.heading.start, section.heading.end]] });
      for (let i = first + 1; i <= last; i++) r.roles.delete(i);
    } else {
      r.set(first, { role: 'heading', bold: [], headingEnd: last });
    }
  }
}

/** Header fields in bold; a label the extractor broke over lines ("Application" / "Received:" / the date) is joined back. */
function headerRoles(r: Roles, decision: Decision): void {
  if (!decision.header) return;
  const byLine = new Map<number, { bold: Array<[number, number]>; through: number }>();
  for (const f of decision.header.fields) {
    const i = r.lineOf(f.label.start);
    const labelEnd = colonAfter(r.text, f.label.end, r.lines[r.lineOf(f.label.end)].contentEnd);
    const entry = byLine.get(i) ?? { bold: [], through: i };
    entry.bold.push([f.label.start, labelEnd]);
    if (r.lineOf(f.label.end) > i) entry.through = Math.max(entry.through, r.lineOf(f.value.end));
    byLine.set(i, entry);
  }
  for (const [i, { bold, through }] of byLine) r.set(i, { role: 'start', bold, ...(through > i ? { throughLine: through } : {}) });
}

/** An item's title (a line of its own, in bold; wrapped over lines, one paragraph through its outcome) and its labels. */
function itemRoles(r: Roles, item: Item, boldLabels: boolean): void {
  if (item.title.text) {
    const i = r.lineOf(item.title.start);
    const titleFirst = item.title.start === r.lines[i].contentStart;
    const last = r.lineOf(item.title.end);
    const outcomeHere = item.outcomeSpan && r.lineOf(item.outcomeSpan.start) === i && last === i;
    if (titleFirst && outcomeHere) {
      r.set(i, { role: 'alone', bold: [[item.title.start, colonAfter(r.text, item.title.end, item.outcomeSpan!.start)]] });
    } else if (titleFirst && last === i) {
      r.set(i, { role: 'alone', bold: [] });
    } else if (titleFirst && last > i) {
      const through = item.outcomeSpan ? Math.max(last, r.lineOf(item.outcomeSpan.end)) : last;
      r.set(i, { role: 'alone', bold: [[item.title.start, colonAfter(r.text, item.title.end, r.lines[last].contentEnd)]], throughLine: through });
    }
  }
  const labels = [...item.guidelines.map((g) => g.label), ...(item.rationale?.label ? [item.rationale.label] : [])];
  for (const label of labels) {
    const i = r.lineOf(label.start);
    const labelled = boldLabels && /:$/.test(label.text) && label.start === r.lines[i].contentStart;
    r.set(i, { role: 'start', bold: labelled ? [[label.start, label.end]] : [] });
  }
}

/** Credential labels, numbered entries and the 2013 notice's field paragraphs, by their words. */
function patternRoles(r: Roles): void {
  for (const line of r.lines) {
    if (isBlank(line) || r.roles.has(line.index)) continue;
    const s = r.text.slice(line.contentStart, line.contentEnd);
    const credential = LICENSURE_LABEL.exec(s) ?? SPECIALTY_LABEL.exec(s);
    if (credential) {
      r.set(line.index, { role: 'start', bold: [[line.contentStart, line.contentStart + credential[0].trimEnd().length]] });
    } else if (NUMBERED.test(s) || NOTICE_FIELD_START.test(s)) {
      const regarding = /^\d{1,3}\)\s*Regarding\b/i.test(s);
      r.set(line.index, { role: REGARDING_WHOLE.test(s) ? 'alone' : 'start', bold: [], ...(regarding ? { endsAtColon: true } : {}) });
    }
  }
}

/** Whether a line in capitals is a section heading of some layout. */
function isKnownHeading(text: string): boolean {
  const key = headingKey(text);
  return Object.values(LAYOUT_HEADINGS).some((defs) => matchHeading(key, defs)?.complete === true);
}

/** The offset just after the colon that follows `end` (before `limit`), or `end` when there is none. */
function colonAfter(text: string, end: number, limit: number): number {
  for (let i = end; i < limit; i++) {
    const c = text[i];
    if (c === ':') return i + 1;
    if (c !== ' ' && c !== '\t') break;
  }
  return end;
}

function lineIndexAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
