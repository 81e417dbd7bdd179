import { SECTION_NAMES } from '../parser/headings';
import type { Check } from './types';

/** A section appears twice. */
const check: Check = {
  code: 'duplicate-section',
  description: 'A section appears more than once.',
  defaultSeverity: 'warning',
  *run({ decision }) {
    const first = new Map<string, { start: number; end: number }>();
    for (const section of decision.sections) {
      const seen = first.get(section.kind);
      if (!seen) {
        first.set(section.kind, section.heading);
        continue;
      }
      yield {
        start: section.heading.start,
        end: section.heading.end,
        message: `The ${SECTION_NAMES[section.kind]} section appears a second time. Merge it into the first one.`,
        related: [{ start: seen.start, end: seen.end, message: 'First occurrence' }],
        data: { kind: section.kind },
      };
    }
  },
};

export default check;
