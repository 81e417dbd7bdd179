import { lowerHash, nextWordStart, wordEnd } from '../knowledge/drugNames';
import type { DrugLexicon, Suggestion } from '../knowledge/drugs';
import { isEnglishWord } from '../knowledge/english';
import { orList, suggestionFixes, suggestionList, unknownTreatments } from './medication';
import type { Check } from './types';

/** Words shorter than this are never taken for misspelled drugs (abbreviations, "Soma" vs "some"). */
const MIN_LENGTH = 5;

/** An abbreviation in capitals, with an optional plural s: never a misspelled drug. */
const ACRONYM = /^[A-Z]{2,6}s?$/;

/**
 * How far a word may be from a drug name to be called a misspelling of it: one edit, two for
 * words of twelve letters or more ("cyclobenzaprene", "methocarbamal").
 */
export function spellingDistance(length: number): number {
  return length >= 12 ? 2 : 1;
}

/**
 * A word anywhere in the letter that is not a drug name, not English, and one small edit away
 * from a drug name ("Baclofan" in a rationale). The title range that unknown-drug already reports
 * is left to it.
 */
const check: Check = {
  code: 'drug-spelling',
  description: 'A word in the text looks like a misspelled drug name.',
  defaultSeverity: 'hint',
  *run({ text: whole, decision, knowledge }) {
    const drugs = knowledge.drugs;
    // Only what the parser read: a text cut short by its limits is not scanned past them.
    const text = decision.readTo < whole.length ? whole.slice(0, decision.readTo) : whole;
    const memo = memoFor(drugs);
    // The ranges left to other rules (known drug names, the titles unknown-drug reports): found
    // only once a suspect word turns up, which most letters never have.
    let skipped: Array<{ start: number; end: number }> | undefined;
    let next = 0;
    for (let start = nextWordStart(text, 0), end = 0; start >= 0; start = nextWordStart(text, end)) {
      end = wordEnd(text, start);
      if (end - start < MIN_LENGTH) continue;
      const hash = lowerHash(text, start, end);
      const seen = memo.clean.get(hash);
      if (seen !== undefined && equalsLower(text, start, end, seen)) continue;
      const word = text.slice(start, end);
      // Short capitals are abbreviations (NSAID, SSRIs), not misspelled names.
      if (ACRONYM.test(word)) continue;
      const lower = word.toLowerCase();
      let suggestions = memo.suspects.get(lower);
      if (!suggestions) {
        suggestions = misspellingOf(lower, drugs);
        if (suggestions.length === 0) {
          if (memo.clean.size >= MAX_MEMO) memo.clean.clear();
          if (seen === undefined) memo.clean.set(hash, lower);
          continue;
        }
        if (memo.suspects.size >= MAX_MEMO) memo.suspects.clear();
        memo.suspects.set(lower, suggestions);
      }
      skipped ??= [...drugs.findAll(text), ...unknownTreatments(text, decision, drugs)].sort((a, b) => a.start - b.start);
      while (next < skipped.length && skipped[next].end <= start) next++;
      if (next < skipped.length && skipped[next].start < end) continue;
      const names = suggestionList(word, suggestions);
      yield {
        start,
        end,
        message:
          `"${word}" looks like a misspelling of ${orList(names)}. Correct it, or add the word to ` +
          'the setting imr.drugs.extra if it is a drug name.',
        fixes: suggestionFixes(word, start, end, suggestions),
        data: { word, suggestions: names },
      };
    }
  },
};

/**
 * What is known of words already judged, per lexicon: letters share most of their words, and a
 * lexicon never changes once built, so a word is judged once, not once per letter (the CLI over
 * an archive, the server on every keystroke). Clean words are kept by a hash of their lower case,
 * so that the common case makes no string; suspect words with their suggestions. Both bounded:
 * cleared when full.
 */
interface Memo {
  clean: Map<number, string>;
  suspects: Map<string, Suggestion[]>;
}
const MEMOS = new WeakMap<DrugLexicon, Memo>();
const MAX_MEMO = 100_000;

function memoFor(drugs: DrugLexicon): Memo {
  let memo = MEMOS.get(drugs);
  if (!memo) {
    memo = { clean: new Map(), suspects: new Map() };
    MEMOS.set(drugs, memo);
  }
  return memo;
}

/** Whether text[start, end) is `lower` (lower case) up to ASCII capitals. */
function equalsLower(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i - start)) return false;
  }
  return true;
}

/** The drug names a word is a near miss of; none for short, numeric, known or English words. */
function misspellingOf(word: string, drugs: DrugLexicon): Suggestion[] {
  if (word.length < MIN_LENGTH || /\d/.test(word)) return [];
  if (drugs.isKnown(word) || isEnglishWord(word)) return [];
  return drugs.suggestions(word, 3, spellingDistance(word.length));
}

export default check;
