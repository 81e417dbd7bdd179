/**
 * A disputed item from its title: the title read into treatment, strength and quantity (the
 * remaining part of a modified request), whether it is retrospective, and its category.
 */
import type { Item, Outcome, Span } from '../model';
import { categoryOf } from './category';
import { readRequest } from './request';
import { parseTitle } from './title';

/** A new item with no fields yet; `end` is where its title (or outcome) ends. */
export function newItem(source: string, title: Span, outcomeSpan: Span | null, outcome: Outcome | null, end: number): Item {
  // The title's parts are read once, by retitle (a modified request's treatment is its remaining part).
  const item: Item = {
    title,
    treatment: title,
    form: null,
    strength: null,
    strengthSpan: null,
    quantity: null,
    quantitySpan: null,
    outcome,
    outcomeSpan,
    guidelines: [],
    rationale: null,
    category: 'other',
    start: title.text ? title.start : (outcomeSpan?.start ?? title.start),
    end,
  };
  retitle(item, source);
  return item;
}

/** Reads (again) what the title says: after a title is set or replaced. */
export function retitle(item: Item, source: string): void {
  const read = readRequest(item.title, source);
  Object.assign(item, parseTitle(read.subject, source));
  delete item.request;
  delete item.retrospective;
  delete item.serviceDate;
  if (read.request) item.request = read.request;
  if (read.retrospective) item.retrospective = true;
  if (read.serviceDate) item.serviceDate = read.serviceDate;
  item.category = categoryOf(item);
}
