/**
 * The decision model: what an IMR final determination letter says, with the exact place in the
 * source text of every part. Pure data; the parser builds it, checks and features read it.
 *
 * Every part carries its place as a `Span`: offsets (UTF-16 code units) into the source text. The
 * front ends turn offsets into `Position` / `Range` (zero-based line and character, the shape LSP
 * uses) with `text/lineIndex.ts`, so the CLI's JSON, the language server and the tests speak the
 * same coordinates; nothing here imports LSP. A field that the letter does not state is `null`
 * (never an empty string standing for "absent"); optional fields (`request`, `retrospective`,
 * `serviceDate`) are left out when they do not apply.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of the letter: its text joined for meaning, and where it stands in the source. */
export interface Span {
  /** The text, wrapped lines joined by one space, markup (`**`, `<b>`) removed. */
  text: string;
  /** Offsets into the source text, end exclusive. */
  start: number;
  end: number;
}

/** The letter layouts the parser recognises, one file each in parser/layouts/ (see ARCHITECTURE.md). */
export type Layout =
  /** 2014+ published "final determination" letter (header table, three sections, unnumbered items). */
  | 'final-determination'
  /** Late-2013/2014 MAXIMUS letter with DOCUMENTS REVIEWED and IMR DECISION(S) AND RATIONALE(S). */
  | 'maximus-2014'
  /** 2013 "Notice of Independent Medical Review Determination" with numbered decisions. */
  | 'notice-2013'
  /** Earliest 2013 "MEDICAL PROFESSIONAL REVIEW" letter. */
  | 'professional-review'
  /** Nothing recognisable: not a decision letter, or too damaged to tell. */
  | 'unknown';

/** How the text reached us: converted to markdown, or extracted from a PDF as plain text. */
export type SurfaceForm = 'markdown' | 'pdf-text' | 'plain';

export type SectionKind =
  | 'how-made'
  | 'documents-reviewed'
  | 'clinical-summary'
  | 'issues'
  /** professional-review: MEDICAL TREATMENT GUIDELINE(S) RELIED UPON ... */
  | 'guidelines'
  /** professional-review: RATIONALE FOR WHY ... */
  | 'rationale'
  /** notice-2013: the numbered summary of decisions before the rationale section. */
  | 'decisions-summary';

export interface Section {
  kind: SectionKind;
  /** The heading as written, without markup. */
  title: string;
  /** The heading line(s). */
  heading: Span;
  /** From the heading to the end of the section's last non-blank line. */
  start: number;
  end: number;
  /** Where the body starts (after the heading). */
  bodyStart: number;
}

export type HeaderFieldName =
  | 'caseNumber'
  | 'assigned'
  | 'injury'
  | 'decision'
  | 'urDenial'
  | 'applicationReceived'
  | 'priority'
  | 'claimNumber';

export interface HeaderField {
  name: HeaderFieldName;
  /** The label as written, e.g. "Date of Injury". */
  label: Span;
  /** The value as written (may be empty). */
  value: Span;
  /** For dates: yyyy-mm-dd when the value is a real calendar date. */
  iso?: string;
}

export interface Header {
  /** The header block (first to last field), or undefined when the letter has no header. */
  start: number;
  end: number;
  fields: HeaderField[];
}

export interface Reviewer {
  licensure: string[];
  specialty: string[];
  /** Where the credentials were read from. */
  spans: Span[];
}

export type Outcome = 'upheld' | 'overturned' | 'partially-overturned';

/**
 * The kind of treatment an item disputes, in the categories the state's IMR reports use.
 * Read from the item's title (and, where the title is vague, its guideline lines).
 */
export type ItemCategory =
  | 'medication'
  | 'imaging-testing'
  | 'physical-medicine'
  | 'surgery'
  | 'injection'
  | 'dme'
  | 'home-health'
  | 'evaluation'
  | 'behavioral-health'
  | 'program'
  | 'transportation'
  | 'other';

/**
 * A modified request: "X was the original request. Y was authorized by the Claims Administrator.
 * The remaining IMR eligible portion of the original request, Z is: Upheld".
 */
export interface ModifiedRequest {
  original: Span;
  /** What the claims administrator authorized, or null when the letter does not say. */
  authorized: Span | null;
  /** The part still disputed: the item's treatment. */
  remaining: Span;
}

