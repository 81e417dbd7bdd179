/**
 * The registry of letter layouts, in the order detection tries their markers. To teach the parser
 * a new layout: write `layouts/<name>.ts` exporting a LayoutDef, add its name to the model's
 * `Layout`, and list it here.
 */
import type { Layout } from '../../model';
import type { HeadingDef } from '../headings';
import { finalDetermination } from './final-determination';
import { maximus2014 } from './maximus-2014';
import { notice2013 } from './notice-2013';
import { professionalReview } from './professional-review';
import type { LayoutDef } from './types';

export type { LayoutDef } from './types';

/** Every layout; the first whose marker a letter has is its layout (final determination last: it has none). */
export const LAYOUTS: readonly LayoutDef[] = [professionalReview, notice2013, maximus2014, finalDetermination];

/** Each layout's sections, in the order the layout puts them; all are required. */
export const LAYOUT_HEADINGS = Object.fromEntries(LAYOUTS.map((l) => [l.name, l.headings])) as Record<Exclude<Layout, 'unknown'>, HeadingDef[]>;

/** The layout registered under a name. */
export function layoutNamed(name: Exclude<Layout, 'unknown'>): LayoutDef {
  return LAYOUTS.find((l) => l.name === name)!;
}
