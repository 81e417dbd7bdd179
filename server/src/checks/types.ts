import type { Decision } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

/** A problem a check found: offsets into the letter's text, and what a quick fix needs in `data`. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  related?: Array<{ start: number; end: number; message: string }>;
  data?: Record<string, unknown>;
}

/** What every check is given: the parsed letter, its text, and the knowledge bases. */
export interface CheckContext {
  text: string;
  decision: Decision;
}

/** One check: its code is its file name and its doc page (docs/rules/<code>.md). */
export interface Check {
  code: string;
  /** One sentence: what the check finds. */
  description: string;
  defaultSeverity: Severity;
  run(context: CheckContext): Iterable<Omit<Finding, 'code' | 'severity'> & { severity?: Severity }>;
}
