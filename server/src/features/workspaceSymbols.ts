/**
 * Workspace symbols across the decision letters of the open folder: one symbol per letter (named
 * by its case number) and one per disputed item ("Norco 10/325mg quantity 180: Upheld"). A query
 * matches case numbers, item titles, drug names (brand or generic) and outcomes.
 */
import { SymbolKind, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import type { Outcome } from '../model';
import { OUTCOME_LABELS, caseNumberOf, collapse, itemLabel, type LetterDocument } from './document';
import { decisionSummary, outcomesText } from './summary';

/** What the workspace index keeps of one letter: small, so thousands of letters fit. */
export interface IndexedLetter {
  uri: string;
  caseNumber: string | null;
  /** Case number, else the file name. */
  name: string;
  /** "3 items: 3 upheld". */
  detail: string;
  range: Range;
  items: IndexedItem[];
}

export interface IndexedItem {
  title: string;
  outcome: Outcome | null;
  /** The generic name when the lexicon knows the drug and the title does not say it. */
  generic: string | null;
  /** Every name the drug goes by (lower case), for matching. */
  names: string[];
  range: Range;
}

/** Most symbols answered for one query. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** Indexes one letter (a text that is not a letter gives an entry with no items). */
export function indexLetter(uri: string, doc: LetterDocument, knowledge?: Knowledge): IndexedLetter {
  const caseNumber = caseNumberOf(doc);
  const decision = doc.analysis.decision;
  const at = decision.header ?? decision.sections[0] ?? { start: 0, end: 0 };
  const letter: IndexedLetter = {
    uri,
    caseNumber,
    name: caseNumber ?? fileName(uri),
    detail: outcomesText(decisionSummary(doc)),
    range: doc.lines.range(at.start, at.start),
    items: [],
  };
  for (const item of decision.items) {
    const title = itemLabel(item);
    const entry = knowledge?.drugs.lookup(collapse(item.treatment.text));
    const names = entry ? [entry.generic, ...entry.brands].map((n) => n.toLowerCase()) : [];
    const generic = entry && !title.toLowerCase().includes(entry.generic.toLowerCase()) ? entry.generic : null;
    const selection = item.title.text ? item.title : { start: item.start, end: item.start };
    letter.items.push({ title, outcome: item.outcome, generic, names, range: doc.lines.range(selection.start, selection.end) });
  }
  return letter;
}

/**
 * The symbols matching a query: every word of the query must occur (case-insensitively) in the
 * case number, file name, item title, outcome or drug names. An empty query lists every letter
 * and item, up to the limit.
 */
export function workspaceSymbols(letters: readonly IndexedLetter[], query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (haystack: string) => words.every((w) => haystack.includes(w));
  const out: SymbolInformation[] = [];
  for (const letter of letters) {
    if (out.length >= limit) break;
    const letterText = `${letter.name} ${letter.caseNumber ?? ''} ${fileName(letter.uri)}`.toLowerCase();
    if (matches(letterText)) {
      out.push({
        name: letter.name,
        kind: SymbolKind.File,
        location: { uri: letter.uri, range: letter.range },
        containerName: letter.detail,
      });
    }
    for (const item of letter.items) {
      if (out.length >= limit) break;
      const outcome = item.outcome ? OUTCOME_LABELS[item.outcome] : '';
      const haystack = `${item.title} ${outcome} ${item.names.join(' ')} ${letterText}`.toLowerCase();
      if (!matches(haystack)) continue;
      // The name carries what people search by (outcome, generic name): editors filter on it again.
      const name = `${item.title}${outcome ? `: ${outcome}` : ''}${item.generic ? ` · ${item.generic}` : ''}`;
      out.push({
        name,
        kind: SymbolKind.Class,
        location: { uri: letter.uri, range: item.range },
        containerName: letter.name,
      });
    }
  }
  return out;
}

/** The last path segment of a uri, decoded. */
export function fileName(uri: string): string {
  const query = uri.search(/[?#]/);
  const path = query < 0 ? uri : uri.slice(0, query);
  const last = path.split('/').filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
