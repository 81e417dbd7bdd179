import type { Decision } from './model';
import type { Finding } from './checks/types';
import { parse } from './parser/parse';

export interface Analysis {
  text: string;
  decision: Decision;
  findings: Finding[];
}

/**
 * The one entry point the CLI, the language server and the tests share: parse a letter and run
 * the checks on it.
 */
export function analyze(text: string): Analysis {
  const decision = parse(text);
  return { text, decision, findings: [] };
}
