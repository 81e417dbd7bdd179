import type { HeaderFieldName, Layout } from '../model';
import { FIELD_NAMES, headerField } from './header';
import type { Check } from './types';

const REQUIRED: Partial<Record<Layout, HeaderFieldName[]>> = {
  'final-determination': ['caseNumber', 'assigned', 'injury', 'decision', 'urDenial', 'priority', 'applicationReceived'],
  'maximus-2014': ['caseNumber', 'assigned', 'injury', 'decision', 'urDenial', 'priority', 'applicationReceived'],
  'notice-2013': ['caseNumber', 'decision', 'urDenial', 'injury', 'applicationReceived'],
};

/** The header block exists but lacks a field, or has it empty. */
const check: Check = {
  code: 'missing-header-field',
  description: 'The header block lacks a field (case number, dates, priority).',
  defaultSeverity: 'warning',
  *run({ decision }) {
    const header = decision.header;
    const required = REQUIRED[decision.layout];
    if (!header || !required) return;
    for (const name of required) {
      const field = headerField(decision, name);
      if (field && field.value.text) continue;
      const where = field ? field.label : { start: header.start, end: header.start + Math.min(1, header.end - header.start) };
      const first = header.fields[0];
      yield {
        start: field ? where.start : first.label.start,
        end: field ? where.end : first.label.end,
        message: field
          ? `The header field "${FIELD_NAMES[name]}" is empty. Fill in its value.`
          : `The header has no "${FIELD_NAMES[name]}" field. Add it to the header block.`,
        data: { field: name },
      };
    }
  },
};

export default check;
