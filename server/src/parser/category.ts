/**
 * The category of a disputed item (medication, imaging and testing, physical medicine, ...), read
 * from its title with the ordered phrase lists of server/data/categories.json.
 */
import data from '../../data/categories.json';
import type { Item, ItemCategory } from '../model';

interface Rule {
  category: ItemCategory;
  /** Also wins when the title gives a strength. */
  strength: boolean;
  /** Also wins when the title gives a strength, a quantity or a dosage form. */
  dose: boolean;
}

/** A phrase of a rule: its words (normalised, see `normalize`) and the rule's place in the order. */
interface Phrase {
  rule: number;
  words: string[];
}

const DATA = data.rules as Array<{ category: string; phrases: string[]; strength?: boolean; dose?: boolean }>;

const RULES: Rule[] = DATA.map((r) => ({ category: r.category as ItemCategory, strength: r.strength === true, dose: r.dose === true }));

/**
 * Every phrase of every rule, by its first word: a title's words are looked up one by one, rather
 * than each of the hundreds of phrases searched for in the title.
 */
const PHRASES_BY_FIRST_WORD = phraseIndex();

function phraseIndex(): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  DATA.forEach((r, rule) => {
    for (const p of r.phrases) {
      const words = normalize(p).split(' ');
      const list = index.get(words[0]) ?? [];
      list.push({ rule, words });
      index.set(words[0], list);
    }
  });
  return index;
}

/** Lower case, every run of characters other than letters and digits as one space. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Whether `words` from index `at` on start with the phrase's words. */
function phraseAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 1; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/**
 * The category of an item, from what its title (its treatment, for a modified request) names: the
 * first rule, in order, that the item's strength or dose decides or one of whose phrases the title
 * holds as whole words.
 */
export function categoryOf(item: Pick<Item, 'title' | 'treatment' | 'strength' | 'quantity' | 'form' | 'request'>): ItemCategory {
  const subject = item.request ? item.request.remaining.text : item.title.text;
  const dose = item.strength !== null || item.quantity !== null || item.form !== null;
  let best = RULES.findIndex((rule) => (rule.strength && item.strength !== null) || (rule.dose && dose));
  if (best < 0) best = RULES.length;
  const words = normalize(subject.length > 500 ? subject.slice(0, 500) : subject).split(' ');
  for (let i = 0; i < words.length; i++) {
    const phrases = PHRASES_BY_FIRST_WORD.get(words[i]);
    if (!phrases) continue;
    for (const p of phrases) if (p.rule < best && phraseAt(words, i, p.words)) best = p.rule;
  }
  return best < RULES.length ? RULES[best].category : 'other';
}

/** The categories in the order reports list them. */
export const CATEGORIES: readonly ItemCategory[] = [
  'medication',
  'imaging-testing',
  'physical-medicine',
  'surgery',
  'injection',
  'dme',
  'home-health',
  'evaluation',
  'behavioral-health',
  'program',
  'transportation',
  'other',
];

/** How each category is named to a reader (outline, hover, summary). */
export const CATEGORY_NAMES: Readonly<Record<ItemCategory, string>> = {
  medication: 'medication',
  'imaging-testing': 'diagnostic imaging and testing',
  'physical-medicine': 'physical medicine',
  surgery: 'surgery and peri-operative services',
  injection: 'injection',
  dme: 'durable medical equipment',
  'home-health': 'home health and nursing',
  evaluation: 'evaluation and consultation',
  'behavioral-health': 'behavioral health',
  program: 'program',
  transportation: 'transportation',
  other: 'other',
};
