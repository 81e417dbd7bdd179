/**
 * The language service driven in memory, without a connection: quick fixes are read from the
 * diagnostics the editor sends back, `imr.mtus.folder` is validated like every other setting, and
 * settings problems are shown once.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/engine';
import { LanguageService, type ServiceDocument, type ServiceHost } from '../../server/src/service/languageService';
import { corpusDir, readLetter } from '../helpers';

const NO_CORPUS = existsSync(corpusDir) ? false : `the corpus letters were looked for in ${corpusDir} and not found`;

/** A host over documents held in memory; records what is logged and shown. */
function memoryHost(settings: unknown = {}) {
  const docs = new Map<string, ServiceDocument>();
  const logged: string[] = [];
  const shown: string[] = [];
  const host: ServiceHost = {
    documents: { get: (uri) => docs.get(uri), all: () => [...docs.values()] },
    log: { error: (m) => logged.push(`error ${m}`), warn: (m) => logged.push(`warn ${m}`) },
    uriToPath: (uri) => uri,
    configuration: async () => settings,
    readWordLists: () => ({ names: [], problems: [] }),
    showProblem: (m) => shown.push(m),
  };
  const open = (uri: string, text: string, version = 1) => docs.set(uri, { uri, version, getText: () => text });
  return { host, open, logged, shown };
}

test('a quick fix comes from the diagnostic the editor sends; a diagnostic of an older version gives none', { skip: NO_CORPUS }, async () => {
  const { host, open } = memoryHost();
  const service = new LanguageService(host);
  const uri = 'mem:/fix.imr';
  const text = readLetter('000').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Uphled');
  open(uri, text);
  const published = await service.validate(uri);
  const outcome = published!.diagnostics.find((d) => d.code === 'unknown-outcome')!;
  assert.ok(outcome, 'unknown-outcome is published');
  const titles = service.codeActions(uri, [outcome], ['quickfix']).map((a) => a.title);
  assert.deepEqual(titles, ['Change to "Upheld"', 'Disable unknown-outcome for this line', 'Disable unknown-outcome for this file']);
  // Without the diagnostic, no quick fix: the findings are not searched again by range.
  assert.deepEqual(service.codeActions(uri, [], ['quickfix']), []);
  // The same diagnostic against a text where its finding no longer sits: no fix from stale data.
  open(uri, `\n\n${text}`, 2);
  assert.deepEqual(service.codeActions(uri, [outcome], ['quickfix']), []);
  // Another tool's diagnostic on the same range is not ours.
  const foreign: Diagnostic = { ...outcome, source: 'cspell' };
  open(uri, text, 3);
  assert.deepEqual(service.codeActions(uri, [foreign], ['quickfix']), []);
});

test('imr.mtus.folder is read through the validated settings: trimmed, ignored when untrusted, one message when not text', async () => {
  const good = new LanguageService(memoryHost({ mtus: { folder: '  /data/mtus  ' } }).host);
  assert.equal(await good.settings.mtusFolder(), '/data/mtus');
  const untrusted = new LanguageService(memoryHost({ mtus: { folder: '/data/mtus' } }).host);
  untrusted.settings.setTrusted(false);
  assert.equal(await untrusted.settings.mtusFolder(), '');
  const bad = memoryHost({ mtus: { folder: 42 } });
  const service = new LanguageService(bad.host);
  assert.equal(await service.settings.mtusFolder(), '');
  service.settings.changed();
  assert.equal(await service.settings.mtusFolder(), '');
  assert.equal(bad.shown.length, 1, `one message, shown once: ${JSON.stringify(bad.shown)}`);
  assert.match(bad.shown[0], /imr\.mtus\.folder/);
});

