/**
 * The MTUS knowledge base and its API: the bundled data, citation names and aliases, topic lists,
 * page verdicts, and the overlay of imported official text. Corpus expectations were checked by hand
 * against the guideline lines of the five letters in ../shared/corpus.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/parser/parse';
import { loadMtusIndex, type ImportedGuideline } from '../../server/src/knowledge/mtus';
import { corpusFiles, readLetter } from '../helpers';

const index = loadMtusIndex();

/** Every guideline-line citation of a letter, resolved: [by, guideline id, status, topic ids, page verdicts]. */
function resolvedCitations(prefix: string) {
  const decision = parse(readLetter(prefix));
  return decision.items.flatMap((item) =>
    item.guidelines.flatMap((line) =>
      line.citations.map((c) => {
        const r = index.resolveCitation(c);
        assert.deepEqual(r.unmatchedTopics, [], `${prefix}: "${c.topic}" has parts that name no topic`);
        return [line.by, r.guideline?.id ?? null, r.status, r.topics.map((t) => t.id), r.pages.map((p) => `${p.from}-${p.to} ${p.verdict} ${p.certainty}`)];
      }),
    ),
  );
}

describe('resolveCitation without pages', () => {
  test('the same guideline, status and topics as with them, and no page verdicts', () => {
    for (const file of corpusFiles()) {
      for (const item of parse(readLetter(file.slice(0, 3))).items) {
        for (const c of item.guidelines.flatMap((line) => line.citations)) {
          const full = index.resolveCitation(c, { date: '2015-01-10' });
          const light = index.resolveCitation(c, { date: '2015-01-10' }, false);
          assert.deepEqual({ ...light, pages: full.pages }, full);
          assert.deepEqual(light.pages, []);
        }
      }
    }
  });
});

describe('bundled MTUS data', () => {
  test('reads without problems', () => {
    assert.deepEqual(index.problems, []);
  });

  test('indexes the 2009 CPMTG topics inside its 127 pages, each with a summary and evidence', () => {
    const topics = index.topics('cpmtg-2009');
    assert.ok(topics.length >= 80, `only ${topics.length} topics`);
    for (const t of topics) {
      assert.ok(t.pages.length > 0, `${t.id} has no pages`);
      for (const [from, to] of t.pages) assert.ok(from >= 1 && to <= 127 && from <= to, `${t.id}: ${from}-${to}`);
      assert.ok(t.summary.length > 20 && t.evidence.length > 5, `${t.id} lacks summary or evidence`);
      if (t.confidence === 'C') assert.match(t.evidence, /C:00\d/, `${t.id}: confirmed without a corpus letter`);
    }
  });

  test('marks only corpus-backed entries as confirmed', () => {
    const confirmed = index.topics('cpmtg-2009').filter((t) => t.confidence === 'C').map((t) => t.id).sort();
    assert.deepEqual(confirmed, [
      'baclofen',
      'benzodiazepines',
      'intro-medications',
      'medications',
      'muscle-relaxants',
      'opioids-criteria',
      'opioids-long-term',
      'opioids-ongoing',
      'topical-analgesics',
    ]);
  });

  test('lists the other MTUS parts with their regulation sections, and the 9792.20 definitions', () => {
    const section = (id: string) => index.guideline(id)?.section;
    assert.equal(section('cpmtg-2009'), '9792.24.2');
    assert.equal(section('acupuncture-2007'), '9792.24.1');
    assert.equal(section('postsurgical-2009'), '9792.24.3');
    assert.equal(section('opioids-2016'), '9792.24.4');
    assert.equal(section('general-approaches-2004'), '9792.22');
    assert.equal(section('low-back-2004'), '9792.23.5');
    assert.equal(index.definitions().find((d) => d.letter === 'e')?.term, 'Functional improvement');
    assert.equal(index.guideline('cpmtg-2016')?.later, true);
    assert.equal(index.guideline('formulary-2018')?.later, true);
    assert.equal(index.guideline('odg')?.mtus, false);
  });
});

