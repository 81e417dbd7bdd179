import type { Item, Layout, Section } from '../../model';
import type { HeadingDef } from '../headings';
import type { LetterSource } from '../source';

/** One letter layout: its sections in order, what marks it, and how its items are read. */
export interface LayoutDef {
  name: Exclude<Layout, 'unknown'>;
  /** The layout's sections, in the order the layout puts them; all are required. */
  headings: HeadingDef[];
  /**
   * Heading keys that mark this layout by themselves (a key equal to one, or starting with one
   * followed by a colon). Layouts are tried in the registry's order; the first marked wins.
   */
  markers: readonly string[];
  /** Sections that have no heading of their own (the 2013 notice's numbered summary). */
  addSections?(src: LetterSource, sections: Section[]): void;
  /** The disputed items. */
  readItems(src: LetterSource, sections: Section[]): Item[];
}
