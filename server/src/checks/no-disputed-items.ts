import type { Check } from './types';

/** The issues section names no disputed item. */
const check: Check = {
  code: 'no-disputed-items',
  description: 'The issues section names no disputed item.',
  defaultSeverity: 'error',
  *run({ decision }) {
    if (decision.items.length > 0) return;
    const issues = decision.sections.find((s) => s.kind === 'issues');
    if (!issues) return; // missing-section reports the absent section
    yield {
      start: issues.heading.start,
      end: issues.heading.end,
      message: 'This section names no disputed item. Add each item as "Title: Upheld" or "Title: Overturned" with its guideline lines and rationale.',
    };
  },
};

export default check;
