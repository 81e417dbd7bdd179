import type {
  Decision,
  GuidelineLine,
  Header,
  HeaderField,
  HeaderFieldName,
  Item,
  Layout,
  Outcome,
  Reviewer,
  Section,
  Span,
  SurfaceForm,
  Suppression,
} from '../model';
import { isSpace, Joined } from '../text/joined';
import { stripTrailingColon, trimEndDotsAndSpaces } from '../text/trim';
import { parseGuidelineValue } from './citations';
import { LAYOUT_HEADINGS, matchHeading, type HeadingDef } from './headings';
import { MAX_STRUCTURE_LENGTH, bare, headingKey, isBlank, scanLines, type BareLine, type Line } from './lines';
import { buildRationale, findConclusion } from './rationale';
import { parseTitle } from './title';

/**
 * Parses an IMR decision letter, in any of its surface forms and layouts, into the decision model.
 * Never throws: text that is not a letter gives a model with layout "unknown" and nothing in it.
 */
export function parse(text: string): Decision {
  if (text.length <= MAX_READ) return new Parser(text).run();
  const cut = readLimit(text);
  const decision = new Parser(text.slice(0, cut)).run();
  decision.readTo = Math.min(decision.readTo, cut);
  decision.limits.push(
    `The text is ${text.length.toLocaleString('en-US')} characters long: only the first ` +
      `${cut.toLocaleString('en-US')} are read and checked.`,
  );
  return decision;
}

/**
 * The most characters of a text that are read. A letter is tens of kilobytes; a text a hundred
 * times that (a pasted archive, a log) is read no further, so that no paste can stall the editor.
 */
export const MAX_READ = 2_000_000;

/** Where reading a text longer than MAX_READ stops: after the last line break before it, else at it. */
function readLimit(text: string): number {
  const lineEnd = text.lastIndexOf('\n', MAX_READ - 1);
  if (lineEnd >= MAX_READ / 2) return lineEnd + 1;
  // One huge line: cut inside it, never between the halves of a surrogate pair.
  const c = text.charCodeAt(MAX_READ - 1);
  return c >= 0xd800 && c <= 0xdbff ? MAX_READ - 1 : MAX_READ;
}

const HEADER_LABELS: Array<[RegExp, HeaderFieldName]> = [
  [/^(?:MAXIMUS |IMR )?Case Number$/i, 'caseNumber'],
  [/^Date Assigned$/i, 'assigned'],
  [/^Date of Injury$/i, 'injury'],
  [/^(?:Decision Date|Dated)$/i, 'decision'],
  [/^(?:UR Denial Date|Date of UR Decision)$/i, 'urDenial'],
  [/^(?:IMR )?Application Received$/i, 'applicationReceived'],
  [/^Priority$/i, 'priority'],
  [/^Claim Number$/i, 'claimNumber'],
];
const HEADER_LABEL_RE =
  /(?:MAXIMUS |IMR )?Case Number|Date Assigned|Date of Injury|Decision Date|UR Denial Date|Date of UR Decision|(?:IMR )?Application Received|Priority|Claim Number|Dated(?=:)/gi;
const DATE_FIELDS = new Set<HeaderFieldName>(['assigned', 'injury', 'decision', 'urDenial', 'applicationReceived']);

type LabelKind = 'claims-administrator' | 'maximus' | 'rationale';
/** A line that starts with an item label, and where the label's value starts. */
interface LabelMatch {
  kind: LabelKind;
  label: Span;
  valueStart: number;
}
const ITEM_LABELS: Array<[RegExp, LabelKind]> = [
  [/^Claims Administrator guidelines?\s*:/i, 'claims-administrator'],
  [/^MAXIMUS guidelines?\s*:/i, 'maximus'],
  [/^Decision rationale\s*:/i, 'rationale'],
];
const OUTCOMES: Record<string, Outcome> = {
  upheld: 'upheld',
  overturned: 'overturned',
  'partially overturned': 'partially-overturned',
};
/** An outcome as a title line ends: one to four words without digits. */
const OUTCOME_WORDS = /^[A-Za-z][A-Za-z-]{0,30}(?: [A-Za-z][A-Za-z-]{0,30}){0,3}$/;

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

/** Where a reviewer phrase ends: before "is/has/he/she/who", a period or semicolon, or the end. */
const REVIEWER_STOP = /,? {1,3}(?:and {1,3})?(?:is|has|he|she|who)\b|[.;]/i;
const BOARD_CERTIFIED = /Board[ -]Certified in /gi;
const SUBSPECIALTY = /sub-?specialty in /gi;
const LICENSED = /\blicensed (?:to practice )?in (?:the states? of )?/gi;

/** The most credential phrases of one kind read (see phrasesAfter). */
const MAX_PHRASES = 20;

/**
 * The phrase after each match of `lead` (which ends where the phrase starts), up to a reviewer stop
 * (", and is", "has", a period...) within `max` characters: [from, to) offsets into `text`. A
 * reviewer states a credential once or twice; no more than MAX_PHRASES are read.
 */
