/**
 * Which layout a letter is written in, and in which surface form it reached us (markdown, text
 * extracted from a PDF, plain).
 */
import type { Layout, SurfaceForm } from '../model';
import { matchHeading, startsWithColonAfter } from './headings';
import { isBlank } from './lines';
import { LAYOUTS, type LayoutDef } from './layouts';
import { finalDetermination } from './layouts/final-determination';
import { startsWithWord } from './sections';
import type { LetterSource } from './source';

/** First words of the keys that decide the layout by a marker or a heading (see `detectLayout`). */
const LAYOUT_FIRST_WORDS = ['MEDICAL', 'ISSUE', 'INDEPENDENT', 'IMR', 'DOCUMENTS', 'HOW', 'CLINICAL'];

/** Whether a heading key is a layout's marker: equal to it, or it followed by a colon (or, for a long one, holding it). */
function isMarker(key: string, marker: string): boolean {
  return key === marker || startsWithColonAfter(key, marker) || (marker.length >= 40 && key.includes(marker));
}

/** The first layout in the registry that a heading key marks, if any. */
function markedBy(key: string): LayoutDef | undefined {
  for (const layout of LAYOUTS) for (const marker of layout.markers) if (isMarker(key, marker)) return layout;
  return undefined;
}

/** A character a key the layout tests may start with: a letter, a digit, "#", "*" or "<". */
function mayStartKey(c: number): boolean {
  const lower = c | 0x20;
  return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 35 || c === 42 || c === 60;
}

/**
 * What in a line's raw text may give a key the layout tests, besides its first word: "notice", or
 * "date" when the line has a colon, or a character that makes the raw text no guide to the key
 * (see `OPAQUE` in sections.ts). One pattern each, so that a line is searched once.
 */
const NOTICE_OR_OPAQUE = /[*_<\v\f\u0080-\uffff]|notice/i;
const DATE_NOTICE_OR_OPAQUE = /[*_<\v\f\u0080-\uffff]|notice|date/i;

/** The layout: the first in the registry whose marker the letter has, else final determination when its headings or header dates are there. */
export function detectLayout(src: LetterSource): Layout {
  const marked = new Set<string>();
  let finalScore = 0;
  const text = src.text;
  for (const line of src.lines) {
    const from = line.contentStart;
    const to = line.contentEnd;
    // The keys tested below are at least 12 characters long ("CASE SUMMARY"); a key is never longer than its line.
    if (to - from < 12 || to - from > 200 || !src.isStructureCandidate(line)) continue;
    if (!mayStartKey(text.charCodeAt(from))) continue;
    // Skip, without computing its key, a line that can match none of the tests below: they need the
    // key to start with one of the words, or to hold "NOTICE", or "DATE" and a colon (the header).
    const raw = text.slice(from, to);
    const hinted = (raw.includes(':') ? DATE_NOTICE_OR_OPAQUE : NOTICE_OR_OPAQUE).test(raw);
    // Section detection, which runs next, need not search the line again.
    if (!hinted) src.markClear(line);
    if (!hinted && !startsWithWord(text, from, to, LAYOUT_FIRST_WORDS)) continue;
    const key = src.keyOf(line);
    const layout = markedBy(key);
    if (layout) marked.add(layout.name);
    else if (matchHeading(key, finalDetermination.headings)) finalScore++;
    else if (/(?:DATE ASSIGNED|UR DENIAL DATE)\s*:/.test(key)) finalScore++;
  }
  const first = LAYOUTS.find((l) => marked.has(l.name));
  if (first) return first.name;
  return finalScore > 0 ? 'final-determination' : 'unknown';
}

/** The surface form: markdown when any line has heading or bold markup, PDF text when lines end in spaces or blank lines abound. */
export function detectForm(src: LetterSource): SurfaceForm {
  let markup = 0;
  let trailing = 0;
  let blank = 0;
  let nonBlank = 0;
  const limit = Math.min(src.lines.length, 4000);
  for (let i = 0; i < limit; i++) {
    const line = src.lines[i];
    if (isBlank(line)) {
      blank++;
      continue;
    }
    nonBlank++;
    const c = src.text.charCodeAt(line.contentStart);
    if (c === 35 /* # */ || c === 42 /* * */ || c === 60 /* < */) {
      const head = src.text.slice(line.contentStart, line.contentStart + 8);
      if (/^(?:#{1,6} |\*\*|<b>|<strong>)/i.test(head)) markup++;
    }
    if (line.end > line.contentEnd && src.text.charCodeAt(line.end - 1) === 32) trailing++;
  }
  if (markup > 0) return 'markdown';
  if (nonBlank > 0 && (trailing / nonBlank > 0.3 || blank >= nonBlank * 0.8)) return 'pdf-text';
  return 'plain';
}
