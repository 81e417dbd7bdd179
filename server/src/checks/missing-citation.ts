import { fieldLabel } from '../parser/vocabulary';
import { itemAnchor, itemName } from './item';
import { eolOf, labelText, lineStartAt } from './util';
import { itemCheck, type Check, type Fix } from './types';

const LABELS = {
  'claims-administrator': fieldLabel('claims-administrator'),
  maximus: fieldLabel('maximus'),
} as const;

/** An item has no guideline basis line (or an empty one). */
const check = itemCheck({
  code: 'missing-citation',
  description: 'A disputed item has no guideline basis line, or an empty one.',
  defaultSeverity: 'warning',
  *runItem({ decision, text }, item) {
    const eol = eolOf(text);
    const labelled = decision.layout === 'final-determination' || decision.layout === 'maximus-2014';
    for (const by of ['claims-administrator', 'maximus'] as const) {
      if (!labelled && by === 'claims-administrator') continue;
      const line = item.guidelines.find((g) => g.by === by);
      if (line && (line.citations.length > 0 || line.citesNothing)) continue;
      if (line && line.value.text.trim()) {
        yield {
          start: line.value.start,
          end: line.value.end,
          message: `The ${LABELS[by]} line of ${itemName(item)} names no guideline. Cite the guideline, topic and page(s), e.g. "Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65."`,
          data: { by },
        };
        continue;
      }
      const fixes: Fix[] = [];
      if (!line && labelled) {
        // Insert before the next label of the item, on its own line.
        const next = by === 'claims-administrator' ? item.guidelines[0]?.label ?? item.rationale?.label : item.rationale?.label;
        if (next) {
          const at = lineStartAt(text, next.start);
          const gap = decision.form === 'plain' ? eol : eol + eol;
          fixes.push({ title: `Insert a "${LABELS[by]}" line`, edits: [{ start: at, end: at, newText: `${labelText(LABELS[by], decision.form)} ${gap}` }] });
        }
      }
      const anchor = line ? line.label : itemAnchor(item);
      yield {
        start: anchor.start,
        end: anchor.end,
        message: line
          ? `The ${LABELS[by]} line of ${itemName(item)} is empty. Cite the guideline relied upon.`
          : `${itemName(item)} has no "${LABELS[by]}" line. Add the guideline basis.`,
        fixes,
        data: { by },
      };
    }
  },
});

export default check;
