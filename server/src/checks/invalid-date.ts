import { FIELD_NAMES } from './header';
import type { Check } from './types';

const DATE_FIELDS = new Set(['assigned', 'injury', 'decision', 'urDenial', 'applicationReceived']);

/** A header date that is not a real calendar date. */
const check: Check = {
  code: 'invalid-date',
  description: 'A header date is not a real calendar date.',
  defaultSeverity: 'error',
  *run({ decision }) {
    for (const field of decision.header?.fields ?? []) {
      if (!DATE_FIELDS.has(field.name) || !field.value.text || field.iso) continue;
      yield {
        start: field.value.start,
        end: field.value.end,
        message: `"${field.value.text}" (${FIELD_NAMES[field.name]}) is not a real calendar date. Write it as MM/DD/YYYY.`,
        data: { field: field.name, value: field.value.text },
      };
    }
  },
};

export default check;
