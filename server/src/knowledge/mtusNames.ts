/**
 * Matching the names letters use for guidelines and topics against the knowledge base: one
 * normalisation for both sides, an alias table per guideline, and a greedy topic-list matcher.
 */
import type { Guideline, Topic } from './mtusData';
import { BoundedMap } from '../text/boundedMap';

/**
 * Lower case, "&" as "and", hyphens inside words dropped ("Post-surgical" = "Postsurgical", also
 * where a line wrapped after the hyphen: "Electro- diagnostic"), other
 * punctuation as spaces (dots kept between digits: "9792.24.2"), single spaces.
 */
export function normalizeName(text: string): string {
  // Letters cite the same few names over and over: each is normalised once (bounded).
  const known = NORMALIZED.get(text);
  if (known !== undefined) return known;
  const normal = normalizeUncached(text);
  return text.length <= 200 ? NORMALIZED.remember(text, normal) : normal;
}

const NORMALIZED = new BoundedMap<string, string>(20_000);

function normalizeUncached(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/([a-z])'s\b/g, '$1s')
    .replace(/'/g, '')
    .replace(/([a-z])- ?(?=[a-z])/g, '$1')
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

/** Words a citation may put before the guideline's name: "the", "CA MTUS", "Non-MTUS Citation". */
const LEADING_NOISE = /^(?:(?:decision based on|non ?mtus citation|non ?mtus|the|ca|california|citation)\s+)+/;

/** The normalised form of a guideline name as cited: noise words before it dropped, "guideline" plural. */
export function normalizeGuidelineName(text: string): string {
  let n = normalizeName(text).replace(/\bguideline\b/g, 'guidelines').replace(LEADING_NOISE, '');
  // "MTUS Chronic Pain ..." names the part; "MTUS" alone names the schedule.
  if (/^mtus\s+\S/.test(n)) n = n.replace(/^mtus\s+/, '');
  return n;
}

/** Splits a trailing year off a normalised name: "knee complaints 2004" → ["knee complaints", 2004]. */
export function splitYear(name: string): { base: string; year: number | null } {
  const year = name.slice(-4);
  if (!/^(?:19|20)\d\d$/.test(year)) return { base: name, year: null };
  // The year is a word of its own, and something stands before it (on one line).
  const base = name.slice(0, -4).trimEnd();
  if (/\w$/.test(name.slice(0, -4)) || !base || /[\n\r\u2028\u2029]/.test(base)) return { base: name, year: null };
  return { base, year: Number(year) };
}

/** A guideline a name resolved to, and what the name added after the alias (an ODG chapter, a topic). */
export interface GuidelineMatch {
  guideline: Guideline;
  /** The alias that matched, normalised. */
  alias: string;
  /** Words after the alias, normalised ("pain" in "ODG Pain"). */
  rest: string;
  /** The year the citation names, when it names one. */
  year: number | null;
  /** Set when the named year is not a year of the guideline ("Knee Complaints 2009"). */
  yearMismatch: boolean;
}

/** Options that steer a name to one of several guidelines sharing it. */
export interface ResolveOptions {
  /** The letter's governing date (yyyy-mm-dd): UR denial date, else decision date. */
  date?: string | null;
  /** Look only at MTUS parts (true) or only at non-MTUS sources (false). */
  mtus?: boolean;
}

/**
 * One way a cited name may be read, in the order `resolve` tries them: the alias it stands for, the
 * guidelines of that alias, the words after the alias, the year the name gives, and the year the
 * choice among the guidelines goes by (none for an exact name).
 */
interface Reading {
  alias: string;
  list: Guideline[];
  rest: string;
  year: number | null;
  pickYear: number | null;
}

/** An alias table over guidelines: exact names, then the longest alias that starts the name. */
export class GuidelineNames {
  private readonly byAlias = new Map<string, Guideline[]>();
  private readonly longestFirst: string[];
  /** readings' answers by cited name (bounded): letters cite the same few names over and over. */
  private readonly read = new BoundedMap<string, readonly Reading[]>(10_000);

  constructor(guidelines: readonly Guideline[]) {
    for (const g of guidelines) {
      const names = new Set([g.name, g.short, ...g.aliases].map(normalizeGuidelineName).filter((n) => n.length > 0));
      for (const n of names) {
        const list = this.byAlias.get(n) ?? [];
        list.push(g);
        this.byAlias.set(n, list);
      }
    }
    this.longestFirst = [...this.byAlias.keys()].sort((a, b) => b.length - a.length);
    // Each alias's guidelines in the order they came into force (ties in data order), once: the
    // choice by date then needs no sorting.
    const byStart = new Map<Guideline, number>();
    [...guidelines].sort((a, b) => startOf(a).localeCompare(startOf(b))).forEach((g, i) => byStart.set(g, i));
    for (const list of this.byAlias.values()) list.sort((a, b) => (byStart.get(a) ?? 0) - (byStart.get(b) ?? 0));
  }

  /** Every normalised alias (for suggestions). */
  aliases(): string[] {
    return [...this.byAlias.keys()];
  }

  /** The guidelines an exact normalised alias names. */
  named(alias: string): Guideline[] {
    return this.byAlias.get(alias) ?? [];
  }

  /** Resolves a guideline name as cited; null when nothing matches. */
  resolve(name: string, options: ResolveOptions = {}): GuidelineMatch | null {
    for (const r of this.readings(name)) {
      const picked = this.pick(r.list, options, r.pickYear);
      if (picked) return { guideline: picked.guideline, alias: r.alias, rest: r.rest, year: r.year, yearMismatch: r.pickYear === null ? false : picked.yearMismatch };
    }
    return null;
  }

  /** The ways a cited name may be read, in order (they do not depend on the letter's date). */
  private readings(name: string): readonly Reading[] {
    let found = this.read.get(name);
    if (!found) {
      found = this.readingsUncached(name);
      if (name.length <= 200) this.read.remember(name, found);
    }
    return found;
  }

  private readingsUncached(name: string): Reading[] {
    const n = normalizeGuidelineName(name);
    if (!n) return [];
    const out: Reading[] = [];
    const add = (alias: string, rest: string, year: number | null, pickYear: number | null) => {
      const list = this.byAlias.get(alias);
      if (list && list.length > 0) out.push({ alias, list, rest, year, pickYear });
    };
    const { base, year } = splitYear(n);
    add(n, '', year, null);
    if (year !== null) add(base, '', year, year);
    for (const alias of this.longestFirst) {
      if (n.length <= alias.length || n.charCodeAt(alias.length) !== 32 || !n.startsWith(alias)) continue;
      const rest = n.slice(alias.length + 1);
      const onlyYear = /^(?:19|20)\d\d$/.test(rest);
      const y = onlyYear ? Number(rest) : splitYear(rest).year;
      add(alias, onlyYear ? '' : rest, y, y);
    }
    return out;
  }

  /**
   * Finds a guideline named anywhere in a text, as whole words, the longest name first: the source of
   * a Non-MTUS citation whose first words are a chapter or a title ("Shoulder (Acute & Chronic),
   * Physical Therapy, ODG Preface", "Sildenafil: Drug information, accessed from UpToDate.com").
   */
  findIn(text: string, options: ResolveOptions = {}): GuidelineMatch | null {
    const n = ` ${normalizeGuidelineName(text.slice(0, 2000))} `;
    for (const alias of this.longestFirst) {
      if (!n.includes(` ${alias} `)) continue;
      const picked = this.pick(this.byAlias.get(alias), options, null);
      if (picked) return { guideline: picked.guideline, alias, rest: '', year: null, yearMismatch: false };
    }
    return null;
  }

  /**
   * Chooses among guidelines sharing an alias: the one whose years include the cited year; else the
   * one in force on the letter's date; else the earliest. MTUS parts win over non-MTUS sources unless
   * `options.mtus` is false.
   */
  private pick(list: Guideline[] | undefined, options: ResolveOptions, year: number | null): { guideline: Guideline; yearMismatch: boolean } | null {
    if (!list || list.length === 0) return null;
    // `list` is in the order the guidelines came into force; the filters keep it.
    let cands = list;
    if (options.mtus !== undefined) cands = cands.filter((g) => g.mtus === options.mtus);
    else if (cands.some((g) => g.mtus)) cands = cands.filter((g) => g.mtus);
    if (cands.length === 0) return null;
    let yearMismatch = false;
    if (year !== null) {
      const withYear = cands.filter((g) => g.year === year || g.years.includes(year));
      if (withYear.length > 0) cands = withYear;
      else yearMismatch = cands.some((g) => g.years.length > 0 || g.year !== null);
    }
    return { guideline: byDate(cands, options.date ?? null), yearMismatch };
  }
}

/** When a guideline came into force, for ordering ("0000-00-00" when the data does not say). */
function startOf(g: Guideline): string {
  return g.from ?? '0000-00-00';
}

/** The guideline of `sorted` (in the order they came into force) in force on `date`. */
function byDate(sorted: Guideline[], date: string | null): Guideline {
  if (sorted.length === 1) return sorted[0];
  const start = startOf;
  if (!date) return sorted.find((g) => !g.later) ?? sorted[0];
  const inForce = sorted.filter((g) => start(g) <= date && (!g.to || date <= g.to));
  if (inForce.length > 0) return inForce[inForce.length - 1];
  const begun = sorted.filter((g) => start(g) <= date);
  return begun.length > 0 ? begun[begun.length - 1] : sorted[0];
}

/** Words that join topics in a list ("A and B", "A, B"); never a topic on their own. */
const JOINERS = new Set(['and', 'or', 'the', 'of', 'for', 'in', 'see', 'also', 'section', 'sections', 'page', 'pages']);

/** The topics a topic list names, and the parts of it that name no known topic. */
export interface TopicMatch {
  topics: Topic[];
  unmatched: string[];
}

/** The topics of one guideline, matched greedily (longest alias first) through a topic list. */
export class TopicNames {
  private readonly byAlias = new Map<string, Topic>();
  private readonly maxWords: number;
  /** match's answers by list (bounded): letters cite the same topics over and over. */
  private readonly matched = new BoundedMap<string, TopicMatch>(10_000);

  constructor(topics: readonly Topic[]) {
    let maxWords = 1;
    for (const t of topics) {
      for (const name of [t.name, ...t.aliases]) {
        const n = normalizeName(name);
        if (!n || this.byAlias.has(n)) continue;
        this.byAlias.set(n, t);
        maxWords = Math.max(maxWords, n.split(' ').length);
      }
    }
    this.maxWords = maxWords;
  }

  /** Reads "Criteria for use of opioids and Medications for chronic pain" as two topics. */
  match(list: string): TopicMatch {
    let found = this.matched.get(list);
    if (!found) {
      found = this.matchUncached(list);
      if (list.length <= 300) this.matched.remember(list, found);
    }
    return { topics: [...found.topics], unmatched: [...found.unmatched] };
  }

  private matchUncached(list: string): TopicMatch {
    const words = normalizeName(list).split(' ').filter((w) => w.length > 0);
    const topics: Topic[] = [];
    const unmatched: string[] = [];
    let pending: string[] = [];
    const flush = () => {
      while (pending.length && JOINERS.has(pending[0])) pending.shift();
      while (pending.length && JOINERS.has(pending[pending.length - 1])) pending.pop();
      if (pending.length) unmatched.push(pending.join(' '));
      pending = [];
    };
    let i = 0;
    while (i < words.length) {
      let found: Topic | undefined;
      let length = 0;
      for (let k = Math.min(this.maxWords, words.length - i); k > 0; k--) {
        const t = this.byAlias.get(words.slice(i, i + k).join(' '));
        if (t) {
          found = t;
          length = k;
          break;
        }
      }
      if (found) {
        flush();
        if (!topics.includes(found)) topics.push(found);
        i += length;
      } else {
        pending.push(words[i]);
        i++;
      }
    }
    flush();
    return { topics, unmatched };
  }
}
