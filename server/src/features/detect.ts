/**
 * Whether a text is an IMR decision letter, for switching `.txt` / `.md` files to the IMR language
 * when they are opened. Conservative on purpose: a note or a README that merely mentions the
 * headings must stay what it is, so it takes whole-line headings plus a second kind of evidence.
 */
import { ANY_ITEM_LABEL, DATE_HEADER_LABEL } from '../parser/vocabulary';
import { LAYOUT_HEADINGS } from '../parser/headings';
import { splitLines } from '../text/lineIndex';

/** Only the beginning of a file is read: a letter's headings and header come early. */
export const DETECT_SCAN_CHARS = 64 * 1024;

const EXTRA_HEADINGS = [
  'MEDICAL PROFESSIONAL REVIEW',
  'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION',
  'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY',
];

const HEADINGS: ReadonlySet<string> = new Set([
  ...Object.values(LAYOUT_HEADINGS).flatMap((defs) => defs.filter((d) => !d.prefixOnly).map((d) => d.text)),
  ...EXTRA_HEADINGS,
]);

const CASE_NUMBER = /\b(?:MAXIMUS |IMR )?Case Number\s*:(?:\s*(?:<\/b>|\*\*))?\s*CM\d{2}-\d{4,7}\b/i;
const MAXIMUS = /\bMAXIMUS Federal Services\b/i;

/** The evidence found in a text, for tests and for saying why a file was (not) switched. */
export interface LetterEvidence {
  /** Distinct section headings standing alone on their line. */
  headings: number;
  caseNumber: boolean;
  /** Lines starting with an item label ("MAXIMUS guideline:", "Decision rationale:"). */
  itemLabels: number;
  headerLabels: number;
  maximus: boolean;
}

/** Collects the evidence that a text is a decision letter (fenced code blocks are skipped). */
export function letterEvidence(text: string): LetterEvidence {
  const evidence: LetterEvidence = { headings: 0, caseNumber: false, itemLabels: 0, headerLabels: 0, maximus: false };
  if (typeof text !== 'string' || text.length === 0) return evidence;
  const head = text.length > DETECT_SCAN_CHARS ? text.slice(0, DETECT_SCAN_CHARS) : text;
  const seen = new Set<string>();
  let fenced = false;
  for (const raw of splitLines(head)) {
    const trimmed = raw.trim();
    if (/^(?:```|~~~)/.test(trimmed)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || trimmed.length === 0) continue;
    if (trimmed.length > 200) {
      // Prose: only a label that starts it, and MAXIMUS named in it, count.
      if (ANY_ITEM_LABEL.test(stripMarkup(trimmed.slice(0, 80)))) evidence.itemLabels++;
      if (!evidence.maximus && MAXIMUS.test(trimmed)) evidence.maximus = true;
      continue;
    }
    const line = stripMarkup(trimmed);
    const key = withoutColon(line.replace(/\s+/g, ' ').toUpperCase());
    if (HEADINGS.has(key)) seen.add(key);
    if (ANY_ITEM_LABEL.test(line)) evidence.itemLabels++;
    if (DATE_HEADER_LABEL.test(line)) evidence.headerLabels++;
    if (!evidence.caseNumber && CASE_NUMBER.test(trimmed.replace(/<\/?b>|\*\*/gi, ''))) evidence.caseNumber = true;
    if (!evidence.maximus && MAXIMUS.test(line)) evidence.maximus = true;
  }
  evidence.headings = seen.size;
  return evidence;
}

/**
 * True when the text reads like an IMR decision letter: three section headings on lines of their
 * own; or two with one more sign (a case number, an item label, a header label, MAXIMUS named); or
 * one heading with both a case number and an item label, or with two item labels.
 */
export function looksLikeLetter(text: string): boolean {
  const e = letterEvidence(text);
  const other = e.caseNumber || e.itemLabels > 0 || e.headerLabels > 0 || e.maximus;
  if (e.headings >= 3) return true;
  if (e.headings >= 2 && other) return true;
  if (e.headings === 1 && e.caseNumber && e.itemLabels > 0) return true;
  if (e.headings === 1 && e.itemLabels >= 2) return true;
  return false;
}

function stripMarkup(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/<\/?(?:b|strong)>|\*\*|__/gi, '')
    .trim();
}

/** The text without a trailing colon and the white space before it ("SUMMARY :" → "SUMMARY"). */
function withoutColon(text: string): string {
  return text.endsWith(':') ? text.slice(0, -1).trimEnd() : text;
}
