/**
 * The MTUS index: the guidelines IMR decisions cite (with their citation names), the 2009 Chronic
 * Pain Medical Treatment Guidelines topic → page index with its confidence, and the official text of
 * guidelines the user imported. Checks and hovers ask it to resolve a citation, to tell whether a page
 * exists and which topics stand on it, and what to show. Pure: data in, answers out.
 */
import rawData from '../../data/mtus.json';
import {
  readMtusData,
  type Definition,
  type Guideline,
  type ImportedGuideline,
  type MtusData,
  type PageRange,
  type Topic,
} from './mtusData';
import { ImportedText } from './mtusImported';
import { GuidelineNames, TopicNames, normalizeName, type GuidelineMatch, type ResolveOptions, type TopicMatch } from './mtusNames';
import { GuidelineSuggester, type Suggestion } from './mtusSuggestions';
import { BoundedMap } from '../text/boundedMap';
import type { CitationLike, CitationResolution, Description, PageVerdict, RegulationMatch } from './mtusTypes';

export type { Confidence, Definition, Guideline, ImportedGuideline, PageRange, Topic } from './mtusData';
export type { ImportedPage, ContentsEntry } from './mtusData';
export type { GuidelineMatch, ResolveOptions, TopicMatch } from './mtusNames';
export type { PageLink } from './mtusImported';
export type { Suggestion } from './mtusSuggestions';
export type { CitationLike, CitationResolution, CitationStatus, Description, PageVerdict, RegulationMatch } from './mtusTypes';

/** Pages at least this far from every confirmed range of the cited topics make an error, not a hint. */
const FAR = 2;

/** The MTUS knowledge base, optionally overlaid with imported official text. */
export class MtusIndex {
  /** Entries of the data file that were left out, and why (empty for the bundled file). */
  readonly problems: readonly string[];
  private readonly data: MtusData;
  private readonly byId = new Map<string, Guideline>();
  private readonly topicsByGuideline = new Map<string, Topic[]>();
  private readonly topicNames = new Map<string, TopicNames>();
  private readonly names: GuidelineNames;
  private readonly overlay: ReadonlyMap<string, ImportedText>;
  private suggester: GuidelineSuggester | undefined;
  /** topicsOnRange's answers, by guideline and range (bounded). */
  private readonly onRange = new BoundedMap<string, Topic[]>(10_000);

  constructor(data: MtusData, problems: readonly string[] = [], imported: ReadonlyMap<string, ImportedText> = new Map()) {
    this.data = data;
    this.problems = problems;
    this.overlay = imported;
    for (const g of data.guidelines) this.byId.set(g.id, g);
    for (const t of data.topics) {
      const list = this.topicsByGuideline.get(t.guideline) ?? [];
      list.push(t);
      this.topicsByGuideline.set(t.guideline, list);
    }
    for (const [id, list] of this.topicsByGuideline) this.topicNames.set(id, new TopicNames(list));
    this.names = new GuidelineNames(data.guidelines);
  }

  /** Every guideline and non-MTUS source. */
  guidelines(): readonly Guideline[] {
    return this.data.guidelines;
  }

  guideline(id: string): Guideline | undefined {
    return this.byId.get(id);
  }

  /** The topics of a guideline (for a book such as ACOEM 2004: of all its chapters). */
  topics(guidelineId: string): readonly Topic[] {
    const own = this.topicsByGuideline.get(guidelineId) ?? [];
    const chapters = this.data.guidelines.filter((g) => g.partOf === guidelineId);
    if (chapters.length === 0) return own;
    return [...own, ...chapters.flatMap((c) => this.topicsByGuideline.get(c.id) ?? [])];
  }

  topic(guidelineId: string, topicId: string): Topic | undefined {
    return this.topicsByGuideline.get(guidelineId)?.find((t) => t.id === topicId);
  }

  /** The broader topic a topic belongs to. */
  parentOf(topic: Topic): Topic | undefined {
    return topic.parent ? this.topic(topic.guideline, topic.parent) : undefined;
  }

  /** The 9792.20 definitions. */
  definitions(): readonly Definition[] {
    return this.data.definitions;
  }

  /** The imported official text of a guideline, when the user imported its PDF. */
  imported(guidelineId: string): ImportedGuideline | undefined {
    return this.overlay.get(guidelineId)?.imported;
  }

  /** The guidelines whose official PDF can be imported, with how to recognise them. */
  importable(): Guideline[] {
    return this.data.guidelines.filter((g) => g.recognize !== undefined);
  }

