import type { HeaderFieldName } from '../model';
import { FIELD_NAMES, headerField } from './header';
import type { Check } from './types';

/** Pairs that must be in order: the first on or before the second. */
const ORDER: Array<[HeaderFieldName, HeaderFieldName]> = [
  ['injury', 'urDenial'],
  ['urDenial', 'applicationReceived'],
  ['applicationReceived', 'assigned'],
  ['assigned', 'decision'],
];

/** Header dates out of order (injury after UR denial, ..., decision before assignment). */
const check: Check = {
  code: 'date-order',
  description: 'Header dates are out of order.',
  defaultSeverity: 'warning',
  *run({ decision }) {
    for (const [earlier, later] of ORDER) {
      const a = headerField(decision, earlier);
      const b = headerField(decision, later);
      if (!a?.iso || !b?.iso || a.iso <= b.iso) continue;
      yield {
        start: b.value.start,
        end: b.value.end,
        message: `${FIELD_NAMES[later]} (${b.value.text}) is before ${FIELD_NAMES[earlier]} (${a.value.text}); it should not be.`,
        related: [{ start: a.value.start, end: a.value.end, message: FIELD_NAMES[earlier] }],
        data: { earlier, later },
      };
    }
  },
};

export default check;
