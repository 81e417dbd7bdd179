/**
 * The words of a letter, written once: header labels, item labels, outcomes, conclusion phrases,
 * the phrasing of modified and retrospective requests, and the markers that tell the layouts apart.
 * The parser, the checks, the features, the normalizer and the client's auto-detection read them
 * from here, so that a new phrasing found in real letters is taught in one place.
 *
 * Every pattern is linear (no nested quantifiers): they run on text of any size.
 */
import type { HeaderFieldName, Outcome } from '../model';

// ---------------------------------------------------------------------------- header

/** Each header field, with the labels letters use for it (any case; spaces may be line breaks). */
export const HEADER_FIELDS: ReadonlyArray<{ name: HeaderFieldName; labels: readonly string[]; date: boolean }> = [
  { name: 'caseNumber', labels: ['Case Number', 'MAXIMUS Case Number', 'IMR Case Number'], date: false },
  { name: 'assigned', labels: ['Date Assigned'], date: true },
  { name: 'injury', labels: ['Date of Injury'], date: true },
  { name: 'decision', labels: ['Decision Date', 'Dated'], date: true },
  { name: 'urDenial', labels: ['UR Denial Date', 'Date of UR Decision'], date: true },
  { name: 'applicationReceived', labels: ['Application Received', 'IMR Application Received'], date: true },
  { name: 'priority', labels: ['Priority'], date: false },
  { name: 'claimNumber', labels: ['Claim Number'], date: false },
];

/**
 * Any header label followed by its colon, in text where a label may be broken over lines (a PDF
 * extractor reads the header table row by row: "Application" / "Received:"). Group 1 is the label.
 */
export const HEADER_LABEL =
  /\b((?:MAXIMUS\s+|IMR\s+)?Case\s+Number|Date\s+Assigned|Date\s+of\s+Injury|Decision\s+Date|UR\s+Denial\s+Date|Date\s+of\s+UR\s+Decision|(?:IMR\s+)?Application\s+Received|Priority|Claim\s+Number|Dated)[ \t]*(?:\r?\n[ \t]*)?:/gi;

/**
 * "Application Received" when a layout-keeping extractor puts its value between the two words:
 * "Application   11/03/2016" and "Received:" alone on the next line. Group 1 is the value.
 */
export const SPLIT_APPLICATION_RECEIVED = /\bApplication[ \t]+(\d{1,2}\/\d{1,2}\/\d{4})[ \t]*\n[ \t]*Received[ \t]*:/gi;

/** The header field a label (as matched by HEADER_LABEL, any spacing) names. */
export function headerFieldOf(label: string): { name: HeaderFieldName; date: boolean } | undefined {
  return HEADER_FIELD_BY_LABEL.get(label.replace(/\s+/g, ' ').toLowerCase());
}

/** Each header label, in lower case, to its field (the first field that lists it). */
const HEADER_FIELD_BY_LABEL = new Map<string, { name: HeaderFieldName; labels: readonly string[]; date: boolean }>();
for (const field of [...HEADER_FIELDS].reverse()) for (const l of field.labels) HEADER_FIELD_BY_LABEL.set(l.toLowerCase(), field);

/** The header fields that hold dates, in the order letters give them. */
export const DATE_FIELDS: readonly HeaderFieldName[] = ['assigned', 'injury', 'decision', 'urDenial', 'applicationReceived'];

/** A case number: "CM15-0027300". */
export const CASE_NUMBER = /^CM(\d{2})-(\d{7})$/;

// ---------------------------------------------------------------------------- reviewer

/** "State(s) of Licensure:" and "Certification(s)/Specialty:" at a line's start. */
export const LICENSURE_LABEL = /^State\(s\) of Licensure\s*:\s*/i;
export const SPECIALTY_LABEL = /^Certification\(s\)\s*\/\s*Specialty\s*:\s*/i;

// ---------------------------------------------------------------------------- items

export type ItemLabelKind = 'claims-administrator' | 'maximus' | 'rationale';

/** The labels of an item's fields, as written in the published layouts. */
export const ITEM_LABELS: ReadonlyArray<{ kind: ItemLabelKind; text: string; pattern: RegExp }> = [
  { kind: 'claims-administrator', text: 'Claims Administrator guideline:', pattern: /^Claims Administrator guidelines?\s*:/i },
  { kind: 'maximus', text: 'MAXIMUS guideline:', pattern: /^MAXIMUS guidelines?\s*:/i },
  { kind: 'rationale', text: 'Decision rationale:', pattern: /^Decision rationale\s*:/i },
];