describe('guideline names', () => {
  const id = (name: string, options = {}) => index.resolveGuideline(name, options)?.guideline.id ?? null;

  test('aliases of the 2009 CPMTG', () => {
    for (const name of [
      'MTUS Chronic Pain Treatment Guidelines',
      'Chronic Pain Medical Treatment Guidelines 2009',
      'Chronic Pain Medical Treatment 2009',
      'CPMTG',
      'the MTUS Chronic Pain Medical Treatment Guidelines',
      'Chronic Pain Medical Treatment Guidelines (May 2009)',
    ]) {
      assert.equal(id(name), 'cpmtg-2009', name);
    }
  });

  test('the edition follows the year cited, else the letter date', () => {
    assert.equal(id('Chronic Pain Medical Treatment 2016'), 'cpmtg-2016');
    assert.equal(id('MTUS Chronic Pain Treatment Guidelines', { date: '2015-02-02' }), 'cpmtg-2009');
    assert.equal(id('MTUS Chronic Pain Treatment Guidelines', { date: '2016-09-26' }), 'cpmtg-2016');
    assert.equal(id('Opioid Treatment 2016'), 'opioids-2016');
    assert.equal(id('Knee Disorders 2019'), 'acoem-knee');
    const wrongYear = index.resolveGuideline('Knee Complaints 2009');
    assert.equal(wrongYear?.guideline.id, 'knee-2004');
    assert.equal(wrongYear?.yearMismatch, true);
  });

  test('other MTUS parts by their MAXIMUS chapter names', () => {
    assert.equal(id('General Approaches 2004'), 'general-approaches-2004');
    assert.equal(id('Low Back Complaints 2004'), 'low-back-2004');
    assert.equal(id('Acupuncture Treatment 2007'), 'acupuncture-2007');
    assert.equal(id('Postsurgical Treatment 2009'), 'postsurgical-2009');
    assert.equal(id('Post-Surgical Treatment Guidelines'), 'postsurgical-2009');
    assert.equal(id('MTUS Drug Formulary'), 'formulary-2018');
    assert.equal(id('ACOEM Practice Guidelines'), 'acoem-2004');
    assert.equal(id('MTUS'), 'mtus');
  });

  test('non-MTUS sources, with an ODG chapter after the name', () => {
    const odg = index.resolveGuideline('Official Disability Guidelines (ODG) Pain', { mtus: false });
    assert.equal(odg?.guideline.id, 'odg');
    assert.equal(odg?.rest, 'pain');
    assert.equal(id('ODG Treatment in Workers\u2019 Comp', { mtus: false }), 'odg');
    assert.equal(id('ACOEM Practice Guidelines, 3rd Edition', { mtus: false }), 'acoem-3rd');
    assert.equal(id('ACOEM Practice Guidelines', { mtus: false }), 'acoem-3rd');
  });

  test('unknown names resolve to nothing, with suggestions for near misses', () => {
    assert.equal(id('Chronic Pain Management Protocol'), null);
    assert.equal(id('Chronic Pain Treatment Guidlines'), null);
    assert.equal(index.suggestGuidelines('Chronic Pain Treatment Guidlines')[0], 'Chronic Pain Treatment Guidelines');
  });
});

describe('topic lists', () => {
  test('several topics in one list, in any case', () => {
    const both = index.resolveTopics('cpmtg-2009', 'Criteria for use of opioids and Medications for chronic pain');
    assert.deepEqual(both.topics.map((t) => t.id), ['opioids-criteria', 'medications']);
    assert.deepEqual(both.unmatched, []);
    assert.deepEqual(index.resolveTopics('cpmtg-2009', 'TOPICAL ANALGESICS').topics.map((t) => t.id), ['topical-analgesics']);
    assert.deepEqual(index.resolveTopics('cpmtg-2009', 'Muscle Relaxants (for pain)').topics.map((t) => t.id), ['muscle-relaxants']);
  });

  test('words that name no topic are reported', () => {
    const r = index.resolveTopics('cpmtg-2009', 'Baclofen and Moon therapy');
    assert.deepEqual(r.topics.map((t) => t.id), ['baclofen']);
    assert.deepEqual(r.unmatched, ['moon therapy']);
  });
});

