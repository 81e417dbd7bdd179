import type { Conclusion, Rationale, Restatement, Span } from '../model';
import type { Joined } from '../text/joined';
import { findProseCitations } from './citations';
import { QUANTITY, STRENGTH, normalizeStrength } from './title';
import { BoundedMap } from '../text/boundedMap';
import { NECESSITY, NECESSITY_INDIRECT, NOT_NECESSARY } from './vocabulary';

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
      const conclusion: Conclusion = NOT_NECESSARY.test(s) ? 'not-medically-necessary' : 'medically-necessary';
      return { conclusion, span: body.span(a, b) };
    }
  }
  return { conclusion: null, span: null };
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
