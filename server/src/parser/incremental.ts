/**
 * Incremental re-reading: after an edit inside one disputed item (its fields, or its title lines
 * when the item still opens the same way), the letter's cheap parts (layout, form, sections, header,
 * reviewer, patient, suppressions) are read again, the edited item alone is read again from its
 * lines, and every other item is kept (shifted by the edit's length when it stands after it); after
 * an edit outside the issues sections, no item is read again. Anything that could move an item's
 * boundary is a structural edit: then `reparseItem` answers undefined and the caller reads the whole
 * text (`parse`).
 *
 * What decides an item's boundaries (items.ts): title lines (a colon, an outcome on the same or the
 * next line, a label after it), labels, the lines a title reads back over, and the guessed title of
 * an item that starts at a label. The edited item is read again as if its lines were a section of
 * their own; that reading is taken only when it finds the same one item, and when nothing the
 * reading of the neighbouring items looks at (the two lines before the next item, the lines its
 * title reads back over) was touched. The consistency test (test/unit/incremental.test.ts) checks
 * every such answer against a whole reading of the same text.
 */
import type { Decision, Item, Section, Span } from '../model';
import { readItemsIn, readPublishedItems } from './items';
import { MAX_STRUCTURE_LENGTH } from './lines';
import { detectLayout } from './layout';
import { layoutNamed } from './layouts';
import { MAX_READ, withLetterParts } from './parse';
import { findSections } from './sections';
import { LetterSource } from './source';
import { MODIFIED_MARK } from './vocabulary';
import { shifted } from '../text/shift';

