/**
 * The shape of the MTUS knowledge base (`server/data/mtus.json`) and of imported guideline text, with
 * a validating reader. Pure: the JSON reaches this module as a value.
 */

/**
 * How sure a page entry is. `C`: a real letter in the corpus cites that page for that topic.
 * `R-H` / `R-M` / `R-L`: recalled from how letters cite the guideline (high, medium, low confidence),
 * not yet checked in the official PDF.
 */
export type Confidence = 'C' | 'R-H' | 'R-M' | 'R-L';

/** Printed pages, both ends included. */
export type PageRange = readonly [number, number];

/** A guideline (MTUS part) or a non-MTUS source that letters cite. */
export interface Guideline {
  id: string;
  name: string;
  /** A short name for messages ("CPMTG 2009"). */
  short: string;
  /** False for non-MTUS sources (ODG, ACOEM 3rd ed., ...). */
  mtus: boolean;
  /** True for the 2016 guidelines and later: their pages are not checked against the 2009 index. */
  later: boolean;
  /** The regulation, e.g. "9792.24.2". */
  section: string | null;
  year: number | null;
  /** Years that may follow the name in a citation ("Knee Disorders 2019"). */
  years: number[];
  /** First and last date (yyyy-mm-dd) on which requests were governed by it. */
  from: string | null;
  to: string | null;
  /** Printed pages of the document, when known. */
  pageCount: number | null;
  pageCountConfidence: Confidence | null;
  /** The book a chapter belongs to ("acoem-2004"): its pages are the book's pages. */
  partOf: string | null;
  /** Names letters use for it (the name itself need not be repeated). */
  aliases: string[];
  /** ODG-style chapter names that may follow the source's name. */
  chapters?: string[];
  note?: string;
  /** How to recognise the official PDF of this guideline on import (regular expression sources). */
  recognize?: { title: string; edition: string };
}

/** A topic (entry) of a guideline and the printed pages that treat it. */
export interface Topic {
  guideline: string;
  /** Unique within its guideline. */
  id: string;
  name: string;
  aliases: string[];
  /** The broader topic it belongs to (e.g. "opioids" for "Criteria for use of opioids"). */
  parent: string | null;
  /** One or more page ranges (e.g. a section and an A-Z pointer entry). Empty when unknown. */
  pages: PageRange[];
  confidence: Confidence;
  /** Why we believe the pages. */
  evidence: string;
  /** What the entry recommends, in our own words. */
  summary: string;
}

/** A definition of 8 CCR 9792.20, e.g. (e) functional improvement. */
export interface Definition {
  section: string;
  letter: string;
  term: string;
  confidence: Confidence;
  evidence: string;
  summary: string;
}

/** A section of the MTUS regulations and the guideline it adopts. */
export interface Regulation {
  section: string;
  title: string;
  guideline: string;
}

/** The whole knowledge base. */
export interface MtusData {
  version: number;
  guidelines: Guideline[];
  topics: Topic[];
  definitions: Definition[];
  regulations: Regulation[];
}

/** One page of an imported guideline PDF. */
export interface ImportedPage {
  /** The printed page number letters cite, or null for front matter (cover, contents). */
  printed: number | null;
  /** Zero-based page index in the PDF. */
  pdfIndex: number;
  /** The PDF's own page label, when it has one. */
  label?: string;
  /** The page's text, lines joined by "\n", running headers and footers removed. */
  text: string;
}

/** A table-of-contents line read from the PDF's front matter. */
export interface ContentsEntry {
  title: string;
  page: number;
}

/** The official text of one guideline, extracted from its PDF. */
export interface ImportedGuideline {
  guidelineId: string;
  /** Printed page count ("Page N of 127"), or the highest printed page found. */
  pageCount: number | null;
  pages: ImportedPage[];
  contents: ContentsEntry[];
  source: {
    /** The file name the user imported. */
    fileName: string;
    /** Where a copy of the PDF is kept (set by the store), for links to a page. */
    pdf?: string;
    importedAt: string;
    pdfPages: number;
  };
}

const CONFIDENCES: readonly string[] = ['C', 'R-H', 'R-M', 'R-L'];

function isRange(v: unknown): v is PageRange {
  return Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n > 0) && v[0] <= v[1];
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads the knowledge base from parsed JSON. Bad entries are left out and described in `problems`
 * (a test keeps the bundled file free of them); never throws.
 */
