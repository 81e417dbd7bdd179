import { LAYOUT_HEADINGS, SECTION_NAMES } from '../parser/headings';
import type { Check } from './types';

/** Sections are out of the layout's order. */
const check: Check = {
  code: 'section-order',
  description: "Sections are out of the layout's order.",
  defaultSeverity: 'warning',
  *run({ decision }) {
    // The engine runs no check on a text of no known layout; this only tells the type so.
    if (decision.layout === 'unknown') return;
    const order = LAYOUT_HEADINGS[decision.layout].map((d) => d.kind);
    let previous: (typeof decision.sections)[number] | undefined;
    const seen = new Set<string>();
    for (const section of decision.sections) {
      const rank = order.indexOf(section.kind);
      if (rank < 0 || seen.has(section.kind)) continue; // summaries and duplicates have their own rules
      seen.add(section.kind);
      if (previous && order.indexOf(previous.kind) > rank) {
        yield {
          start: section.heading.start,
          end: section.heading.end,
          message: `The ${SECTION_NAMES[section.kind]} section should come before the ${SECTION_NAMES[previous.kind]} section.`,
          related: [{ start: previous.heading.start, end: previous.heading.end, message: 'This section should come after it' }],
          data: { kind: section.kind, after: previous.kind },
        };
        continue;
      }
      previous = section;
    }
  },
};

export default check;
