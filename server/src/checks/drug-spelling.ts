import { nextWordStart, wordEnd, WordScanner } from '../knowledge/drugNames';
import type { DrugLexicon, Suggestion } from '../knowledge/drugs';
import { isEnglishWord } from '../knowledge/english';
import { isMedicationItem, orList, suggestionFixes, suggestionList } from './medication';
import type { CheckFacts } from './facts';
import type { Decision } from '../model';
import { linesCheck } from './types';
import { BoundedMap } from '../text/boundedMap';

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
 * is left to it, and so are the titles of items that are not medications (an MRI, a therapy).
 */
const check = linesCheck({
  code: 'drug-spelling',
  description: 'A word in the text looks like a misspelled drug name.',
  defaultSeverity: 'hint',
  *runLines({ text: whole, decision, knowledge, facts }, from, to) {
    const drugs = knowledge.drugs;
    // Only what the parser read: a text cut short by its limits is not scanned past them.
    const text = decision.readTo < whole.length ? whole.slice(0, decision.readTo) : whole;
    const memo = memoFor(drugs);
    const stop = Math.min(to, text.length);
    // Line by line: a word never spans a line break, and a line seen before (the rest of the
    // letter after a keystroke, a paragraph every letter has) is answered from the memo.
    for (let lineFrom = from; lineFrom < stop; ) {
      const nl = text.indexOf('\n', lineFrom);
      const lineTo = nl < 0 ? text.length : nl;
      const suspects = lineTo - lineFrom >= MIN_LENGTH ? lineSuspects(text, lineFrom, lineTo, memo, drugs) : NONE;
      for (const suspect of suspects) {
        const start = lineFrom + suspect.at;
        const end = start + suspect.word.length;
        // The titles unknown-drug reports are left to it, and the titles of services.
        if (inLeftTitle(decision, facts, start, end) || insideDrugName(text, start, end, drugs)) continue;
        const names = suggestionList(suspect.word, suspect.suggestions);
        yield {
          start,
          end,
          message:
            `"${suspect.word}" looks like a misspelling of ${orList(names)}. Correct it, or add the word to ` +
            'the setting imr.drugs.extra if it is a drug name.',
          fixes: suggestionFixes(suspect.word, start, end, suspect.suggestions),
          data: { word: suspect.word, suggestions: names },
        };
      }
      lineFrom = lineTo + 1;
    }
  },
});

/**
 * Whether [start, end) lies in a title the check leaves alone: the treatment of an item whose title
 * names no known drug (unknown-drug's finding), or the title of an item that is not a medication.
 */
function inLeftTitle(decision: Decision, facts: CheckFacts, start: number, end: number): boolean {
  const items = decision.items;
  // The last item that starts before the word's end, and the one before it, are the only ones it can touch.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 2; i--) {
    const item = items[i];
    if (!isMedicationItem(item) && item.title.start <= start && end <= item.title.end) return true;
    const unknown = facts.unknownTreatment(item);
    if (unknown && unknown.start < end && unknown.end > start) return true;
  }
  return false;
}

/**
 * Whether the word at [start, end) is part of a known multiword name ("Tylenol with Codeine"). A
 * name spans at most one line break, so the lines around the word are enough to look in.
 */
function insideDrugName(text: string, start: number, end: number, drugs: DrugLexicon): boolean {
  // A name holds the word only as one of its own words: most misspellings are none.
  if (!drugs.isNameWord(text.slice(start, end).toLowerCase())) return false;
  // From the start of the line two lines up (at most NAME_REACH characters back, at a word's start)...
  let from = text.lastIndexOf('\n', start - 1) + 1;
  for (let k = 0; k < 2 && from > 0; k++) from = text.lastIndexOf('\n', Math.max(0, from - 2)) + 1;
  if (from < start - NAME_REACH) {
    from = start - NAME_REACH;
    if (nextWordStart(text, from - 1, from) === from - 1) from = wordEnd(text, from);
  }
  // ... to the end of the next line (at most NAME_REACH characters on).
  let to = text.indexOf('\n', end);
  if (to >= 0) to = text.indexOf('\n', to + 1);
  to = Math.min(to < 0 ? text.length : to, end + NAME_REACH);
  return drugs.findAll(text, from, to).some((m) => m.start < end && m.end > start);
}

