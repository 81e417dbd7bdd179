import type { Decision, HeaderField, HeaderFieldName } from '../model';

/** Human names of header fields, for messages. */
export const FIELD_NAMES: Record<HeaderFieldName, string> = {
  caseNumber: 'Case Number',
  assigned: 'Date Assigned',
  injury: 'Date of Injury',
  decision: 'Decision Date',
  urDenial: 'UR Denial Date',
  applicationReceived: 'Application Received',
  priority: 'Priority',
  claimNumber: 'Claim Number',
};

/** The first header field of a name, if the letter has it. */
export function headerField(decision: Decision, name: HeaderFieldName): HeaderField | undefined {
  return decision.header?.fields.find((f) => f.name === name);
}
