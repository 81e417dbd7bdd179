/**
 * Facts about one letter that more than one check reads: computed on the first check's demand,
 * then kept in the check context for the others (no module-level cache). The drug checks share
 * which treatments name no known drug; the MTUS checks share the letter's date and the resolved
 * citations. Item facts are kept per item, so that a check run on one edited item computes that
 * item's alone.
 */
import type { Knowledge } from '../knowledge';
import type { Decision, Item } from '../model';
import { judgeItem, type UnknownTreatment } from './medication';
import { letterDate, resolveItemCitations, type ResolvedCitation } from './mtusCitations';
import type { CheckContext } from './types';

/** The shared facts of one letter, each computed once on demand. */
export interface CheckFacts {
  /** A medication item's treatment when it names no known drug (unknown-drug, drug-spelling), else null. */
  unknownTreatment(item: Item): UnknownTreatment | null;
  /** The date that decides which MTUS edition a citation means (unknown-guideline, citation-page). */
  letterDate(): string | null;
  /** Every citation of an item's guideline lines, resolved at the letter's date. */
  resolvedCitations(item: Item): ResolvedCitation[];
}

/** Remembers a function's first answer. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Remembers a function's answer for each item. */
function perItem<T>(compute: (item: Item) => T): (item: Item) => T {
  const known = new Map<Item, T>();
  return (item) => {
    if (known.has(item)) return known.get(item)!;
    const value = compute(item);
    known.set(item, value);
    return value;
  };
}

/** The facts of one letter, computed lazily. */
export function checkFacts(text: string, decision: Decision, knowledge: Knowledge): CheckFacts {
  const date = once(() => letterDate(decision));
  return {
    unknownTreatment: perItem((item) => judgeItem(text, item, knowledge.drugs) ?? null),
    letterDate: date,
    resolvedCitations: perItem((item) => resolveItemCitations(item, knowledge.mtus, date())),
  };
}

/** The context every check of one letter is given. */
export function checkContext(text: string, decision: Decision, knowledge: Knowledge): CheckContext {
  return { text, decision, knowledge, facts: checkFacts(text, decision, knowledge) };
}
