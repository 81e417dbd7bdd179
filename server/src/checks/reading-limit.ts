import type { Check } from './types';

/** The longest range the finding covers: the start of what was not read (or of the letter). */
const SHOWN = 120;

/**
 * The letter was read only in part. Past 2,000,000 characters, 200 section headings or 2,000 items
 * the parser stops reading, and a check stops after 500 problems (see `Decision.limits`): what
 * lies beyond is not checked, and this says so where the editor shows it.
 */
const check: Check = {
  code: 'reading-limit',
  description: 'The text is too large to be read whole: a part of it is not checked.',
  defaultSeverity: 'information',
  // Also on a text of no known layout, and after the other checks: their limits are known by then.
  anyLayout: true,
  afterOthers: true,
  *run({ text, decision }) {
    if (decision.limits.length === 0) return;
    // Where reading stopped; when only problems were cut short, the start of the letter.
    const start = decision.readTo < text.length ? decision.readTo : 0;
    let end = start;
    while (end < text.length && end - start < SHOWN && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    yield {
      start,
      end,
      message: `${decision.limits.join(' ')} Check a text this large as separate letters.`,
      data: { limits: [...decision.limits], readTo: decision.readTo },
    };
  },
};

export default check;