test('a rule level from the settings reaches the analysis; closing forgets the document', { skip: NO_CORPUS }, async () => {
  const { host, open } = memoryHost({ rules: { 'unknown-outcome': 'hint' } });
  const service = new LanguageService(host);
  const uri = 'mem:/level.imr';
  open(uri, readLetter('000').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Uphled'));
  const published = await service.validate(uri);
  assert.equal(published!.diagnostics.find((d) => d.code === 'unknown-outcome')!.severity, 4);
  service.close(uri);
  assert.equal(service.settings.last(uri).rules['unknown-outcome'], undefined);
});

test('a feature that throws is logged once with its stack, and the request answers empty', { skip: NO_CORPUS }, async () => {
  const { host, open, logged } = memoryHost();
  const service = new LanguageService(host);
  const mtus = service.baseKnowledge.mtus;
  // The MTUS index fails when a hover describes a topic (the checks never ask it to describe).
  const failing = new Proxy(mtus, {
    get(target, key) {
      if (key === 'describe') return () => { throw new Error('describe is broken'); };
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  service.setKnowledge({ ...service.baseKnowledge, mtus: failing });
  const uri = 'mem:/hover.imr';
  const text = readLetter('000');
  open(uri, text);
  await service.validate(uri);
  assert.deepEqual(logged.filter((l) => l.startsWith('error')), [], 'the analysis itself does not fail');
  const at = text.indexOf('Page(s): 65') + 'Page(s): '.length;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  assert.equal(service.hover(uri, { line, character }), null);
  const errors = logged.filter((l) => l.startsWith('error'));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.match(errors[0], /^error hover failed on mem:\/hover\.imr: Error: describe is broken\n\s+at /);
  // The other features still answer.
  assert.ok(service.documentSymbols(uri).length > 0);
});

test('a text that makes the analysis throw: logged once with its stack, empty answers, the service goes on', { skip: NO_CORPUS }, async () => {
  const { host, open, logged } = memoryHost();
  // An engine that fails on one text, as a bug in the parser would.
  const service = new LanguageService({
    ...host,
    analyze: (text, options) => {
      if (text.startsWith('TRIP')) throw new RangeError('the parser tripped');
      return analyze(text, options);
    },
  });
  const broken = 'mem:/broken.imr';
  open(broken, `TRIP\n${readLetter('003')}`);
  const published = await service.validate(broken);
  assert.deepEqual(published?.diagnostics, []);
  assert.deepEqual(service.documentSymbols(broken), []);
  assert.equal(service.hover(broken, { line: 0, character: 0 }), null);
  const errors = logged.filter((l) => l.startsWith('error'));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.match(errors[0], /^error analysis failed on mem:\/broken\.imr: RangeError: the parser tripped\n\s+at /);
  const good = 'mem:/good.imr';
  open(good, readLetter('003'));
  assert.ok(service.documentSymbols(good).length > 0);
});

test('typing in an open letter analyses the new version from the last: the same diagnostics as a fresh analysis', { skip: NO_CORPUS }, async () => {
  const { host, open } = memoryHost();
  const service = new LanguageService(host);
  const uri = 'mem:/typing.imr';
  let text = readLetter('003');
  open(uri, text, 1);
  await service.validate(uri);
  const rationale = analyze(text).decision.items[0].rationale!.body;
  // Before a space between two words of the rationale.
  const base = text.indexOf(' ', rationale.start + 5);
  let version = 1;
  // A reviewer types a misspelled drug name into the first rationale, a character at a time.
  for (const ch of ' Baclofan') {
    const at = base + version - 1;
    text = text.slice(0, at) + ch + text.slice(at);
    open(uri, text, ++version);
    const published = await service.validate(uri);
    const other = memoryHost();
    other.open(uri, text, 1);
    const expected = await new LanguageService(other.host).validate(uri);
    assert.deepEqual(published!.diagnostics, expected!.diagnostics);
    assert.equal((service.stateOf({ uri, version, getText: () => text }).analysis as { path?: string }).path, 'item');
  }
  const published = await service.validate(uri);
  assert.ok(published!.diagnostics.some((d) => d.code === 'drug-spelling' && /Baclofan/.test(d.message)));
});
