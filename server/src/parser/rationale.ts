import type { Conclusion, Rationale, Restatement, Span } from '../model';
import type { Joined } from '../text/joined';
import { findProseCitations } from './citations';
import { QUANTITY, STRENGTH, normalizeStrength } from './title';
import { BoundedMap } from '../text/boundedMap';
import { ANSWER_NO, LACKS, NECESSITY, NECESSITY_INDIRECT, NEGATION_REACH, NEGATIONS } from './vocabulary';

/** Where a sentence may end: its final mark, before a space and a capital (or the text's end). */
const SENTENCE_END = /[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/g;

/**
 * The ends of the sentences whose final mark stands at or after `from`. Scanning from any offset
 * finds the same ends there as scanning from the start: what a match consumes after its mark are
 * quotes and brackets, which cannot start one.
 */
function sentenceEnds(text: string, from: number): number[] {
  const ends: number[] = [];
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 3), m.index);
    if (/\b(?:Dr|Mr|Ms|vs|No|St|pg)$/i.test(prev)) continue;
    ends.push(m.index + m[0].length);
  }
  return ends;
}

/** The sentences that run from `start` through each of `ends`, and the rest of the text when it is not blank. */
function sentencesFrom(text: string, start: number, ends: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const end of ends) {
    out.push([start, end]);
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

/** Splits text into sentences: [start, end) offsets. A period after a digit or an initial does not end one. */
export function sentences(text: string): Array<[number, number]> {
  return sentencesFrom(text, 0, sentenceEnds(text, 0));
}

/**
 * The last `count` of `sentences(text)`, read from the text's end: a tail long enough to hold
 * count + 1 sentence ends, else the whole text.
 */
export function lastSentences(text: string, count: number): Array<[number, number]> {
  for (let window = 1024; ; window *= 4) {
    const from = Math.max(0, text.length - window);
    const ends = sentenceEnds(text, from);
    if (from === 0) return sentencesFrom(text, 0, ends).slice(-count);
    if (ends.length > count) return sentencesFrom(text, ends[0], ends.slice(1)).slice(-count);
  }
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
  const list = lastSentences(text, CONCLUSION_SENTENCES);
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

/** A character of a word: a letter, a digit, "_" or an apostrophe (and, when `hyphen`, "-"), as /[\w'-]/ tests it. */
function isWordChar(c: number, hyphen: boolean): boolean {
  const lower = c | 0x20;
  return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 39 || (hyphen && c === 45);
}

/** A word without the punctuation around it ("necessary." → "necessary"). */
function bareWord(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && !isWordChar(word.charCodeAt(from), false)) from++;
  while (to > from && !isWordChar(word.charCodeAt(to - 1), true)) to--;
  return from === 0 && to === word.length ? word : word.slice(from, to);
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

const HAS_DIGIT = /\d/;

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
    // A strength and a quantity both hold a digit.
    if (!HAS_DIGIT.test(window)) continue;
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
