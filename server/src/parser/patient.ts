/**
 * The injured worker as the clinical case summary describes them: age and sex ("a 48 year old
 * male"), and the diagnoses it names ("treated for the diagnoses of A, B and C").
 */
import type { Patient, Section, Span } from '../model';
import { Joined } from '../text/joined';
import type { LetterSource } from './source';
import { DIAGNOSES_LEAD, PATIENT_AGE_SEX, PATIENT_SEX } from './vocabulary';

/** The most characters of the summary read: age, sex and diagnoses come in its first paragraphs. */
const SUMMARY_READ = 6000;
/** A diagnosis list ends at its sentence's end; no list runs longer than this. */
const MAX_LIST = 600;

/** Age, sex and diagnoses from the clinical summary (nulls and none where it does not say). */
export function readPatient(src: LetterSource, sections: Section[]): { patient: Patient; diagnoses: Span[] } {
  const patient: Patient = { age: null, sex: null };
  const summary = sections.find((s) => s.kind === 'clinical-summary');
  if (!summary) return { patient, diagnoses: [] };
  const joined = new Joined(src.text);
  for (const line of src.linesIn(summary.bodyStart, summary.end + 1)) {
    if (joined.textLength > SUMMARY_READ) break;
    joined.add(Math.max(line.contentStart, summary.bodyStart), Math.min(line.contentEnd, summary.end));
  }
  const text = joined.text.length > SUMMARY_READ ? joined.text.slice(0, SUMMARY_READ) : joined.text;
  const m = PATIENT_AGE_SEX.exec(text);
  if (m) {
    const age = Number(m[1]);
    if (age > 0 && age < 120) patient.age = age;
    patient.sex = /^(?:male|man|gentleman)$/i.test(m[2]) ? 'male' : 'female';
  } else {
    const sex = PATIENT_SEX.exec(text);
    if (sex) patient.sex = /^(?:male|man)$/i.test(sex[1]) ? 'male' : 'female';
  }
  return { patient, diagnoses: diagnosesIn(text, joined) };
}

/** The diagnoses of the first statement that names them, one span each. */
function diagnosesIn(text: string, joined: Joined): Span[] {
  DIAGNOSES_LEAD.lastIndex = 0;
  const lead = DIAGNOSES_LEAD.exec(text);
  if (!lead) return [];
  const from = lead.index + lead[0].length;
  const window = text.slice(from, from + MAX_LIST);
  // The list ends at the sentence's end: a period before a space and a capital (not "C5-6." inside).
  const stop = window.search(/\.(?:\s+[A-Z]|\s*$)/);
  const list = stop >= 0 ? window.slice(0, stop) : window;
  const out: Span[] = [];
  let at = 0;
  for (const part of splitList(list)) {
    const index = list.indexOf(part, at);
    at = index + part.length;
    const span = joined.span(from + index, from + index + part.length);
    if (span.text.length > 1) out.push(span);
  }
  return out;
}

/** "A, B, C and D" into its parts ("and" splits only the last part). */
function splitList(list: string): string[] {
  const parts = list.split(/[,;]/).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return [];
  const last = parts.pop()!.replace(/\s+/g, ' ').replace(/^and /i, '');
  const split = parts.length > 0 ? last.split(/ and /i) : [last];
  return [...parts.map((p) => p.replace(/^and\s/i, '').trim()), ...split.map((p) => p.trim())].filter((p) => p.length > 0);
}
