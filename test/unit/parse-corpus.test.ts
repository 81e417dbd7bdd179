/**
 * Golden tests: the five real letters, parsed, against what the letters say (checked by hand
 * against the text of each letter in ../shared/corpus).
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Decision, Span } from '../../server/src/model';
import { parse } from '../../server/src/parser/parse';
import { decisionToJson } from '../../server/src/json';
import { readLetter } from '../helpers';

/** The parts of the JSON model a golden test compares (ranges are tested separately). */
function summary(text: string) {
  const json = decisionToJson(parse(text), text);
  return {
    layout: json.layout,
    form: json.form,
    caseNumber: json.caseNumber,
    dates: json.dates,
    priority: json.priority,
    reviewer: json.reviewer,
    sections: json.sections.map((s) => s.kind),
    items: json.items.map((i) => ({
      title: i.title,
      outcome: i.outcome,
      treatment: i.treatment,
      strength: i.strength,
      quantity: i.quantity,
      citations: i.citations.map((c) => [c.by, c.source, c.guideline, c.topic, c.pages, c.sections ?? []]),
      conclusion: i.rationale ? i.rationale.conclusion : 'no rationale',
    })),
  };
}

const CPTG = 'Chronic Pain Treatment Guidelines';

describe('golden models of the five corpus letters', () => {
  test('000: one Baclofen item, upheld, page 65', () => {
    assert.deepEqual(summary(readLetter('000')), {
      layout: 'final-determination',
      form: 'markdown',
      caseNumber: 'CM15-0027300',
      dates: { assigned: '2015-02-19', injury: '2001-08-01', decision: '2015-04-07', urDenial: '2015-02-02', applicationReceived: '2015-02-12' },
      priority: 'Standard',
      reviewer: { licensure: ['New Jersey', 'Michigan', 'California'], specialty: ['Neurology', 'Neuromuscular Medicine'] },
      sections: ['how-made', 'clinical-summary', 'issues'],
      items: [
        {
          title: 'Baclofen 20mg #120',
          outcome: 'upheld',
          treatment: 'Baclofen',
          strength: '20mg',
          quantity: 120,
          citations: [
            ['claims-administrator', 'MTUS', CPTG, null, [], []],
            ['maximus', 'MTUS', CPTG, 'Baclofen', [65], []],
          ],
          conclusion: 'not-medically-necessary',
        },
      ],
    });
  });

  test('001 (PDF text): no header, section-form citations, Baclofen 10 mg QTY 45.00', () => {
    assert.deepEqual(summary(readLetter('001')), {
      layout: 'final-determination',
      form: 'pdf-text',
      caseNumber: null,
      dates: {},
      priority: null,
      reviewer: { licensure: ['Texas', 'New York', 'California'], specialty: ['Preventive Medicine', 'Occupational Medicine'] },
      sections: ['how-made', 'clinical-summary', 'issues'],
      items: [
        {
          title: 'Baclofen 10 mg QTY 45.00',
          outcome: 'upheld',
          treatment: 'Baclofen',
          strength: '10mg',
          quantity: 45,
          citations: [
            ['claims-administrator', 'MTUS', 'Chronic Pain Medical Treatment 2009', 'Muscle relaxants (for pain)', [], ['Muscle relaxants (for pain)']],
            ['maximus', 'MTUS', 'General Approaches 2004', 'Initial Approaches to Treatment', [], ['Initial Approaches to Treatment']],
            [
              'maximus',
              'MTUS',
              'Chronic Pain Medical Treatment 2009',
              'Introduction, Muscle relaxants (for pain)',
              [],
              ['Introduction', 'Muscle relaxants (for pain)'],
            ],
          ],
          conclusion: 'not-medically-necessary',
        },
      ],
    });
  });

  test('002: topical Baclofen cream, MTUS and ODG, concluded by "no documentation for the medical necessity"', () => {
    assert.deepEqual(summary(readLetter('002')), {
      layout: 'final-determination',
      form: 'markdown',
      caseNumber: 'CM14-0129040',
      dates: { assigned: '2014-08-18', injury: '2006-11-07', decision: '2014-11-07', urDenial: '2014-07-25', applicationReceived: '2014-08-12' },
      priority: 'Standard',
      reviewer: { licensure: ['Florida'], specialty: ['Internal Medicine', 'Emergency Medicine'] },
      sections: ['how-made', 'clinical-summary', 'issues'],
      items: [
        {
          title: 'Baclofen cream #2 120mg',
          outcome: 'upheld',
          treatment: 'Baclofen',
          strength: '120mg',
          quantity: 2,
          citations: [
            ['claims-administrator', 'MTUS', CPTG, 'Topical Analgesics', [111, 112, 113], []],
            ['maximus', 'MTUS', CPTG, 'TOPICAL ANALGESICS', [111, 112, 113], []],
            ['maximus', 'ODG', 'Official Disability Guidelines (ODG) Pain', 'Topical Analgesics', [], []],
          ],
          conclusion: 'not-medically-necessary',
        },
      ],
    });
  });

  test('003: Klonopin, Baclofen and Norco, all upheld, pages 24, 65, 76-79', () => {
    assert.deepEqual(summary(readLetter('003')), {
      layout: 'final-determination',
      form: 'markdown',
      caseNumber: 'CM15-0033230',
      dates: { assigned: '2015-02-26', injury: '2003-02-04', decision: '2015-04-13', urDenial: '2015-01-27', applicationReceived: '2015-02-23' },
      priority: 'Standard',
      reviewer: { licensure: ['New Jersey', 'Michigan', 'California'], specialty: ['Neurology', 'Neuromuscular Medicine'] },
      sections: ['how-made', 'clinical-summary', 'issues'],
      items: [
        {
          title: 'Klonopin 1mg quantity 30',
          outcome: 'upheld',
          treatment: 'Klonopin',
          strength: '1mg',
          quantity: 30,
          citations: [['maximus', 'MTUS', CPTG, 'Benzodiazepines', [24], []]],
          conclusion: 'not-medically-necessary',
        },
        {
          title: 'Baclofen 20mg quantity 90',
          outcome: 'upheld',
          treatment: 'Baclofen',
          strength: '20mg',
          quantity: 90,
          citations: [['maximus', 'MTUS', CPTG, 'Baclofen', [65], []]],
          conclusion: 'not-medically-necessary',
        },
        {
          title: 'Norco 10/325mg quantity 180',
          outcome: 'upheld',
          treatment: 'Norco',
          strength: '10/325mg',
          quantity: 180,
          citations: [['maximus', 'MTUS', CPTG, 'Criteria for use of opioids', [76, 77, 78, 79], []]],
          conclusion: 'not-medically-necessary',
        },
      ],
    });
    // The claims administrator cited nothing, in so many words, for every item.
    const d = parse(readLetter('003'));
    assert.deepEqual(
      d.items.map((i) => i.guidelines.find((g) => g.by === 'claims-administrator')?.citesNothing),
      [true, true, true],
    );
  });

  test('004 (PDF text): Percocet overturned, Baclofan upheld', () => {
    assert.deepEqual(summary(readLetter('004')), {
      layout: 'final-determination',
      form: 'pdf-text',
      caseNumber: null,
      dates: {},
      priority: null,
      reviewer: { licensure: ['California'], specialty: ['Physical Medicine and Rehabilitation', 'Interventional Spine'] },
      sections: ['how-made', 'clinical-summary', 'issues'],
      items: [
        {
          title: 'Percocet 10/325 mg, QTY: 60',
          outcome: 'overturned',
          treatment: 'Percocet',
          strength: '10/325mg',
          quantity: 60,
          citations: [
            ['claims-administrator', 'MTUS', CPTG, 'Opioids', [], []],
            ['maximus', 'MTUS', CPTG, 'Criteria for use of opioids and Medications for chronic pain', [88, 89, 76, 77, 78, 60, 61], []],
          ],
          conclusion: 'medically-necessary',
        },
        {
          title: 'Baclofan 20 mg, QTY: 30',
          outcome: 'upheld',
          treatment: 'Baclofan',
          strength: '20mg',
          quantity: 30,
          citations: [
            ['claims-administrator', 'MTUS', CPTG, 'Muscle relaxants (for pain)', [], []],
            ['maximus', 'MTUS', CPTG, 'Muscle Relaxants (for pain)', [63, 64], []],
          ],
          conclusion: 'not-medically-necessary',
        },
      ],
    });
  });
});

