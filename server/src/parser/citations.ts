import type { Citation, CitationSource, GuidelineLine, PageRef, ProseCitation, Span } from '../model';
import type { Joined } from '../text/joined';
import { trimEndDotsAndSpaces, trimEndPunctuation } from '../text/trim';

type By = GuidelineLine['by'];

const NO_EVIDENCE = /did not cite any (?:medical )?evidence/i;

/** Citations read from one guideline line, and page references from one list, at the most (real ones hold a few). */
export const MAX_CITATIONS = 100;
export const MAX_PAGE_REFS = 300;

/**
 * Parses the text after "Claims Administrator guideline:" / "MAXIMUS guideline:" into citations.
 * Understands the published forms:
 *   Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.
 *   Decision based on MTUS General Approaches 2004, Section(s): X, and Chronic Pain Medical Treatment 2009, Section(s): Y, Z.
 *   Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Topical Analgesics
 */
export function parseGuidelineValue(value: Joined, by: By): { citations: Citation[]; citesNothing: boolean } {
  const text = value.text;
  const citations: Citation[] = [];
  if (NO_EVIDENCE.test(text)) return { citations, citesNothing: true };

  // Each "Decision based on" starts a citation sentence; text without it is one sentence.
  const starts: number[] = [];
  const re = /Decision based on\s+/gi;
  for (let m = re.exec(text); m && starts.length < MAX_CITATIONS; m = re.exec(text)) starts.push(m.index);
  if (starts.length === 0 && text.trim()) starts.push(0);
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = k + 1 < starts.length ? starts[k + 1] : text.length;
    for (const c of parseSentence(value, from, to, by)) citations.push(c);
  }
  return { citations, citesNothing: false };
}

function parseSentence(value: Joined, from: number, to: number, by: By): Citation[] {
  const text = value.text;
  let i = from;
  const lead = /^Decision based on\s+/i.exec(text.slice(from, to));
  if (lead) i += lead[0].length;
  let mtus = true;
  let source: CitationSource = 'MTUS';
  // "Non-MTUS", wrapped at its hyphen ("Non- MTUS") or joined by an extractor that took the hyphen for a soft one ("NonMTUS").
  const nonMtus = /^Non(?:- ?| )?MTUS(?:\s+Citation)?\s*:?\s*/i.exec(text.slice(i, to));
  if (nonMtus) {
    mtus = false;
    i += nonMtus[0].length;
  } else {
    const m = /^(?:the\s+)?(?:CA\s+)?MTUS\b\s*(?:\(\s*\w+\s*\))?:?\s*/i.exec(text.slice(i, to));
    if (m) i += m[0].length;
  }
  const body = text.slice(i, to);
  if (!mtus) {
    if (/\bODG\b|Official Disability Guidelines|Work Loss Data/i.test(body)) source = 'ODG';
    else if (/\bACOEM\b/i.test(body)) source = 'ACOEM';
    else source = 'other';
  }
  const sentence = value.span(from, trimEndPunct(text, from, to));

  const parts = splitGuidelines(body, i, to);

  return parts.map(([a, b]) => parsePart(value, a, b, by, source, mtus, sentence));
}

/**
 * Splits a sentence naming several guidelines in the "Section(s):" form, joined by ", and", into
 * one [from, to) range per guideline. A ", and" splits only where the part before it is a whole
 * citation (it has its sections, or its name ends in a year or "Guidelines") and a guideline name
 * follows: one that ends in a year and closes the sentence, or one followed by its "Section(s):".
 * So "Forearm, Wrist, and Hand Complaints 2004" stays one name. Each test reads a bounded window.
 */
function splitGuidelines(body: string, offset: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const joiner = /, {1,3}and {1,3}/gi;
  let partStart = 0;
  let sectionsAt = body.search(SECTIONS_LABEL);
  for (let m = joiner.exec(body); m && parts.length < MAX_CITATIONS; m = joiner.exec(body)) {
    while (sectionsAt >= 0 && sectionsAt < partStart) sectionsAt = nextSections(body, sectionsAt);
    const hasSections = sectionsAt >= partStart && sectionsAt < m.index;
    const tail = body.slice(Math.max(partStart, m.index - 40), m.index).trim();
    const next = m.index + m[0].length;
    if (!(hasSections || ENDS_WITH_NAME.test(tail)) || !startsWithGuideline(body.slice(next, next + NAME_WINDOW))) continue;
    parts.push([offset + partStart, offset + m.index]);
    partStart = next;
  }
  parts.push([offset + partStart, to]);
  return parts;
}

const SECTIONS_LABEL = /Section\(s\) {0,3}:/i;
const ENDS_WITH_NAME = /(?:\b(?:19|20)\d\d|\bGuidelines?)$/i;
/** Guideline names that hold commas of their own (ACOEM chapter 11). */
const COMMA_NAME = /^Forearm, {1,3}Wrist,? {1,3}(?:and|&) {1,3}Hand\b/i;
const YEAR_AT_END = /\b(?:19|20)\d\d$/;
/** A guideline name is at most 200 characters; the window read after a ", and". */
const NAME_WINDOW = 260;

