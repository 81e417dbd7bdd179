import { sentences } from '../parser/rationale';
import { itemName } from './item';
import { itemCheck, type Check } from './types';

/** The rationale never says whether the request is medically necessary (letter 002 is such a case). */
const check = itemCheck({
  code: 'missing-conclusion',
  description: 'The rationale never states whether the request is medically necessary.',
  defaultSeverity: 'hint',
  *runItem(_context, item) {
    const r = item.rationale;
    if (!r || r.conclusion || !r.body.text.trim()) return;
    // Point at the last sentence, where a conclusion is expected.
    const all = sentences(r.body.text);
    const last = all[all.length - 1];
    const lead = last ? /^["'”’)\s]*/.exec(r.body.text.slice(last[0], last[1]))![0].length : 0;
    const from = last ? r.body.start + last[0] + lead : r.body.start;
    yield {
      start: Math.min(from, r.body.end),
      end: r.body.end,
      message: `The rationale of ${itemName(item)} does not state a conclusion. End it with "the request ... is (not) medically necessary".`,
    };
  },
});

export default check;
