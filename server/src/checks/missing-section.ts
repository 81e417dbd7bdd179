import type { SectionKind } from '../model';
import { LAYOUT_HEADINGS, SECTION_NAMES } from '../parser/headings';
import type { Check } from './types';
import { headingText, lineStartAt } from './util';

/** A required section of the letter's layout is absent. */
const check: Check = {
  code: 'missing-section',
  description: "A required section of the letter's layout is absent.",
  defaultSeverity: 'error',
  *run({ decision, text }) {
    // The engine runs no check on a text of no known layout; this only tells the type so.
    if (decision.layout === 'unknown') return;
    const defs = LAYOUT_HEADINGS[decision.layout];
    const present = new Set<SectionKind>(decision.sections.map((s) => s.kind));
    for (let k = 0; k < defs.length; k++) {
      const def = defs[k];
      if (present.has(def.kind)) continue;
      // Point at the section that should follow it (where the heading would be inserted), else the end.
      const later = defs.slice(k + 1).map((d) => decision.sections.find((s) => s.kind === d.kind)).find(Boolean);
      const at = later ? later.start : text.length;
      const start = later ? later.heading.start : Math.max(0, lineStartAt(text, text.length));
      const end = later ? later.heading.end : text.length;
      const heading = headingText(def.text, def.colon, decision.form);
      const insert = later ? `${heading}\n\n` : `${text.endsWith('\n') ? '' : '\n'}\n${heading}\n`;
      yield {
        start,
        end,
        message: `The ${SECTION_NAMES[def.kind]} section ("${def.text}") is missing. Add it${later ? ' before this heading' : ' at the end'}.`,
        fixes: [{ title: `Insert the "${def.text}" heading`, edits: [{ start: at, end: at, newText: insert }], safe: false }],
        data: { kind: def.kind, heading: def.text },
      };
    }
  },
};

export default check;