function phrasesAfter(text: string, lead: RegExp, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  lead.lastIndex = 0;
  for (let m = lead.exec(text); m && out.length < MAX_PHRASES; m = lead.exec(text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + max + 1);
    const stop = window.search(REVIEWER_STOP);
    const to = from + (stop >= 0 ? stop : Math.min(window.length, max));
    if (to > from) out.push([from, to]);
  }
  return out;
}

/**
 * Characters after which a line's raw text no longer tells what its heading key starts with or
 * holds: emphasis marks (removed inside words), white space that `trim` drops but the line scanner
 * keeps, and anything outside ASCII (some letters upper-case to ASCII ones).
 */
const OPAQUE = /[*_<\v\f\u0080-\uffff]/;

/**
 * Whether a line may hold a heading that starts with one of `words` (upper case) — a cheap test
 * on the raw line run before its bare text and heading key are computed. Never false for a line
 * whose key starts with one of the words.
 */
function mayStartWith(raw: string, starts: RegExp): boolean {
  return starts.test(raw) || OPAQUE.test(raw);
}

const STARTS = new WeakMap<readonly string[], RegExp>();

/** A pattern for a line that starts (after heading marks) with one of the words, any case. */
function startsPattern(words: readonly string[]): RegExp {
  let re = STARTS.get(words);
  if (!re) {
    re = new RegExp(`^(?:#+[ \\t]+)?(?:${words.join('|')})`, 'i');
    STARTS.set(words, re);
  }
  return re;
}

/** The first word of each heading of a layout: every key a heading matches starts with one (a wrapped heading's first line is at least 20 characters of it). */
const FIRST_WORDS = new WeakMap<readonly HeadingDef[], string[]>();

function firstWords(defs: readonly HeadingDef[]): string[] {
  let words = FIRST_WORDS.get(defs);
  if (!words) {
    words = [...new Set(defs.map((d) => /^[A-Z]*/.exec(d.text)![0]))];
    FIRST_WORDS.set(defs, words);
  }
  return words;
}

/** First words of the keys that decide the layout by equality or prefix (see `detectLayout`). */
const LAYOUT_FIRST_WORDS = ['MEDICAL', 'ISSUE', 'INDEPENDENT', 'IMR', 'DOCUMENTS', 'HOW', 'CLINICAL'];

/**
 * A real letter disputes a handful of items; this many means the text is not one (or is hostile).
 * Reading stops there, so parse and check time stay bounded; the letter's `limits` say so.
 */
export const MAX_ITEMS = 2000;

/** A layout has four to six sections; past this many headings the text is not a letter. */
export const MAX_SECTIONS = 200;

class Parser {
  private readonly lines: Line[];
  private readonly limits: string[] = [];
  /** Where reading stopped (see MAX_ITEMS). */
  private readTo: number;
  /** Per line index: its bare text, heading key and item label, computed once. */
  private readonly bareCache: Array<BareLine | undefined> = [];
  private readonly keyCache: Array<string | undefined> = [];
  private readonly labelCache: Array<LabelMatch | null | undefined> = [];

  constructor(private readonly text: string) {
    this.readTo = text.length;
    this.lines = scanLines(text);
  }

  run(): Decision {
    const layout = this.detectLayout();
    const sections = layout === 'unknown' ? [] : this.findSections(LAYOUT_HEADINGS[layout]);
    if (layout === 'notice-2013') this.addDecisionsSummary(sections);
    const header = this.parseHeader(sections);
    const reviewer = this.parseReviewer(sections);
    let items: Item[] = [];
    if (layout === 'final-determination' || layout === 'maximus-2014') items = this.publishedItems(sections);
    else if (layout === 'notice-2013') items = this.noticeItems(sections);
    else if (layout === 'professional-review') items = this.professionalItems(sections);
    return {
      layout,
      form: this.detectForm(),
      header,
      sections,
      reviewer,
      patient: { age: null, sex: null },
      diagnoses: [],
      items,
      suppressions: this.findSuppressions(),
      limits: this.limits,
      readTo: this.readTo,
    };
  }

  /** Stops reading at `offset` (MAX_ITEMS, MAX_SECTIONS reached); `why` goes to the letter's limits. */
  private stopReading(offset: number, why = `More than ${MAX_ITEMS} disputed items: only the first ${MAX_ITEMS} are read and checked.`): void {
    if (offset >= this.readTo) return;
    this.readTo = offset;
    this.limits.push(why);
  }

  // ------------------------------------------------------------------ lines

  private bareOf(line: Line): BareLine {
    let b = this.bareCache[line.index];
    if (!b) {
      b = bare(this.text, line);
      this.bareCache[line.index] = b;
    }
    return b;
  }

  /** The heading key of a line's bare text (computed once per line: layout detection and sections both ask). */
  private keyOf(line: Line): string {
    let key = this.keyCache[line.index];
    if (key === undefined) {
      key = headingKey(this.bareOf(line).text);
      this.keyCache[line.index] = key;
    }
    return key;
  }

