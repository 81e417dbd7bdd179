import { isSpace } from '../text/space';
import type { Span } from '../model';
import { sourceOffsetOf } from '../text/trim';

/**
 * Strength: "20mg", "10/325 mg", "12mcg/hour", "5%", "0.1 mg/ml". The number comes first and the unit
 * must follow directly (with optional spaces), so "#2 120mg" gives 120mg.
 */
export const STRENGTH =
  /(?<![\w./])(\d{1,6}(?:\.\d{1,4})?(?: {0,2}\/ {0,2}\d{1,6}(?:\.\d{1,4})?){0,3}) {0,2}(mg|mcg|µg|ug|gm|gms|g|grams?|ml|%|units?|iu|meq)( {0,2}\/ {0,2}(?:hr|hour|h|ml|g|gm|day|dose|spray|actuation|patch|24 ?h(?:ou)?rs?))?(?![a-z])/i;

/** Quantity: "#120", "# 120", "QTY 45.00", "QTY: 60", "quantity 30", "Qty. 90". */
export const QUANTITY = /(?:#[ \t]{0,2}(\d{1,7}(?:\.\d{1,4})?)(?![\d/])|\b(?:qty|quantity)[ \t]{0,2}[:.#]?[ \t]{0,2}(\d{1,7}(?:\.\d{1,4})?)(?![\d/]))/i;

/** Words that name a dosage form rather than the drug. */
const FORMS =
  /^(?:cream|creams|gel|gels|ointment|lotion|patch|patches|tab|tabs|tablet|tablets|cap|caps|capsule|capsules|solution|suspension|spray|injection|injections|liquid|powder|film|lozenge|suppository|suppositories|drops|oral|topical|transdermal|compound|compounded)$/i;

/**
 * How much of a title is read for its parts. Real titles are a line ("Baclofen 20mg #120", "Is the
 * request for physical therapy ... medically necessary?"); a pasted title megabytes long is read
 * no further, so parsing it costs no more than a real one.
 */
export const TITLE_READ_LIMIT = 500;

export interface TitleParts {
  treatment: Span;
  form: string | null;
  strength: string | null;
  strengthSpan: Span | null;
  quantity: number | null;
  quantitySpan: Span | null;
}

/** Normalises a strength as written ("10/325 MG") to its compact form ("10/325mg"). */
export function normalizeStrength(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase().replace(/(\d)(?:gms|grams?)\b/, '$1g').replace(/(\d)ug/, '$1mcg');
}

/**
 * Reads "Baclofen 20mg #120" into treatment, strength and quantity, with their spans. `source` is
 * the letter: the title's text may differ from it (markup removed, wrapped lines joined), so the
 * parts' offsets are found by aligning the two.
 */
export function parseTitle(title: Span, source?: string): TitleParts {
  const plain = source === undefined || (title.end - title.start === title.text.length && source.startsWith(title.text, title.start));
  const text = title.text.length > TITLE_READ_LIMIT ? title.text.slice(0, TITLE_READ_LIMIT) : title.text;
  const offset = (i: number) => (plain ? title.start + i : sourceOffsetOf(source, title.start, title.end, text, i));
  const at = (from: number, to: number): Span => ({
    text: text.slice(from, to),
    start: offset(from),
    end: to > from ? offset(to - 1) + 1 : offset(from),
  });
  let strength: string | null = null;
  let strengthSpan: Span | null = null;
  let quantity: number | null = null;
  let quantitySpan: Span | null = null;
  let cut = text.length;

  const s = STRENGTH.exec(text);
  if (s) {
    strengthSpan = at(s.index, s.index + s[0].length);
    strength = normalizeStrength(s[0]);
    cut = Math.min(cut, s.index);
  }
  const q = QUANTITY.exec(text);
  if (q) {
    quantitySpan = at(q.index, q.index + q[0].length);
    quantity = Number(q[1] ?? q[2]);
    cut = Math.min(cut, q.index);
  }

  // The treatment is what comes before the first strength or quantity, without dosage-form words.
  let name = text.slice(0, cut);
  let form: string | null = null;
  const words = name.split(/(\s+)/);
  const kept: string[] = [];
  // A form word ends the drug name in a medication title ("Baclofen cream #2"), or when it is the
  // title's last word ("Lidoderm patches"); in a service title it is part of the name.
  const medication = s !== null || q !== null;
  const lastWord = words.filter((w) => w.trim()).pop() ?? '';
  for (const w of words) {
    const bareWord = w.replace(/[,;:()]/g, '');
    if (bareWord && FORMS.test(bareWord) && kept.join('').trim().length > 0 && (medication || w === lastWord)) {
      form = form ?? bareWord.toLowerCase();
      break;
    }
    kept.push(w);
  }
  name = kept.join('');
  if (!form) {
    const tail = text.slice(cut).match(/\b([A-Za-z]+)\b/g) ?? [];
    form = tail.map((w) => w.toLowerCase()).find((w) => FORMS.test(w)) ?? null;
  }
  let end = name.length;
  while (end > 0 && /[\s,;:\-–(]/.test(name[end - 1])) end--;
  let start = 0;
  while (start < end && isSpace(name.charCodeAt(start))) start++;
  const treatment = end > start ? at(start, end) : at(0, text.length);
  return { treatment, form, strength, strengthSpan, quantity, quantitySpan };
}
