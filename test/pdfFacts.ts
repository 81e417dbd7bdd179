/**
 * The facts of a letter that must not depend on how its text was got (issue #12: a PDF read by
 * pdf.js, pypdf or poppler gives the same model), and their differences as short keys
 * ("caseNumber", "dates", "items", "item 3 citations") for tests that compare extractions.
 */
import { decisionToJson } from '../server/src/json';
import { parse } from '../server/src/parser/parse';

/** The compared facts of a letter's text. */
export function letterFacts(text: string) {
  const json = decisionToJson(parse(text), text);
  return {
    caseNumber: json.caseNumber,
    dates: json.dates,
    reviewer: json.reviewer,
    items: json.items.map((i) => ({
      title: i.title,
      outcome: i.outcome,
      treatment: i.treatment,
      citations: i.citations.map((c) => [c.by, c.guideline, c.pages]),
      conclusion: i.rationale ? i.rationale.conclusion : null,
    })),
  };
}

export type LetterFacts = ReturnType<typeof letterFacts>;

/** Where two letters' facts differ: one key and the two values for each fact that differs. */
export function factDifferences(a: LetterFacts, b: LetterFacts): Array<{ fact: string; a: string; b: string }> {
  const out: Array<{ fact: string; a: string; b: string }> = [];
  const compare = (fact: string, x: unknown, y: unknown) => {
    const sx = JSON.stringify(x);
    const sy = JSON.stringify(y);
    if (sx !== sy) out.push({ fact, a: sx, b: sy });
  };
  compare('caseNumber', a.caseNumber, b.caseNumber);
  compare('dates', a.dates, b.dates);
  compare('reviewer', a.reviewer, b.reviewer);
  if (a.items.length !== b.items.length) {
    compare('items', a.items.map((i) => i.title), b.items.map((i) => i.title));
    return out;
  }
  a.items.forEach((item, n) => {
    for (const key of ['title', 'outcome', 'treatment', 'citations', 'conclusion'] as const) compare(`item ${n + 1} ${key}`, item[key], b.items[n][key]);
  });
  return out;
}
