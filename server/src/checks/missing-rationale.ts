import { fieldLabel } from '../parser/vocabulary';
import { itemAnchor, itemName } from './item';
import { eolOf, labelText, lineEndAt } from './util';
import { itemCheck, type Check, type Fix } from './types';

/** An item has no decision rationale, or an empty one. */
const check = itemCheck({
  code: 'missing-rationale',
  description: 'A disputed item has no decision rationale, or an empty one.',
  defaultSeverity: 'error',
  *runItem({ decision, text }, item) {
    const eol = eolOf(text);
    const labelled = decision.layout === 'final-determination' || decision.layout === 'maximus-2014';
    const rationale = item.rationale;
    if (rationale && rationale.body.text.trim()) return;
    const empty = !!rationale;
    const at = empty && rationale.label ? rationale.label : itemAnchor(item);
    const fixes: Fix[] = [];
    if (!empty && labelled) {
      // Insert the label on a new line after the item's last line.
      const end = lineEndAt(text, item.end);
      const gap = decision.form === 'plain' ? eol : eol + eol;
      fixes.push({
        title: 'Insert a "Decision rationale:" label',
        edits: [{ start: end, end, newText: `${gap}${labelText(fieldLabel('rationale'), decision.form)} ` }],
        preferred: true,
      });
    }
    yield {
      start: at.start,
      end: at.end,
      message: empty
        ? `The decision rationale of ${itemName(item)} is empty. Explain why the request is or is not medically necessary.`
        : `${itemName(item)} has no decision rationale. Add a "Decision rationale:" paragraph.`,
      fixes,
    };
  },
});

export default check;
