/**
 * `imr-check --format csv`: one row per disputed item, for spreadsheets and databases. RFC 4180:
 * fields separated by commas, rows ended by CRLF, a field quoted (inner quotes doubled) when it
 * holds a comma, a quote or a line break. The column names are a contract: add columns at the end,
 * never rename or remove them.
 */
import type { Citation, Decision, Item } from './model';

/** The header row's column names, in order. */
export const CSV_COLUMNS = [
  'file',
  'case_number',
  'date_assigned',
  'date_of_injury',
  'decision_date',
  'ur_denial_date',
  'application_received',
  'reviewer_licensure',
  'reviewer_specialty',
  'patient_age',
  'patient_sex',
  'category',
  'title',
  'treatment',
  'outcome',
  'request_original',
  'request_authorized',
  'request_remaining',
  'retrospective',
  'service_date',
  'claims_administrator_guidelines',
  'maximus_guidelines',
  'conclusion',
  'findings',
] as const;

const DATES = ['assigned', 'injury', 'decision', 'urDenial', 'applicationReceived'] as const;

/** The header row, ended by CRLF. */
export function csvHeader(): string {
  return csvRow([...CSV_COLUMNS]);
}

/** One CSV row per item of the decision (none for a letter without items), each ended by CRLF. */
export function decisionToCsv(file: string, decision: Decision, findings: number): string {
  const fields = decision.header?.fields ?? [];
  const valueOf = (name: string) => fields.find((f) => f.name === name);
  const dates = DATES.map((name) => valueOf(name)?.iso ?? valueOf(name)?.value.text ?? '');
  const letter = [
    file,
    valueOf('caseNumber')?.value.text ?? '',
    ...dates,
    decision.reviewer.licensure.join('; '),
    decision.reviewer.specialty.join('; '),
    decision.patient.age === null ? '' : String(decision.patient.age),
    decision.patient.sex ?? '',
  ];
  let out = '';
  for (const item of decision.items) out += csvRow([...letter, ...itemFields(item), String(findings)]);
  return out;
}

function itemFields(item: Item): string[] {
  const citations = item.guidelines.flatMap((g) => g.citations);
  return [
    item.category,
    item.title.text,
    item.treatment.text,
    item.outcome ?? '',
    item.request?.original.text ?? '',
    item.request?.authorized?.text ?? '',
    item.request?.remaining.text ?? '',
    item.retrospective ? 'yes' : '',
    item.serviceDate ?? '',
    citationsText(citations.filter((c) => c.by === 'claims-administrator')),
    citationsText(citations.filter((c) => c.by === 'maximus')),
    item.rationale?.conclusion ?? '',
  ];
}

/** Citations as "MTUS Chronic Pain Medical Treatment Guidelines p. 65-66; ODG Pain", one after the other. */
function citationsText(citations: readonly Citation[]): string {
  return citations.map(citationText).join('; ');
}

function citationText(c: Citation): string {
  let text = c.source === 'other' || c.guideline.includes(c.source) ? c.guideline : `${c.source} ${c.guideline}`;
  if (c.topic) text += ` (${c.topic})`;
  if (c.pages.length > 0) text += ` p. ${pagesText(c.pages)}`;
  return text;
}

/** Pages as ranges: [76, 77, 78, 79, 82] → "76-79, 82". */
function pagesText(pages: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < pages.length) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}-${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** One RFC 4180 row. */
export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function csvField(value: string): string {
  let needsQuotes = false;
  for (const ch of value) {
    if (ch === ',' || ch === '"' || ch === '\n' || ch === '\r') needsQuotes = true;
  }
  return needsQuotes ? `"${value.split('"').join('""')}"` : value;
}
