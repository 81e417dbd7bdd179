/**
 * The one edit distance: Damerau-Levenshtein in its "optimal string alignment" form (insert,
 * delete, substitute, swap two adjacent letters), bounded so that hopeless pairs stop early, and
 * the cheap lower bounds that rule most pairs out before it is computed. Used by drug-name and
 * guideline-name suggestions and by the outcome check. Pure functions.
 */

/**
 * How many edits a word of this length may be away from a known name and still be suggested.
 * Short words get no slack (too many names are a letter or two apart), long words get more.
 */
export function maxSuggestDistance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * The edit distance between `a` and `b` when it is at most `max`, else `max + 1`. Both strings are
 * compared as given (callers lower-case them first).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n) <= max ? Math.max(m, n) : max + 1;
  ensureRows(n + 1);
  // Three rows of the dynamic-programming table: two rows back (for swaps), previous, current.
  let before = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = previous[j - 1] + (ai === bj ? 0 : 1);
      const del = previous[j] + 1;
      if (del < best) best = del;
      const ins = current[j - 1] + 1;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = before[j - 2] + 1;
        if (swap < best) best = swap;
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const result = previous[n];
  return result <= max ? result : max + 1;
}

/** The edit distance between two short strings, unbounded. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

// Scratch rows reused by every call (the server is single-threaded), grown when a longer word comes.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function ensureRows(length: number): void {
  if (rowA.length >= length) return;
  rowA = new Int32Array(length * 2);
  rowB = new Int32Array(length * 2);
  rowC = new Int32Array(length * 2);
}

/** The set of letters (a–z) a lower-case word uses, as 26 bits. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

/**
 * A lower bound of the edit distance from letter sets alone: one edit adds or removes at most two
 * letters from the set (a substitution), so the distance is at least half the letters not shared.
 */
export function maskLowerBound(a: number, b: number): number {
  let x = a ^ b;
  let bits = 0;
  while (x !== 0) {
    x &= x - 1;
    bits++;
  }
  return (bits + 1) >> 1;
}

/** Letter counts of a lower-case word (a–z; anything else counts in slot 26), for quick pruning. */
export function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(27);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    const slot = c >= 0 && c < 26 ? c : 26;
    if (counts[slot] < 255) counts[slot]++;
  }
  return counts;
}

/**
 * A lower bound of the edit distance from letter counts alone: each edit changes the counts by at
 * most one letter on each side, so the larger one-sided surplus cannot exceed the distance.
 */
export function countsLowerBound(a: Uint8Array, b: Uint8Array): number {
  let surplusA = 0;
  let surplusB = 0;
  for (let i = 0; i < 27; i++) {
    const d = a[i] - b[i];
    if (d > 0) surplusA += d;
    else surplusB -= d;
  }
  return surplusA > surplusB ? surplusA : surplusB;
}
