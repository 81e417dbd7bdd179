/**
 * "Did you mean" for guideline names the index does not know: the known names and aliases within a
 * small edit distance of the cited one. Built once per index: names are normalised up front, each
 * answer is remembered (a letter may cite one unknown name thousands of times), and a cheap letter
 * count rules most names out before any edit distance is computed. Pure.
 */
import type { Guideline } from './mtusData';
import { normalizeName } from './mtusNames';
import { BoundedMap } from '../text/boundedMap';

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
  letters: Int32Array;
}

/** How many answers are remembered (the memory is emptied when full). */
const CACHE_SIZE = 1000;

/** Letter slots of a normalised name: a-z, 0-9, space, anything else. */
const SLOTS = 38;

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
    const prefixes = new Map<number, { text: string; letters: Int32Array }>();
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
      if (letterDistance(prefix.letters, target.letters) > target.limit) continue;
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

function slot(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return 26 + code - 48;
  return code === 32 ? 36 : 37;
}

function letterCounts(text: string): Int32Array {
  const counts = new Int32Array(SLOTS);
  for (let i = 0; i < text.length; i++) counts[slot(text.charCodeAt(i))]++;
  return counts;
}

/**
 * A lower bound of the edit distance from letter counts alone: one edit changes the counts by at
 * most two (a substitution takes one letter away and adds another).
 */
function letterDistance(a: Int32Array, b: Int32Array): number {
  let total = 0;
  for (let i = 0; i < SLOTS; i++) total += Math.abs(a[i] - b[i]);
  return Math.ceil(total / 2);
}

/**
 * Levenshtein distance between two names when it is at most `limit`; otherwise `limit + 1`. Only
 * the cells within `limit` of the diagonal are computed, and the scan stops as soon as a whole row
 * exceeds the limit.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let previous: number[] = [];
  let current: number[] = [];
  for (let j = 0; j <= b.length; j++) previous.push(j <= limit ? j : over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : over;
    let rowMin = current[from - 1];
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, substitute, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // The next row reads one cell past this row's band: it is out of reach.
    if (to < b.length) current[to + 1] = over;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], over);
}
