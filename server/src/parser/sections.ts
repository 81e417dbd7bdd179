/**
 * Section headings: found by their heading key ("### HOW THE IMR FINAL DETERMINATION WAS MADE",
 * "CLINICAL CASE SUMMARY", a colon heading hard-wrapped over lines), each section running to the
 * next heading.
 */
import type { Section, Span } from '../model';
import { Joined } from '../text/joined';
import { stripTrailingColon } from '../text/trim';
import { matchHeading, type HeadingDef, type HeadingMatch } from './headings';
import { isBlank } from './lines';
import { MAX_SECTIONS, type LetterSource } from './source';

/**
 * Characters after which a line's raw text no longer tells what its heading key starts with or
 * holds: emphasis marks (removed inside words), white space that `trim` drops but the line scanner
 * keeps, and anything outside ASCII (some letters upper-case to ASCII ones).
 */
const OPAQUE = /[*_<\v\f\u0080-\uffff]/;

/** Whether the raw line text[from, to) holds such a character. */
export function hasOpaque(text: string, from: number, to: number): boolean {
  return OPAQUE.test(text.slice(from, to));
}

interface Starts {
  pattern: RegExp;
  /** The characters a line the pattern matches can start with (undefined: any, when a word is empty). */
  firstChars: Set<number> | undefined;
}

const STARTS = new WeakMap<readonly string[], Starts>();

/** A pattern for a line that starts (after heading marks) with one of the words, any case. */
function startsOf(words: readonly string[]): Starts {
  let starts = STARTS.get(words);
  if (!starts) {
    const pattern = new RegExp(`^(?:#+[ \\t]+)?(?:${words.join('|')})`, 'i');
    const firstChars = words.every((w) => w.length > 0)
      ? new Set([35, ...words.flatMap((w) => [w.toUpperCase().charCodeAt(0), w.toLowerCase().charCodeAt(0)])])
      : undefined;
    starts = { pattern, firstChars };
    STARTS.set(words, starts);
  }
  return starts;
}

/**
 * Whether the raw line text[from, to) starts (after heading marks) with one of the words, any
 * case — a cheap test run before a line's bare text and heading key are computed. With the
 * opaque characters (see `hasOpaque`), never false for a line whose key starts with one.
 */
export function startsWithWord(text: string, from: number, to: number, words: readonly string[]): boolean {
  const starts = startsOf(words);
  if (starts.firstChars && !starts.firstChars.has(text.charCodeAt(from))) return false;
  return starts.pattern.test(text.slice(from, to));
}

const FIRST_WORDS = new WeakMap<readonly HeadingDef[], string[]>();

/** The first word of each heading of a layout: every key a heading matches starts with one. */
function firstWords(defs: readonly HeadingDef[]): string[] {
  let words = FIRST_WORDS.get(defs);
  if (!words) {
    words = [...new Set(defs.map((d) => /^[A-Z]*/.exec(d.text)![0]))];
    FIRST_WORDS.set(defs, words);
  }
  return words;
}

interface Found {
  def: HeadingDef;
  heading: Span;
  bodyStart: number;
  line: number;
  lastLine: number;
}

/** Finds the sections of a layout, in the order they stand in the letter. */
export function findSections(src: LetterSource, defs: readonly HeadingDef[]): Section[] {
  const found: Found[] = [];
  const words = firstWords(defs);
  // No key shorter than this matches a heading (see matchHeading), and a key is never longer than its line.
  const shortest = Math.min(20, ...defs.map((d) => d.text.length));
  let stop = src.lines.length;
  for (let i = 0; i < src.lines.length; i++) {
    const line = src.lines[i];
    const length = line.contentEnd - line.contentStart;
    if (length < shortest || length > 200 || !src.isStructureCandidate(line)) continue;
    if (!startsWithWord(src.text, line.contentStart, line.contentEnd, words) && (src.isKnownClear(line) || !hasOpaque(src.text, line.contentStart, line.contentEnd))) continue;
    if (!/^[A-Za-z]/.test(src.bareOf(line).text)) continue;
    const match = matchHeading(src.keyOf(line), defs);
    if (!match) continue;
    if (found.length === MAX_SECTIONS) {
      src.stopReading(line.start, `More than ${MAX_SECTIONS} section headings: only the first ${MAX_SECTIONS} sections are read and checked.`);
      stop = i;
      break;
    }
    const whole = match.complete ? { match, lastLine: i } : wrappedHeading(src, defs, i);
    if (!whole) continue;
    found.push(headingAt(src, whole.match, i, whole.lastLine));
    i = whole.lastLine;
  }
  return found.map((f, k) => toSection(src, f, k + 1 < found.length ? found[k + 1].line : stop));
}

/** A heading hard-wrapped over up to three lines, read on to its colon. */
function wrappedHeading(src: LetterSource, defs: readonly HeadingDef[], i: number): { match: HeadingMatch; lastLine: number } | undefined {
  let joinedKey = src.keyOf(src.lines[i]);
  let j = i + 1;
  for (let n = 0; n < 3 && j < src.lines.length; n++) {
    const next = src.nextNonBlank(j);
    if (!next || next.index - j > 2 || !src.isStructureCandidate(next)) return undefined;
    joinedKey = `${joinedKey} ${src.keyOf(next)}`;
    j = next.index + 1;
    const m2 = matchHeading(joinedKey, defs);
    if (m2?.complete) return { match: m2, lastLine: next.index };
    if (!m2) return undefined;
  }
  return undefined;
}

/** The heading's span and where its body starts (after its colon, on the same line, or on the next line). */
function headingAt(src: LetterSource, match: HeadingMatch, i: number, lastLine: number): Found {
  const last = src.lines[lastLine];
  const lb = src.bareOf(last);
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
  const headJoined = new Joined(src.text);
  for (let k = i; k <= lastLine; k++) {
    const l = src.lines[k];
    if (isBlank(l)) continue;
    const bl = src.bareOf(l);
    const to = k === lastLine ? bl.indexAtOrAfter(headEnd) : -1;
    headJoined.add(bl.offsetAt(0), to > 0 ? bl.offsetAt(to - 1) + 1 : bl.offsetAt(bl.text.length));
  }
  return { def: match.def, heading: headJoined.span(), bodyStart, line: i, lastLine };
}

/** A found heading as a section that ends at the last non-blank line before `stopLine`. */
function toSection(src: LetterSource, f: Found, stopLine: number): Section {
  let end = Math.max(f.heading.end, f.bodyStart);
  for (let j = stopLine - 1; j > f.lastLine; j--) {
    if (!isBlank(src.lines[j])) {
      end = src.lines[j].contentEnd;
      break;
    }
  }
  if (end < f.heading.end) end = f.heading.end;
  return {
    kind: f.def.kind,
    title: stripTrailingColon(f.heading.text),
    heading: f.heading,
    start: src.lines[f.line].contentStart,
    end: Math.max(end, f.heading.end),
    bodyStart: Math.min(f.bodyStart, Math.max(end, f.heading.end)),
  };
}
