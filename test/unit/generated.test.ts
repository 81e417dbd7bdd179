/**
 * What `npm run generate` writes is never hand-kept: package.json's `imr.rules.*` settings, the
 * README's rule table and each rule page's default-severity line must equal what the generator
 * renders from the check registry today.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CHECKS } from '../../server/src/checks';
import { RULE_LEVELS } from '../../server/src/checks/types';
import { renderPackageJson, renderReadme, renderRulePage, severityLine } from '../../scripts/generated';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const STALE = 'out of date: run `npm run generate` and commit the result';

test('package.json: the imr.rules.* settings are those the registry generates', () => {
  const text = read('package.json');
  assert.equal(text, renderPackageJson(text), `package.json ${STALE}`);
  const properties = JSON.parse(text).contributes.configuration.properties as Record<string, { enum?: string[] }>;
  const rules = Object.keys(properties).filter((k) => k.startsWith('imr.rules.'));
  assert.deepEqual(rules, CHECKS.map((c) => `imr.rules.${c.code}`));
  assert.deepEqual(properties['imr.rules.missing-section'].enum, ['default', ...RULE_LEVELS]);
});

test('README.md: the rule table is the one the registry generates', () => {
  const text = read('README.md');
  assert.equal(text, renderReadme(text), `README.md's rule table ${STALE}`);
});

test("docs/rules: each page's default-severity line is the one the registry generates", () => {
  for (const check of CHECKS) {
    const text = read(`docs/rules/${check.code}.md`);
    assert.equal(text.split('\n')[2], severityLine(check), `docs/rules/${check.code}.md ${STALE}`);
    assert.equal(text, renderRulePage(check, text));
  }
});

test('the generator notices a hand edit: a changed description makes package.json stale', () => {
  const text = read('package.json');
  const edited = text.replace("letter's layout is absent", 'letter layout is absent');
  assert.notEqual(edited, text);
  assert.notEqual(renderPackageJson(edited), edited);
});
