/**
 * Incremental analysis: after an edit inside one disputed item (its fields, or its title when the
 * item still opens the same way), the parser reads that item again (parser/incremental.ts) and only
 * its checks run again; after an edit outside the issues sections (the case summary, the header)
 * no item is read again. Every other item's findings are kept (moved by the edit's length when they
 * stand after it), the line checks read again the edited lines (the item's, or the edit's) and two
 * lines around them, and the checks of the letter as a whole run again (they read the header and
 * the sections: little). Any other edit is read whole (`analyze`). The result is always the one
 * `analyze` gives the same text (test/unit/incremental.test.ts checks it edit by edit).
 */
import { CHECKS } from './checks';
import { checkContext } from './checks/facts';
import { letterDate } from './checks/mtusCitations';
import type { Finding } from './checks/types';
import { analyze, finish, MAX_FINDINGS_PER_CHECK, runChecks, type AnalyzeOptions, type Analysis, type FindingParts, type RuleLevels } from './engine';
import { defaultKnowledge } from './knowledge';
import type { Decision } from './model';
import { reparseItem, type TextChange } from './parser/incremental';
import { shifted } from './text/shift';

/**
 * How a `reanalyze` went, for the bench and the tests: one item read again (`item`), no item read
 * again (`letter`: an edit in the header or a section other than the issues), or the whole text.
 */
export type ReanalyzePath = 'item' | 'letter' | 'whole';

/** The analysis of `text`, an edited version of `previous.text`, reading again only what the edit can change. */
export function reanalyze(previous: Analysis, text: string, options: AnalyzeOptions = {}): Analysis & { path: ReanalyzePath } {
  const reused = reuse(previous, text, options);
  if (!reused) return Object.assign(analyze(text, options), { path: 'whole' as const });
  return Object.assign(reused.analysis, { path: reused.item >= 0 ? ('item' as const) : ('letter' as const) });
}

function reuse(previous: Analysis, text: string, options: AnalyzeOptions): { analysis: Analysis; item: number } | undefined {
  const knowledge = options.knowledge ?? defaultKnowledge();
  const rules = options.rules ?? {};
  const checks = options.checks ?? CHECKS;
  const old = previous.parts;
  if (!old || previous.failures.length > 0 || old.knowledge !== knowledge || old.checks !== checks || !sameRules(old.rules, rules)) return undefined;
  const re = reparseItem(previous.decision, previous.text, text);
  if (!re || !sameLetterFacts(previous.decision, re.decision)) return undefined;
  const parts: FindingParts = { letter: [], items: [], lines: [], knowledge, rules, checks };
  const delta = re.change.newEnd - re.change.oldEnd;
  // Every other item's findings are kept: moved when the item stands after the edit.
  const before = previous.decision.items;
  parts.items = old.items.map((found, i) => (i === re.item ? [] : before[i].start < re.change.start ? found : shifted(found, delta)));
  const lines = linesAround(text, re.window);
  // The letter checks, the item checks on the item read again, the line checks on its lines; a
  // failing check is left to the whole reading, which reports it as `analyze` does.
  if (runChecks(checkContext(text, re.decision, parts.knowledge), parts, { item: re.item, lines }).length > 0) return undefined;
  // The line checks' findings outside the lines read again: kept, or moved by the edit's length.
  const oldTo = lines.to - delta;
  for (const f of old.lines) {
    if (f.start < lines.from) parts.lines.push(f);
    else if (f.start >= oldTo) parts.lines.push(shifted(f, delta));
  }
  if (re.decision.limits.length > 0 || overBudget(parts)) return undefined;
  return { analysis: finish(text, re.decision, parts, []), item: re.item };
}

/**
 * The lines a line check reads again: the item's window and two lines on either side (a line
 * check reads two lines around each line), in the new text.
 */
function linesAround(text: string, window: TextChange): { from: number; to: number } {
  let from = window.start;
  for (let n = 0; n < 2 && from > 0; n++) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = window.newEnd;
  for (let n = 0; n < 2 && to < text.length; n++) {
    const nl = text.indexOf('\n', to);
    to = nl < 0 ? text.length : nl + 1;
  }
  return { from, to };
}

/** Whether a check has more findings than a whole reading keeps (it would cut them and say so). */
function overBudget(parts: FindingParts): boolean {
  const counts = new Map<string, number>();
  const count = (found: Finding[]) => {
    for (const f of found) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  };
  count(parts.letter);
  parts.items.forEach(count);
  count(parts.lines);
  for (const n of counts.values()) if (n > MAX_FINDINGS_PER_CHECK) return true;
  return false;
}

/**
 * What item checks read of the letter as a whole, the same before and after the edit: its layout,
 * its surface form (the labels a fix inserts) and its date (which MTUS edition a citation means).
 */
function sameLetterFacts(a: Decision, b: Decision): boolean {
  return a.layout === b.layout && a.form === b.form && letterDate(a) === letterDate(b);
}

function sameRules(a: RuleLevels, b: RuleLevels): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? 'default') !== (b[key] ?? 'default')) return false;
  return true;
}
