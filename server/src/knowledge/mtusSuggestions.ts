/**
 * "Did you mean" for guideline names the index does not know: the known names and aliases within a
 * small edit distance of the cited one. Built once per index: names are normalised up front, each
 * answer is remembered (a letter may cite one unknown name thousands of times), and a cheap letter
 * count rules most names out before any edit distance is computed. Pure.
 */
import type { Guideline } from './mtusData';
import { normalizeName } from './mtusNames';
import { BoundedMap } from '../text/boundedMap';
import { boundedDistance, countsLowerBound, letterCounts } from '../text/distance';

/** A guideline name close to an unknown one: `name` stands for the first `words` words of it. */
export interface Suggestion {
  name: string;
  words: number;
}

/** A known name or alias as suggestions compare it. */
interface Target {
  name: string;
  normalized: string;
  /** Its number of words. */
  words: number;
  /** The largest edit distance at which it is still suggested. */
  limit: number;
  letters: Uint8Array;
}

/** How many answers are remembered (the memory is emptied when full). */
const CACHE_SIZE = 1000;

/** Suggests known guideline names for unknown ones. */
export class GuidelineSuggester {
  private readonly targets: Target[] = [];
  private readonly cache = new BoundedMap<string, Suggestion[]>(CACHE_SIZE);

  constructor(guidelines: readonly Guideline[]) {
    for (const g of guidelines) {
      for (const alias of [g.name, ...g.aliases]) {
        const normalized = normalizeName(alias);
        this.targets.push({
          name: alias,
          normalized,
          words: normalized.split(' ').length,
          limit: Math.max(2, Math.floor(normalized.length / 5)),
          letters: letterCounts(normalized),
        });
      }
    }
  }

  /**
   * Up to `max` known names close to `name`, best first. A name may be close at its start only
   * ("Chronic Pain Treatment Guidlines Baclofen"), so each suggestion says how many words it replaces.
   */
  suggest(name: string, max: number): Suggestion[] {
    const words = normalizeName(name).split(' ').filter((w) => w.length > 0);
    if (words.length === 0) return [];
    const key = `${max} ${words.join(' ')}`;
    const found = this.cache.get(key) ?? this.cache.remember(key, this.compute(words, max));
    return found.map((s) => ({ ...s }));
  }

  private compute(words: string[], max: number): Suggestion[] {
    // The cited name's first n words, for each n a target needs, with their letter counts.
    const prefixes = new Map<number, { text: string; letters: Uint8Array }>();
    const scored: Array<Suggestion & { score: number }> = [];
    for (const target of this.targets) {
      const count = Math.min(words.length, target.words);
      let prefix = prefixes.get(count);
      if (!prefix) {
        const text = words.slice(0, count).join(' ');
        prefix = { text, letters: letterCounts(text) };
        prefixes.set(count, prefix);
      }
      if (Math.abs(prefix.text.length - target.normalized.length) > target.limit) continue;
      if (countsLowerBound(prefix.letters, target.letters) > target.limit) continue;
      const score = boundedDistance(prefix.text, target.normalized, target.limit);
      // Score 0: the name starts with a known name but goes on with unknown words; no help.
      if (score === 0 || score > target.limit) continue;
      if (!scored.some((s) => s.name === target.name)) scored.push({ name: target.name, words: count, score });
    }
    const hasYear = (s: Suggestion) => (/\b(?:19|20)\d\d\b/.test(s.name) ? 1 : 0);
    scored.sort((a, b) => a.score - b.score || b.words - a.words || hasYear(a) - hasYear(b) || a.name.length - b.name.length);
    return scored.slice(0, max).map(({ name: n, words: w }) => ({ name: n, words: w }));
  }
}
