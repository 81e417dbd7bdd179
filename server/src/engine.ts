import type { Decision } from './model';
import type { Check, CheckContext, Finding, Found, RuleLevel, Severity } from './checks/types';
import { checkContext } from './checks/facts';
import { CHECKS } from './checks';
import { applySuppressions } from './checks/suppress';
import { defaultKnowledge, type Knowledge } from './knowledge';
import { parse } from './parser/parse';
import { LineIndex } from './text/lineIndex';

/** Per-rule levels: `imr.rules.<code>`; "default" (or absent) keeps the rule's own severity. */
export type RuleLevels = Readonly<Record<string, RuleLevel | 'default' | undefined>>;

export interface AnalyzeOptions {
  knowledge?: Knowledge;
  rules?: RuleLevels;
  /** The checks to run (the registry by default; tests run it in another order). */
  checks?: readonly Check[];
}

export interface Analysis {
  text: string;
  decision: Decision;
  findings: Finding[];
  /** Checks that failed on this text (a bug, never the user's fault): the rest still ran. */
  failures: string[];
  /** The findings before suppressions, by what they depend on: what an edit may reuse (`reanalyze`). */
  parts?: FindingParts;
}

/** The findings of one analysis by what they depend on, and what they were found with. */
export interface FindingParts {
  /** Of the checks that read the letter as a whole. */
  letter: Finding[];
  /** Of the item checks (`runItem`), per item (the index of `decision.items`). */
  items: Finding[][];
  /** Of the line checks (`runLines`). */
  lines: Finding[];
  knowledge: Knowledge;
  rules: RuleLevels;
  checks: readonly Check[];
}

/**
 * The most findings one check reports on one letter. A real letter has a handful; a pasted
 * archive or a generated text can have hundreds of thousands, which no one reads and which would
 * cost more to send and show than to find. The letter's `limits` say when a check was cut short.
 */
export const MAX_FINDINGS_PER_CHECK = 500;

/**
 * The one entry point the CLI, the language server and the tests share: parse a letter, run every
 * check, apply the per-rule levels and the letter's own suppression comments. A text of no known
 * layout is no letter: only the checks marked `anyLayout` run on it. Checks marked `afterOthers`
 * run last, whatever their place in the registry.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const decision = parse(text);
  const knowledge = options.knowledge ?? defaultKnowledge();
  const context = checkContext(text, decision, knowledge);
  const parts: FindingParts = { letter: [], items: decision.items.map(() => []), lines: [], knowledge, rules: options.rules ?? {}, checks: options.checks ?? CHECKS };
  const failures = runChecks(context, parts);
  return finish(text, decision, parts, failures);
}

/**
 * What of a letter an edit asks to check again (`reanalyze`): one item's checks (`item`, -1 for
 * none) and the line checks on the lines that start in [from, to). Without it, everything.
 */
export interface CheckScope {
  item: number;
  lines: { from: number; to: number };
}

/**
 * Runs the checks on a letter (or on the `scope` of an edit), adding their findings to `parts`;
 * returns the checks that failed, whose findings are left out.
 */
export function runChecks(context: CheckContext, parts: FindingParts, scope?: CheckScope): string[] {
  const failures: string[] = [];
  const items = context.decision.items;
  for (const check of checksToRun(parts, context.decision)) {
    const level = parts.rules[check.code];
    const budget = { left: MAX_FINDINGS_PER_CHECK };
    try {
      if (check.runItem) {
        const from = scope ? Math.max(scope.item, 0) : 0;
        const to = scope ? (scope.item >= 0 ? scope.item + 1 : 0) : items.length;
        for (let i = from; i < to && budget.left >= 0; i++) collect(check, check.runItem(context, items[i]), level, budget, context, parts.items[i]);
      } else if (check.runLines && scope) collect(check, check.runLines(context, scope.lines.from, scope.lines.to), level, budget, context, parts.lines);
      else collect(check, check.run(context), level, budget, context, check.runLines ? parts.lines : parts.letter);
    } catch (e) {
      failures.push(`${check.code}: ${(e as Error)?.message ?? String(e)}`);
      // A check that fails reports nothing, not what it found before it failed.
      const own = (f: Finding) => f.code !== check.code;
      parts.letter = parts.letter.filter(own);
      parts.items = parts.items.map((found) => found.filter(own));
      parts.lines = parts.lines.filter(own);
    }
  }
  return failures;
}

/**
 * The checks to run on a letter, in order of code (whatever the registry's order: the limits they
 * reach read the same each time), those marked `afterOthers` last; none turned off, and on a text of
 * no known layout only those marked `anyLayout`.
 */
export function checksToRun(parts: Pick<FindingParts, 'rules' | 'checks'>, decision: Decision): Check[] {
  return inOrder(parts.checks).filter((c) => parts.rules[c.code] !== 'off' && (c.anyLayout || decision.layout !== 'unknown'));
}

const ORDERS = new WeakMap<readonly Check[], Check[]>();

/** A list of checks in the order they run: by code, those marked `afterOthers` last (sorted once per list). */
function inOrder(checks: readonly Check[]): Check[] {
  let order = ORDERS.get(checks);
  if (!order) {
    const byCode = [...checks].sort((a, b) => a.code.localeCompare(b.code));
    order = [...byCode.filter((c) => !c.afterOthers), ...byCode.filter((c) => c.afterOthers)];
    ORDERS.set(checks, order);
  }
  return order;
}

/**
 * Adds a check's findings, with their code and severity, to `into` while `budget` lasts (shared by
 * the runs of one check: MAX_FINDINGS_PER_CHECK in all); past it, the letter's limits say so and
 * `budget.left` is -1.
 */
function collect(check: Check, found: Iterable<Found>, level: RuleLevels[string], budget: { left: number }, context: CheckContext, into: Finding[]): void {
  if (budget.left < 0) return;
  const levelled: Severity | undefined = level && level !== 'default' && level !== 'off' ? level : undefined;
  for (const f of found) {
    if (budget.left === 0) {
      context.decision.limits.push(`More than ${MAX_FINDINGS_PER_CHECK} problems of kind ${check.code}: only the first ${MAX_FINDINGS_PER_CHECK} are reported.`);
      budget.left = -1;
      return;
    }
    budget.left--;
    into.push({ ...f, code: check.code, severity: levelled ?? f.severity ?? check.defaultSeverity });
  }
}

/** The analysis from its parts: every finding in order of place, the letter's suppressions applied. */
export function finish(text: string, decision: Decision, parts: FindingParts, failures: string[]): Analysis {
  const findings: Finding[] = [...parts.letter];
  for (const found of parts.items) for (const f of found) findings.push(f);
  for (const f of parts.lines) findings.push(f);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  // Most letters carry no suppression comment: then there is no line index to build.
  const kept = decision.suppressions.length ? applySuppressions(findings, decision.suppressions, text, new LineIndex(text)) : findings;
  return { text, decision, findings: kept, failures, parts };
}
