/**
 * The official text of one imported guideline, looked up by printed page: which pages mention a
 * topic, where its heading stands, and a trimmed excerpt for hovers. Pure.
 */
import type { ImportedGuideline, ImportedPage, Topic } from './mtusData';
import { normalizeName } from './mtusNames';
import { splitLines } from '../text/lineIndex';

/** Shortest name (normalised) that counts as a mention; shorter aliases ("PT") match too much prose. */
const MIN_TERM = 4;

/** Where a page of an imported PDF can be opened. */
export interface PageLink {
  /** The stored copy of the PDF. */
  file: string;
  /** One-based PDF page number (for `#page=N`). */
  pdfPage: number;
}

/** Read access to an imported guideline by printed page number. */
export class ImportedText {
  readonly pageCount: number | null;
  private readonly byPrinted = new Map<number, ImportedPage>();
  private readonly normalized = new Map<number, string>();
  private readonly mentionCache = new Map<Topic, number[]>();

  constructor(readonly imported: ImportedGuideline) {
    let highest = 0;
    for (const page of imported.pages) {
      if (page.printed === null || this.byPrinted.has(page.printed)) continue;
      this.byPrinted.set(page.printed, page);
      highest = Math.max(highest, page.printed);
    }
    this.pageCount = imported.pageCount ?? (highest > 0 ? highest : null);
  }

  /** The page printed with this number. */
  page(printed: number): ImportedPage | undefined {
    return this.byPrinted.get(printed);
  }

  /** Printed pages that mention the topic (its name or an alias), ascending. */
  mentions(topic: Topic): number[] {
    const cached = this.mentionCache.get(topic);
    if (cached) return cached;
    const terms = termsOf(topic);
    const pages: number[] = [];
    for (const printed of [...this.byPrinted.keys()].sort((a, b) => a - b)) {
      const text = this.normalizedText(printed);
      if (terms.some((t) => text.includes(` ${t} `))) pages.push(printed);
    }
    this.mentionCache.set(topic, pages);
    return pages;
  }

  /** Printed pages where a line starts with the topic's name or an alias (its heading). */
  headings(topic: Topic): number[] {
    const terms = termsOf(topic);
    const pages: number[] = [];
    for (const printed of this.mentions(topic)) {
      const lines = splitLines(this.byPrinted.get(printed)?.text ?? '');
      if (lines.some((line) => startsWithTerm(normalizeName(line), terms))) pages.push(printed);
    }
    return pages;
  }

  /** The page the PDF's table of contents gives for the topic, when it lists it. */
  contentsPage(topic: Topic): number | null {
    const terms = termsOf(topic);
    for (const entry of this.imported.contents) {
      if (startsWithTerm(normalizeName(entry.title), terms)) return entry.page;
    }
    return null;
  }

  /**
   * The page's text for a hover: from the topic's heading (or first mention) on, trimmed to about
   * `maxChars` at a word boundary. Null when the page was not imported.
   */
  excerpt(printed: number, topic: Topic | null, maxChars = 900): string | null {
    const page = this.byPrinted.get(printed);
    if (!page) return null;
    const lines = splitLines(page.text);
    let from = 0;
    if (topic) {
      const terms = termsOf(topic);
      const heading = lines.findIndex((line) => startsWithTerm(normalizeName(line), terms));
      const mention = lines.findIndex((line) => terms.some((t) => ` ${normalizeName(line)} `.includes(` ${t} `)));
      from = heading >= 0 ? heading : Math.max(mention, 0);
    }
    const text = lines.slice(from).join('\n').trim();
    if (text.length <= maxChars) return text;
    const cut = text.lastIndexOf(' ', maxChars);
    return `${text.slice(0, cut > maxChars / 2 ? cut : maxChars).trimEnd()} …`;
  }

  /** Where to open the printed page, when the store kept a copy of the PDF. */
  link(printed: number): PageLink | null {
    const page = this.byPrinted.get(printed);
    const file = this.imported.source.pdf;
    if (!page || !file) return null;
    return { file, pdfPage: page.pdfIndex + 1 };
  }

  private normalizedText(printed: number): string {
    let text = this.normalized.get(printed);
    if (text === undefined) {
      text = ` ${normalizeName(this.byPrinted.get(printed)?.text ?? '')} `;
      this.normalized.set(printed, text);
    }
    return text;
  }
}

/** The names that identify a topic in running text: name and aliases, with and without "(...)". */
function termsOf(topic: Topic): string[] {
  const terms = new Set<string>();
  for (const name of [topic.name, ...topic.aliases]) {
    for (const variant of [name, withoutParentheses(name)]) {
      const n = normalizeName(variant);
      if (n.length >= MIN_TERM) terms.add(n);
    }
  }
  return [...terms];
}

/**
 * The text with every "(...)" and the white space before it removed: "Baclofen (Lioresal)" →
 * "Baclofen". An unclosed "(" stays. Scanned with indexOf, so any text costs linear time.
 */
export function withoutParentheses(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', from)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    out += text.slice(from, open).trimEnd();
    from = close + 1;
  }
  return out + text.slice(from);
}

function startsWithTerm(line: string, terms: string[]): boolean {
  return terms.some((t) => line === t || line.startsWith(`${t} `));
}