  /**
   * Resolves a guideline name as cited ("MTUS Chronic Pain Treatment Guidelines", "General Approaches
   * 2004", "Official Disability Guidelines (ODG) Pain"). A name shared by editions goes to the one in
   * force on `options.date`. Words after an MTUS name must name topics of it; otherwise null.
   */
  resolveGuideline(name: string, options: ResolveOptions = {}): GuidelineMatch | null {
    const match = this.names.resolve(name, options);
    if (!match || !match.rest || !match.guideline.mtus) return match;
    const rest = this.resolveTopics(match.guideline.id, match.rest);
    return rest.topics.length > 0 && rest.unmatched.length === 0 ? match : null;
  }

  /** Up to `max` citation names close to an unknown one, best first (for "did you mean"). */
  suggestGuidelines(name: string, max = 3): string[] {
    return this.suggestGuidelineNames(name, max).map((s) => s.name);
  }

  /**
   * Like `suggestGuidelines`, for fixes: a name may be close at its start only ("Chronic Pain
   * Treatment Guidlines Baclofen"), so each suggestion says how many of its words it replaces.
   */
  suggestGuidelineNames(name: string, max = 3): Suggestion[] {
    this.suggester ??= new GuidelineSuggester(this.data.guidelines);
    return this.suggester.suggest(name, max);
  }

  /** The topics a topic list names in a guideline (greedy, longest name first). */
  resolveTopics(guidelineId: string, list: string): TopicMatch {
    const names = this.topicNames.get(guidelineId);
    if (!names) return { topics: [], unmatched: list.trim() ? [normalizeName(list)] : [] };
    return names.match(list);
  }

  /**
   * Resolves a citation: which guideline, which topics, and a verdict on every cited page range.
   * Pages are checked only for MTUS parts before 2016 (`status` `mtus`), and only when `withPages`
   * (a caller that needs only the guideline and the status leaves them unchecked: `pages` empty).
   */
  resolveCitation(citation: CitationLike, options: ResolveOptions = {}, withPages = true): CitationResolution {
    const nonMtus = citation.mtus === false;
    const match = this.resolveGuideline(citation.guideline, nonMtus ? { ...options, mtus: false } : { date: options.date });
    const result: CitationResolution = { status: 'unknown', guideline: match?.guideline ?? null, match, topics: [], unmatchedTopics: [], pages: [] };
    if (nonMtus) {
      const found = match ?? (citation.span ? this.names.findIn(citation.span.text, { mtus: false }) : null);
      result.guideline = found?.guideline ?? null;
      result.match = found;
      result.status = 'non-mtus';
      return result;
    }
    if (!match || match.yearMismatch) return result;
    let guideline = match.guideline;
    if (!guideline.mtus) {
      result.status = 'mislabelled';
      return result;
    }
    // The sections are matched as one list: a topic's own name may hold a comma
    // ("NSAIDs, GI symptoms & cardiovascular risk"), which the parser's list split at.
    const lists = citation.sections && citation.sections.length > 0 ? [citation.sections.join(', ')] : citation.topic ? [citation.topic] : [];
    if (match.rest) lists.unshift(match.rest);
    // "MTUS" alone with a topic: the topic tells which part (the one in force on the letter's date).
    if (guideline.id === 'mtus' && lists.length > 0) {
      const part = this.partForTopics(lists, options.date ?? null);
      if (part) {
        guideline = part;
        result.guideline = part;
      }
    }
    for (const list of lists) {
      const found = this.resolveTopics(guideline.id, list);
      for (const t of found.topics) if (!result.topics.includes(t)) result.topics.push(t);
      for (const u of found.unmatched) result.unmatchedTopics.push(u);
    }
    result.status = guideline.later ? 'later' : 'mtus';
    if (result.status === 'mtus' && withPages) result.pages = this.checkPages(guideline, result.topics, citation.pageRefs ?? []);
    return result;
  }

  /** Resolves "9792.20e", "9792.20(e)", "9792.24.2" to the regulation, definition and guideline. */
  resolveRegulation(reference: string, options: ResolveOptions = {}): RegulationMatch | null {
    const m = /^(9792\.\d+(?:\.\d+)?)\s*\(?([a-z])?\)?$/i.exec(reference.trim());
    if (!m) return null;
    const section = m[1];
    const letter = m[2] ? m[2].toLowerCase() : null;
    const regulation = this.data.regulations.find((r) => r.section === section);
    const guideline = regulation ? this.byId.get(regulation.guideline) ?? null : null;
    const result: RegulationMatch = { section, letter, guideline, definition: null, problem: null };
    if (!regulation) {
      result.problem = `8 CCR ${section} is not a section of the MTUS regulations`;
      return result;
    }
    if (letter && section === '9792.20') {
      result.definition = this.data.definitions.find((d) => d.letter === letter) ?? null;
      // The lettering changed with the 2016/2017 amendments: only the 2009 text is known.
      const dated = options.date ?? null;
      if (!result.definition && (!dated || dated < '2016-07-29')) result.problem = `9792.20 has no definition (${letter})`;
    }
    return result;
  }

