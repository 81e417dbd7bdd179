import type { Decision } from '../model';
import type { Knowledge } from '../knowledge';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

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

/** What every check is given: the parsed letter, its text, and the knowledge bases. */
export interface CheckContext {
  text: string;
  decision: Decision;
  knowledge: Knowledge;
}

/** One check: its code is its file name and its doc page (docs/rules/<code>.md). */
export interface Check {
  code: string;
  /** One sentence: what the check finds. */
  description: string;
  defaultSeverity: Severity;
  run(context: CheckContext): Iterable<Omit<Finding, 'code' | 'severity'> & { severity?: Severity }>;
}
