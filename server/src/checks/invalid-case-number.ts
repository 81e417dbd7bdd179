import { headerField } from './header';
import type { Check, Fix } from './types';

const FORM = /^CM\d{2}-\d{7}$/;
/**
 * Forms that can be corrected without guessing: case, a missing or odd separator. A space as the
 * separator is part of the white space run (one `\s*`, so the expression cannot backtrack badly).
 */
const FIXABLE = /^cm\s*(\d{2})\s*(?:[-–—_]\s*)?(\d{7})$/i;

/** The case number is not of the form CMyy-nnnnnnn, or its year disagrees with the date assigned. */
const check: Check = {
  code: 'invalid-case-number',
  description: 'The case number is not of the form CMyy-nnnnnnn, or its year disagrees with the date assigned.',
  defaultSeverity: 'error',
  otherSeverity: { severity: 'warning', when: "the number's form is right but its year disagrees with the dates" },
  *run({ decision }) {
    const field = headerField(decision, 'caseNumber');
    if (!field || !field.value.text) return;
    const value = field.value;
    if (!FORM.test(value.text)) {
      const m = FIXABLE.exec(value.text);
      const fixes: Fix[] = [];
      if (m) {
        const fixed = `CM${m[1]}-${m[2]}`;
        fixes.push({ title: `Change to ${fixed}`, edits: [{ start: value.start, end: value.end, newText: fixed }], safe: true, preferred: true });
      }
      yield {
        start: value.start,
        end: value.end,
        message: `"${value.text}" is not a case number of the form CMyy-nnnnnnn (e.g. CM15-0027300).`,
        fixes,
        data: { value: value.text },
      };
      return;
    }
    // The year in the case number is the year the application was assigned (or received, around New Year).
    const year = value.text.slice(2, 4);
    const years = ['assigned', 'applicationReceived']
      .map((n) => headerField(decision, n as 'assigned')?.iso?.slice(2, 4))
      .filter((y): y is string => !!y);
    if (years.length && !years.includes(year)) {
      const assigned = headerField(decision, 'assigned');
      yield {
        severity: 'warning',
        start: value.start + 2,
        end: value.start + 4,
        message: `The case number's year (20${year}) disagrees with the date assigned (${assigned?.value.text ?? 'absent'}).`,
        related: assigned ? [{ start: assigned.value.start, end: assigned.value.end, message: 'Date assigned' }] : [],
        data: { value: value.text, year },
      };
    }
  },
};

export default check;