/** The injured worker as the clinical case summary describes them. */
export interface Patient {
  age: number | null;
  sex: 'male' | 'female' | null;
}

export type Conclusion = 'medically-necessary' | 'not-medically-necessary';

export type CitationSource = 'MTUS' | 'ACOEM' | 'ODG' | 'other';

export interface PageRef {
  from: number;
  to: number;
  /** The page or range as written ("76-79"). */
  span: Span;
}

export interface Citation {
  by: 'claims-administrator' | 'maximus';
  source: CitationSource;
  /** False for a "Non-MTUS Citation". */
  mtus: boolean;
  /** The guideline name as written, e.g. "Chronic Pain Treatment Guidelines". */
  guideline: string;
  /** Topic(s) as written, e.g. "Criteria for use of opioids", or null. */
  topic: string | null;
  /** The "Section(s):" list, when the citation uses that form. */
  sections: string[];
  /** Every page cited, ranges expanded, in the order written, without repeats. */
  pages: number[];
  pageRefs: PageRef[];
  /** The whole citation sentence. */
  span: Span;
  guidelineSpan: Span;
  topicSpan?: Span;
}

/** A labelled line of an item: "Claims Administrator guideline:", "MAXIMUS guideline:". */
export interface GuidelineLine {
  by: 'claims-administrator' | 'maximus';
  label: Span;
  /** The text after the label, joined. */
  value: Span;
  citations: Citation[];
  /** "The Claims Administrator did not cite any medical evidence for its decision." */
  citesNothing: boolean;
}

/** A place in the rationale that restates the requested item ("BACLOFEN 20MG #90"). */
export interface Restatement {
  span: Span;
  strength: string | null;
  quantity: number | null;
}

/** A guideline reference inside prose ("page 64 of the MTUS Chronic Pain ...", "MTUS 9792.20e"). */
export interface ProseCitation {
  span: Span;
  /** Guideline named near the reference, as written, or null when only "MTUS" is said. */
  guideline: string | null;
  pages: number[];
  /** e.g. "9792.20e" */
  regulation: string | null;
}

export interface Rationale {
  label: Span | null;
  /** The rationale text after the label. */
  body: Span;
  conclusion: Conclusion | null;
  /** The sentence that states the conclusion. */
  conclusionSpan: Span | null;
  restatements: Restatement[];
  citations: ProseCitation[];
}

export interface Item {
  /** The title as written, without markup and the trailing colon. */
  title: Span;
  /** The drug or service, e.g. "Baclofen". */
  treatment: Span;
  /** Dosage form words found in the title ("cream", "patches"), lower case. */
  form: string | null;
  /** Strength, spaces removed: "20mg", "10/325mg". */
  strength: string | null;
  strengthSpan: Span | null;
  quantity: number | null;
  quantitySpan: Span | null;
  outcome: Outcome | null;
  /** The outcome word(s) as written (also when not a known outcome). */
  outcomeSpan: Span | null;
  guidelines: GuidelineLine[];
  rationale: Rationale | null;
  /** The kind of treatment disputed. */
  category: ItemCategory;
  /** Set when the request was modified: what was asked, authorized and is left for review. */
  request?: ModifiedRequest;
  /** True for a retrospective request (a service already given). */
  retrospective?: boolean;
  /** A retrospective item's date of service, yyyy-mm-dd, when the title states it. */
  serviceDate?: string;
  /** From the title to the end of the item's last line. */
  start: number;
  end: number;
}

/** An inline suppression comment: `<!-- imr-disable-next-line code -->`, `<!-- imr-disable-file code -->`. */
export interface Suppression {
  scope: 'next-line' | 'line' | 'file';
  /** Empty = every check. */
  codes: string[];
  /** The line the comment stands on (zero-based). */
  line: number;
  span: Span;
}

export interface Decision {
  layout: Layout;
  form: SurfaceForm;
  header: Header | null;
  sections: Section[];
  reviewer: Reviewer;
  /** Age and sex as the clinical case summary states them (null where it does not). */
  patient: Patient;
  /** The diagnoses the summary names ("diagnoses of ..."), as written; empty where none is stated. */
  diagnoses: Span[];
  items: Item[];
  suppressions: Suppression[];
  /** What the parser left unread because the text is far larger than a letter (empty for letters). */
  limits: string[];
  /** Where reading stopped: the text's length, or less when a limit cut it short. */
  readTo: number;
}