  private isStructureCandidate(line: Line): boolean {
    return !isBlank(line) && line.contentEnd - line.contentStart <= MAX_STRUCTURE_LENGTH;
  }

  /** A span of a bare line's text [from, to), mapped to source offsets. */
  private bareSpan(b: BareLine, from: number, to: number): Span {
    while (from < to && /\s/.test(b.text[from])) from++;
    while (to > from && /\s/.test(b.text[to - 1])) to--;
    if (to <= from) {
      const at = b.offsetAt(Math.min(from, b.text.length));
      return { text: '', start: at, end: at };
    }
    return { text: b.text.slice(from, to), start: b.offsetAt(from), end: b.offsetAt(to - 1) + 1 };
  }

  private nextNonBlank(from: number, limit = this.lines.length): Line | undefined {
    for (let i = from; i < limit; i++) if (!isBlank(this.lines[i])) return this.lines[i];
    return undefined;
  }

  // ------------------------------------------------------------------ form and layout

  private detectForm(): SurfaceForm {
    let markup = 0;
    let trailing = 0;
    let blank = 0;
    let nonBlank = 0;
    const limit = Math.min(this.lines.length, 4000);
    for (let i = 0; i < limit; i++) {
      const line = this.lines[i];
      if (isBlank(line)) {
        blank++;
        continue;
      }
      nonBlank++;
      const c = this.text.charCodeAt(line.contentStart);
      if (c === 35 /* # */ || c === 42 /* * */ || c === 60 /* < */) {
        const head = this.text.slice(line.contentStart, line.contentStart + 8);
        if (/^(?:#{1,6} |\*\*|<b>|<strong>)/i.test(head)) markup++;
      }
      if (line.end > line.contentEnd && this.text.charCodeAt(line.end - 1) === 32) trailing++;
    }
    if (markup > 0) return 'markdown';
    if (nonBlank > 0 && (trailing / nonBlank > 0.3 || blank >= nonBlank * 0.8)) return 'pdf-text';
    return 'plain';
  }

  private detectLayout(): Layout {
    let finalScore = 0;
    let maximus2014 = false;
    let notice = false;
    let professional = false;
    const finalDefs = LAYOUT_HEADINGS['final-determination'];
    const layoutStarts = startsPattern(LAYOUT_FIRST_WORDS);
    const limit = this.lines.length;
    for (let i = 0; i < limit; i++) {
      const line = this.lines[i];
      const length = line.contentEnd - line.contentStart;
      // The keys tested below are at least 12 characters long ("CASE SUMMARY"); a key is never
      // longer than its line.
      if (length < 12 || length > 200 || !this.isStructureCandidate(line)) continue;
      const c = this.text[line.contentStart];
      if (!/[A-Z#*<0-9]/i.test(c)) continue;
      // Skip, without computing its key, a line that can match none of the tests below: they
      // need the key to start with one of the words, or to hold "NOTICE", or "DATE" and a colon
      // (the header's dates; labels such as "Decision rationale:" are not looked at).
      const raw = this.text.slice(line.contentStart, line.contentEnd);
      if (!(raw.includes(':') && /date/i.test(raw)) && !mayStartWith(raw, layoutStarts) && !/notice/i.test(raw)) continue;
      const key = this.keyOf(line);
      if (key === 'MEDICAL PROFESSIONAL REVIEW' || key.startsWith('ISSUE AT DISPUTE:') || key === 'ISSUE AT DISPUTE') professional = true;
      else if (key.includes('NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION') || key === 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE') notice = true;
      else if (key === 'IMR DECISION(S) AND RATIONALE(S)' || key === 'DOCUMENTS REVIEWED') maximus2014 = true;
      else if (matchHeading(key, finalDefs)) finalScore++;
      else if (/(?:DATE ASSIGNED|UR DENIAL DATE)\s*:/.test(key)) finalScore++;
    }
    if (professional) return 'professional-review';
    if (notice) return 'notice-2013';
    if (maximus2014) return 'maximus-2014';
    if (finalScore > 0) return 'final-determination';
    return 'unknown';
  }

  // ------------------------------------------------------------------ sections

  private findSections(defs: readonly HeadingDef[]): Section[] {
    const found: Array<{ def: HeadingDef; heading: Span; bodyStart: number; line: number; lastLine: number }> = [];
    const starts = startsPattern(firstWords(defs));
    // No key shorter than this matches a heading (see matchHeading), and a key is never longer than its line.
    const shortest = Math.min(20, ...defs.map((d) => d.text.length));
    let stop = this.lines.length;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      const length = line.contentEnd - line.contentStart;
      if (length < shortest || length > 200 || !this.isStructureCandidate(line)) continue;
      if (!mayStartWith(this.text.slice(line.contentStart, line.contentEnd), starts)) continue;
      const b = this.bareOf(line);
      if (!/^[A-Za-z]/.test(b.text)) continue;
      const key = this.keyOf(line);
      let match = matchHeading(key, defs);
      if (!match) continue;
      if (found.length === MAX_SECTIONS) {
        this.stopReading(line.start, `More than ${MAX_SECTIONS} section headings: only the first ${MAX_SECTIONS} sections are read and checked.`);
        stop = i;
        break;
      }
      let lastLine = i;
      if (!match.complete) {
        // A heading hard-wrapped over up to three lines: read on to its colon.
        let joinedKey = key;
        let j = i + 1;
        let done = false;
        for (let n = 0; n < 3 && j < this.lines.length; n++) {
          const next = this.nextNonBlank(j);
          if (!next || next.index - j > 2 || !this.isStructureCandidate(next)) break;
          joinedKey = `${joinedKey} ${this.keyOf(next)}`;
          j = next.index + 1;
          const m2 = matchHeading(joinedKey, defs);
          if (m2?.complete) {
            match = m2;
            lastLine = next.index;
            done = true;
            break;
          }
          if (!m2) break;
        }
        if (!done) continue;
      }
      const last = this.lines[lastLine];
      const lb = this.bareOf(last);
      // The heading ends at its colon on the last line when it has one, else at the line's end.
      let headEnd: number;
      let bodyStart: number;
      if (match.def.colon) {
        const colon = lb.text.indexOf(':');
        headEnd = colon >= 0 ? lb.offsetAt(colon) + 1 : last.contentEnd;
        const rest = colon >= 0 ? lb.text.slice(colon + 1).trim() : '';
        bodyStart = rest ? lb.offsetAt(lb.text.indexOf(rest, colon + 1)) : last.end;
      } else {
        headEnd = last.contentEnd;
        bodyStart = last.end;
      }
      const headJoined = new Joined(this.text);
      for (let k = i; k <= lastLine; k++) {
        const l = this.lines[k];
        if (isBlank(l)) continue;
        const bl = this.bareOf(l);
        const to = k === lastLine ? bl.indexAtOrAfter(headEnd) : -1;
        headJoined.add(bl.offsetAt(0), to > 0 ? bl.offsetAt(to - 1) + 1 : bl.offsetAt(bl.text.length));
      }
      const heading = headJoined.span();
      found.push({ def: match.def, heading, bodyStart, line: i, lastLine });
      i = lastLine;
    }
    const sections: Section[] = [];
    for (let k = 0; k < found.length; k++) {
      const f = found[k];
      const stopLine = k + 1 < found.length ? found[k + 1].line : stop;
      let end = Math.max(f.heading.end, f.bodyStart);
      for (let j = stopLine - 1; j > f.lastLine; j--) {
        if (!isBlank(this.lines[j])) {
          end = this.lines[j].contentEnd;
          break;
        }
      }
      if (end < f.heading.end) end = f.heading.end;
      sections.push({
        kind: f.def.kind,
        title: stripTrailingColon(f.heading.text),
        heading: f.heading,
        start: this.lines[f.line].contentStart,
        end: Math.max(end, f.heading.end),
        bodyStart: Math.min(f.bodyStart, Math.max(end, f.heading.end)),
      });
    }
    return sections;
  }

  /** Lines that lie in [start, end) of the source. */
  private linesIn(start: number, end: number): Line[] {
    const out: Line[] = [];
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lines[mid].end < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.lines.length && this.lines[i].start < end; i++) out.push(this.lines[i]);
    return out;
  }

  // ------------------------------------------------------------------ header

  private parseHeader(sections: Section[]): Header | null {
    const first = sections.length ? sections.reduce((min, s) => Math.min(min, s.start), Infinity) : undefined;
    const lines = first !== undefined ? this.linesIn(0, first) : this.lines.slice(0, 60);
    const fields: HeaderField[] = [];
    for (const line of lines) {
      if (!this.isStructureCandidate(line)) continue;
      const b = this.bareOf(line);
      const labels: Array<{ name: HeaderFieldName; from: number; to: number; valueFrom: number }> = [];
      HEADER_LABEL_RE.lastIndex = 0;
      for (let m = HEADER_LABEL_RE.exec(b.text); m; m = HEADER_LABEL_RE.exec(b.text)) {
        const colon = /^\s*:/.exec(b.text.slice(m.index + m[0].length));
        if (!colon) continue;
        const name = HEADER_LABELS.find(([re]) => re.test(m![0]))?.[1];
        if (!name) continue;
        labels.push({ name, from: m.index, to: m.index + m[0].length, valueFrom: m.index + m[0].length + colon[0].length });
      }
      for (let k = 0; k < labels.length; k++) {
        const l = labels[k];
        const valueTo = k + 1 < labels.length ? labels[k + 1].from : b.text.length;
        const label = this.bareSpan(b, l.from, l.to);
        const value = this.bareSpan(b, l.valueFrom, valueTo);
        const field: HeaderField = { name: l.name, label, value };
        if (DATE_FIELDS.has(l.name)) {
          const iso = toIsoDate(value.text);
          if (iso) field.iso = iso;
        }
        fields.push(field);
      }
    }
    if (fields.length === 0) return null;
    return {
      start: fields.reduce((min, f) => Math.min(min, f.label.start), Infinity),
      end: fields.reduce((max, f) => Math.max(max, f.value.end, f.label.end), 0),
      fields,
    };
  }

  // ------------------------------------------------------------------ reviewer

  private parseReviewer(sections: Section[]): Reviewer {
    const reviewer: Reviewer = { licensure: [], specialty: [], spans: [] };
    for (const section of sections) {
      if (section.kind !== 'how-made') continue;
      const joined = new Joined(this.text);
      for (const line of this.linesIn(section.bodyStart, section.end)) {
        const from = Math.max(line.contentStart, section.bodyStart);
        if (!this.isStructureCandidate(line)) {
          joined.add(from, Math.min(line.contentEnd, section.end));
          continue;
        }
        const b = this.bareOf(line);
        const lic = /^State\(s\) of Licensure\s*:\s*/i.exec(b.text);
        const spec = /^Certification\(s\)\s*\/\s*Specialty\s*:\s*/i.exec(b.text);
        if (lic || spec) {
          const m = (lic ?? spec)!;
          const value = this.bareSpan(b, m[0].length, b.text.length);
          for (const name of splitNames(value.text, /[,;]/)) (lic ? reviewer.licensure : reviewer.specialty).push(name);
          reviewer.spans.push(value);
          continue;
        }
        joined.add(from, Math.min(line.contentEnd, section.end));
      }
      const text = joined.text;
      const grab = (lead: RegExp, max: number, into: string[], split: RegExp) => {
        for (const [from, to] of phrasesAfter(text, lead, max)) {
          for (const name of splitNames(text.slice(from, to), split)) into.push(name);
          reviewer.spans.push(joined.span(from, to));
        }
      };
      grab(BOARD_CERTIFIED, 160, reviewer.specialty, /[,&/]/);
      grab(SUBSPECIALTY, 120, reviewer.specialty, /[,&/]/);
      grab(LICENSED, 160, reviewer.licensure, /,|&|\band\b/);
    }
    reviewer.licensure = unique(reviewer.licensure);
    reviewer.specialty = unique(reviewer.specialty);
    return reviewer;
  }

  // ------------------------------------------------------------------ items: published layouts

  /** The item label a line starts with (computed once per line: a title looks at the line after it too). */
  private classifyLabel(line: Line): LabelMatch | undefined {
    let found = this.labelCache[line.index];
    if (found === undefined) {
      found = this.findLabel(line) ?? null;
      this.labelCache[line.index] = found;
    }
    return found ?? undefined;
  }

  private findLabel(line: Line): LabelMatch | undefined {
    if (isBlank(line)) return undefined;
    const c = this.text.charCodeAt(line.contentStart);
    if (!(c === 42 || c === 95 || c === 60 || c === 67 || c === 77 || c === 68 || c === 99 || c === 109 || c === 100)) return undefined;
    const b = this.bareOf(line);
    for (const [re, kind] of ITEM_LABELS) {
      const m = re.exec(b.text);
      if (!m) continue;
      const label = this.bareSpan(b, 0, m[0].length);
      // The value starts at the first character after the label that is not markup or space.
      let valueStart = line.contentEnd;
      for (let k = m[0].length; k < b.text.length; k++) {
        if (!/\s/.test(b.text[k])) {
          valueStart = b.offsetAt(k);
          break;
        }
      }
      return { kind, label, valueStart };
    }
    return undefined;
  }

  private classifyTitle(line: Line): { title: Span; outcome: Span | null; known: boolean } | undefined {
    if (!this.isStructureCandidate(line) || line.contentEnd - line.contentStart > 300) return undefined;
    const b = this.bareOf(line);
    // A title has a colon: most prose lines are ruled out without running the pattern.
    if (!b.text.includes(':')) return undefined;
    const split = splitTitleLine(b.text);
    if (!split) return undefined;
    const title = this.bareSpan(b, 0, split.titleEnd);
    if (!title.text) return undefined;
    const outcome = split.outcome ? this.bareSpan(b, split.outcome[0], split.outcome[1]) : null;
    const known = !!outcome && OUTCOMES[outcome.text.toLowerCase().replace(/\s+/g, ' ')] !== undefined;
    return { title, outcome, known };
  }

  private publishedItems(sections: Section[]): Item[] {
    const items: Item[] = [];
    for (const section of sections) {
      if (section.kind !== 'issues') continue;
      let lines = this.linesIn(section.bodyStart, section.end + 1).filter((l) => !isBlank(l) && l.contentStart >= section.bodyStart);
      type Mark =
        | { type: 'label'; line: number; kind: LabelKind; label: Span; valueStart: number }
        | { type: 'title'; line: number; title: Span; outcome: Span | null; known: boolean };
      let marks: Mark[] = [];
      // Enough structure for MAX_ITEMS items (a title and three labels each, and some to spare).
      const markLimit = (MAX_ITEMS + 1) * 4;
      for (let k = 0; k < lines.length; k++) {
        if (marks.length > markLimit) {
          // What follows is left unread (MAX_ITEMS): it must not become one giant field either.
          this.stopReading(lines[k].start);
          lines = lines.slice(0, k);
          break;
        }
        const label = this.classifyLabel(lines[k]);
        if (label) {
          marks.push({ type: 'label', line: k, ...label });
          continue;
        }
        const t = this.classifyTitle(lines[k]);
        if (!t) continue;
        // A title with a known outcome stands alone; otherwise it must be followed by a label.
        const nextLabel = k + 1 < lines.length ? this.classifyLabel(lines[k + 1]) : undefined;
        if (t.known || (nextLabel && nextLabel.kind !== 'rationale' && (!t.outcome || !/\d/.test(t.outcome.text)))) {
          marks.push({ type: 'title', line: k, ...t });
        }
      }
      // A label that cannot continue the current item starts a new one; its title is the line just
      // before it when that line reads like a title (short, not a sentence), else it has none.
      const order: Record<LabelKind, number> = { 'claims-administrator': 0, maximus: 1, rationale: 2 };
      // The marks are copied to a new list with the titles added (inserting in place is quadratic).
      let previousOrder = -1;
      const withTitles: Mark[] = [];
      for (const mark of marks) {
        const previous = withTitles.length > 0 ? withTitles[withTitles.length - 1] : undefined;
        withTitles.push(mark);
        if (mark.type === 'title') {
          previousOrder = -1;
          continue;
        }
        if (previousOrder < 0 && previous?.type === 'title') {
          previousOrder = order[mark.kind];
          continue;
        }
        if (previousOrder >= 0 && order[mark.kind] > previousOrder) {
          previousOrder = order[mark.kind];
          continue;
        }
        const prevMarkLine = previous ? previous.line : -1;
        const candidate = mark.line - 1 > prevMarkLine ? lines[mark.line - 1] : undefined;
        const candidateText = candidate ? this.bareOf(candidate).text : '';
        let title: Mark;
        if (candidate && candidateText.length > 0 && candidateText.length < 200 && !/[.;]$/.test(candidateText)) {
          const b = this.bareOf(candidate);
          const to = stripTrailingColon(b.text).length;
          title = { type: 'title', line: mark.line - 1, title: this.bareSpan(b, 0, to), outcome: null, known: false };
        } else {
          title = { type: 'title', line: -1, title: { text: '', start: mark.label.start, end: mark.label.start }, outcome: null, known: false };
        }
        withTitles.splice(withTitles.length - 1, 0, title);
        previousOrder = order[mark.kind];
      }
      marks = withTitles;
      let current: Item | null = null;
      for (let k = 0; k < marks.length; k++) {
        const mark = marks[k];
        const nextLine = k + 1 < marks.length ? Math.max(marks[k + 1].line, mark.line + 1) : lines.length;
        const fieldLines = mark.line < 0 ? [] : lines.slice(mark.line + 1, nextLine);
        if (mark.type === 'title') {
          if (items.length >= MAX_ITEMS) {
            this.stopReading(mark.line >= 0 ? lines[mark.line].start : mark.title.start);
            break;
          }
          const titleEnd = mark.line < 0 ? mark.title.end : lines[mark.line].contentEnd;
          current = this.newItem(mark.title, mark.outcome, mark.known, titleEnd);
          if (mark.line >= 0) current.start = lines[mark.line].contentStart;
          items.push(current);
          // Prose between a title and the next structure belongs to no field; the item still spans it.
          if (fieldLines.length) current.end = fieldLines[fieldLines.length - 1].contentEnd;
          continue;
        }
        if (!current) continue;
        const value = new Joined(this.text);
        value.add(mark.valueStart, lines[mark.line].contentEnd);
        for (const l of fieldLines) value.add(l.contentStart, l.contentEnd);
        const end = fieldLines.length ? fieldLines[fieldLines.length - 1].contentEnd : lines[mark.line].contentEnd;
        current.end = Math.max(current.end, end);
        if (mark.kind === 'rationale') {
          current.rationale = buildRationale(mark.label, value, current.treatment.text);
        } else {
          const { citations, citesNothing } = parseGuidelineValue(value, mark.kind);
          current.guidelines.push({ by: mark.kind, label: mark.label, value: value.span(), citations, citesNothing });
        }
      }
    }
    return items;
  }

  private newItem(title: Span, outcomeSpan: Span | null, known: boolean, end: number): Item {
    const parts = parseTitle(title, this.text);
    let outcome: Outcome | null = null;
    if (outcomeSpan && known) outcome = OUTCOMES[outcomeSpan.text.toLowerCase().replace(/\s+/g, ' ')] ?? null;
    return {
      title,
      ...parts,
      outcome,
      outcomeSpan,
      guidelines: [],
      rationale: null,
      category: 'other',
      start: title.text ? title.start : (outcomeSpan?.start ?? title.start),
      end,
    };
  }

  // ------------------------------------------------------------------ items: 2013 notice

  /** notice-2013: the numbered "1) MAXIMUS Federal Services, Inc. has determined ..." block before the rationale heading. */
  private addDecisionsSummary(sections: Section[]): void {
    const issues = sections.find((s) => s.kind === 'issues');
    const limit = issues ? issues.start : this.text.length;
    const lines = this.linesIn(0, limit).filter((l) => !isBlank(l));
    const first = lines.find((l) => /^\s*1\)\s*MAXIMUS\b/i.test(this.text.slice(l.contentStart, l.contentStart + 20)));
    if (!first) return;
    const after = lines.filter((l) => l.index >= first.index);
    const last = after[after.length - 1];
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

  private noticeItems(sections: Section[]): Item[] {
    const summary = sections.find((s) => s.kind === 'decisions-summary');
    const items = new Map<number, Item>();
    const order: number[] = [];
    if (summary) {
      const joined = new Joined(this.text);
      for (const l of this.linesIn(summary.start, summary.end + 1)) joined.add(l.contentStart, l.contentEnd);
      const text = joined.text;
      const re = /(?<![^\s])(\d{1,3})\) {0,3}MAXIMUS Federal Services,? Inc\.? has determined the request for (.{1,300}?) (is|was) ((?:not )?medically necessary(?: and appropriate)?)/gi;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const n = Number(m[1]);
        if (items.has(n)) continue;
        const titleAt = m.index + m[0].indexOf('has determined the request for ') + 'has determined the request for '.length;
        const title = joined.span(titleAt, titleAt + m[2].length);
        const phraseAt = m.index + m[0].length - m[4].length;
        const outcomeSpan = joined.span(phraseAt, phraseAt + m[4].length);
        const outcome: Outcome = /^not/i.test(m[4]) ? 'upheld' : 'overturned';
        const item = this.newItem(title, outcomeSpan, false, outcomeSpan.end);
        item.outcome = outcome;
        items.set(n, item);
        order.push(n);
      }
    }
    // "1) Regarding the request for X:" blocks with their guideline and rationale paragraphs.
    const issues = sections.find((s) => s.kind === 'issues');
    const from = issues ? issues.bodyStart : summary ? summary.end : 0;
    const lines = this.linesIn(from, this.text.length).filter((l) => !isBlank(l) && l.contentStart >= from);
    const starts: Array<{ k: number; n: number; title: Span }> = [];
    lines.forEach((l, k) => {
      if (!this.isStructureCandidate(l)) return;
      const b = this.bareOf(l);
      const m = /^(\d{1,3})\) {0,3}Regarding the request for {1,3}/i.exec(b.text);
      if (m) {
        const title = stripTrailingColon(b.text.slice(m[0].length));
        if (title) starts.push({ k, n: Number(m[1]), title: this.bareSpan(b, m[0].length, m[0].length + title.length) });
      }
    });
    for (let s = 0; s < starts.length; s++) {
      const { k, n, title } = starts[s];
      const endK = s + 1 < starts.length ? starts[s + 1].k : this.blockEnd(lines, k);
      let item = items.get(n);
      if (!item) {
        item = this.newItem(title, null, false, title.end);
        items.set(n, item);
        order.push(n);
      } else {
        item.title = title;
        Object.assign(item, parseTitle(title, this.text));
      }
      item.start = lines[k].contentStart;
      item.end = lines[endK - 1].contentEnd;
      let field: { kind: LabelKind; label: Span | null; value: Joined } | null = null;
      const flush = () => {
        if (!field || !item) return;
        if (field.kind === 'rationale') item.rationale = buildRationale(field.label, field.value, item.treatment.text);
        else {
          const { citations, citesNothing } = parseGuidelineValue(field.value, field.kind);
          item.guidelines.push({ by: field.kind, label: field.label ?? field.value.span(0, 0), value: field.value.span(), citations, citesNothing });
        }
        field = null;
      };
      for (let j = k + 1; j < endK; j++) {
        const l = lines[j];
        const head = this.text.slice(l.contentStart, Math.min(l.contentEnd, l.contentStart + 80));
        const ca = /^The Claims Administrator based its decision on\s*/i.exec(head);
        const ex = /^The (?:Expert|Professional) Reviewer based (?:his\/her|his|her|their) decision on\s*/i.exec(head);
        const ra = /^Rationale for the Decision\s*:\s*/i.exec(head);
        if (/^Medical Treatment Guideline\(s\) Relied Upon/i.test(head)) {
          flush();
          continue;
        }
        if (ca || ex || ra) {
          flush();
          const m = (ca ?? ex ?? ra)!;
          const label: Span = { text: m[0].trim(), start: l.contentStart, end: l.contentStart + m[0].trimEnd().length };
          field = { kind: ca ? 'claims-administrator' : ex ? 'maximus' : 'rationale', label, value: new Joined(this.text).add(l.contentStart + m[0].length, l.contentEnd) };
          continue;
        }
        if (field) (field as { value: Joined }).value.add(l.contentStart, l.contentEnd);
      }
      flush();
    }
    return order.map((n) => items.get(n)!).filter(Boolean);
  }