describe('every citation of the five corpus letters resolves', () => {
  test('000: Baclofen page 65', () => {
    assert.deepEqual(resolvedCitations('000'), [
      ['claims-administrator', 'cpmtg-2009', 'mtus', [], []],
      ['maximus', 'cpmtg-2009', 'mtus', ['baclofen'], ['65-65 ok confirmed']],
    ]);
  });

  test('001: section form, General Approaches and CPMTG 2009', () => {
    assert.deepEqual(resolvedCitations('001'), [
      ['claims-administrator', 'cpmtg-2009', 'mtus', ['muscle-relaxants'], []],
      ['maximus', 'general-approaches-2004', 'mtus', ['initial-approaches'], []],
      ['maximus', 'cpmtg-2009', 'mtus', ['introduction', 'muscle-relaxants'], []],
    ]);
  });

  test('002: topical analgesics pages 111-113, and ODG as non-MTUS', () => {
    assert.deepEqual(resolvedCitations('002'), [
      ['claims-administrator', 'cpmtg-2009', 'mtus', ['topical-analgesics'], ['111-113 ok confirmed']],
      ['maximus', 'cpmtg-2009', 'mtus', ['topical-analgesics'], ['111-113 ok confirmed']],
      ['maximus', 'odg', 'non-mtus', [], []],
    ]);
  });

  test('003: benzodiazepines 24, baclofen 65, opioid criteria 76-79', () => {
    assert.deepEqual(resolvedCitations('003'), [
      ['maximus', 'cpmtg-2009', 'mtus', ['benzodiazepines'], ['24-24 ok confirmed']],
      ['maximus', 'cpmtg-2009', 'mtus', ['baclofen'], ['65-65 ok confirmed']],
      ['maximus', 'cpmtg-2009', 'mtus', ['opioids-criteria'], ['76-79 ok confirmed']],
    ]);
  });

  test('004: two topics over three ranges; muscle relaxants 63-64', () => {
    assert.deepEqual(resolvedCitations('004'), [
      ['claims-administrator', 'cpmtg-2009', 'mtus', ['opioids'], []],
      ['maximus', 'cpmtg-2009', 'mtus', ['opioids-criteria', 'medications'], ['88-89 ok unconfirmed', '76-78 ok confirmed', '60-61 ok confirmed']],
      ['claims-administrator', 'cpmtg-2009', 'mtus', ['muscle-relaxants'], []],
      ['maximus', 'cpmtg-2009', 'mtus', ['muscle-relaxants'], ['63-64 ok confirmed']],
    ]);
  });

  test('prose citations name known guidelines and regulations', () => {
    for (const file of corpusFiles()) {
      const decision = parse(readLetter(file.slice(0, 3)));
      for (const prose of decision.items.flatMap((i) => i.rationale?.citations ?? [])) {
        if (prose.regulation) {
          const reg = index.resolveRegulation(prose.regulation);
          assert.equal(reg?.problem, null, prose.span.text);
          assert.equal(reg?.definition?.term, 'Functional improvement');
        } else if (prose.guideline) {
          assert.ok(index.resolveGuideline(prose.guideline), `${file}: ${prose.guideline}`);
        }
        for (const page of prose.pages) assert.notEqual(index.pageExists(prose.guideline?.includes('ACOEM') ? 'acoem-2004' : 'cpmtg-2009', page), false);
      }
    }
  });
});