/** Any item label at the start of a line's bare text. */
export const ANY_ITEM_LABEL = /^(?:Claims Administrator guidelines?|MAXIMUS guidelines?|Decision rationale)\s*:/i;
/** A guideline label (either party's) at the start of a line's bare text; group 1 is the label. */
export const GUIDELINE_LABEL = /^(Claims Administrator guidelines?|MAXIMUS guidelines?)\s*:/i;

/** The label of a field as a user writes it: "MAXIMUS guideline:". */
export function fieldLabel(kind: ItemLabelKind): string {
  return ITEM_LABELS.find((l) => l.kind === kind)!.text;
}

/** The outcomes, as written (any case) and as the model names them. */
export const OUTCOME_WORDS: Readonly<Record<string, Outcome>> = {
  upheld: 'upheld',
  overturned: 'overturned',
  'partially overturned': 'partially-overturned',
};

/** The outcomes as a user writes them, in the order completion offers them. */
export const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {
  upheld: 'Upheld',
  overturned: 'Overturned',
  'partially-overturned': 'Partially Overturned',
};

/** The model's outcome for a word as written, or undefined when it is no outcome. */
export function outcomeOf(written: string): Outcome | undefined {
  return OUTCOME_WORDS[written.trim().replace(/\s+/g, ' ').toLowerCase()];
}

/** A header label that only a letter's header has (for telling a letter from other text). */
export const DATE_HEADER_LABEL = /^(?:Date Assigned|UR Denial Date|Date of UR Decision|(?:IMR )?Application Received)\s*:/i;

/** A line that is only an outcome (the title's colon ended the line before). */
export const OUTCOME_LINE = /^(?:Upheld|Overturned|Partially Overturned)$/i;

/**
 * A title line in the markdown form: "**Gabapentin 600mg #90:**" (the bold closes after the colon),
 * an item even before its outcome and fields are written.
 */
export const BOLD_TITLE_LINE = /^[ \t]{0,20}(?:\*\*|<b>)[^*<\n]{1,200}:[ \t]*(?:\*\*|<\/b>)/i;

/** The intro line of the issues section: "... the disputed items/services set forth below:". */
export const ISSUES_INTRO = /set forth below\s*:?$/i;

// ---------------------------------------------------------------------------- 2013 notice

/** "1) MAXIMUS Federal Services, Inc. has determined the request for X is (not) medically necessary". */
export const NOTICE_DECISION =
  /(?<![^\s])(\d{1,3})\) {0,3}MAXIMUS Federal Services,? Inc\.? has determined the request for (.{1,300}?) (is|was) ((?:not )?medically necessary(?: and appropriate)?)/gi;
export const NOTICE_DECISIONS_START = /^\s*1\)\s*MAXIMUS\b/i;
export const NOTICE_REGARDING = /^(\d{1,3})\) {0,3}Regarding the request for {1,3}/i;
export const NOTICE_CLAIMS_BASIS = /^The Claims Administrator based its decision on\s*/i;
/** The expert reviewer's basis: at a line's start, or inside the paragraph that begins with the claims administrator's. */
export const NOTICE_EXPERT_BASIS = /^The (?:Expert|Professional) Reviewer based (?:his\/her|his|her|their) decision on\s*/i;
export const NOTICE_EXPERT_BASIS_INSIDE = /\bThe (?:Expert|Professional) Reviewer based (?:his\/her|his|her|their) decision on\s*/i;
export const NOTICE_RATIONALE = /^Rationale for the Decision\s*:\s*/i;
/** The first words of the notice's field paragraphs, as a line wrapped after them still shows them. */
export const NOTICE_FIELD_START = /^(?:Medical Treatment Guideline\(s\)|The Claims Administrator based|The (?:Expert|Professional) Reviewer based|Rationale for the Decision\s*:)/i;
export const NOTICE_GUIDELINES_HEADING = /^Medical Treatment Guideline\(s\) Relied Upon/i;

// ---------------------------------------------------------------------------- conclusions

/**
 * A sentence that speaks of the request's medical necessity: "medically necessary" (or
 * "indicated", "appropriate", "reasonable"), "is (not) necessary", "Yes/No, the request ...".
 */
export const NECESSITY =
  /\bmedically\s+(?:necessary|indicated|appropriate|reasonable)\b|\b(?:is|are|was|were|be)\s+(?:not\s+)?necessary\b|\b(?:yes|no)\s*,\s*the\s+request\b/i;

/**
 * A sentence that speaks of it less directly ("there is no documentation for the medical
 * necessity"): read only when no sentence near the end says NECESSITY (the boilerplate after an
 * opioid decision also speaks of "the medical necessity of opioids").
 */
export const NECESSITY_INDIRECT = /\bmedical\s+necessity\b/i;

