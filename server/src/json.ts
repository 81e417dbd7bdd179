import type { Citation, Decision, Item } from './model';
import type { Finding } from './checks/types';
import { DATE_FIELDS } from './parser/vocabulary';
import { LineIndex } from './text/lineIndex';

/**
 * The decision as JSON, in the shape other tools read (`imr-check --format json`). Field names
 * here are a contract: add fields, never rename or remove them.
 */
export function decisionToJson(decision: Decision, text: string, lines = new LineIndex(text)) {
  const range = (s: { start: number; end: number }) => lines.range(s.start, s.end);
  const field = (name: string) => decision.header?.fields.find((f) => f.name === name);
  const dates = datesOf(decision);
  return {
    layout: decision.layout,
    form: decision.form,
    caseNumber: field('caseNumber')?.value.text || null,
    dates,
    priority: field('priority')?.value.text || null,
    reviewer: { licensure: decision.reviewer.licensure, specialty: decision.reviewer.specialty },
    patient: decision.patient,
    diagnoses: decision.diagnoses.map((d) => d.text),
    sections: decision.sections.map((s) => ({ kind: s.kind, title: s.title, range: range(s) })),
    items: decision.items.map((item) => itemToJson(item, range)),
  };
}

/** The header's dates that are real calendar dates, ISO, by field name. */
export function datesOf(decision: Decision): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const name of DATE_FIELDS) {
    const iso = decision.header?.fields.find((f) => f.name === name)?.iso;
    if (iso) dates[name] = iso;
  }
  return dates;
}

function itemToJson(item: Item, range: (s: { start: number; end: number }) => unknown) {
  return {
    title: item.title.text,
    outcome: item.outcome,
    treatment: item.treatment.text,
    strength: item.strength,
    quantity: item.quantity,
    form: item.form,
    category: item.category,
    ...(item.request
      ? {
          request: {
            original: { text: item.request.original.text, range: range(item.request.original) },
            authorized: item.request.authorized
              ? { text: item.request.authorized.text, range: range(item.request.authorized) }
              : null,
            remaining: { text: item.request.remaining.text, range: range(item.request.remaining) },
          },
        }
      : {}),
    ...(item.retrospective ? { retrospective: true, serviceDate: item.serviceDate ?? null } : {}),
    citations: item.guidelines.flatMap((g) => g.citations.map((c) => citationToJson(c))),
    rationale: item.rationale
      ? { range: range(item.rationale.body), conclusion: item.rationale.conclusion }
      : null,
    range: range(item),
  };
}

function citationToJson(c: Citation) {
  return {
    by: c.by,
    source: c.source,
    mtus: c.mtus,
    guideline: c.guideline,
    topic: c.topic,
    ...(c.sections.length ? { sections: c.sections } : {}),
    pages: c.pages,
  };
}

/** Diagnostics as JSON (`diagnostics` in the CLI output). */
export function findingsToJson(findings: readonly Finding[], text: string, lines = new LineIndex(text)) {
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: lines.range(f.start, f.end),
  }));
}
