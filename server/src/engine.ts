import type { Decision } from './model';
import type { Check, CheckContext, Finding, RuleLevel, Severity } from './checks/types';
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
  const context = checkContext(text, decision, options.knowledge ?? defaultKnowledge());
  const rules = options.rules ?? {};
  const findings: Finding[] = [];
  const failures: string[] = [];
  const checks = (options.checks ?? CHECKS).filter((c) => rules[c.code] !== 'off' && (c.anyLayout || decision.layout !== 'unknown'));
  // In order of code, whatever the registry's order: the limits they reach read the same each time.
  const byCode = [...checks].sort((a, b) => a.code.localeCompare(b.code));
  const ordered = [...byCode.filter((c) => !c.afterOthers), ...byCode.filter((c) => c.afterOthers)];
  for (const check of ordered) {
    try {
      findings.push(...runCheck(check, context, rules[check.code]));
    } catch (e) {
      failures.push(`${check.code}: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  // Most letters carry no suppression comment: then there is no line index to build.
  const kept = decision.suppressions.length ? applySuppressions(findings, decision.suppressions, text, new LineIndex(text)) : findings;
  return { text, decision, findings: kept, failures };
}

/** One check's findings with their code and severity, at most `MAX_FINDINGS_PER_CHECK` (the letter's limits say so). */
function runCheck(check: Check, context: CheckContext, level: RuleLevels[string]): Finding[] {
  const out: Finding[] = [];
  for (const f of check.run(context)) {
    if (out.length === MAX_FINDINGS_PER_CHECK) {
      context.decision.limits.push(`More than ${MAX_FINDINGS_PER_CHECK} problems of kind ${check.code}: only the first ${MAX_FINDINGS_PER_CHECK} are reported.`);
      break;
    }
    const severity: Severity = level && level !== 'default' && level !== 'off' ? level : (f.severity ?? check.defaultSeverity);
    out.push({ ...f, code: check.code, severity });
  }
  return out;
}