/** One edit between two versions of a text: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest change that turns `before` into `after` (common head and tail kept), or null when they are equal. */
export function diffTexts(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  const start = commonHead(before, after, shortest);
  const tail = commonTail(before, after, shortest - start);
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/**
 * Compared a block at a time: an edited text is often a concatenation (the editor's buffer), on
 * which reading character by character is slow; comparing slices compares memory.
 */
const BLOCK = 2048;

/** The length of the common head of a and b, at most `limit`. */
function commonHead(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common tail of a and b, at most `limit`. */
function commonTail(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** What a successful re-reading gives: the new model, the item read again, and its window in both texts. */
export interface ItemReparse {
  decision: Decision;
  change: TextChange;
  /** Index of the item read again (in `decision.items`), or -1 when the edit is in no item (every item kept). */
  item: number;
  /** The lines read again: [start, oldEnd) of the old text, [start, newEnd) of the new. */
  window: TextChange;
}

/**
 * The new text's model, reading again only the item the edit falls in (or, for an edit outside
 * the issues sections, no item at all); undefined when the edit is structural (or the letter is
 * not of a layout read this way): then read the whole text.
 */
export function reparseItem(previous: Decision, before: string, after: string): ItemReparse | undefined {
  if (previous.limits.length > 0 || after.length > MAX_READ || previous.layout === 'unknown') return undefined;
  const change = diffTexts(before, after);
  if (!change || hasLineBreakTrouble(before, after, change)) return undefined;
  const layout = layoutNamed(previous.layout);
  if (!layout || layout.readItems !== readPublishedItems) return undefined;
  const { k, inTitle } = editedItem(previous, before, change);
  const holder = k >= 0 ? issuesSectionOf(previous, k) : sectionHolding(previous, before, change);
  if (holder === -2 || (k >= 0 && holder < 0)) return undefined;
  const src = new LetterSource(after);
  if (detectLayout(src) !== previous.layout) return undefined;
  const sections = findSections(src, layout.headings);
  layout.addSections?.(src, sections);
  const delta = change.newEnd - change.oldEnd;
  if (!sameSections(previous.sections, sections, holder, change, delta)) return undefined;
  let items: Item[];
  let window: TextChange;
  if (k >= 0) {
    window = itemWindow(previous, k, holder, before, delta);
    // The edit must end before the next item's first line (or the next heading); at the text's end it may reach it.
    if (change.oldEnd > window.oldEnd || (change.oldEnd === window.oldEnd && window.oldEnd < before.length)) return undefined;
    const read = readItemsIn(src, window.start, window.newEnd);
    if (read.length !== 1 || src.limits.length > 0) return undefined;
    if (inTitle ? !titleStillOpens(read[0], previous.items[k], after, window) : !sameOpening(read[0], previous.items[k])) return undefined;
    if (!neighboursUntouched(previous, k, read[0], before, after, change, window)) return undefined;
    items = previous.items.map((item, i) => (i < k ? item : i === k ? read[0] : shifted(item, delta)));
  } else {
    // Outside every issues section: the items are read from the same lines as before.
    const start = lineStart(before, change.start);
    window = { start, oldEnd: lineEnd(before, change.oldEnd), newEnd: lineEnd(after, change.newEnd) };
    items = previous.items.map((item) => (item.start < change.start ? item : shifted(item, delta)));
  }
  const decision = withLetterParts(src, previous.layout, sections, () => items);
  return { decision, change, item: k, window };
}

/**
 * For an edit in no item: the index of the section it lies in (-1 before the first heading), or
 * -2 when it reaches into an issues section (from its heading to the next one) or a heading.
 */
function sectionHolding(previous: Decision, before: string, change: TextChange): number {
  const sections = previous.sections;
  let holder = -1;
  for (let i = 0; i < sections.length; i++) {
    const from = lineStart(before, sections[i].start);
    const to = i + 1 < sections.length ? lineStart(before, sections[i + 1].start) : before.length + 1;
    if (change.oldEnd < from || change.start >= to) continue;
    if (sections[i].kind === 'issues' || change.start <= sections[i].bodyStart || change.oldEnd >= to) return -2;
    holder = i;
  }
  return holder;
}

/** A carriage return or form feed next to or in the edit changes line ends or page breaks: read it all. */
function hasLineBreakTrouble(before: string, after: string, change: TextChange): boolean {
  const near = (text: string, from: number, to: number) => {
    for (let i = Math.max(0, from - 1); i < Math.min(text.length, to + 1); i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || c === 12) return true;
    }
    return false;
  };
  return near(before, change.start, change.oldEnd) || near(after, change.start, change.newEnd);
}

/** The item whose lines hold the start of the edit (-1 for none), and whether the edit starts in its title lines. */
function editedItem(previous: Decision, before: string, change: TextChange): { k: number; inTitle: boolean } {
  const items = previous.items;
  let lo = 0;
  let hi = items.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= change.start) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (k < 0) return { k, inTitle: false };
  const item = items[k];
  const titleLast = Math.max(item.title.end, item.outcomeSpan?.end ?? 0);
  return { k, inTitle: change.start <= lineEnd(before, titleLast) };
}

/** The index of the issues section that holds item k, or -1. */
function issuesSectionOf(previous: Decision, k: number): number {
  const start = previous.items[k].start;
  return previous.sections.findIndex((s) => s.kind === 'issues' && s.bodyStart <= start && start <= s.end);
}

/**
 * The same sections as before: those before the edit unchanged, those after it shifted by its
 * length; the one holding the edited item (`holder`) keeps its heading, its end may move.
 */
function sameSections(old: Section[], now: Section[], holder: number, change: TextChange, delta: number): boolean {
  if (old.length !== now.length) return false;
  for (let i = 0; i < old.length; i++) {
    const a = old[i];
    const b = now[i];
    if (a.kind !== b.kind || a.title !== b.title) return false;
    // A heading inside the edit's old text was changed.
    if (a.start >= change.start && a.start < change.oldEnd) return false;
    const shift = a.start >= change.oldEnd ? delta : 0;
    if (b.start !== a.start + shift || b.bodyStart !== a.bodyStart + shift) return false;
    if (i !== holder && b.end !== a.end + shift) return false;
  }
  return true;
}

/**
 * The edited item's lines: from the start of its first line to the start of the next item's first
 * line, or (the section's last item) to the next section's heading or the end of the text.
 */
function itemWindow(previous: Decision, k: number, holder: number, before: string, delta: number): TextChange {
  const section = previous.sections[holder];
  const start = lineStart(before, previous.items[k].start);
  const next = previous.items[k + 1];
  let oldEnd: number;
  if (next && next.start <= section.end) oldEnd = lineStart(before, next.start);
  else {
    const following = previous.sections[holder + 1];
    oldEnd = following ? lineStart(before, following.start) : before.length;
  }
  return { start, oldEnd, newEnd: oldEnd + delta };
}

/**
 * Whether the edit leaves alone what the next item's reading looks at: the lines its title reads
 * back over, the line its guessed title may be, the label that decides whether it starts at its own
 * label. `read` is the edited item read again.
 */
function neighboursUntouched(previous: Decision, k: number, read: Item, before: string, after: string, change: TextChange, window: TextChange): boolean {
  const touched = { start: lineStart(after, change.start), end: lineEnd(after, change.newEnd) };
  const next = previous.items[k + 1];
  if (!next || lineStart(before, next.start) !== window.oldEnd) return true;
  const tail: LineRange[] = [];
  for (const line of linesBackward(after, window.start, window.newEnd)) {
    if (tail.length === 2) break;
    if (after.slice(line.start, line.end).trim()) tail.push(line);
  }
  // The window's last line, as a title ending in a colon, would look ahead into the next item for
  // its outcome or label; a label line, or a line too long for structure, never is a title.
  if (tail.length > 0 && overlaps(tail[0], touched) && mayBeTitle(after, tail[0], read)) return false;
  // An item with no outcome may start at a label (a guessed title): the line before it may become
  // its title, and the last label before it decides whether it starts there.
  if (next.outcomeSpan === null) {
    if (tail.some((line) => overlaps(line, touched)) || lastLabel(read) !== lastLabel(previous.items[k])) return false;
  }
  const framed = next.request !== undefined || MODIFIED_MARK.test(next.title.text);
  return !readBackReaches(after, window, touched, framed);
}

/** Whether a line of the window could be read as a title line: a colon, not too long, not one of the item's labels. */
function mayBeTitle(text: string, line: LineRange, item: Item): boolean {
  const content = text.slice(line.start, line.end);
  if (!content.includes(':') || content.trim().length > MAX_STRUCTURE_LENGTH) return false;
  return !labelsOf(item).some((label) => label.start >= line.start && label.start <= line.end);
}

/** The labels of an item's fields. */
function labelsOf(item: Item): Span[] {
  const labels = item.guidelines.map((g) => g.label);
  if (item.rationale?.label) labels.push(item.rationale.label);
  return labels;
}

/** A line as [start, end): its text without the line break. */
interface LineRange {
  start: number;
  end: number;
}

function overlaps(a: LineRange, b: LineRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The lines of [from, to), last first; `to` is a line's start or the text's end. */
function* linesBackward(text: string, from: number, to: number): Generator<LineRange> {
  let end = to;
  if (end > from && text.charCodeAt(end - 1) === 10) end--;
  while (end >= from) {
    const start = Math.max(from, lineStart(text, end));
    yield { start, end };
    if (start <= from) return;
    end = start - 1;
  }
}

/**
 * Whether the next item's title, read back from its first line (items.ts `titleStart`: over lines
 * with no blank line between that do not end a sentence, at most eight), could reach a touched
 * line. Read more widely than the parser does: markup, labels and long lines never stop it here.
 */
function readBackReaches(text: string, window: TextChange, touched: LineRange, framed: boolean): boolean {
  let seen = 0;
  for (const line of linesBackward(text, window.start, window.newEnd)) {
    if (overlaps(line, touched)) return true;
    const content = text.slice(line.start, line.end).trim();
    if (!content) {
      if (!nearFormFeed(text, line)) return false;
      continue;
    }
    if (!framed && /[.;:?!]["')\]]?$/.test(content)) return false;
    if (++seen > 8) return false;
  }
  return false;
}

/** Whether a blank line may be a page break (a form feed on it or on a line next to it). */
function nearFormFeed(text: string, line: LineRange): boolean {
  const from = lineStart(text, Math.max(0, line.start - 1));
  const to = lineEnd(text, Math.min(text.length, line.end + 1));
  return text.slice(from, to).includes('\f');
}

/** The first offset of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset` (its line break, or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/**
 * The kind of an item's last label. A label that cannot follow it starts a new item (items.ts
 * `withMissingTitles`): an item with no outcome after this one may have started so.
 */
function lastLabel(item: Item): string {
  if (item.rationale) return 'rationale';
  return item.guidelines.length > 0 ? item.guidelines[item.guidelines.length - 1].by : 'none';
}

/**
 * After an edit in an item's title: the item still opens on the same line with a title of its own
 * (an outcome: not a title guessed at a label), and nothing before it changes how it is read. Its
 * title, read back from its last line, stops at the window's start only if the line before is
 * a blank line or ends a sentence (a modified request's title reads on over sentences); that line,
 * as a possible title ending in a colon, would look ahead into this item's first line.
 */
function titleStillOpens(now: Item, old: Item, after: string, window: TextChange): boolean {
  if (now.start !== old.start || now.outcomeSpan === null || old.outcomeSpan === null) return false;
  if (window.start === 0) return true;
  const end = window.start - 1;
  const start = lineStart(after, end);
  const line = after.slice(start, end);
  const content = line.trim();
  if (!content) return !nearFormFeed(after, { start, end });
  if (content.includes(':') || MODIFIED_MARK.test(now.title.text)) return false;
  return /[.;?!]["')\]]?$/.test(content);
}

/** The same item opening: where it starts, its title and outcome as before. */
function sameOpening(now: Item, old: Item): boolean {
  return now.start === old.start && now.title.text === old.title.text && now.title.start === old.title.start && now.outcome === old.outcome;
}
