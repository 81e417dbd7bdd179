/**
 * The facts of a decision a reader checks against the letter: case number, the five dates,
 * priority, the reviewer, the patient, and each item's title, outcome, treatment, category,
 * modified request, citations and conclusion. The golden file holds these for every real letter;
 * the PDF test compares them between a PDF and its text.
 */
import { datesOf } from '../../server/src/json';
import type { Decision } from '../../server/src/model';

export interface ItemFacts {
  title: string;
  outcome: string | null;
  treatment: string;
  category: string;
  conclusion: string | null;
  /** [by, guideline, pages] per citation, "by" shortened to "CA" / "MAX". */
  citations: Array<[string, string, number[]]>;
  request?: { original: string; authorized: string | null; remaining: string };
  retrospective?: { serviceDate: string | null };
}

export interface LetterFacts {
  caseNumber: string | null;
  dates: Record<string, string>;
  priority: string | null;
  licensure: string[];
  specialty: string[];
  patient: { age: number | null; sex: string | null };
  items: ItemFacts[];
}

/** The facts of a parsed letter. */
export function factsOf(d: Decision): LetterFacts {
  const field = (name: string) => d.header?.fields.find((f) => f.name === name);
  return {
    caseNumber: field('caseNumber')?.value.text || null,
    dates: datesOf(d),
    priority: field('priority')?.value.text || null,
    licensure: d.reviewer.licensure,
    specialty: d.reviewer.specialty,
    patient: { age: d.patient.age, sex: d.patient.sex },
    items: d.items.map((item) => {
      const facts: ItemFacts = {
        title: item.title.text,
        outcome: item.outcome,
        treatment: item.treatment.text,
        category: item.category,
        conclusion: item.rationale?.conclusion ?? null,
        citations: item.guidelines.flatMap((g) =>
          g.citations.map((c): [string, string, number[]] => [c.by === 'maximus' ? 'MAX' : 'CA', c.guideline, c.pages]),
        ),
      };
      if (item.request) {
        facts.request = { original: item.request.original.text, authorized: item.request.authorized?.text ?? null, remaining: item.request.remaining.text };
      }
      if (item.retrospective) facts.retrospective = { serviceDate: item.serviceDate ?? null };
      return facts;
    }),
  };
}
