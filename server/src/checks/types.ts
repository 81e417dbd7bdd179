import type { Decision, Item } from '../model';
import type { Knowledge } from '../knowledge';
import type { CheckFacts } from './facts';

/** The severities a finding can have, most severe first. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The levels a user can give a rule (`imr.rules.<code>`, `imr-check --rule`): the one list, read by
 * the settings, the CLI and the generated package.json.
 */
export const RULE_LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** What the setting `imr.rules.<code>` accepts: a level, or `default` for the rule's own severity. */
export const RULE_SETTING_VALUES = ['default', ...RULE_LEVELS] as const;

/** Whether a value is one of the rule levels (not `default`). */
export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

/** A text edit in source offsets: replace [start, end) with newText. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A quick fix a check offers with its finding. Fixes edit only their own range; `safe` fixes are the
 * ones `source.fixAll.imr` applies without asking (one obvious correction, nothing to choose).
 */
export interface Fix {
  title: string;
  edits: Edit[];
  safe?: boolean;
  preferred?: boolean;
}

/** A problem a check found: offsets into the letter's text, the fixes it offers, and data for other tools. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  related?: Array<{ start: number; end: number; message: string }>;
  fixes?: Fix[];
  data?: Record<string, unknown>;
}

/** What every check is given: the parsed letter, its text, the knowledge bases and the facts checks share. */
export interface CheckContext {
  text: string;
  decision: Decision;
  knowledge: Knowledge;
  /** Facts more than one check reads, computed once per letter on first demand (`facts.ts`). */
  facts: CheckFacts;
}

/** A finding as a check yields it: the engine adds the code, and the severity when the check leaves it out. */
export type Found = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

/**
 * One check: its code is its file name and its doc page (docs/rules/<code>.md). What its findings
 * depend on decides how an edit re-runs it (see ARCHITECTURE.md, "Incremental analysis"): a check
 * with `runItem` reads one item at a time, one with `runLines` a range of lines; the others read the
 * letter as a whole and run again after every edit.
 */
export interface Check {
  code: string;
  /** One sentence: what the check finds. */
  description: string;
  defaultSeverity: Severity;
  /** A second severity some findings of this check take, and when (shown in its doc page and the README). */
  otherSeverity?: { severity: Severity; when: string };
  /**
   * Runs on texts of no known layout too (the engine keeps every other check silent on them: a
   * text that is not a letter gets no problems).
   */
  anyLayout?: boolean;
  /** Runs after every other check (it reports what they left unreported: `Decision.limits`). */
  afterOthers?: boolean;
  /** Every finding on the letter. */
  run(context: CheckContext): Iterable<Found>;
  /**
   * The findings of one item: read from that item and from what an edit inside an item never
   * changes (the layout, the form, the header). `run` is then every item's in turn.
   */
  runItem?(context: CheckContext, item: Item): Iterable<Found>;
  /**
   * The findings on the lines that start in [from, to), reading the text at most two lines around
   * them and the items whose titles those lines hold. `run` is then the whole text's.
   */
  runLines?(context: CheckContext, from: number, to: number): Iterable<Found>;
}

/** A check that reads one item at a time (its `run` goes through the items in order). */
export function itemCheck(check: Omit<Check, 'run' | 'runItem' | 'runLines'> & Required<Pick<Check, 'runItem'>>): Check {
  return {
    ...check,
    *run(context) {
      for (const item of context.decision.items) yield* check.runItem(context, item);
    },
  };
}

/** A check that reads the text line by line (its `run` reads what the parser read: up to `readTo`). */
export function linesCheck(check: Omit<Check, 'run' | 'runItem' | 'runLines'> & Required<Pick<Check, 'runLines'>>): Check {
  return {
    ...check,
    run(context) {
      return check.runLines(context, 0, Math.min(context.text.length, context.decision.readTo));
    },
  };
}
