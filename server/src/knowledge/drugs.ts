/**
 * The drug lexicon: the drugs California workers' compensation IMR letters name (generics, brands,
 * combination products, topical compounds, medical foods), each with its class and the guideline
 * topic that governs it. The data is `server/data/drugs.json`; this module indexes it once and
 * answers lookups by name, finds names in a text and suggests known names for misspelled ones.
 * Pure: no file access (user word lists reach it as text, see `parseWordList`).
 */
import data from '../../data/drugs.json';
import { boundedDistance, countsLowerBound, letterCounts, letterMask, maskLowerBound, maxSuggestDistance } from '../text/distance';
import { type Gap, gapMatches, isModifier, isPlainWord, lowerHash, nameGaps, nameKey, nameWords, nextWordStart, wordEnd, withoutReleaseSuffix, WordScanner } from './drugNames';
import { BoundedMap } from '../text/boundedMap';
import { DeletionFilter } from './deletionFilter';
import { combinationVariants, slug, toEntry, uniqueId, validRecord } from './drugRecords';
import type { DrugEntry, DrugMatch, DrugName, DrugRecord, IndexedName, NameRole, Suggestion } from './drugTypes';

export type { DrugEntry, DrugKind, DrugMatch, DrugName, GoverningTopic, GuidelineId, NameRole, Suggestion } from './drugTypes';
export { describeTopic, parseWordList } from './drugRecords';

/** What joins the parts of a combination; white space around it does not matter (parts are split into words). */
const COMBINATION_SEPARATOR = /[/+&,]|\band\b|\bwith\b/i;

/** The drug lexicon: lookups by name, names in texts, suggestions. Build it with `loadDrugLexicon`. */
export class DrugLexicon {
  /** Every entry, in the order of drugs.json, then user names. */
  readonly entries: readonly DrugEntry[];
  /** What was wrong in the data (duplicate names, unknown ingredients); empty when all is well. */
  readonly problems: readonly string[];

  private readonly records: readonly DrugRecord[];
  private readonly extras: readonly string[];
  private readonly byKey = new Map<string, IndexedName>();
  private readonly byCombination = new Map<string, DrugEntry>();
  private readonly byFirstWord = new Map<string, IndexedName[]>();
  private readonly firstWordHashes = new Set<number>();
  private readonly byLength = new Map<number, IndexedName[]>();
  /** suggestions' answers by query (bounded). */
  private readonly suggested = new BoundedMap<string, Suggestion[]>(10_000);
  private readonly problemList: string[] = [];
  private lastExtra: { signature: string; lexicon: DrugLexicon } | undefined;
  private nameList: readonly DrugName[] | undefined;
  private near: DeletionFilter | undefined;
  private nameWordSet: Set<string> | undefined;

