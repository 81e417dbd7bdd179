/** What the MTUS index answers: a citation resolved, a page's verdict, a regulation, a description. */
import type { CitationSource } from '../model';
import type { Confidence, Definition, Guideline, PageRange, Topic } from './mtusData';
import type { GuidelineMatch } from './mtusNames';
import type { PageLink } from './mtusImported';

/** What a citation must carry to be resolved (a parsed `Citation` fits). */
export interface CitationLike {
  guideline: string;
  topic: string | null;
  sections?: string[];
  pageRefs?: ReadonlyArray<{ from: number; to: number }>;
  /** False for a "Non-MTUS Citation". */
  mtus?: boolean;
  source?: CitationSource;
  /** The whole citation sentence: where a Non-MTUS source is looked for when its first words name none. */
  span?: { text: string };
}

/**
 * What a citation names: an MTUS part whose pages we check (`mtus`), a 2016-or-later MTUS part whose
 * pages we do not check against the 2009 index (`later`), a non-MTUS source (`non-mtus`), a non-MTUS
 * source cited as if it were MTUS (`mislabelled`), or nothing known (`unknown`).
 */
export type CitationStatus = 'mtus' | 'later' | 'non-mtus' | 'mislabelled' | 'unknown';

/** The verdict on one cited page or range. */
export interface PageVerdict {
  /** Position of the range among the citation's pageRefs. */
  ref: number;
  from: number;
  to: number;
  /** `ok`: the cited topic is there; `outside`: no such page; `mismatch`: the topic is elsewhere; `unchecked`: nothing to compare. */
  verdict: 'ok' | 'outside' | 'mismatch' | 'unchecked';
  /** Confirmed by the page count, a corpus-confirmed entry or the imported PDF; else the index's unconfirmed pages. */
  certainty: 'confirmed' | 'unconfirmed';
  basis: 'page-count' | 'imported' | 'index' | 'none';
  /** Where the cited topics are (by the imported PDF when it shows them, else by the index). */
  expected: Array<{ topic: Topic; pages: PageRange[] }>;
  /** Topics standing on the cited pages, most specific first. */
  onPages: Topic[];
  pageCount: number | null;
}

/** A citation resolved against the index. */
export interface CitationResolution {
  status: CitationStatus;
  guideline: Guideline | null;
  match: GuidelineMatch | null;
  topics: Topic[];
  /** Parts of the topic list that name no topic of the guideline. */
  unmatchedTopics: string[];
  pages: PageVerdict[];
}

/** A regulation cited in prose ("MTUS 9792.20e"). */
export interface RegulationMatch {
  section: string;
  letter: string | null;
  guideline: Guideline | null;
  definition: Definition | null;
  /** Why the reference does not fit, when it does not. */
  problem: string | null;
}

/** What a hover shows for a guideline, a topic and/or a page. */
export interface Description {
  guideline: Guideline;
  topic: Topic | null;
  parent: Topic | null;
  page: number | null;
  /** Null when the guideline's page count is not known. */
  pageExists: boolean | null;
  /** Where the topic is (the imported PDF's pages when it shows the topic, else the index's). */
  topicPages: PageRange[];
  /** `imported` when the imported PDF shows the topic on those pages. */
  confidence: Confidence | 'imported' | null;
  evidence: string | null;
  summary: string | null;
  topicsOnPage: Topic[];
  /** The imported page's text from the topic's heading on, trimmed. */
  pageText: string | null;
  link: PageLink | null;
}