  /** Where a numbered block ends when nothing follows it: at the next section heading or the end. */
  private blockEnd(lines: Line[], k: number): number {
    return lines.length > k ? lines.length : k + 1;
  }

  // ------------------------------------------------------------------ items: professional review

  private professionalItems(sections: Section[]): Item[] {
    const issue = sections.find((s) => s.kind === 'issues');
    if (!issue) return [];
    const body = this.sectionJoined(issue);
    if (body.isEmpty) return [];
    // The disputed item: the body's first sentence, without an "Is the request for ... medically necessary?" frame.
    const text = body.text;
    const framed = framedRequest(text);
    const firstEnd = text.search(/[.?](?:\s|$)/);
    const title = framed ? body.span(framed[0], framed[1]) : body.span(0, firstEnd > 0 ? firstEnd : text.length);
    const item = this.newItem(title, null, false, issue.end);
    item.start = issue.start;
    const guidelines = sections.find((s) => s.kind === 'guidelines');
    if (guidelines) {
      const value = this.sectionJoined(guidelines);
      const { citations, citesNothing } = parseGuidelineValue(value, 'maximus');
      const line: GuidelineLine = { by: 'maximus', label: guidelines.heading, value: value.span(), citations, citesNothing };
      item.guidelines.push(line);
    }
    const rationale = sections.find((s) => s.kind === 'rationale');
    if (rationale) {
      item.rationale = buildRationale(rationale.heading, this.sectionJoined(rationale), item.treatment.text);
      const c = item.rationale.conclusion;
      if (c) {
        item.outcome = c === 'not-medically-necessary' ? 'upheld' : 'overturned';
        item.outcomeSpan = item.rationale.conclusionSpan;
      }
    }
    return [item];
  }

