/**
 * What the two drug checks share: which items are medications, which titles name services, which
 * treatments name no known drug (unknown-drug reports those; drug-spelling leaves their range
 * alone), and how a suggestion becomes a quick fix.
 */
import services from '../../data/services.json';
import { matchCase, nameWords, tokenize } from '../knowledge/drugNames';
import type { DrugLexicon, Suggestion } from '../knowledge/drugs';
import { isEnglishWord } from '../knowledge/english';
import type { Item } from '../model';
import type { Fix } from './types';

/** A treatment that names no known drug, with the word judged and the known names near it. */
export interface UnknownTreatment {
  item: Item;
  /** The treatment's range in the source (what unknown-drug reports). */
  start: number;
  end: number;
  /** The word or words judged, as written, and their range (what the fixes replace). */
  word: string;
  wordStart: number;
  wordEnd: number;
  suggestions: Suggestion[];
}

const SERVICE_WORDS = new Set(services.words.map((w) => w.toLowerCase()));
const SERVICE_PHRASES = services.phrases.map((p) => nameWords(p));

/** A medication item: the parser's category (drug checks never look at imaging, therapy, DME, ...). */
export function isMedicationItem(item: Item): boolean {
  return item.category === 'medication';
}

/** Whether a title names a service, device or procedure (server/data/services.json). */
export function namesService(title: string): boolean {
  const words = nameWords(title);
  if (words.some((w) => SERVICE_WORDS.has(w))) return true;
  return SERVICE_PHRASES.some((phrase) => containsRun(words, phrase));
}

/**
 * A medication item whose title names no known drug, nor a service, and whose treatment has a word
 * that is not plain English ("Baclofan"; not "Sleep aid"), with suggestions; undefined for any
 * other item. The checks read it through `context.facts.unknownTreatment(item)`, computed once per item.
 */
export function judgeItem(text: string, item: Item, drugs: DrugLexicon): UnknownTreatment | undefined {
  if (!item.title.text || !isMedicationItem(item)) return undefined;
  if (drugs.hasName(item.title.text) || namesService(item.title.text)) return undefined;
  return judgeTreatment(text, item, drugs);
}

/** The quick fixes for a word and its suggestions: one per name, the first preferred, safe when obvious. */
export function suggestionFixes(word: string, start: number, end: number, suggestions: Suggestion[]): Fix[] {
  const obvious = suggestions.length === 1 && suggestions[0].distance === 1;
  return suggestions.map((s, i) => {
    const newText = matchCase(word, s.name);
    const fix: Fix = { title: `Change to "${newText}"`, edits: [{ start, end, newText }] };
    if (i === 0) fix.preferred = true;
    if (obvious) fix.safe = true;
    return fix;
  });
}

/** The suggested names as the fixes would write them, in the case of the word they replace. */
export function suggestionList(word: string, suggestions: Suggestion[]): string[] {
  return suggestions.map((s) => matchCase(word, s.name));
}

/** "A", "A" or "B", "A", "B" or "C". */
export function orList(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function judgeTreatment(text: string, item: Item, drugs: DrugLexicon): UnknownTreatment | undefined {
  const { start, end } = item.treatment;
  const candidates = tokenize(text, start, end).filter((t) => isNameLike(t.text) && !isEnglishWord(t.lower));
  if (candidates.length === 0) return undefined;
  const base = { item, start, end };
  if (candidates.length > 1) {
    const whole = text.slice(candidates[0].start, candidates[candidates.length - 1].end);
    const suggestions = drugs.suggestions(whole);
    if (suggestions.length > 0) {
      return { ...base, word: whole, wordStart: candidates[0].start, wordEnd: candidates[candidates.length - 1].end, suggestions };
    }
  }
  for (const token of candidates) {
    const suggestions = drugs.suggestions(token.text);
    if (suggestions.length > 0) return { ...base, word: token.text, wordStart: token.start, wordEnd: token.end, suggestions };
  }
  const first = candidates[0];
  return { ...base, word: first.text, wordStart: first.start, wordEnd: first.end, suggestions: [] };
}

/** A word that could be a drug's name: three characters or more, starting with a letter (not "325mg", "5%"). */
function isNameLike(word: string): boolean {
  return word.length >= 3 && /^\p{L}/u.test(word);
}

function containsRun(words: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < run.length && ok; k++) ok = words[i + k] === run[k];
    if (ok) return true;
  }
  return false;
}
