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
  /** Each phrase as " word word ", to be found in a title normalised the same way. */
  phrases: string[];
}

const RULES: Rule[] = (data.rules as Array<{ category: string; phrases: string[]; strength?: boolean; dose?: boolean }>).map((r) => ({
  category: r.category as ItemCategory,
  strength: r.strength === true,
  dose: r.dose === true,
  phrases: r.phrases.map((p) => ` ${normalize(p)} `),
}));

/** Lower case, every run of characters other than letters and digits as one space. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The category of an item, from what its title (its treatment, for a modified request) names. */
export function categoryOf(item: Pick<Item, 'title' | 'treatment' | 'strength' | 'quantity' | 'form' | 'request'>): ItemCategory {
  const subject = item.request ? item.request.remaining.text : item.title.text;
  const padded = ` ${normalize(subject.length > 500 ? subject.slice(0, 500) : subject)} `;
  const dose = item.strength !== null || item.quantity !== null || item.form !== null;
  for (const rule of RULES) {
    if ((rule.strength && item.strength !== null) || (rule.dose && dose)) return rule.category;
    if (rule.phrases.some((p) => padded.includes(p))) return rule.category;
  }
  return 'other';
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