  private constructor(records: readonly DrugRecord[], extras: readonly string[]) {
    this.records = records;
    this.extras = extras;
    const entries: DrugEntry[] = [];
    const ids = new Set<string>();
    for (const record of records) {
      const entry = toEntry(record, ids, this.problemList);
      if (entry) entries.push(entry);
    }
    for (const entry of entries) this.indexEntry(entry);
    for (const entry of entries) this.indexVariants(entry);
    for (const entry of entries) this.indexCombination(entry);
    for (const name of extras) {
      const entry = this.userEntry(name, ids);
      if (!entry) continue;
      entries.push(entry);
      this.indexEntry(entry);
      this.indexVariants(entry);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.entries = entries;
    this.problems = this.problemList;
  }

  /** Builds a lexicon from records shaped like drugs.json's `drugs`; bad records become `problems`. */
  static fromRecords(records: readonly unknown[], extras: readonly string[] = []): DrugLexicon {
    const problems: string[] = [];
    const valid = records.filter((r, i): r is DrugRecord => validRecord(r, i, problems));
    const lexicon = new DrugLexicon(valid, extras);
    // Record problems first; a loop, not a spread, so that any number of them fits.
    const later = lexicon.problemList.splice(0);
    for (const p of [...problems, ...later]) lexicon.problemList.push(p);
    return lexicon;
  }

  /** The entry a name belongs to: generic or brand, any case, multiword, combination in any order. */
  lookup(name: string): DrugEntry | undefined {
    return this.lookupWords(nameWords(name)) ?? this.lookupCombination(name);
  }

  /** Whether a word or name is a known drug name. */
  isKnown(word: string): boolean {
    // One word in lower-case letters and digits is known exactly when it is a name's key.
    if (isPlainWord(word)) return this.byKey.has(word);
    return this.lookup(word) !== undefined;
  }

  /** Whether a lower-case word is one of the words of a known name ("contin" of "MS Contin"). */
  isNameWord(word: string): boolean {
    if (!this.nameWordSet) {
      this.nameWordSet = new Set<string>();
      for (const indexed of this.byKey.values()) for (const w of indexed.words) this.nameWordSet.add(w);
    }
    return this.nameWordSet.has(word);
  }

  /** Every generic, brand and alias the lexicon knows, with its entry (for completion). */
  names(): readonly DrugName[] {
    if (!this.nameList) {
      const list: DrugName[] = [];
      for (const indexed of this.byKey.values()) {
        if (indexed.role !== 'variant') list.push({ name: indexed.name, role: indexed.role, entry: indexed.entry });
      }
      this.nameList = list;
    }
    return this.nameList;
  }

  /**
   * Every known drug name in text[from, to) (all of it by default), in order, with offsets into
   * `text`: the longest name starting at each word, whole words only, multiword names across
   * spaces or one punctuation mark ("Hydrocodone/APAP", "MS Contin"). Words that start no name are
   * ruled out by a hash, so a long letter makes few strings.
   */
  findAll(text: string, from = 0, to = text.length): DrugMatch[] {
    const found: DrugMatch[] = [];
    const words = new WordScanner(text, from, to);
    while (words.next()) {
      if (!this.firstWordHashes.has(words.hash)) continue;
      const match = this.matchAt(text, words.start, words.end, Math.min(to, text.length));
      if (match) {
        found.push({ entry: match.entry, name: text.slice(words.start, match.end), start: words.start, end: match.end });
        words.skipTo(match.end);
      }
    }
    return found;
  }

  /** Whether `text` names a known drug: what `findAll` finds, without listing it. */
  hasName(text: string): boolean {
    const words = new WordScanner(text, 0, text.length);
    while (words.next()) {
      if (this.firstWordHashes.has(words.hash) && this.matchAt(text, words.start, words.end, text.length)) return true;
    }
    return false;
  }

  /** The nearest known names to a word, best first, at most `max` (names only; see `suggestions`). */
  suggest(word: string, max = 3): string[] {
    return this.suggestions(word, max).map((s) => s.name);
  }

  /**
   * The nearest known names to a word with their edit distances, best first. The allowed distance
   * grows with the word's length (`maxSuggestDistance`); a known word gets no suggestions.
   */
  suggestions(word: string, max = 3, maxDistance?: number): Suggestion[] {
    // The same unknown words come back letter after letter: each query is answered once (bounded).
    const query = `${word}\u0000${max}\u0000${maxDistance ?? ''}`;
    let found = this.suggested.get(query);
    if (!found) {
      found = this.findSuggestions(word, max, maxDistance);
      if (word.length <= 100) this.suggested.remember(query, found);
    }
    return found.map((s) => ({ ...s }));
  }

  private findSuggestions(word: string, max: number, maxDistance: number | undefined): Suggestion[] {
    const key = nameKey(word);
    if (!key || this.byKey.has(key)) return [];
    const limit = Math.min(maxDistance ?? Number.POSITIVE_INFINITY, maxSuggestDistance(key.length));
    if (limit <= 0) return [];
    // Most words are one edit from no name: the deletion filter says so without an edit distance.
    if (limit === 1 && !this.nearFilter().mayBeNear(key)) return [];
    const mask = letterMask(key);
    const counts = letterCounts(key);
    const scored: Array<{ indexed: IndexedName; distance: number }> = [];
    for (let length = key.length - limit; length <= key.length + limit; length++) {
      for (const indexed of this.byLength.get(length) ?? []) {
        if (maskLowerBound(mask, indexed.mask) > limit || countsLowerBound(counts, indexed.counts) > limit) continue;
        const distance = boundedDistance(key, indexed.key, limit);
        if (distance <= limit) scored.push({ indexed, distance });
      }
    }
    scored.sort((a, b) => rank(a, b, key));
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    for (const { indexed, distance } of scored) {
      const shown = indexed.name.toLowerCase();
      if (seen.has(shown)) continue;
      seen.add(shown);
      out.push({ name: indexed.name, distance, entry: indexed.entry });
      if (out.length >= max) break;
    }
    return out;
  }

  /** The deletion filter of every indexed name, built on first use. */
  private nearFilter(): DeletionFilter {
    this.near ??= new DeletionFilter(this.byKey.keys(), 20);
    return this.near;
  }

  /**
   * A lexicon that also accepts the given names (setting `imr.drugs.extra`, word-list files); names
   * it knows already are ignored. The last one built is kept, so calling this again with the same
   * names costs nothing.
   */
  withExtra(names: readonly string[]): DrugLexicon {
    const cleaned = [...new Set(names.map((n) => n.trim()))].filter((n) => nameWords(n).length > 0 && !this.isKnown(n));
    if (cleaned.length === 0) return this;
    const all = [...this.extras, ...cleaned];
    const signature = all.join('\n');
    if (this.lastExtra?.signature === signature) return this.lastExtra.lexicon;
    const lexicon = new DrugLexicon(this.records, all);
    this.lastExtra = { signature, lexicon };
    return lexicon;
  }

  /** The longest name whose first word is text[start, end) and whose other words follow it (before `to`). */
  private matchAt(text: string, start: number, end: number, to: number): { entry: DrugEntry; end: number } | undefined {
    const candidates = this.byFirstWord.get(text.slice(start, end).toLowerCase());
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      const stop = followingWords(text, end, to, candidate);
      if (stop >= 0) return { entry: candidate.entry, end: stop };
    }
    return undefined;
  }

