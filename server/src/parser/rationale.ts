import type { Conclusion, Rationale, Restatement, Span } from '../model';
import type { Joined } from '../text/joined';
import { findProseCitations } from './citations';
import { QUANTITY, STRENGTH, normalizeStrength } from './title';
import { BoundedMap } from '../text/boundedMap';
import { ANSWER_NO, LACKS, NECESSITY, NECESSITY_INDIRECT, NEGATION_REACH, NEGATIONS } from './vocabulary';

/** Splits text into sentences: [start, end) offsets. A period after a digit or an initial does not end one. */
export function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = /[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 3), m.index);
    if (/\b(?:Dr|Mr|Ms|vs|No|St|pg)$/i.test(prev)) continue;
    const end = m.index + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

/** How many sentences from the end are read for the conclusion (letters may add a remark after it). */
const CONCLUSION_SENTENCES = 5;

/**
 * The conclusion the rationale states: the last of its final sentences that speaks of medical
 * necessity decides (one that says it directly before one that only mentions it), negative when
 * the necessity is negated there ("is not", "cannot be deemed", "is determined to not be ...").
 */
export function findConclusion(body: Joined): { conclusion: Conclusion | null; span: Span | null } {
  const text = body.text;
  const list = sentences(text);
  for (const speaks of [NECESSITY, NECESSITY_INDIRECT]) {
    for (let k = list.length - 1, seen = 0; k >= 0 && seen < CONCLUSION_SENTENCES; k--, seen++) {
      const [a, b] = list[k];
      const s = text.slice(a, b);
      if (!speaks.test(s)) continue;
      const conclusion: Conclusion = negatesNecessity(s) ? 'not-medically-necessary' : 'medically-necessary';
      return { conclusion, span: body.span(a, b) };
    }
  }
  return { conclusion: null, span: null };
}

/**
 * Whether a sentence that speaks of medical necessity negates it (see NEGATIONS and LACKS in the
 * vocabulary): read word by word, a clause at a time, without a backtracking pattern.
 */
export function negatesNecessity(sentence: string): boolean {
  if (ANSWER_NO.test(sentence)) return true;
  const words = sentence.toLowerCase().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = bareWord(words[i]);
    const medically = i > 0 && bareWord(words[i - 1]) === 'medically' && /^(?:indicated|appropriate|reasonable)$/.test(w);
    if (w === 'necessary' || w === 'not-medically' || medically) {
      if (w === 'not-medically' || negatedBefore(words, i, NEGATIONS, NEGATION_REACH)) return true;
    } else if (w === 'necessity' && i > 0 && bareWord(words[i - 1]) === 'medical') {
      if (negatedBefore(words, i - 1, LACKS, NEGATION_REACH - 1)) return true;
      if (/^(?:has|have|was|is|had)$/.test(bareWord(words[i + 1] ?? '')) && bareWord(words[i + 2] ?? '') === 'not') return true;
    }
  }
  return false;
}

/** A word without the punctuation around it ("necessary." → "necessary"). */
function bareWord(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && !/[\w']/.test(word[from])) from++;
  while (to > from && !/[\w'-]/.test(word[to - 1])) to--;
  return word.slice(from, to);
}

/** Whether one of `words` stands within `reach` words before index i, in the same clause. */
function negatedBefore(words: readonly string[], i: number, negations: ReadonlySet<string>, reach: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= reach; k--) {
    if (/[,;:]$/.test(words[k])) return false;
    const w = bareWord(words[k]);
    if (negations.has(w) || w.startsWith('not-')) return true;
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive patterns of item names, kept across letters (names repeat). */
const NAME_PATTERNS = new BoundedMap<string, RegExp>(512);

function namePattern(name: string): RegExp {
  return NAME_PATTERNS.get(name) ?? NAME_PATTERNS.remember(name, new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gi'));
}

/**
 * Places where the rationale restates the item with a strength or quantity, e.g.
 * "the request for BACLOFEN 20MG #90". `name` is the item's treatment.
 */
export function findRestatements(body: Joined, name: string): Restatement[] {
  const first = name.trim().split(/[\s/]+/)[0];
  if (!first || first.length < 3) return [];
  const text = body.text;
  const out: Restatement[] = [];
  const re = namePattern(first);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The tokens that may follow the name: other name words, strength, quantity (within 40 characters).
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const stop = after.search(/[.;](?:\s|$)|(?<!qty|quantity):(?:\s|$)|\b(?:is|was|are|for|and|has|with|which|that)\b/i);
    const window = stop >= 0 ? after.slice(0, stop) : after;
    const s = STRENGTH.exec(window);
    const q = QUANTITY.exec(window);
    if (!s && !q) continue;
    const endInWindow = Math.max(s ? s.index + s[0].length : 0, q ? q.index + q[0].length : 0);
    const start = m.index;
    const end = m.index + m[0].length + endInWindow;
    out.push({
      span: body.span(start, end),
      strength: s ? normalizeStrength(s[0]) : null,
      quantity: q ? Number(q[1] ?? q[2]) : null,
    });
  }
  return out;
}

/** Builds the rationale of an item from its body text. */
export function buildRationale(label: Span | null, body: Joined, treatment: string): Rationale {
  const { conclusion, span } = findConclusion(body);
  return {
    label,
    body: body.span(),
    conclusion,
    conclusionSpan: span,
    restatements: findRestatements(body, treatment),
    citations: findProseCitations(body),
  };
}