describe('pages', () => {
  const verdict = (topic: string, from: number, to = from, date?: string) =>
    index.resolveCitation({ guideline: 'MTUS Chronic Pain Treatment Guidelines', topic, pageRefs: [{ from, to }] }, { date }).pages[0];

  test('Baclofen is cited as 64 and as 65: both overlap the entry', () => {
    assert.equal(verdict('Baclofen', 64).verdict, 'ok');
    assert.equal(verdict('Baclofen', 65).verdict, 'ok');
    assert.equal(verdict('Baclofen', 63).verdict, 'ok', 'inside the muscle relaxant chapter');
  });

  test('a page outside the guideline', () => {
    const v = verdict('Baclofen', 400);
    assert.equal(v.verdict, 'outside');
    assert.equal(v.certainty, 'confirmed');
    assert.equal(v.pageCount, 127);
    assert.equal(index.pageExists('cpmtg-2009', 127), true);
    assert.equal(index.pageExists('cpmtg-2009', 128), false);
    assert.equal(index.pageExists('acoem-2004', 47), null);
  });

  test('a confirmed entry contradicted, far away: confirmed; next to it: not', () => {
    const far = verdict('Baclofen', 24);
    assert.equal(far.verdict, 'mismatch');
    assert.equal(far.certainty, 'confirmed');
    assert.deepEqual(far.onPages.map((t) => t.id), ['benzodiazepines', 'biofeedback']);
    const near = verdict('Benzodiazepines', 25);
    assert.equal(near.verdict, 'mismatch');
    assert.equal(near.certainty, 'unconfirmed');
  });

  test('an unconfirmed entry contradicted', () => {
    const v = verdict('Yoga', 24);
    assert.equal(v.verdict, 'mismatch');
    assert.equal(v.certainty, 'unconfirmed');
    assert.deepEqual(v.expected.map((e) => [e.topic.id, e.pages]), [['yoga', [[126, 126]]]]);
  });

  test('2016 and later citations are not checked against the 2009 pages', () => {
    const r = index.resolveCitation({ guideline: 'Chronic Pain Medical Treatment 2016', topic: 'Baclofen', pageRefs: [{ from: 400, to: 400 }] });
    assert.equal(r.status, 'later');
    assert.deepEqual(r.pages, []);
    const dated = index.resolveCitation({ guideline: 'MTUS Chronic Pain Treatment Guidelines', topic: 'Baclofen', pageRefs: [{ from: 400, to: 400 }] }, { date: '2017-01-10' });
    assert.equal(dated.status, 'later');
  });

  test('topics on a page and whether a topic is on it', () => {
    assert.deepEqual(index.topicsOnPage('cpmtg-2009', 78).map((t) => t.id), ['opioids-ongoing', 'opioids-criteria', 'opioids']);
    assert.equal(index.isTopicOnPage('cpmtg-2009', 'benzodiazepines', 24), true);
    assert.equal(index.isTopicOnPage('cpmtg-2009', 'benzodiazepines', 65), false);
  });
});

describe('imported official text', () => {
  const page = (printed: number, text: string) => ({ printed, pdfIndex: printed + 1, text });
  const imported: ImportedGuideline = {
    guidelineId: 'cpmtg-2009',
    pageCount: 127,
    pages: [
      { printed: null, pdfIndex: 0, text: 'Cover' },
      page(24, 'Benzodiazepines\nNot recommended for long-term use.'),
      page(64, 'end of the previous entry\nBaclofen (Lioresal)\nOral baclofen text.'),
      page(65, 'more about baclofen'),
      page(90, 'Yoga\nSelected patients only.'),
      page(126, 'Work conditioning'),
    ],
    contents: [{ title: 'Yoga', page: 90 }],
    source: { fileName: 'cpmtg.pdf', pdf: '/store/cpmtg-2009.pdf', importedAt: '2024-01-01T00:00:00.000Z', pdfPages: 129 },
  };
  const withText = index.withImported([imported]);

  test('describe shows the page text from the topic heading, and a link to the PDF page', () => {
    const d = withText.describe({ guidelineId: 'cpmtg-2009', topicId: 'baclofen', page: 64 });
    assert.equal(d?.pageText, 'Baclofen (Lioresal)\nOral baclofen text.');
    assert.deepEqual(d?.link, { file: '/store/cpmtg-2009.pdf', pdfPage: 66 });
    assert.equal(d?.confidence, 'imported');
    assert.deepEqual(d?.topicPages, [[64, 64]]);
    assert.equal(d?.pageExists, true);
  });

  test('describe without an import gives the index entry', () => {
    const d = index.describe({ guidelineId: 'cpmtg-2009', topicId: 'yoga' });
    assert.equal(d?.pageText, null);
    assert.equal(d?.confidence, 'R-M');
    assert.deepEqual(d?.topicPages, [[126, 126]]);
    assert.match(d?.summary ?? '', /motivated/);
  });

  test('the imported text decides: a topic shown on the cited page is confirmed, elsewhere is an error', () => {
    const cite = (topic: string, p: number) =>
      withText.resolveCitation({ guideline: 'CPMTG', topic, pageRefs: [{ from: p, to: p }] }).pages[0];
    const yogaHere = cite('Yoga', 90);
    assert.deepEqual([yogaHere.verdict, yogaHere.certainty, yogaHere.basis], ['ok', 'confirmed', 'imported']);
    const yogaThere = cite('Yoga', 24);
    assert.deepEqual([yogaThere.verdict, yogaThere.certainty, yogaThere.basis], ['mismatch', 'confirmed', 'imported']);
    assert.deepEqual(yogaThere.expected[0].pages, [[90, 90]]);
    assert.equal(withText.isTopicOnPage('cpmtg-2009', 'yoga', 90), true);
    assert.equal(withText.isTopicOnPage('cpmtg-2009', 'yoga', 126), false);
    assert.deepEqual(withText.topicsOnPage('cpmtg-2009', 90).map((t) => t.id)[0], 'yoga');
  });
});