/**
 * In such a sentence, the necessity negated: one of these words at most ten words before
 * "(medically) necessary", in the same clause (no comma, semicolon or colon between). Learnt from
 * the corpus: "is not medically necessary", "is determined to not be medically necessary", "cannot
 * be considered / deemed medically necessary", "is not indicated as medically necessary", "has not
 * been established as medically necessary", "is not supported by the provided records as being
 * medically necessary", "is not-medically necessary", "is not necessary".
 */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'cannot', "can't", 'isn’t', "isn't", "wasn't", "aren't", 'never', 'unable']);
/** How many words before "necessary" a negation may stand (eight between it and "medically necessary"). */
export const NEGATION_REACH = 10;
/**
 * "Medical necessity" negated: "there is no documentation for the medical necessity", "lack of
 * medical necessity"; a lack word at most seven words before, or "medical necessity has not".
 */
export const LACKS: ReadonlySet<string> = new Set(['no', 'not', 'lack', 'lacks', 'lacking', 'absence', 'without']);
/** "No, the request ..." (and "Yes, ..."), the answer form of older letters. */
export const ANSWER_NO = /^\W{0,3}no\s{0,3},/i;

// ---------------------------------------------------------------------------- modified and retrospective requests

/** "X was the original request." */
export const ORIGINAL_REQUEST = /\bwas the original request\.\s*/i;
/** "Y was authorized by the Claims Administrator." */
export const AUTHORIZED_BY = /\bwas authorized by the Claims Administrator\.\s*/i;
/** "The Claims Administrator authorized Y, leaving the original request IMR eligible." */
export const ADMINISTRATOR_AUTHORIZED = /^The Claims Administrator authorized\s+/i;
export const LEAVING_ELIGIBLE = /\bleaving the original request IMR eligible\.\s*/i;
/** "The remaining IMR eligible portion of the original request, Z is" / "The original request, Z is". */
export const REMAINING_PORTION = /^(?:The remaining IMR eligible portion of the original request|The original request)\s*,\s*/i;
/** A title that is a modified request (the frame's first sentence). */
export const MODIFIED_MARK = /\boriginal request\b/i;

/** A retrospective request: "Retrospective X", "Retro X", "X (retrospective)", "... (DOS: 12/29/16)". */
export const RETROSPECTIVE = /\bretro(?:spective(?:ly)?)?\b|\bDOS\b|\bdates?\s+of\s+service\b/i;
/** A date of service in a title: "DOS 12/29/16", "date of service 12/07/2016", "per 12/07/2016 order", "on 1/5/2017". */
export const SERVICE_DATE =
  /\b(?:DOS|dates?\s{1,3}of\s{1,3}service|per|on|from|dated|provided|rendered)\s{0,3}[:(]?\s{0,3}(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\b/i;

// ---------------------------------------------------------------------------- patient

/** "a 48 year old male", "a 63-year-old female", "a 55 year-old man". Groups: age, sex word. */
export const PATIENT_AGE_SEX = /\b(\d{1,3})[- ]?(?:years?|yr)[- ]?old,?\s{1,3}(?:\w{1,20}\s{1,3}){0,2}?(male|female|man|woman|gentleman|lady)\b/i;
/** A summary that gives the sex without the age: "The injured worker is a female who ...". */
export const PATIENT_SEX = /\b(?:is|was)\s+an?\s+(male|female|man|woman)\b/i;
/**
 * Where the summary names the diagnoses: "diagnoses of", "diagnosed with", "diagnoses include(d)",
 * "being treated for", "undergoing treatment for", "a primary operating diagnosis of".
 */
export const DIAGNOSES_LEAD =
  /\b(?:diagnosed\s+(?:with|as\s+having)|(?:working\s+|current\s+|pertinent\s+|industrial\s+|operating\s+|primary\s+)?diagnos[ie]s\s+(?:of|include[sd]?|including|are|were|was|is|consist\s+of)|(?:being\s+treated|undergoing\s+treatment|treated)\s+for(?:\s{1,3}the\s{1,3}diagnos[ie]s\s{1,3}of)?)\s{0,3}:?\s{0,3}(?:documented\s{1,3}as\s{1,3})?/gi;

// ---------------------------------------------------------------------------- layouts

/** Heading keys (upper case) that mark a layout by themselves. */
export const LAYOUT_MARKERS = {
  professional: ['MEDICAL PROFESSIONAL REVIEW', 'ISSUE AT DISPUTE'],
  notice: ['NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION', 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE'],
  maximus2014: ['IMR DECISION(S) AND RATIONALE(S)', 'DOCUMENTS REVIEWED'],
} as const;
