/**
 * The engine's own rules: a text of no known layout gets no problems (whatever a check would say
 * of it), no check depends on its place in the registry, and the facts checks share are computed
 * once per letter.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { CHECKS } from '../../server/src/checks';
import drugSpelling from '../../server/src/checks/drug-spelling';
import { checkContext } from '../../server/src/checks/facts';
import { analyze } from '../../server/src/engine';
import { defaultKnowledge } from '../../server/src/knowledge';
import { parse } from '../../server/src/parser/parse';
import { corpusDir, readLetter } from '../helpers';

const NO_CORPUS = existsSync(corpusDir) ? false : `the corpus letters were looked for in ${corpusDir} and not found`;

test('a text of no known layout gets no problems, though a check alone would report one', () => {
  const text = 'Notes from the pharmacy meeting.\nWe talked about Baclofan and Gabapentn for an hour.\n';
  const decision = parse(text);
  assert.equal(decision.layout, 'unknown');
  const alone = [...drugSpelling.run(checkContext(text, decision, defaultKnowledge()))];
  assert.ok(alone.length > 0, 'drug-spelling by itself finds the misspelled names');
  assert.deepEqual(analyze(text).findings, []);
});

test('the registry in reverse gives the same findings, the reading limits included', { skip: NO_CORPUS }, () => {
  const letter = readLetter('000');
  const head = letter.slice(0, letter.indexOf('**Baclofen 20mg #120:**'));
  const text = head + Array.from({ length: 700 }, (_, i) => `**Baclofen ${i + 1}mg #${i + 1}:** Upheld\n`).join('');
  const forward = analyze(text);
  const reverse = analyze(text, { checks: [...CHECKS].reverse() });
  assert.ok(forward.findings.some((f) => f.code === 'reading-limit' && /problems of kind missing-rationale/.test(f.message)));
  assert.deepEqual(reverse.findings, forward.findings);
});

test('a shared fact is computed once per letter (per item) and given to every check that asks', { skip: NO_CORPUS }, () => {
  // Letter 004 itself titles an item "Baclofan 20 mg", a name no drug has.
  const text = readLetter('004');
  const context = checkContext(text, parse(text), defaultKnowledge());
  const unknown = context.decision.items.map((item) => context.facts.unknownTreatment(item)).filter((u) => u !== null);
  assert.equal(unknown.length, 1);
  const item = unknown[0].item;
  assert.equal(context.facts.unknownTreatment(item), unknown[0]);
  assert.equal(context.facts.resolvedCitations(item), context.facts.resolvedCitations(item));
});
