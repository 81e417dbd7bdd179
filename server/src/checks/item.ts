import type { Item, Span } from '../model';

/** Where to point at an item as a whole: its title, or its first label when it has no title. */
export function itemAnchor(item: Item): Span {
  if (item.title.text) return item.title;
  const first = item.guidelines[0]?.label ?? item.rationale?.label;
  return first ?? item.title;
}

/** The name of an item for messages. */
export function itemName(item: Item): string {
  return item.title.text ? `"${item.title.text}"` : 'This item';
}
