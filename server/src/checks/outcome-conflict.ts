import { itemName } from './item';
import { itemCheck, type Check } from './types';

/** The rationale concludes the opposite of the item's outcome. */
const check = itemCheck({
  code: 'outcome-conflict',
  description: "The rationale's conclusion contradicts the item's outcome.",
  defaultSeverity: 'error',
  *runItem(_context, item) {
    const r = item.rationale;
    if (!r?.conclusion || !r.conclusionSpan || !item.outcome || item.outcome === 'partially-overturned') return;
    const conflict =
      (item.outcome === 'upheld' && r.conclusion === 'medically-necessary') ||
      (item.outcome === 'overturned' && r.conclusion === 'not-medically-necessary');
    if (!conflict) return;
    const said = r.conclusion === 'medically-necessary' ? 'medically necessary' : 'not medically necessary';
    const means = item.outcome === 'upheld' ? 'not medically necessary' : 'medically necessary';
    const anchor = item.outcomeSpan ?? item.title;
    yield {
      start: r.conclusionSpan.start,
      end: r.conclusionSpan.end,
      message: `The rationale concludes the request is ${said}, but ${itemName(item)} is ${item.outcome} (${means}). Correct the outcome or the conclusion.`,
      related: [{ start: anchor.start, end: anchor.end, message: `Outcome: ${item.outcome}` }],
      data: { outcome: item.outcome, conclusion: r.conclusion },
    };
  },
});

export default check;
