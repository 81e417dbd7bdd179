import { OUTCOME_NAMES } from '../parser/vocabulary';
import { editDistance } from '../text/distance';
import { itemCheck, type Check, type Fix } from './types';

const KNOWN = Object.values(OUTCOME_NAMES);

/** An item's outcome is not Upheld / Overturned / Partially Overturned. */
const check = itemCheck({
  code: 'unknown-outcome',
  description: "A disputed item's outcome is not Upheld, Overturned or Partially Overturned.",
  defaultSeverity: 'error',
  *runItem(_context, item) {
    const span = item.outcomeSpan;
    if (item.outcome || !span) return;
    const ranked = KNOWN.map((k) => ({ k, d: editDistance(span.text.toLowerCase(), k.toLowerCase()) })).sort((a, b) => a.d - b.d);
    const near = ranked.filter((r) => r.d <= Math.max(2, Math.floor(r.k.length / 3)));
    const fixes: Fix[] = near.map((r, i) => ({
      title: `Change to "${r.k}"`,
      edits: [{ start: span.start, end: span.end, newText: r.k }],
      preferred: i === 0,
      safe: near.length === 1 && r.d === 1,
    }));
    yield {
      start: span.start,
      end: span.end,
      message: `"${span.text}" is not an outcome. Use Upheld, Overturned or Partially Overturned${near.length ? ` (did you mean ${near[0].k}?)` : ''}.`,
      fixes,
      data: { value: span.text },
    };
  },
});

export default check;
