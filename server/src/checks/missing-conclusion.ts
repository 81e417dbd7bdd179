import { itemName } from './item';
import type { Check } from './types';

/** The rationale never says whether the request is medically necessary (letter 002 is such a case). */
const check: Check = {
  code: 'missing-conclusion',
  description: 'The rationale never states whether the request is medically necessary.',
  defaultSeverity: 'hint',
  *run({ decision }) {
    for (const item of decision.items) {
      const r = item.rationale;
      if (!r || r.conclusion || !r.body.text.trim()) continue;
      // Point at the last sentence, where a conclusion is expected.
      const text = r.body.text;
      const lastStop = text.slice(0, -1).search(/[.!?][^.!?]*$/);
      const from = lastStop >= 0 ? r.body.start + lastStop + 1 : r.body.start;
      yield {
        start: Math.min(from, r.body.end),
        end: r.body.end,
        message: `The rationale of ${itemName(item)} does not state a conclusion. End it with "the request ... is (not) medically necessary".`,
      };
    }
  },
};

export default check;
