import { OUTCOME_NAMES } from '../parser/vocabulary';
import { itemAnchor, itemName } from './item';
import { itemCheck, type Check, type Fix } from './types';

/** A disputed item has no outcome. */
const check = itemCheck({
  code: 'missing-outcome',
  description: 'A disputed item has no outcome.',
  defaultSeverity: 'error',
  *runItem({ text }, item) {
    if (item.outcome || item.outcomeSpan) return;
    const at = itemAnchor(item);
    const fixes: Fix[] = [];
    if (item.title.text) {
      // Insert after the title (and its colon and closing markup, when present).
      let end = item.title.end;
      const tail = /^\s*:?(\*\*|__)?/.exec(text.slice(end, end + 6));
      if (tail) end += tail[0].length;
      const colon = /:/.test(text.slice(item.title.end, end)) ? '' : ':';
      const { upheld, overturned } = OUTCOME_NAMES;
      const suggested = item.rationale?.conclusion === 'medically-necessary' ? overturned : item.rationale?.conclusion ? upheld : undefined;
      for (const outcome of [upheld, overturned]) {
        fixes.push({
          title: `Add the outcome "${outcome}"`,
          edits: [{ start: end, end, newText: `${colon} ${outcome}` }],
          preferred: outcome === suggested,
        });
      }
    }
    yield {
      start: at.start,
      end: at.end,
      message: `${itemName(item)} has no outcome. End the title line with ": Upheld" or ": Overturned".`,
      fixes,
    };
  },
});

export default check;