  /** The guideline's printed page count: from the imported PDF (confirmed) or the data file. */
  pageCount(guidelineId: string): { count: number | null; imported: boolean } {
    const imported = this.overlay.get(guidelineId)?.pageCount ?? null;
    if (imported !== null) return { count: imported, imported: true };
    return { count: this.byId.get(guidelineId)?.pageCount ?? null, imported: false };
  }

  /** Whether a printed page exists in the guideline; null when its page count is not known. */
  pageExists(guidelineId: string, page: number): boolean | null {
    const { count } = this.pageCount(guidelineId);
    if (count === null) return page < 1 ? false : null;
    return page >= 1 && page <= count;
  }

  /**
   * Topics on a printed page, most specific first: those whose heading the imported PDF shows on it,
   * then those the index places there.
   */
  topicsOnPage(guidelineId: string, page: number): Topic[] {
    return this.topicsOnRange(guidelineId, page, page);
  }

  /** Whether a topic is on a page: true/false from the imported PDF or the index; null when unknown. */
  isTopicOnPage(guidelineId: string, topicId: string, page: number): boolean | null {
    const topic = this.topic(guidelineId, topicId);
    if (!topic) return null;
    const text = this.overlay.get(guidelineId);
    if (text && text.mentions(topic).length > 0) return text.mentions(topic).includes(page);
    if (topic.pages.length === 0) return null;
    return topic.pages.some(([a, b]) => page >= a && page <= b);
  }

  /** What a hover shows for a guideline, optionally a topic and a page. */
  describe(query: { guidelineId: string; topicId?: string | null; page?: number | null; maxChars?: number }): Description | null {
    const guideline = this.byId.get(query.guidelineId);
    if (!guideline) return null;
    const topic = query.topicId ? this.topic(guideline.id, query.topicId) ?? null : null;
    const text = this.overlay.get(guideline.id);
    const page = query.page ?? null;
    let topicPages: PageRange[] = topic ? topic.pages : [];
    let confidence: Description['confidence'] = topic ? topic.confidence : null;
    if (topic && text) {
      const shown = this.importedRanges(text, topic);
      if (shown.length > 0) {
        topicPages = shown;
        confidence = 'imported';
      }
    }
    const shownPage = page ?? (topic && text ? this.importedRanges(text, topic)[0]?.[0] ?? null : null);
    return {
      guideline,
      topic,
      parent: topic ? this.parentOf(topic) ?? null : null,
      page,
      pageExists: page === null ? null : this.pageExists(guideline.id, page),
      topicPages,
      confidence,
      evidence: topic ? (confidence === 'imported' ? `shown by the imported PDF (${text?.imported.source.fileName})` : topic.evidence) : null,
      summary: topic ? topic.summary : guideline.note ?? null,
      topicsOnPage: page === null ? [] : this.topicsOnPage(guideline.id, page),
      pageText: text && shownPage !== null ? text.excerpt(shownPage, topic, query.maxChars) : null,
      link: text && shownPage !== null ? text.link(shownPage) : null,
    };
  }

  /** A copy of the index that also knows the imported official texts (the newest import of each guideline wins). */
  withImported(imported: readonly ImportedGuideline[]): MtusIndex {
    const overlay = new Map(this.overlay);
    for (const g of imported) if (this.byId.has(g.guidelineId)) overlay.set(g.guidelineId, new ImportedText(g));
    return new MtusIndex(this.data, this.problems, overlay);
  }

  private partForTopics(lists: string[], date: string | null): Guideline | null {
    const candidates = this.data.guidelines.filter((g) => g.mtus && (this.topicsByGuideline.get(g.id)?.length ?? 0) > 0);
    const inForce = candidates.filter((g) => !date || ((!g.from || g.from <= date) && (!g.to || date <= g.to)));
    for (const g of inForce) {
      if (lists.every((list) => this.resolveTopics(g.id, list).topics.length > 0)) return g;
    }
    return null;
  }