/** The next "Section(s):" after the one at `at`, or -1. */
function nextSections(body: string, at: number): number {
  const label = /Section\(s\) {0,3}:/gi;
  label.lastIndex = at + 1;
  const found = label.exec(body);
  return found ? found.index : -1;
}

/** Whether the text after ", and" starts with a guideline name: followed by "Section(s):", or a dated name closing the sentence. */
function startsWithGuideline(window: string): boolean {
  const named = COMMA_NAME.exec(window);
  const from = named ? named[0].length : 0;
  const comma = window.indexOf(',', from);
  if (comma < 0) {
    // The sentence ends within the window: its last words are the name.
    if (window.length >= NAME_WINDOW) return false;
    return YEAR_AT_END.test(trimEndDotsAndSpaces(window));
  }
  if (comma - from > 200) return false;
  return /^, {0,3}Section\(s\) {0,3}:/i.test(window.slice(comma));
}

function parsePart(
  value: Joined,
  from: number,
  to: number,
  by: By,
  source: CitationSource,
  mtus: boolean,
  sentence: Span,
): Citation {
  const text = value.text;
  const part = text.slice(from, to);
  // The names before these are trimmed of the spaces and commas that lead up to them.
  const sectionsAt = /Section\(s\) {0,3}: {0,3}/i.exec(part);
  const pagesAt = /\bPages?(?:\(s\))? {0,3}[:#]? {0,3}(?=\d)/i.exec(part);
  let namesEnd = part.length;
  if (sectionsAt) namesEnd = sectionsAt.index;
  else if (pagesAt) namesEnd = pagesAt.index;

  const names = trimEndPunctuation(part.slice(0, namesEnd));
  const { guidelineEnd, topicStart } = splitNames(names, mtus);
  const guidelineSpan = value.span(from, from + guidelineEnd);
  const topicSpan = topicStart >= 0 ? value.span(from + topicStart, from + names.length) : undefined;

  let sections: string[] = [];
  if (sectionsAt) {
    const listFrom = sectionsAt.index + sectionsAt[0].length;
    sections = splitList(part.slice(listFrom));
  }
  const pageRefs: PageRef[] = pagesAt && !sectionsAt ? readPages(value, from + pagesAt.index + pagesAt[0].length, to) : [];
  const pages = everyPage(pageRefs);

  let topic: string | null = topicSpan?.text ?? null;
  if (!topic && sections.length) topic = sections.join(', ');
  let guideline = guidelineSpan.text;
  if (!guideline && sentence.text) guideline = mtus ? 'MTUS' : sentence.text;

  return {
    by,
    source,
    mtus,
    guideline,
    topic,
    sections,
    pages,
    pageRefs,
    span: sentence,
    guidelineSpan,
    ...(topicSpan ? { topicSpan } : {}),
  };
}

/**
 * Guideline name vs topic in the names before "Section(s):" / "Page(s):": the name ends with
 * "Guideline(s)" or a year; a non-MTUS citation puts its topic after the first comma.
 */
function splitNames(names: string, mtus: boolean): { guidelineEnd: number; topicStart: number } {
  let guidelineEnd = names.length;
  let topicStart = -1;
  const byWord = /^.*?\bGuidelines?\b/i.exec(names);
  const byYear = /^.*?\b(?:19|20)\d\d\b/.exec(names);
  const byComma = !mtus ? /^[^,]+(?=,)/.exec(names) : null;
  const cut = (!mtus ? byComma : null) ?? byWord ?? byYear;
  if (cut) {
    guidelineEnd = cut[0].length;
    const rest = /^[\s,:;-]*/.exec(names.slice(guidelineEnd));
    topicStart = guidelineEnd + (rest ? rest[0].length : 0);
    if (topicStart >= names.length) topicStart = -1;
  }
  return { guidelineEnd, topicStart };
}

/** Every page of the references once, in the order written (a set keeps long lists linear). */
function everyPage(refs: readonly PageRef[]): number[] {
  const pages: number[] = [];
  // Most citations give one page or one range: no set to build.
  if (refs.length === 1) {
    for (let p = refs[0].from; p <= refs[0].to && p - refs[0].from < 500; p++) pages.push(p);
    return pages;
  }
  const seen = new Set<number>();
  for (const ref of refs) {
    for (let p = ref.from; p <= ref.to && p - ref.from < 500; p++) {
      if (seen.has(p)) continue;
      seen.add(p);
      pages.push(p);
    }
  }
  return pages;
}

/** Reads "65", "111-113", "88-89, 76-78; 60-61", "88 and 89" starting at text offset `from`. */
export function readPages(value: Joined, from: number, to: number): PageRef[] {
  const text = value.text;
  const refs: PageRef[] = [];
  const re = /(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?/y;
  let i = from;
  while (i < to && refs.length < MAX_PAGE_REFS) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m.index + m[0].length > to) break;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    refs.push({ from: Math.min(a, b), to: Math.max(a, b), span: value.span(m.index, m.index + m[0].length) });
    i = m.index + m[0].length;
    const sep = /^\s*(?:,|;|and|&)\s*(?=\d)/i.exec(text.slice(i, Math.min(to, i + 12)));
    if (!sep) break;
    i += sep[0].length;
  }
  return refs;
}

