/**
 * The expert reviewer's credentials: states of licensure and specialties, from the labelled lines
 * of the published layouts ("State(s) of Licensure: California, Arizona", a value that may wrap
 * onto the next line) or from the prose of the older ones ("Board Certified in ...", "licensed in").
 */
import type { Reviewer, Section } from '../model';
import { Joined } from '../text/joined';
import { trimEndDotsAndSpaces } from '../text/trim';
import { isBlank, type Line } from './lines';
import type { LetterSource } from './source';
import { LICENSURE_LABEL, SPECIALTY_LABEL } from './vocabulary';

/** Where a reviewer phrase ends: before "is/has/he/she/who", a period or semicolon, or the end. */
const REVIEWER_STOP = /,? {1,3}(?:and {1,3})?(?:is|has|he|she|who)\b|[.;]/i;
const BOARD_CERTIFIED = /Board[ -]Certified in /gi;
const SUBSPECIALTY = /sub-?specialty in /gi;
const LICENSED = /\blicensed (?:to practice )?in (?:the states? of )?/gi;

/** The most credential phrases of one kind read (a reviewer states a credential once or twice). */
const MAX_PHRASES = 20;

/** Reads the reviewer's credentials from the how-made sections. */
export function readReviewer(src: LetterSource, sections: Section[]): Reviewer {
  const reviewer: Reviewer = { licensure: [], specialty: [], spans: [] };
  for (const section of sections) {
    if (section.kind !== 'how-made') continue;
    const prose = new Joined(src.text);
    const lines = src.linesIn(section.bodyStart, section.end);
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      const from = Math.max(line.contentStart, section.bodyStart);
      const to = Math.min(line.contentEnd, section.end);
      const labelled = src.isStructureCandidate(line) ? readLabelled(src, lines, k) : undefined;
      if (!labelled) {
        prose.add(from, to);
        continue;
      }
      const value = labelled.value.span();
      for (const name of splitNames(value.text, /[,;]/)) (labelled.licensure ? reviewer.licensure : reviewer.specialty).push(name);
      reviewer.spans.push(value);
      k = labelled.last;
    }
    readProse(prose, reviewer);
  }
  reviewer.licensure = unique(reviewer.licensure);
  reviewer.specialty = unique(reviewer.specialty);
  return reviewer;
}

/**
 * A "State(s) of Licensure:" / "Certification(s)/Specialty:" line at lines[k], with its value
 * and the lines it wraps onto (up to a blank line, another label or a heading-like line).
 */
function readLabelled(src: LetterSource, lines: Line[], k: number): { licensure: boolean; value: Joined; last: number } | undefined {
  if (!mayStartLabel(src.text.charCodeAt(lines[k].contentStart))) return undefined;
  const b = src.bareOf(lines[k]);
  const lic = LICENSURE_LABEL.exec(b.text);
  const spec = lic ? null : SPECIALTY_LABEL.exec(b.text);
  const m = lic ?? spec;
  if (!m) return undefined;
  const value = new Joined(src.text);
  if (m[0].length < b.text.length) value.add(b.offsetAt(m[0].length), lines[k].contentEnd);
  let last = k;
  // A value the extraction wrapped: the next lines, while they go on with names (a line ending
  // in "&" or "," always goes on; at most two more lines).
  for (let j = k + 1; j < lines.length && j <= k + 2; j++) {
    const next = lines[j];
    if (isBlank(next) || !src.isStructureCandidate(next)) break;
    const text = src.bareOf(next).text;
    if (LICENSURE_LABEL.test(text) || SPECIALTY_LABEL.test(text) || /[.:]$/.test(text.trimEnd()) || /^[A-Z][A-Z ]+$/.test(text.trim())) break;
    const before = src.text.slice(lines[j - 1].contentStart, lines[j - 1].contentEnd);
    if (!/[&,]$/.test(before) && !/^[A-Z][a-z]+(?: [A-Z&][a-z]*)*$/.test(text.trim())) break;
    value.add(next.contentStart, next.contentEnd);
    last = j;
  }
  return { licensure: !!lic, value, last };
}

/**
 * Whether a line that starts with this character may start with a label ("State(s)",
 * "Certification(s)"): an S or a C, or markup that its bare text drops.
 */
function mayStartLabel(c: number): boolean {
  const lower = c | 0x20;
  return lower === 115 || lower === 99 || c === 35 || c === 42 || c === 95 || c === 60;
}

/** Credentials stated in prose (the older layouts). */
function readProse(prose: Joined, reviewer: Reviewer): void {
  const text = prose.text;
  const grab = (lead: RegExp, max: number, into: string[], split: RegExp) => {
    for (const [from, to] of phrasesAfter(text, lead, max)) {
      for (const name of splitNames(text.slice(from, to), split)) into.push(name);
      reviewer.spans.push(prose.span(from, to));
    }
  };
  grab(BOARD_CERTIFIED, 160, reviewer.specialty, /[,&/]/);
  grab(SUBSPECIALTY, 120, reviewer.specialty, /[,&/]/);
  grab(LICENSED, 160, reviewer.licensure, /,|&|\band\b/);
}

/**
 * The phrase after each match of `lead` (which ends where the phrase starts), up to a reviewer stop
 * (", and is", "has", a period...) within `max` characters: [from, to) offsets into `text`.
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

function splitNames(text: string, by: RegExp): string[] {
  return text
    .split(by)
    .map((s) => trimEndDotsAndSpaces(s.trim().replace(/^and\s/i, '').trim()))
    .filter((s) => s.length > 0 && s.length < 80);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
