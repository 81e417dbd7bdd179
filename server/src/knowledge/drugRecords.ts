/**
 * The drug data turned into entries (checked, with unique ids), the spellings of combinations the
 * data need not list, word-list files read as names, and a governing topic as text.
 */
import { splitLines } from '../text/lineIndex';
import { isSpace } from '../text/space';
import { GUIDELINES, KINDS, type DrugEntry, type DrugKind, type DrugRecord, type GoverningTopic } from './drugTypes';

/** Short forms letters use for an ingredient inside a combination name ("hydrocodone/APAP"). */
const INGREDIENT_SHORT_FORMS: Record<string, string[]> = {
  acetaminophen: ['APAP'],
  aspirin: ['ASA'],
};

/**
 * The names in a word-list file: one a line; blank lines and comments are skipped. A comment starts
 * with `#` at the start of a line or after a space, followed by a space or the line end, so names
 * such as "Tylenol #3" stay whole.
 */
export function parseWordList(text: string): string[] {
  const names: string[] = [];
  for (const line of splitLines(text)) {
    const name = line.slice(0, commentStart(line)).trim();
    if (name) names.push(name);
  }
  return names;
}

/**
 * Where a word-list comment starts in a line (the line's length when it has none): the first `#`
 * at the line start or after white space, followed by white space or the line end, with no line
 * break after it. Found by scanning, not by a regular expression, so long lines cost linear time.
 */
function commentStart(line: string): number {
  const lastBreak = Math.max(line.lastIndexOf('\r'), line.lastIndexOf('\u2028'), line.lastIndexOf('\u2029'));
  for (let at = line.indexOf('#'); at >= 0; at = line.indexOf('#', at + 1)) {
    const before = at === 0 || isSpace(line.charCodeAt(at - 1));
    const after = at === line.length - 1 || (isSpace(line.charCodeAt(at + 1)) && lastBreak < at + 2);
    if (before && after) return at;
  }
  return line.length;
}

/** One governing topic as text: "CPMTG Opioids, p. 74-96", "ODG Pain: Tapentadol". */
export function describeTopic(topic: GoverningTopic): string {
  let text: string;
  if (topic.guideline === 'none') text = `No MTUS topic: ${topic.topic}`;
  else if (topic.chapter) text = `${topic.guideline} ${topic.chapter}: ${topic.topic}`;
  else text = `${topic.guideline} ${topic.topic}`;
  if (topic.pages) text += `, p. ${topic.approximate ? '~' : ''}${topic.pages}`;
  if (topic.note) text += ` (${topic.note})`;
  return text;
}

/** A data record as an entry, or undefined (with a problem said) when its kind or topics are unknown. */
export function toEntry(record: DrugRecord, ids: Set<string>, problems: string[]): DrugEntry | undefined {
  const kind = record.kind as DrugKind;
  if (!KINDS.includes(kind)) {
    problems.push(`${record.generic}: unknown kind "${record.kind}"`);
    return undefined;
  }
  const topics = record.governs.filter((t) => {
    const ok = GUIDELINES.includes(t.guideline) && typeof t.topic === 'string';
    if (!ok) problems.push(`${record.generic}: a governing topic has an unknown guideline or no topic`);
    return ok;
  });
  return {
    id: uniqueId(slug(record.generic), ids),
    generic: record.generic,
    genericIsDescription: record.genericIsDescription === true,
    brands: record.brands,
    aliases: record.aliases,
    ingredients: record.ingredients ?? [],
    kind,
    group: record.group ?? '',
    drugClass: record.class,
    topics,
    governs: topics.map(describeTopic).join('; '),
    note: record.note,
  };
}

/** Whether a data record has the fields an entry needs (a problem is said when not). */
export function validRecord(record: unknown, index: number, problems: string[]): boolean {
  const r = record as Partial<DrugRecord> | null;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const ok =
    typeof r === 'object' &&
    r !== null &&
    typeof r.generic === 'string' &&
    typeof r.kind === 'string' &&
    typeof r.class === 'string' &&
    strings(r.brands) &&
    strings(r.aliases) &&
    (r.ingredients === undefined || strings(r.ingredients)) &&
    Array.isArray(r.governs);
  if (!ok) problems.push(`drug record ${index} is malformed`);
  return ok;
}

/** Spellings of a combination that letters use but the data need not list: other order, "APAP". */
export function combinationVariants(entry: DrugEntry): string[] {
  if (entry.kind !== 'combination' || entry.ingredients.length < 2 || entry.genericIsDescription) return [];
  const orders = entry.ingredients.length === 2 ? [entry.ingredients, [...entry.ingredients].reverse()] : [entry.ingredients];
  const out: string[] = [];
  for (const order of orders) {
    let spellings: string[][] = [[]];
    for (const ingredient of order) {
      const forms = [ingredient, ...(INGREDIENT_SHORT_FORMS[ingredient] ?? [])];
      spellings = spellings.flatMap((prefix) => forms.map((f) => [...prefix, f]));
    }
    for (const parts of spellings) out.push(parts.join('/'));
  }
  return out;
}

/** A name as an id: lower case, runs of other characters as one hyphen. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'drug';
}

/** `base`, or `base-2`, `base-3` ... when taken; the id is added to `ids`. */
export function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}