function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((s) => trimEndDotsAndSpaces(s.trim().replace(/^and\s/i, '').trim()))
    .filter((s) => s.length > 0);
}

function trimEndPunct(text: string, from: number, to: number): number {
  while (to > from && /[\s.]/.test(text[to - 1])) to--;
  return to;
}

const PROSE_PAGES =
  /\b(?:(MTUS|ACOEM|ODG)\b(?:\s+[A-Z][\w()-]*){0,6}?\s+)?pages?\s+(\d{1,4}(?:\s*(?:-|–|to|and|,|&)\s*\d{1,4})*)(?:\s+of\s+(?:the\s+)?((?:CA\s+)?(?:MTUS|ACOEM|ODG)\b(?:[\s,/-]+[A-Z(][\w()/-]*){0,8}))?/g;
const REGULATION = /\b(?:MTUS|CCR|C\.C\.R\.|section|§)\s*(?:§\s*)?(9792\.\d+(?:\.\d+)?(?:\s?\(?[a-z]\)?)?)/gi;

const GUIDELINE_WORD = /\b(?:MTUS|ACOEM|ODG|Guidelines?)\b/gi;

/** Whether a guideline is named in `window` with at most 40 characters and no period after it. */
function namedJustBefore(window: string): boolean {
  GUIDELINE_WORD.lastIndex = 0;
  let lastEnd = -1;
  for (let m = GUIDELINE_WORD.exec(window); m; m = GUIDELINE_WORD.exec(window)) lastEnd = m.index + m[0].length;
  return lastEnd >= 0 && window.length - lastEnd <= 40 && !window.includes('.', lastEnd);
}

/** A name cut before a parenthesis it does not close: "Guidelines (July" (of "(July 28, 2016)") → "Guidelines". */
function withoutOpenParenthesis(name: string): string {
  const open = name.lastIndexOf('(');
  if (open < 0 || name.indexOf(')', open) >= 0) return name;
  return trimEndPunctuation(name.slice(0, open).trimEnd());
}

/** Finds guideline references inside prose: "page 64 of the MTUS ...", "MTUS page 78", "MTUS 9792.20e". */
export function findProseCitations(body: Joined): ProseCitation[] {
  const text = body.text;
  const out: ProseCitation[] = [];
  // Neither pattern matches without its literal ("page", "9792"): a native search for it spares
  // the text the pattern, which tries its alternatives at every word.
  PROSE_PAGES.lastIndex = text.includes('page') ? 0 : text.length;
  for (let m = PROSE_PAGES.exec(text); m; m = PROSE_PAGES.exec(text)) {
    const before = m[1];
    const after = m[3];
    // "page 7" alone is not a citation; a guideline must be named next to it.
    const near = before || after || namedJustBefore(text.slice(Math.max(0, m.index - 60), m.index));
    if (!near) continue;
    const pagesFrom = m.index + m[0].indexOf(m[2], before ? before.length : 0);
    const refs = readPages(body, pagesFrom, pagesFrom + m[2].length);
    const pages: number[] = [];
    for (const r of refs) for (let p = r.from; p <= r.to && p - r.from < 500; p++) if (!pages.includes(p)) pages.push(p);
    let guideline: string | null = null;
    if (after) guideline = withoutOpenParenthesis(after).replace(/^(?:CA\s+)?(?:MTUS|ACOEM|ODG)\s*/i, (s) => (/ACOEM|ODG/i.test(s) ? s : '')).trim() || null;
    else if (before) {
      const named = m[0].slice(0, m[0].search(/\bpages?\b/i)).trim();
      guideline = named.replace(/^MTUS\s*/i, '').trim() || (before.toUpperCase() === 'MTUS' ? null : before);
    }
    if (guideline && /^(ACOEM|ODG)$/i.test(guideline)) guideline = guideline.toUpperCase();
    // "MTUS Guidelines page 63" names no particular guideline.
    if (guideline && /^(?:the\s+)?Guidelines?$/i.test(guideline)) guideline = null;
    out.push({ span: body.span(m.index, m.index + m[0].length), guideline, pages, regulation: null });
  }
  REGULATION.lastIndex = text.includes('9792') ? 0 : text.length;
  for (let m = REGULATION.exec(text); m; m = REGULATION.exec(text)) {
    out.push({
      span: body.span(m.index, m.index + m[0].length),
      guideline: null,
      pages: [],
      regulation: m[1].replace(/[\s()]/g, ''),
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
