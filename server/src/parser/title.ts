import type { Span } from '../model';

/**
 * Strength: "20mg", "10/325 mg", "12mcg/hour", "5%", "0.1 mg/ml". The number comes first and the unit
 * must follow directly (with optional spaces), so "#2 120mg" gives 120mg.
 */
export const STRENGTH =
  /(?<![\w.])(\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)*)\s*(mg|mcg|µg|ug|gm|gms|g|grams?|ml|%|units?|iu|meq)(\s*\/\s*(?:hr|hour|h|ml|g|gm|day|dose|spray|actuation|patch|24\s?h(?:ou)?rs?))?(?![a-z])/i;

/** Quantity: "#120", "# 120", "QTY 45.00", "QTY: 60", "quantity 30", "Qty. 90". */
export const QUANTITY = /(?:#\s*(\d+(?:\.\d+)?)(?![\d/])|\b(?:qty|quantity)\s*[:.#]?\s*(\d+(?:\.\d+)?)(?![\d/]))/i;

/** Words that name a dosage form rather than the drug. */
const FORMS =
  /^(?:cream|creams|gel|gels|ointment|lotion|patch|patches|tab|tabs|tablet|tablets|cap|caps|capsule|capsules|solution|suspension|spray|injection|injections|liquid|powder|film|lozenge|suppository|suppositories|drops|oral|topical|transdermal|compound|compounded)$/i;

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

/** Reads "Baclofen 20mg #120" into treatment, strength and quantity, with their spans. */
export function parseTitle(title: Span): TitleParts {
  const text = title.text;
  const at = (from: number, to: number): Span => ({
    text: text.slice(from, to),
    start: title.start + from,
    end: title.start + to,
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
  while (start < end && /\s/.test(name[start])) start++;
  const treatment = end > start ? at(start, end) : at(0, text.length);
  return { treatment, form, strength, strengthSpan, quantity, quantitySpan };
}