describe('rationale details', () => {
  test('prose citations in 001: pages 64 and 7 of the CPMTG, page 47 of ACOEM, 9792.20e', () => {
    const r = parse(readLetter('001')).items[0].rationale!;
    assert.deepEqual(
      r.citations.map((c) => [c.guideline, c.pages, c.regulation]),
      [
        ['Chronic Pain Medical Treatment Guidelines', [64], null],
        ['Chronic Pain Medical Treatment Guidelines', [7], null],
        ['ACOEM Practice Guidelines', [47], null],
        [null, [], '9792.20e'],
      ],
    );
  });

  test('prose citations in 004: pages 88 and 89, page 78, page 63', () => {
    const [percocet, baclofan] = parse(readLetter('004')).items;
    assert.deepEqual(percocet.rationale!.citations.map((c) => c.pages), [[88, 89], [78]]);
    assert.deepEqual(baclofan.rationale!.citations.map((c) => c.pages), [[63]]);
  });

  test('restatements: "BACLOFEN 20MG #90" in 003, "Baclofan 20 mg Qty: 30" and "Baclofan #30" in 004', () => {
    const d3 = parse(readLetter('003'));
    assert.deepEqual(
      d3.items.map((i) => i.rationale!.restatements.map((r) => [r.span.text, r.strength, r.quantity])),
      [[['Klonopin 1mg #30', '1mg', 30]], [['BACLOFEN 20MG #90', '20mg', 90]], [['Norco 10/325mg #180', '10/325mg', 180]]],
    );
    const d4 = parse(readLetter('004'));
    assert.deepEqual(
      d4.items[1].rationale!.restatements.map((r) => [r.span.text, r.strength, r.quantity]),
      [
        ['Baclofan 20 mg Qty: 30', '20mg', 30],
        ['Baclofan #30', null, 30],
      ],
    );
  });

  test('the conclusion sentence is the last one that speaks of medical necessity', () => {
    const d = parse(readLetter('001'));
    assert.equal(d.items[0].rationale!.conclusionSpan!.text, 'Therefore, the request is not medically necessary.');
  });
});

