import { itemCheck, type Fix } from './types';
import { nameRange, proseTarget } from './mtusCitations';
import type { Citation } from '../model';
import type { Guideline, MtusIndex } from '../knowledge/mtus';

/**
 * A citation names a guideline the MTUS index does not know, names a year the guideline does not
 * have, or cites a non-MTUS source (ODG, ACOEM 3rd ed.) as MTUS. Non-MTUS citations are recognised
 * as such and left alone; guideline names and regulations in rationale prose get a hint.
 */
const check = itemCheck({
  code: 'unknown-guideline',
  description: 'A citation names a guideline that is not known.',
  defaultSeverity: 'warning',
  otherSeverity: { severity: 'hint', when: 'the name is in rationale prose' },
  *runItem({ text, knowledge, facts }, item) {
    const index = knowledge.mtus;
    const date = facts.letterDate();
    for (const { citation, resolved } of facts.resolvedCitations(item)) {
      const at = citation.guidelineSpan.end > citation.guidelineSpan.start ? citation.guidelineSpan : citation.span;
      if (resolved.status === 'unknown') {
        const yearless = resolved.match?.yearMismatch ? resolved.match.guideline : null;
        const message = yearless
          ? `"${citation.guideline}": ${withoutYear(yearless.short)} is known only as ${editions(yearless).map((n) => `"${n}"`).join(' or ')}, not ${resolved.match?.year}.`
          : `"${citation.guideline}" is not a guideline the MTUS index knows.${suggestionText(index, citation)}`;
        yield {
          start: at.start,
          end: at.end,
          message,
          fixes: yearless ? yearFixes(yearless, at) : suggestionFixes(index, citation, text, at),
          data: { guideline: citation.guideline, suggestions: index.suggestGuidelines(citation.guideline) },
        };
      } else if (resolved.status === 'mislabelled' && resolved.guideline) {
        yield {
          start: at.start,
          end: at.end,
          message: `${resolved.guideline.name} is not part of the MTUS: cite it as a "Non-MTUS Citation".`,
          data: { guideline: citation.guideline, source: resolved.guideline.id },
        };
      }
    }
    for (const prose of item.rationale?.citations ?? []) {
      if (prose.regulation) {
        const regulation = index.resolveRegulation(prose.regulation, { date });
        if (regulation?.problem) {
          yield {
            start: prose.span.start,
            end: prose.span.end,
            severity: 'hint',
            message: `The rationale cites "${prose.span.text}", but ${regulation.problem}.`,
            data: { regulation: prose.regulation },
          };
        }
        continue;
      }
      const target = proseTarget(index, item, prose, date);
      if (target.unknown && prose.guideline) {
        const at = nameRange(text, prose.span, prose.guideline);
        yield {
          start: at.start,
          end: at.end,
          severity: 'hint',
          message: `The rationale cites "${prose.guideline}", which is not a guideline the MTUS index knows.`,
          data: { guideline: prose.guideline },
        };
      }
    }
  },
});

/** The names a guideline has with each of its years: ["Knee Complaints 2004"]. */
function editions(g: Guideline): string[] {
  const base = withoutYear(g.short);
  const years = g.years.length > 0 ? g.years : g.year !== null ? [g.year] : [];
  return years.map((y) => `${base} ${y}`);
}

/** A short name without its trailing four-digit year: "Knee Complaints 2004" → "Knee Complaints". */
function withoutYear(name: string): string {
  if (name.length < 4 || !/^\d{4}$/.test(name.slice(-4))) return name;
  return name.slice(0, -4).trimEnd();
}

/** "Knee Complaints 2009" → "Knee Complaints 2004". */
function yearFixes(g: Guideline, at: { start: number; end: number }): Fix[] {
  return editions(g).map((name, i) => ({ title: `Change to "${name}"`, edits: [{ start: at.start, end: at.end, newText: name }], preferred: i === 0 }));
}

function suggestionText(index: MtusIndex, citation: Citation): string {
  const list = index.suggestGuidelines(citation.guideline);
  return list.length > 0 ? ` Did you mean ${list.map((s) => `"${s}"`).join(' or ')}?` : '';
}

/** Replace the misspelt name (only the words the suggestion stands for) by a suggested one. */
function suggestionFixes(index: MtusIndex, citation: Citation, text: string, at: { start: number; end: number }): Fix[] {
  return index
    .suggestGuidelineNames(citation.guideline)
    .slice(0, 2)
    .map((suggestion, i) => {
      const end = endOfWords(text, at.start, at.end, suggestion.words);
      return { title: `Change to "${suggestion.name}"`, edits: [{ start: at.start, end, newText: suggestion.name }], preferred: i === 0 };
    });
}

/** Source offset after the first `count` words in [start, end). */
function endOfWords(text: string, start: number, end: number, count: number): number {
  const words = /[A-Za-z0-9]+(?:[./'-][A-Za-z0-9]+)*/g;
  const slice = text.slice(start, end);
  let last = slice.length;
  let seen = 0;
  for (let m = words.exec(slice); m; m = words.exec(slice)) {
    seen++;
    if (seen === count) {
      last = m.index + m[0].length;
      break;
    }
  }
  return start + last;
}

export default check;
