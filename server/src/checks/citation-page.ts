import { itemCheck, type Fix, type Found } from './types';
import { pageNumberRange, proseTarget } from './mtusCitations';
import { formatRanges, type CitationResolution, type PageVerdict, type Topic } from '../knowledge/mtus';
import type { PageRef } from '../model';

/**
 * A cited page is outside the guideline, or the cited topic is not on it. Most 2009 CPMTG page
 * numbers in the index are not yet confirmed against the official PDF, so this is an error only when
 * the page is outside the guideline, or contradicts an entry confirmed by real letters (confidence C)
 * or by an imported PDF; otherwise a hint. Silent for 2016-and-later guidelines and non-MTUS sources.
 */
const check = itemCheck({
  code: 'citation-page',
  description: 'A cited page is outside the guideline, or the cited topic is not on that page.',
  defaultSeverity: 'error',
  otherSeverity: { severity: 'hint', when: 'the page only disagrees with index entries not yet confirmed' },
  *runItem({ text, knowledge, facts }, item) {
    const index = knowledge.mtus;
    const date = facts.letterDate();
    for (const { citation, resolved } of facts.resolvedCitations(item)) {
      if (resolved.status !== 'mtus') continue;
      for (const verdict of resolved.pages) {
        const finding = pageFinding(resolved, verdict, citation.pageRefs[verdict.ref]);
        if (finding) yield finding;
      }
    }
    for (const prose of item.rationale?.citations ?? []) {
      if (prose.pages.length === 0) continue;
      const target = proseTarget(index, item, prose, date);
      if (!target.guideline || target.unchecked) continue;
      const { count } = index.pageCount(target.guideline.id);
      for (const page of prose.pages) {
        if (index.pageExists(target.guideline.id, page) !== false) continue;
        const at = pageNumberRange(text, prose.span, page);
        yield {
          start: at.start,
          end: at.end,
          message: `The rationale cites page ${page}, outside the ${target.guideline.name}${count !== null ? `, which has ${count} pages` : ''}.`,
          data: { guideline: target.guideline.id, pages: [page, page], basis: 'page-count', certainty: 'confirmed' },
        };
      }
    }
  },
});

function pageFinding(resolved: CitationResolution, verdict: PageVerdict, ref: PageRef | undefined): Found | null {
  const guideline = resolved.guideline;
  if (!guideline || !ref || verdict.verdict === 'ok' || verdict.verdict === 'unchecked') return null;
  const pages = verdict.from === verdict.to ? `page ${verdict.from}` : `pages ${verdict.from}-${verdict.to}`;
  const data = {
    guideline: guideline.id,
    topics: resolved.topics.map((t) => t.id),
    pages: [verdict.from, verdict.to],
    expected: verdict.expected.map((e) => ({ topic: e.topic.id, pages: e.pages })),
    basis: verdict.basis,
    certainty: verdict.certainty,
  };
  if (verdict.verdict === 'outside') {
    const count = verdict.pageCount !== null ? `, which has ${verdict.pageCount} pages${verdict.basis === 'imported' ? ' (imported PDF)' : ''}` : '';
    return { start: ref.span.start, end: ref.span.end, message: `Cited ${pages}: outside the ${guideline.name}${count}.`, data };
  }
  const where = verdict.expected.map((e) => `${e.topic.name} on ${pageWord(e.pages)} ${formatRanges(e.pages)}`).join('; ');
  const topics = listOf(verdict.expected.map((e) => e.topic));
  const about = verdict.onPages.length > 0 ? ` ${capital(pages)} is about ${listOf(verdict.onPages.slice(0, 3))}.` : '';
  if (verdict.certainty === 'confirmed' && verdict.basis === 'imported') {
    return {
      start: ref.span.start,
      end: ref.span.end,
      message: `${topics} is not on ${pages} of the imported ${guideline.short}: the PDF has ${where}.`,
      fixes: pageFixes(verdict, ref),
      data,
    };
  }
  if (verdict.certainty === 'confirmed') {
    return {
      start: ref.span.start,
      end: ref.span.end,
      message: `Cited ${pages} for ${topics}, but the ${guideline.short} has ${where} (confirmed by real letters).${about}`,
      fixes: pageFixes(verdict, ref),
      data,
    };
  }
  return {
    start: ref.span.start,
    end: ref.span.end,
    severity: 'hint',
    message: `Cited ${pages} for ${topics}; the MTUS index places ${where}. These index pages are not yet confirmed: import the official PDF to check.`,
    data,
  };
}

/** "Cite pages 64-65" for each known place of the cited topic (when one topic is cited). */
function pageFixes(verdict: PageVerdict, ref: PageRef): Fix[] {
  if (verdict.expected.length !== 1) return [];
  return verdict.expected[0].pages.slice(0, 3).map(([from, to], i) => {
    const newText = from === to ? `${from}` : `${from}-${to}`;
    return { title: `Cite ${from === to ? 'page' : 'pages'} ${newText}`, edits: [{ start: ref.span.start, end: ref.span.end, newText }], preferred: i === 0 };
  });
}

function pageWord(ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges.length === 1 && ranges[0][0] === ranges[0][1] ? 'page' : 'pages';
}

function listOf(topics: Topic[]): string {
  const names = topics.map((t) => t.name);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export default check;