describe('ranges point at the original characters', () => {
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

  for (const prefix of ['000', '001', '002', '003', '004']) {
    test(`every span of letter ${prefix} covers the text it names`, () => {
      const text = readLetter(prefix);
      const d: Decision = parse(text);
      const spans: Span[] = [];
      for (const s of d.sections) spans.push(s.heading);
      for (const f of d.header?.fields ?? []) spans.push(f.label, f.value);
      for (const item of d.items) {
        spans.push(item.title, item.treatment);
        if (item.outcomeSpan) spans.push(item.outcomeSpan);
        if (item.strengthSpan) spans.push(item.strengthSpan);
        if (item.quantitySpan) spans.push(item.quantitySpan);
        for (const g of item.guidelines) {
          spans.push(g.label, g.value);
          for (const c of g.citations) spans.push(c.span, c.guidelineSpan, ...c.pageRefs.map((p) => p.span));
        }
        if (item.rationale) {
          spans.push(item.rationale.body, ...item.rationale.restatements.map((r) => r.span), ...item.rationale.citations.map((c) => c.span));
          if (item.rationale.conclusionSpan) spans.push(item.rationale.conclusionSpan);
        }
      }
      assert.ok(spans.length > 10);
      for (const span of spans) {
        assert.ok(span.start <= span.end && span.end <= text.length, `span out of bounds: ${JSON.stringify(span)}`);
        // Wrapped text is joined by one space; markup (**, <b>) never sits inside a span's text.
        const source = collapse(text.slice(span.start, span.end).replace(/\*\*|<\/?b>/g, ''));
        assert.equal(source, collapse(span.text), `span ${JSON.stringify(span.text)} at ${span.start}`);
      }
    });
  }

  test('a title in markdown excludes the bold marks and the colon', () => {
    const text = readLetter('000');
    const item = parse(text).items[0];
    assert.equal(text.slice(item.title.start - 2, item.title.end + 3), '**Baclofen 20mg #120:**');
    assert.equal(text.slice(item.outcomeSpan!.start, item.outcomeSpan!.end), 'Upheld');
  });
});

test('"MTUS Guidelines pages 88 and 89" names the MTUS but no particular guideline', () => {
  const [percocet, baclofan] = parse(readLetter('004')).items;
  assert.deepEqual(percocet.rationale!.citations.map((c) => c.guideline), [null, null]);
  assert.deepEqual(baclofan.rationale!.citations.map((c) => c.guideline), [null]);
});