  private checkPages(guideline: Guideline, topics: Topic[], refs: ReadonlyArray<{ from: number; to: number }>): PageVerdict[] {
    const { count, imported } = this.pageCount(guideline.id);
    const text = this.overlay.get(guideline.id);
    return refs.map((ref, i) => {
      const verdict: PageVerdict = {
        ref: i,
        from: ref.from,
        to: ref.to,
        verdict: 'unchecked',
        certainty: 'unconfirmed',
        basis: 'none',
        expected: [],
        onPages: this.topicsOnRange(guideline.id, ref.from, ref.to),
        pageCount: count,
      };
      if (ref.from < 1 || (count !== null && ref.to > count)) {
        return { ...verdict, verdict: 'outside', certainty: 'confirmed', basis: imported ? 'imported' : 'page-count' };
      }
      const located = topics.filter((t) => t.pages.length > 0 || (text && text.mentions(t).length > 0));
      if (located.length === 0) return verdict;
      verdict.expected = located.map((t) => ({ topic: t, pages: text && this.importedRanges(text, t).length > 0 ? this.importedRanges(text, t) : t.pages }));
      const byImport = text ? located.some((t) => this.familyMentions(text, t).some((p) => p >= ref.from && p <= ref.to)) : false;
      const byIndex = located.some((t) => this.familyRanges(t).some((r) => overlaps(r, ref)));
      if (byImport || byIndex) {
        const sure = byImport || located.some((t) => t.confidence === 'C' && t.pages.some((r) => overlaps(r, ref)));
        return { ...verdict, verdict: 'ok', certainty: sure ? 'confirmed' : 'unconfirmed', basis: byImport ? 'imported' : 'index' };
      }
      if (text && located.every((t) => this.familyMentions(text, t).length > 0)) {
        return { ...verdict, verdict: 'mismatch', certainty: 'confirmed', basis: 'imported' };
      }
      const far = located.every((t) => t.confidence === 'C' && this.familyRanges(t).every((r) => gap(r, ref) >= FAR));
      return { ...verdict, verdict: 'mismatch', certainty: far ? 'confirmed' : 'unconfirmed', basis: 'index' };
    });
  }

  /** The topic's ranges and its parent's (a page of the opioid chapter fits "Criteria for use of opioids"). */
  private familyRanges(topic: Topic): PageRange[] {
    const parent = this.parentOf(topic);
    return [...topic.pages, ...(parent ? parent.pages : [])];
  }

  private familyMentions(text: ImportedText, topic: Topic): number[] {
    const parent = this.parentOf(topic);
    return [...text.mentions(topic), ...(parent ? text.mentions(parent) : [])];
  }

  /** Where the imported PDF shows the topic: its headings and contents entry, else every mention. */
  private importedRanges(text: ImportedText, topic: Topic): PageRange[] {
    const pages = new Set(text.headings(topic));
    const listed = text.contentsPage(topic);
    if (listed !== null) pages.add(listed);
    const found = pages.size > 0 ? [...pages] : text.mentions(topic);
    return toRanges(found);
  }

  private topicsOnRange(guidelineId: string, from: number, to: number): Topic[] {
    // An index never changes once built, and letters cite the same few pages over and over.
    const key = `${guidelineId}\u0000${from}\u0000${to}`;
    const found = this.onRange.get(key) ?? this.onRange.remember(key, this.findTopicsOnRange(guidelineId, from, to));
    return [...found];
  }

  private findTopicsOnRange(guidelineId: string, from: number, to: number): Topic[] {
    const topics = this.topics(guidelineId);
    const text = this.overlay.get(guidelineId);
    const shown = text ? topics.filter((t) => text.headings(t).some((p) => p >= from && p <= to)) : [];
    const indexed = topics
      .filter((t) => !shown.includes(t) && t.pages.some((r) => overlaps(r, { from, to })))
      .sort((a, b) => width(a) - width(b));
    return [...shown, ...indexed];
  }
}

function overlaps(range: PageRange, ref: { from: number; to: number }): boolean {
  return range[0] <= ref.to && ref.from <= range[1];
}

/** Pages between a range and a cited range (0 when they overlap). */
function gap(range: PageRange, ref: { from: number; to: number }): number {
  if (overlaps(range, ref)) return 0;
  return ref.from > range[1] ? ref.from - range[1] : range[0] - ref.to;
}

function width(topic: Topic): number {
  return topic.pages.reduce((sum, [a, b]) => sum + b - a + 1, 0) || Infinity;
}

/** [3, 4, 5, 9] → [[3, 5], [9, 9]]. */
function toRanges(pages: number[]): PageRange[] {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else ranges.push([p, p]);
  }
  return ranges;
}

/** Describes a printed-page list as text: "64-65", "24, 111-113". */
export function formatRanges(ranges: readonly PageRange[]): string {
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}

/** Reads the bundled knowledge base (`server/data/mtus.json`). */
export function loadMtusIndex(): MtusIndex {
  const { data, problems } = readMtusData(rawData as unknown);
  return new MtusIndex(data, problems);
}