/** Farther than this from a word, no name that holds the word can start or end. */
const NAME_REACH = 200;

/** A word of a line that looks like a misspelled drug name: where it stands in the line, and the names it may be. */
interface Suspect {
  at: number;
  word: string;
  suggestions: Suggestion[];
}
const NONE: readonly Suspect[] = [];

/** The suspect words of text[from, to), one line: from the memo when the line was seen before. */
function lineSuspects(text: string, from: number, to: number, memo: Memo, drugs: DrugLexicon): readonly Suspect[] {
  const line = text.slice(from, to);
  const known = memo.lines.get(line);
  if (known) return known;
  let found: Suspect[] | undefined;
  const words = new WordScanner(text, from, to);
  while (words.next()) {
    const { start, end, hash } = words;
    if (end - start < MIN_LENGTH) continue;
    const seen = memo.clean.get(hash);
    if (seen !== undefined && equalsLower(text, start, end, seen)) continue;
    const word = text.slice(start, end);
    const suggestions = judgeWord(word, hash, seen, memo, drugs);
    if (suggestions) (found ??= []).push({ at: start - from, word, suggestions });
  }
  if (line.length <= MAX_LINE_LENGTH) {
    // A copy of the line as the key: a slice would keep the whole letter alive in the memo.
    memo.lines.remember(copyOf(line), found ?? NONE);
  }
  return found ?? NONE;
}

/** The names a word not known to be clean may be a misspelling of; undefined when it is clean. */
function judgeWord(word: string, hash: number, seen: string | undefined, memo: Memo, drugs: DrugLexicon): Suggestion[] | undefined {
  // Short capitals are abbreviations (NSAID, SSRIs), not misspelled names.
  if (ACRONYM.test(word)) return undefined;
  const lower = word.toLowerCase();
  let suggestions = memo.suspects.get(lower);
  if (!suggestions) {
    suggestions = misspellingOf(lower, drugs);
    if (suggestions.length === 0) {
      if (seen === undefined) memo.clean.remember(hash, lower);
      return undefined;
    }
    memo.suspects.remember(lower, suggestions);
  }
  return suggestions;
}

/**
 * A string with the same characters that keeps no larger string alive. A slice of a letter points
 * into the letter; joining a character to it makes a new string, which V8 copies out flat when it
 * is sliced again, so the result points only into that small copy.
 */
function copyOf(text: string): string {
  return text.length < 16 ? text : (' ' + text).slice(1);
}

/**
 * What is known of words and lines already judged, per lexicon: letters share most of their words
 * and many of their lines, and a lexicon never changes once built, so a word is judged once, not
 * once per letter (the CLI over an archive, the server on every keystroke). Clean words are kept
 * by a hash of their lower case, so that the common case makes no string; suspect words with their
 * suggestions; lines with their suspect words. All bounded: cleared when full.
 */
interface Memo {
  clean: BoundedMap<number, string>;
  suspects: BoundedMap<string, Suggestion[]>;
  lines: BoundedMap<string, readonly Suspect[]>;
}
const MEMOS = new WeakMap<DrugLexicon, Memo>();
const MAX_MEMO = 100_000;
/** Lines remembered (with one letter of 1 MB in the editor, all of its lines fit). */
const MAX_LINES = 50_000;
/** Longer lines are not remembered (a paragraph is a few hundred characters; PDF text wraps at 100). */
const MAX_LINE_LENGTH = 2_000;

function memoFor(drugs: DrugLexicon): Memo {
  let memo = MEMOS.get(drugs);
  if (!memo) {
    memo = { clean: new BoundedMap(MAX_MEMO), suspects: new BoundedMap(MAX_MEMO), lines: new BoundedMap(MAX_LINES) };
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