export function readMtusData(raw: unknown): { data: MtusData; problems: string[] } {
  const problems: string[] = [];
  const data: MtusData = { version: 0, guidelines: [], topics: [], definitions: [], regulations: [] };
  if (!isObject(raw)) return { data, problems: ['the MTUS data is not a JSON object'] };
  data.version = typeof raw.version === 'number' ? raw.version : 0;
  const ids = new Set<string>();
  for (const g of Array.isArray(raw.guidelines) ? raw.guidelines : []) {
    if (!isObject(g) || typeof g.id !== 'string' || typeof g.name !== 'string' || !isStrings(g.aliases)) {
      problems.push(`guideline ${JSON.stringify(isObject(g) ? g.id : g)}: id, name or aliases missing`);
      continue;
    }
    if (ids.has(g.id)) problems.push(`guideline ${g.id}: listed twice`);
    ids.add(g.id);
    data.guidelines.push(g as unknown as Guideline);
  }
  const topicKeys = new Set<string>();
  for (const t of Array.isArray(raw.topics) ? raw.topics : []) {
    const key = isObject(t) ? `${String(t.guideline)}/${String(t.id)}` : String(t);
    if (!isObject(t) || typeof t.id !== 'string' || typeof t.name !== 'string' || typeof t.summary !== 'string') {
      problems.push(`topic ${key}: id, name or summary missing`);
      continue;
    }
    if (typeof t.guideline !== 'string' || !ids.has(t.guideline)) {
      problems.push(`topic ${key}: unknown guideline`);
      continue;
    }
    if (!Array.isArray(t.pages) || !t.pages.every(isRange) || !isStrings(t.aliases)) {
      problems.push(`topic ${key}: bad pages or aliases`);
      continue;
    }
    if (typeof t.confidence !== 'string' || !CONFIDENCES.includes(t.confidence)) {
      problems.push(`topic ${key}: confidence must be one of ${CONFIDENCES.join(', ')}`);
      continue;
    }
    if (topicKeys.has(key)) problems.push(`topic ${key}: listed twice`);
    topicKeys.add(key);
    data.topics.push(t as unknown as Topic);
  }
  for (const t of data.topics) {
    if (t.parent && !topicKeys.has(`${t.guideline}/${t.parent}`)) problems.push(`topic ${t.guideline}/${t.id}: unknown parent ${t.parent}`);
  }
  for (const d of Array.isArray(raw.definitions) ? raw.definitions : []) {
    if (isObject(d) && typeof d.letter === 'string' && typeof d.term === 'string' && typeof d.summary === 'string') {
      data.definitions.push(d as unknown as Definition);
    } else problems.push(`definition ${JSON.stringify(d)}: letter, term or summary missing`);
  }
  for (const r of Array.isArray(raw.regulations) ? raw.regulations : []) {
    if (isObject(r) && typeof r.section === 'string' && typeof r.guideline === 'string' && ids.has(r.guideline)) {
      data.regulations.push(r as unknown as Regulation);
    } else problems.push(`regulation ${JSON.stringify(r)}: section or guideline missing or unknown`);
  }
  return { data, problems };
}

/**
 * Checks that a value is an imported guideline as the store writes it, every field and every entry
 * of its lists: a damaged store file must be refused here, not fail later in a check or a hover.
 * Returns the reason when it is not; never throws.
 */
export function importedGuidelineProblem(v: unknown): string | null {
  if (!isObject(v)) return 'not a JSON object';
  if (typeof v.guidelineId !== 'string' || v.guidelineId === '') return 'guidelineId missing';
  if (v.pageCount !== null && !isPositiveInteger(v.pageCount)) return 'bad pageCount';
  if (!Array.isArray(v.pages) || v.pages.length === 0) return 'no pages';
  for (const p of v.pages) {
    const problem = importedPageProblem(p);
    if (problem) return problem;
  }
  if (!Array.isArray(v.contents)) return 'contents missing';
  for (const c of v.contents) {
    if (!isObject(c) || typeof c.title !== 'string' || !isPositiveInteger(c.page)) return 'a contents entry lacks a title or a page number';
  }
  return importedSourceProblem(v.source);
}

function importedPageProblem(p: unknown): string | null {
  if (!isObject(p) || typeof p.text !== 'string' || !isCount(p.pdfIndex)) return 'a page lacks text or pdfIndex';
  if (p.printed !== null && !isCount(p.printed)) return 'a page has a bad printed number';
  if (p.label !== undefined && typeof p.label !== 'string') return 'a page has a bad label';
  return null;
}

function importedSourceProblem(source: unknown): string | null {
  if (!isObject(source) || typeof source.fileName !== 'string') return 'source missing';
  if (typeof source.importedAt !== 'string' || !isCount(source.pdfPages)) return 'source lacks importedAt or pdfPages';
  if (source.pdf !== undefined && typeof source.pdf !== 'string') return 'source has a bad pdf path';
  return null;
}

/** An integer of 1 or more. */
function isPositiveInteger(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) > 0;
}

/** An integer of 0 or more. */
function isCount(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0;
}