  /** A name's words as written, else without the words that do not change the drug (salts, strengths). */
  private lookupWords(words: string[]): DrugEntry | undefined {
    if (words.length === 0) return undefined;
    const direct = this.byKey.get(words.join(' '));
    if (direct) return direct.entry;
    const kept = words.filter((w) => !isModifier(w));
    if (kept.length === 0 || kept.length === words.length) return undefined;
    return this.byKey.get(kept.join(' '))?.entry;
  }

  /** A combination written with its parts in any order and with any separator ("APAP/hydrocodone"). */
  private lookupCombination(name: string): DrugEntry | undefined {
    const parts = name.split(COMBINATION_SEPARATOR).map(nameWords).filter((w) => w.some((x) => !isModifier(x)));
    if (parts.length < 2) return undefined;
    const ids: string[] = [];
    for (const part of parts) {
      const entry = this.lookupWords(part);
      if (!entry) return undefined;
      ids.push(entry.id);
    }
    return this.byCombination.get(combinationKey(ids));
  }

  private indexEntry(entry: DrugEntry): void {
    if (!entry.genericIsDescription) this.addName(entry.generic, 'generic', entry);
    for (const brand of entry.brands) this.addName(brand, 'brand', entry);
    for (const alias of entry.aliases) this.addName(alias, 'alias', entry);
  }

  /** Spellings derived from the entry's names, added after every real name so real names win. */
  private indexVariants(entry: DrugEntry): void {
    for (const variant of combinationVariants(entry)) this.addName(variant, 'variant', entry);
    for (const name of [...entry.brands, ...entry.aliases]) {
      const bare = withoutReleaseSuffix(name);
      if (bare) this.addName(bare, 'variant', entry);
    }
  }

