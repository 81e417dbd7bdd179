import { isRuleLevel, RULE_LEVELS, type RuleLevel } from './checks/types';
import { CHECKS } from './checks';

/** The settings the server uses, validated. One interface shared by the server and the CLI. */
export interface Settings {
  /** `imr.rules.<code>`: a level, or absent for the rule's own severity. */
  rules: Readonly<Record<string, RuleLevel>>;
  /** `imr.drugs.extra` plus the names read from `imr.drugs.files`. */
  extraDrugs: string[];
  /** `imr.drugs.files`: word-list files to read (only in trusted workspaces). */
  drugFiles: readonly string[];
  /** `imr.mtus.folder` (only in trusted workspaces). */
  mtusFolder: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ rules: {}, extraDrugs: [], drugFiles: [], mtusFolder: '' });

/**
 * Reads the `imr` settings section as the client sent it (`ImrSettingsSection` in
 * features/requests.ts, shared with the client; any value may be malformed). Invalid values are dropped with one clear
 * message each; defaults take their place.
 */
export function readSettings(raw: unknown, options: { trusted: boolean }): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== 'object') return { settings: DEFAULT_SETTINGS, problems: ['imr settings: expected an object; using defaults.'] };
  const section = raw as Record<string, unknown>;
  const rules: Record<string, RuleLevel> = {};
  const known = new Set(CHECKS.map((c) => c.code));
  const rawRules = section.rules;
  if (rawRules !== undefined && (typeof rawRules !== 'object' || rawRules === null || Array.isArray(rawRules))) {
    problems.push('imr.rules: expected an object of rule levels; using defaults.');
  } else if (rawRules) {
    for (const [code, level] of Object.entries(rawRules as Record<string, unknown>)) {
      if (level === 'default' || level === undefined || level === null) continue;
      if (!isRuleLevel(level)) {
        problems.push(`imr.rules.${code}: "${String(level)}" is not one of ${RULE_LEVELS.join(', ')}; using the default.`);
        continue;
      }
      if (!known.has(code)) problems.push(`imr.rules.${code}: no such rule (ignored).`);
      rules[code] = level;
    }
  }
  const drugs = subsection(section.drugs, 'imr.drugs', problems);
  const extraDrugs = stringList(drugs.extra, 'imr.drugs.extra', problems);
  const drugFiles = options.trusted ? stringList(drugs.files, 'imr.drugs.files', problems) : [];
  const mtus = subsection(section.mtus, 'imr.mtus', problems);
  let mtusFolder = '';
  if (options.trusted && mtus.folder !== undefined && mtus.folder !== '') {
    if (typeof mtus.folder === 'string') mtusFolder = mtus.folder.trim();
    else problems.push('imr.mtus.folder: expected a folder path; using the extension storage.');
  }
  return { settings: { rules, extraDrugs, drugFiles, mtusFolder }, problems };
}

/** A settings group such as `imr.drugs`: an object, else one message and no values (the defaults). */
function subsection(value: unknown, name: string, problems: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${name}: expected an object; using the defaults.`);
    return {};
  }
  return value as Record<string, unknown>;
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`${name}: expected a list of strings; ignored.`);
    return [];
  }
  const out = value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).map((v) => v.trim());
  if (out.length !== value.length) problems.push(`${name}: entries that are not text were ignored.`);
  return out;
}
