/**
 * What `npm run generate` writes from the check registry: the `imr.rules.*` settings in
 * package.json, the README's rule table and each rule page's default-severity line. Pure: text in,
 * text out, so the test compares the files on disk with what this would write.
 */
import { CHECKS, docUrl } from '../server/src/checks';
import { RULE_SETTING_VALUES, type Check } from '../server/src/checks/types';

/** The markers around the README's generated rule table. */
export const TABLE_START = '<!-- The rule table is generated from the check registry: npm run generate -->';
export const TABLE_END = '<!-- End of the generated rule table -->';

/** The line of a rule page that states its default severity (the page's third line). */
export function severityLine(check: Check): string {
  const other = check.otherSeverity;
  const extra = other ? `; **${other.severity}** when ${other.when}` : '';
  return `Default severity: **${check.defaultSeverity}**${extra}.`;
}

/** The package.json setting of one rule. */
function ruleSetting(check: Check): Record<string, unknown> {
  return {
    type: 'string',
    enum: [...RULE_SETTING_VALUES],
    default: 'default',
    scope: 'resource',
    markdownDescription: `${check.description} [Documentation](${docUrl(check.code)}). \`default\` keeps the rule's own severity.`,
  };
}

/** package.json with its `imr.rules.*` settings rewritten from the registry (other settings kept, in order). */
export function renderPackageJson(text: string): string {
  const pkg = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pkg.contributes.configuration.properties)) {
    if (!key.startsWith('imr.rules.')) properties[key] = value;
  }
  for (const check of CHECKS) properties[`imr.rules.${check.code}`] = ruleSetting(check);
  pkg.contributes.configuration.properties = properties;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The README's rule table, markers included. */
export function ruleTable(): string {
  const rows = CHECKS.map((check) => {
    const severity = check.otherSeverity ? `${check.defaultSeverity} / ${check.otherSeverity.severity}` : check.defaultSeverity;
    return `| [${check.code}](docs/rules/${check.code}.md) | ${severity} | ${check.description} |`;
  });
  return [TABLE_START, '| code | default | what it finds |', '|---|---|---|', ...rows, TABLE_END].join('\n');
}

/** README.md with the text between the markers replaced; an error if the markers are missing. */
export function renderReadme(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md: the rule table markers are missing.');
  return text.slice(0, start) + ruleTable() + text.slice(end + TABLE_END.length);
}

/** A rule page with its third line (the default severity) rewritten; an error if that line is not one. */
export function renderRulePage(check: Check, text: string): string {
  const lines = text.split('\n');
  if (!lines[2]?.startsWith('Default severity:')) {
    throw new Error(`docs/rules/${check.code}.md: the third line must be its "Default severity:" line.`);
  }
  lines[2] = severityLine(check);
  return lines.join('\n');
}
