/**
 * The registry of checks: every check is one module in this folder, named by its code, with a doc
 * page at docs/rules/<code>.md. To add a check, write the module and list it here.
 */
import dateOrder from './date-order';
import duplicateSection from './duplicate-section';
import invalidCaseNumber from './invalid-case-number';
import invalidDate from './invalid-date';
import missingCitation from './missing-citation';
import missingConclusion from './missing-conclusion';
import missingHeaderField from './missing-header-field';
import missingOutcome from './missing-outcome';
import missingRationale from './missing-rationale';
import missingSection from './missing-section';
import noDisputedItems from './no-disputed-items';
import outcomeConflict from './outcome-conflict';
import quantityMismatch from './quantity-mismatch';
import readingLimit from './reading-limit';
import sectionOrder from './section-order';
import citationPage from './citation-page';
import drugSpelling from './drug-spelling';
import type { Check } from './types';
import unknownDrug from './unknown-drug';
import unknownGuideline from './unknown-guideline';
import unknownOutcome from './unknown-outcome';

export const CHECKS: readonly Check[] = [
  missingSection,
  duplicateSection,
  sectionOrder,
  missingHeaderField,
  invalidCaseNumber,
  invalidDate,
  dateOrder,
  noDisputedItems,
  missingOutcome,
  unknownOutcome,
  missingRationale,
  outcomeConflict,
  missingConclusion,
  missingCitation,
  unknownGuideline,
  citationPage,
  unknownDrug,
  drugSpelling,
  quantityMismatch,
  readingLimit,
];

/** The project's home page. */
export const HOME_URL = 'https://github.com/imr-decision-tools/imr-decision-tools';

/** Where a check's documentation lives. */
export const DOCS_BASE = `${HOME_URL}/blob/main/docs/rules/`;

export function docUrl(code: string): string {
  return `${DOCS_BASE}${code}.md`;
}
