import { itemCheck, type Check } from './types';

/** The strength or quantity restated in the rationale differs from the item title. */
const check = itemCheck({
  code: 'quantity-mismatch',
  description: 'The strength or quantity restated in the rationale differs from the item title.',
  defaultSeverity: 'warning',
  *runItem(_context, item) {
    for (const r of item.rationale?.restatements ?? []) {
      const strengthDiffers = !!(item.strength && r.strength && item.strength !== r.strength);
      const quantityDiffers = item.quantity !== null && r.quantity !== null && item.quantity !== r.quantity;
      if (!strengthDiffers && !quantityDiffers) continue;
      const parts: string[] = [];
      if (strengthDiffers) parts.push(`strength ${r.strength} (title: ${item.strength})`);
      if (quantityDiffers) parts.push(`quantity ${r.quantity} (title: ${item.quantity})`);
      yield {
        start: r.span.start,
        end: r.span.end,
        message: `The rationale restates the request with ${parts.join(' and ')}. Make the rationale and the title agree.`,
        related: [{ start: item.title.start, end: item.title.end, message: 'Item title' }],
        data: { strength: r.strength, quantity: r.quantity, titleStrength: item.strength, titleQuantity: item.quantity },
      };
    }
  },
});

export default check;
