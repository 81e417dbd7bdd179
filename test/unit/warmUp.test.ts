/**
 * The engine's warm-up (server/src/service/warmUp.ts): its letter, our own, is read as a letter of
 * the published layout with both items, and its keystrokes take the incremental path, so that the
 * warm-up compiles what a user's first keystrokes run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine';
import { reanalyze } from '../../server/src/incremental';
import { LanguageService, type ServiceHost } from '../../server/src/service/languageService';
import { WARM_UP_LETTER } from '../../server/src/service/warmUp';

test('the warm-up letter is read whole: layout, both items, their conclusions, its one defect', () => {
  const analysis = analyze(WARM_UP_LETTER);
  assert.equal(analysis.decision.layout, 'final-determination');
  assert.deepEqual(
    analysis.decision.items.map((i) => [i.title.text, i.outcome, i.rationale?.conclusion]),
    [
      ['Baclofan 10mg #60', 'upheld', 'not-medically-necessary'],
      ['Cervical spine MRI', 'overturned', 'medically-necessary'],
    ],
  );
  assert.deepEqual(analysis.findings.map((f) => f.code), ['unknown-drug']);
  const at = WARM_UP_LETTER.indexOf('no gain in function');
  assert.equal(reanalyze(analysis, WARM_UP_LETTER.slice(0, at) + 'x' + WARM_UP_LETTER.slice(at)).path, 'item');
});

test('the service runs the warm-up to its end, step by step, and logs nothing', () => {
  const logged: string[] = [];
  const host: ServiceHost = {
    documents: { get: () => undefined, all: () => [] },
    log: { error: (m) => logged.push(m), warn: (m) => logged.push(m) },
    uriToPath: (uri) => uri,
    configuration: async () => ({}),
    readWordLists: () => ({ names: [], problems: [] }),
    showProblem: () => undefined,
  };
  let steps = 0;
  for (const _ of new LanguageService(host).warmUp()) steps++;
  assert.ok(steps > 10, `${steps} steps`);
  assert.deepEqual(logged, []);
});