  private sectionJoined(section: Section): Joined {
    const joined = new Joined(this.text);
    for (const l of this.linesIn(section.bodyStart, section.end + 1)) {
      const from = Math.max(l.contentStart, section.bodyStart);
      joined.add(from, Math.min(l.contentEnd, section.end));
    }
    return joined;
  }

  // ------------------------------------------------------------------ suppressions

  private findSuppressions(): Suppression[] {
    const out: Suppression[] = [];
    if (!this.text.includes('imr-disable')) return out;
    // A comment is `<!-- imr-disable[-scope] codes -->` with no ">" before its end. Read as a head,
    // then the first ">" after it (found once for all heads before it: unclosed comments by the
    // thousand stay linear), which must close "-->".
    const text = this.text;
    const head = /<!--\s*imr-disable(-next-line|-line|-file)?\b/g;
    let gt = -1;
    let lineAt = 0;
    for (let m = head.exec(text); m; m = head.exec(text)) {
      const bodyFrom = m.index + m[0].length;
      if (gt < bodyFrom) gt = text.indexOf('>', bodyFrom);
      if (gt < 0) break;
      if (gt - 2 < bodyFrom || text.charCodeAt(gt - 1) !== 45 || text.charCodeAt(gt - 2) !== 45) {
        head.lastIndex = m.index + 1;
        continue;
      }
      const end = gt + 1;
      head.lastIndex = end;
      const scope = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
      const codes = text.slice(bodyFrom, gt - 2).split(/[\s,]+/).filter((c) => /^[a-z][a-z-]*$/.test(c));
      // The comment's line: the last line starting at or before it (comments come in order).
      while (lineAt + 1 < this.lines.length && this.lines[lineAt + 1].start <= m.index) lineAt++;
      out.push({ scope, codes, line: this.lines[lineAt].index, span: { text: text.slice(m.index, end), start: m.index, end } });
    }
    return out;
  }
}

/**
 * "Is the request for X medically necessary?": the [from, to) of X, when the text opens with such a
 * question (X at most 300 characters).
 */
function framedRequest(text: string): [number, number] | undefined {
  const lead = /^(?:Is|Whether) {1,3}(?:the {1,3})?(?:request(?:ed)? {1,3}(?:for {1,3})?)?(?:an? {1,3}|the {1,3})?/i.exec(text);
  if (!lead) return undefined;
  const from = lead[0].length;
  const at = text.slice(from, from + 340).toLowerCase().indexOf(' medically necessary');
  if (at <= 0) return undefined;
  let to = from + at;
  const head = text.slice(from, to);
  if (/ is$/i.test(head)) to -= 3;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  return to > from ? [from, to] : undefined;
}

function splitNames(text: string, by: RegExp): string[] {
  return text
    .split(by)
    .map((s) => trimEndDotsAndSpaces(s.trim().replace(/^and\s/i, '').trim()))
    .filter((s) => s.length > 0 && s.length < 80);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** "02/19/2015" or "2/4/2015" to "2015-02-19"; undefined unless it is a real calendar date. */
export function toIsoDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