describe('names and topics the 2016-2017 letters use', () => {
  test('the ACOEM 2007 elbow chapter as "Elbow Complaints 2007", and the 2016 CPMTG with "Guidelines" after its year', () => {
    assert.equal(index.resolveGuideline('Elbow Complaints 2007')?.guideline.id, 'elbow-2007');
    assert.equal(index.resolveGuideline('Elbow Complaints 2004')?.guideline.id, 'elbow-2004');
    assert.equal(index.resolveGuideline('Chronic Pain Medical Treatment 2016 Guidelines')?.guideline.id, 'cpmtg-2016');
  });

  test('a section list matched whole: topic names holding commas, numbered opioid sections, wrapped hyphens', () => {
    const cpmtg = index.resolveCitation({ guideline: 'Chronic Pain Medical Treatment 2016', topic: null, sections: ['NSAIDs', 'GI symptoms & cardiovascular risk', 'Electro- diagnostic testing (EMG/NCS)'] });
    assert.deepEqual([cpmtg.status, cpmtg.topics.map((t) => t.id), cpmtg.unmatchedTopics], ['later', ['nsaids-gi-risk', 'electrodiagnostic'], []]);
    const opioids = index.resolveCitation({ guideline: 'Opioid Treatment 2016', topic: null, sections: ['3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment'] });
    assert.deepEqual([opioids.topics.map((t) => t.id).sort(), opioids.unmatchedTopics], [['chronic', 'maintenance'], []]);
    const postsurgical = index.resolveCitation({ guideline: 'Postsurgical Treatment 2009', topic: null, sections: ['Forearm', 'Wrist', '& Hand'] });
    assert.deepEqual([postsurgical.topics.map((t) => t.id), postsurgical.unmatchedTopics], [['forearm-wrist-hand'], []]);
    const knee = index.resolveCitation({ guideline: 'Knee Complaints 2004', topic: null, sections: ['Diagnostic Criteria', 'Initial Care', 'Summary'] });
    assert.deepEqual([knee.topics.map((t) => t.id), knee.unmatchedTopics], [['diagnostic-criteria', 'initial-care', 'summary'], []]);
    const typo = index.resolveCitation({ guideline: 'Low Back Complaints 2004', topic: null, sections: ['Diagnositc Criteria'] });
    assert.deepEqual(typo.unmatchedTopics, ['diagnositc criteria']);
  });

  test('a Non-MTUS source named after a chapter or a title, or by its web address', () => {
    const source = (sentence: string, guideline: string) =>
      index.resolveCitation({ guideline, topic: null, mtus: false, span: { text: sentence } }).guideline?.id ?? null;
    assert.equal(source('Decision based on Non-MTUS Citation Shoulder (Acute & Chronic), Physical Therapy, ODG Preface', 'Shoulder (Acute & Chronic)'), 'odg');
    assert.equal(source('Decision based on Non-MTUS Citation Naproxen: Drug information, accessed from UpToDate.com', 'Naproxen: Drug information'), 'uptodate');
    assert.equal(source('Decision based on Non-MTUS Citation https://www.example.org/knee-scooters', 'https://www.example.org/knee-scooters'), 'web');
    assert.equal(source('Decision based on Non-MTUS Citation a lecture heard once', 'a lecture heard once'), null);
  });
});