  private addName(name: string, role: NameRole, entry: DrugEntry): void {
    const words = nameWords(name);
    if (words.length === 0) {
      this.problemList.push(`${entry.id}: the name "${name}" has no letters or digits`);
      return;
    }
    const key = words.join(' ');
    const existing = this.byKey.get(key);
    if (existing) {
      if (existing.entry !== entry && role !== 'variant' && entry.kind !== 'user') {
        this.problemList.push(`"${name}" names both ${existing.entry.id} and ${entry.id}`);
      }
      return;
    }
    const indexed: IndexedName = {
      name,
      role,
      entry,
      key,
      words,
      gaps: nameGaps(name),
      mask: letterMask(key),
      counts: letterCounts(key),
    };
    this.byKey.set(key, indexed);
    this.firstWordHashes.add(lowerHash(words[0], 0, words[0].length));
    const first = this.byFirstWord.get(words[0]);
    if (first) first.push(indexed);
    else this.byFirstWord.set(words[0], [indexed]);
    const sameLength = this.byLength.get(key.length);
    if (sameLength) sameLength.push(indexed);
    else this.byLength.set(key.length, [indexed]);
  }

  private indexCombination(entry: DrugEntry): void {
    if (entry.ingredients.length === 0) return;
    const ids: string[] = [];
    for (const ingredient of entry.ingredients) {
      const found = this.byKey.get(nameKey(ingredient));
      if (!found) {
        this.problemList.push(`${entry.id}: the ingredient "${ingredient}" is not a name of the lexicon`);
        return;
      }
      ids.push(found.entry.id);
    }
    if (ids.length < 2) return;
    const key = combinationKey(ids);
    const existing = this.byCombination.get(key);
    if (existing && existing !== entry) {
      this.problemList.push(`${entry.id} and ${existing.id} have the same ingredients`);
      return;
    }
    this.byCombination.set(key, entry);
  }

  private userEntry(name: string, ids: Set<string>): DrugEntry | undefined {
    if (nameWords(name).length === 0 || this.byKey.has(nameKey(name))) return undefined;
    const id = uniqueId(`user-${slug(name)}`, ids);
    return {
      id,
      generic: name,
      genericIsDescription: false,
      brands: [],
      aliases: [],
      ingredients: [],
      kind: 'user',
      group: 'User names',
      drugClass: 'name added by the user',
      topics: [],
      governs: 'Added by the setting imr.drugs.extra or a word-list file (imr.drugs.files).',
    };
  }
}

let bundled: DrugLexicon | undefined;

/** The lexicon bundled with the extension (server/data/drugs.json), built once. */
export function loadDrugLexicon(): DrugLexicon {
  bundled ??= DrugLexicon.fromRecords((data as { drugs: unknown[] }).drugs);
  return bundled;
}

/**
 * Where a multiword name ends when its words after the first follow `from` in the text (before
 * `to`), joined as the name allows; -1 when they do not. A one-word name ends at `from`.
 */
function followingWords(text: string, from: number, to: number, name: IndexedName): number {
  let end = from;
  for (let k = 1; k < name.words.length; k++) {
    const start = nextWordStart(text, end, Math.min(to, end + 9));
    if (start < 0 || !gapMatches(text.slice(end, start), name.gaps[k - 1])) return -1;
    const stop = wordEnd(text, start, to);
    const word = name.words[k];
    if (stop - start !== word.length || text.slice(start, stop).toLowerCase() !== word) return -1;
    end = stop;
  }
  return end;
}

function combinationKey(ids: string[]): string {
  return [...ids].sort().join('+');
}

function rank(
  a: { indexed: IndexedName; distance: number },
  b: { indexed: IndexedName; distance: number },
  key: string,
): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  const roleOrder = (r: NameRole) => (r === 'generic' || r === 'brand' ? 0 : 1);
  const byRole = roleOrder(a.indexed.role) - roleOrder(b.indexed.role);
  if (byRole !== 0) return byRole;
  const firstA = a.indexed.key[0] === key[0] ? 0 : 1;
  const firstB = b.indexed.key[0] === key[0] ? 0 : 1;
  if (firstA !== firstB) return firstA - firstB;
  const lengthA = Math.abs(a.indexed.key.length - key.length);
  const lengthB = Math.abs(b.indexed.key.length - key.length);
  if (lengthA !== lengthB) return lengthA - lengthB;
  return a.indexed.key < b.indexed.key ? -1 : a.indexed.key > b.indexed.key ? 1 : 0;
}
