/**
 * The earliest 2013 "MEDICAL PROFESSIONAL REVIEW" letter: one disputed item, stated as a question
 * ("Is the request for X medically necessary?"), its guidelines and its rationale in sections of
 * their own; the outcome is the rationale's conclusion.
 */
import { isSpace } from '../../text/space';
import type { GuidelineLine, Item, Section } from '../../model';
import { Joined } from '../../text/joined';
import { parseGuidelineValue } from '../citations';
import { newItem } from '../newItem';
import { buildRationale } from '../rationale';
import type { LetterSource } from '../source';
import { LAYOUT_MARKERS } from '../vocabulary';
import type { LayoutDef } from './types';

export const professionalReview: LayoutDef = {
  name: 'professional-review',
  headings: [
    { kind: 'issues', text: 'ISSUE AT DISPUTE', colon: true },
    { kind: 'clinical-summary', text: 'CASE SUMMARY', colon: true },
    { kind: 'documents-reviewed', text: 'DOCUMENTS REVIEWED FOR DETERMINATION', colon: true },
    {
      kind: 'guidelines',
      text: 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY',
      colon: true,
    },
    { kind: 'rationale', text: 'RATIONALE FOR WHY', colon: true, prefixOnly: true },
    { kind: 'how-made', text: 'MEDICAL REVIEWER QUALIFICATIONS', colon: true },
  ],
  markers: LAYOUT_MARKERS.professional,
  readItems: professionalItems,
};

function professionalItems(src: LetterSource, sections: Section[]): Item[] {
  const issue = sections.find((s) => s.kind === 'issues');
  if (!issue) return [];
  const body = sectionJoined(src, issue);
  if (body.isEmpty) return [];
  // The disputed item: the body's first sentence, without an "Is the request for ... medically necessary?" frame.
  const text = body.text;
  const framed = framedRequest(text);
  const firstEnd = text.search(/[.?](?:\s|$)/);
  const title = framed ? body.span(framed[0], framed[1]) : body.span(0, firstEnd > 0 ? firstEnd : text.length);
  const item = newItem(src.text, title, null, null, issue.end);
  item.start = issue.start;
  const guidelines = sections.find((s) => s.kind === 'guidelines');
  if (guidelines) {
    const value = sectionJoined(src, guidelines);
    const { citations, citesNothing } = parseGuidelineValue(value, 'maximus');
    const line: GuidelineLine = { by: 'maximus', label: guidelines.heading, value: value.span(), citations, citesNothing };
    item.guidelines.push(line);
  }
  const rationale = sections.find((s) => s.kind === 'rationale');
  if (rationale) {
    item.rationale = buildRationale(rationale.heading, sectionJoined(src, rationale), item.treatment.text);
    const c = item.rationale.conclusion;
    if (c) {
      item.outcome = c === 'not-medically-necessary' ? 'upheld' : 'overturned';
      item.outcomeSpan = item.rationale.conclusionSpan;
    }
  }
  return [item];
}

function sectionJoined(src: LetterSource, section: Section): Joined {
  const joined = new Joined(src.text);
  for (const l of src.linesIn(section.bodyStart, section.end + 1)) {
    const from = Math.max(l.contentStart, section.bodyStart);
    joined.add(from, Math.min(l.contentEnd, section.end));
  }
  return joined;
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
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to > from ? [from, to] : undefined;
}
