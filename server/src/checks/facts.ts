/**
 * Facts about one letter that more than one check reads: computed on the first check's demand,
 * then kept in the check context for the others (no module-level cache). The drug checks share
 * which treatments name no known drug; the MTUS checks share the letter's date and its resolved
 * citations.
 */
import type { Knowledge } from '../knowledge';
import type { Decision } from '../model';
import { judgeItems, type UnknownTreatment } from './medication';
import { letterDate, resolveCitations, type ResolvedCitation } from './mtusCitations';
import type { CheckContext } from './types';

/** The shared facts of one letter, each computed once on demand. */
export interface CheckFacts {
  /** The medication items whose treatment names no known drug (unknown-drug, drug-spelling). */
  unknownTreatments(): UnknownTreatment[];
  /** The date that decides which MTUS edition a citation means (unknown-guideline, citation-page). */
  letterDate(): string | null;
  /** Every citation of every item's guideline lines, resolved at the letter's date. */
  resolvedCitations(): ResolvedCitation[];
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

/** The facts of one letter, computed lazily. */
export function checkFacts(text: string, decision: Decision, knowledge: Knowledge): CheckFacts {
  const date = once(() => letterDate(decision));
  return {
    unknownTreatments: once(() => judgeItems(text, decision, knowledge.drugs)),
    letterDate: date,
    resolvedCitations: once(() => resolveCitations(decision, knowledge.mtus, date())),
  };
}

/** The context every check of one letter is given. */
export function checkContext(text: string, decision: Decision, knowledge: Knowledge): CheckContext {
  return { text, decision, knowledge, facts: checkFacts(text, decision, knowledge) };
}
