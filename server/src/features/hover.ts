/**
 * Hovers: on an MTUS citation (guideline lines and rationale prose), the guideline, pages, topic and
 * what the knowledge base says of it, with an "Open page" link when the official PDF was imported;
 * on a drug name, its generic and brand names, class and the MTUS topics that govern it; on an
 * outcome, what it means and whether the rationale agrees.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import { describeTopic, type DrugEntry } from '../knowledge/drugs';
import { matchCase } from '../knowledge/drugNames';
import { formatRanges, type CitationResolution, type Description, type Topic } from '../knowledge/mtus';
import type { Citation, Item, ProseCitation } from '../model';
import { CATEGORY_NAMES } from '../parser/category';
import { letterDate } from '../checks/mtusCitations';
import { OUTCOME_LABELS, collapse, touches, type LetterDocument } from './document';
import { pageFileUri } from './links';
import { escapeMarkdown, quote, shorten } from './markdown';
import { splitLines } from '../text/lineIndex';
import { agreement } from './summary';
import { pagesText } from './symbols';

/** Longest imported page excerpt shown in a hover. */
const PAGE_TEXT_CHARS = 700;

/** The hover at an offset of a letter, or null. */
export function hover(doc: LetterDocument, offset: number, knowledge: Knowledge): Hover | null {
  const found = find(doc, offset, knowledge);
  if (!found) return null;
  return { contents: { kind: 'markdown', value: found.markdown }, range: doc.lines.range(found.start, found.end) };
}

interface Found {
  markdown: string;
  start: number;
  end: number;
}

function find(doc: LetterDocument, offset: number, knowledge: Knowledge): Found | null {
  const { decision } = doc.analysis;
  const date = letterDate(decision);
  for (const item of decision.items) {
    if (item.outcomeSpan && touches(item.outcomeSpan, offset)) {
      return { markdown: outcomeMarkdown(item), start: item.outcomeSpan.start, end: item.outcomeSpan.end };
    }
    if (item.title.text && touches(item.title, offset)) {
      // A drug named in the title has its own hover; elsewhere the title tells what is disputed.
      return drugAt(doc, offset, knowledge) ?? { markdown: titleMarkdown(item), start: item.title.start, end: item.title.end };
    }
    for (const line of item.guidelines) {
      for (const c of line.citations) {
        if (!touches(c.span, offset)) continue;
        const ref = c.pageRefs.find((r) => touches(r.span, offset));
        const markdown = citationMarkdown(c, ref ? { from: ref.from, to: ref.to } : null, knowledge, date);
        const at = ref ? ref.span : c.span;
        return { markdown, start: at.start, end: at.end };
      }
    }
    for (const c of item.rationale?.citations ?? []) {
      if (!touches(c.span, offset)) continue;
      return { markdown: proseMarkdown(c, item, knowledge, date), start: c.span.start, end: c.span.end };
    }
  }
  return drugAt(doc, offset, knowledge);
}


// ---------------------------------------------------------------------------------------- titles

/** What a title says: the treatment, its category, a modified or retrospective request. */
function titleMarkdown(item: Item): string {
  const out: string[] = [`**${escapeMarkdown(shorten(collapse(item.treatment.text) || collapse(item.title.text)))}**`, ''];
  const dose = [item.strength, item.quantity !== null ? `#${item.quantity}` : null, item.form].filter(Boolean).join(' ');
  out.push(`Category: ${CATEGORY_NAMES[item.category]}${dose ? ` · ${escapeMarkdown(dose)}` : ''}`);
  if (item.request) {
    out.push('', 'A modified request:');
    out.push(`- requested: ${escapeMarkdown(shorten(collapse(item.request.original.text)))}`);
    if (item.request.authorized) out.push(`- authorized by the claims administrator: ${escapeMarkdown(shorten(collapse(item.request.authorized.text)))}`);
    out.push(`- under review here: ${escapeMarkdown(shorten(collapse(item.request.remaining.text)))}`);
  }
  if (item.retrospective) out.push('', `Retrospective request${item.serviceDate ? `, service on ${item.serviceDate}` : ''}.`);
  if (item.outcome) out.push('', `Outcome: **${OUTCOME_LABELS[item.outcome]}**`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------- outcomes

const OUTCOME_MEANING: Record<string, string> = {
  upheld: 'The reviewer **upheld** the utilization review decision: the treatment as requested is found **not medically necessary**.',
  overturned: 'The reviewer **overturned** the utilization review decision: the treatment as requested is found **medically necessary** and is to be authorized.',
  'partially-overturned':
    'Some of the request is found medically necessary and some is not. This is wording for a whole letter; an item is normally **Upheld** or **Overturned**.',
};

function outcomeMarkdown(item: Item): string {
  const out: string[] = [];
  if (!item.outcome) {
    const written = collapse(item.outcomeSpan?.text ?? '');
    out.push(`**${escapeMarkdown(written)}** is not an IMR outcome. An item's outcome is **Upheld** (not medically necessary) or **Overturned** (medically necessary).`);
    return out.join('\n\n');
  }
  out.push(`**${OUTCOME_LABELS[item.outcome]}**`);
  out.push(OUTCOME_MEANING[item.outcome]);
  const r = item.rationale;
  const agrees = agreement(item.outcome, r?.conclusion ?? null);
  if (!r) out.push('This item has no decision rationale.');
  else if (agrees === null) out.push('The rationale states no explicit conclusion on medical necessity.');
  else {
    const said = r.conclusion === 'medically-necessary' ? 'medically necessary' : 'not medically necessary';
    out.push(agrees ? `✓ The rationale agrees: it concludes the request is ${said}.` : `⚠ The rationale concludes the opposite: the request is ${said}.`);
    if (r.conclusionSpan) out.push(quote(r.conclusionSpan.text, 220));
  }
  return out.join('\n\n');
}

// ---------------------------------------------------------------------------------------- citations

type PageFocus = { from: number; to: number } | null;

/** Markdown for a citation of a guideline line ("Decision based on MTUS ... Page(s): 65"). */
function citationMarkdown(c: Citation, focus: PageFocus, knowledge: Knowledge, date: string | null): string {
  const mtus = knowledge.mtus;
  const res = mtus.resolveCitation(c, { date });
  const out: string[] = [];
  const by = c.by === 'maximus' ? 'MAXIMUS' : 'the claims administrator';
  const cited = [collapse(c.topic ?? ''), pagesText(c)].filter(Boolean).join(', ');
  out.push(guidelineTitle(res, c.guideline, c.mtus));
  out.push(`Cited by ${by}${cited ? `: ${escapeMarkdown(cited)}` : ''}`);
  const note = statusNote(res, c.guideline, knowledge);
  if (note) out.push(note);
  if (res.guideline && res.status !== 'non-mtus' && res.status !== 'unknown') {
    out.push(...topicSections(res.guideline.id, res.topics, focus ?? firstRef(c), knowledge));
    for (const v of res.pages) {
      if (focus && (v.from !== focus.from || v.to !== focus.to)) continue;
      const warning = verdictNote(v);
      if (warning) out.push(warning);
    }
  }
  if (res.unmatchedTopics.length) {
    out.push(`Not a topic this guideline is known to have: ${res.unmatchedTopics.map((t) => `"${escapeMarkdown(t)}"`).join(', ')}.`);
  }
  return out.join('\n\n');
}

/** Markdown for a reference inside the rationale ("page 64 of the MTUS ...", "MTUS 9792.20e"). */
function proseMarkdown(c: ProseCitation, item: Item, knowledge: Knowledge, date: string | null): string {
  const mtus = knowledge.mtus;
  if (c.regulation) {
    const reg = mtus.resolveRegulation(c.regulation, { date });
    const out: string[] = [];
    if (!reg) return `**8 CCR ${escapeMarkdown(c.regulation)}**\n\nNot a section reference the knowledge base can read.`;
    const name = reg.definition ? `${reg.section}(${reg.letter}): ${reg.definition.term}` : reg.section;
    out.push(`**8 CCR §${escapeMarkdown(name)}**${reg.guideline ? ` · ${escapeMarkdown(reg.guideline.name)}` : ''}`);
    if (reg.definition) out.push(escapeMarkdown(reg.definition.summary, true), confidenceNote(reg.definition.confidence, 'Lettering'));
    if (reg.problem) out.push(`⚠ ${escapeMarkdown(reg.problem)}.`);
    return out.filter(Boolean).join('\n\n');
  }
  // Which guideline: the one named next to the page, else the one the item's lines cite (MAXIMUS first).
  const itemResolutions = [...item.guidelines]
    .sort((a, b) => (a.by === b.by ? 0 : a.by === 'maximus' ? -1 : 1))
    .flatMap((g) => g.citations)
    .filter((x) => x.mtus)
    .map((x) => mtus.resolveCitation(x, { date }))
    .filter((r) => r.guideline && r.status === 'mtus' && r.guideline.id !== 'mtus');
  let res: CitationResolution | null = null;
  const named = c.guideline && !/^(?:MTUS\s*)?Guidelines?$/i.test(c.guideline) ? c.guideline : null;
  if (named) res = mtus.resolveCitation({ guideline: named, topic: null, pageRefs: [] }, { date });
  if (!res?.guideline || res.guideline.id === 'mtus') res = itemResolutions[0] ?? res;
  if (!res?.guideline || res.guideline.id === 'mtus') {
    const fallback = mtus.resolveCitation({ guideline: 'Chronic Pain Medical Treatment Guidelines', topic: null, pageRefs: [] }, { date });
    if (fallback.guideline) res = fallback;
  }
  const cited: Topic[] = [];
  for (const r of itemResolutions) {
    if (r.guideline?.id !== res?.guideline?.id) continue;
    for (const t of r.topics) if (!cited.includes(t)) cited.push(t);
  }
  const out: string[] = [];
  const pages = c.pages;
  const focus = pageSpan(pages);
  if (!res?.guideline) {
    out.push(`**${escapeMarkdown(c.guideline ?? 'Guideline')}**${focus ? `, ${pageWord(focus)}` : ''}`);
    out.push('This guideline is not in the MTUS knowledge base.');
    return out.join('\n\n');
  }
  out.push(guidelineTitle(res, res.guideline.name, res.guideline.mtus));
  out.push(`Cited in the rationale: ${escapeMarkdown(shorten(c.span.text, 120))}`);
  if (res.status === 'non-mtus' || !res.guideline.mtus) {
    if (res.guideline.note) out.push(escapeMarkdown(res.guideline.note, true));
    return out.join('\n\n');
  }
  // Topics on the cited pages: the one about the item's own treatment, the most specific one, then
  // those the item cites.
  const onPages = focus ? topicsOn(res.guideline.id, focus, knowledge) : [];
  const treatment = collapse(item.treatment.text).toLowerCase().split(' ')[0];
  const aboutTreatment = (t: Topic) => treatment.length >= 4 && [t.name, ...t.aliases].some((n) => n.toLowerCase().includes(treatment));
  const ranked = [...onPages.filter(aboutTreatment), ...onPages.slice(0, 1), ...onPages.filter((t) => cited.includes(t))];
  const topics = ranked.filter((t, i) => ranked.indexOf(t) === i).slice(0, 2);
  out.push(...topicSections(res.guideline.id, topics, focus, knowledge));
  if (focus && onPages.length === 0) out.push(`No topic of the index is known to stand on ${pageWord(focus)}.`);
  return out.join('\n\n');
}

/** The lowest and highest of the pages (a loop: a spread of a huge list would overflow the stack). */
function pageSpan(pages: readonly number[]): PageFocus {
  if (pages.length === 0) return null;
  let from = pages[0];
  let to = pages[0];
  for (const p of pages) {
    if (p < from) from = p;
    if (p > to) to = p;
  }
  return { from, to };
}

function firstRef(c: Citation): PageFocus {
  const r = c.pageRefs[0];
  return r ? { from: r.from, to: r.to } : null;
}

function topicsOn(guidelineId: string, focus: { from: number; to: number }, knowledge: Knowledge): Topic[] {
  const seen: Topic[] = [];
  for (let p = focus.from; p <= focus.to && p - focus.from < 50; p++) {
    for (const t of knowledge.mtus.topicsOnPage(guidelineId, p)) if (!seen.includes(t)) seen.push(t);
  }
  return seen;
}

/** For each topic: name, pages, summary, confidence; then the imported page text and link once. */
function topicSections(guidelineId: string, topics: readonly Topic[], focus: PageFocus, knowledge: Knowledge): string[] {
  const out: string[] = [];
  const page = focus ? focus.from : null;
  let pageShown = false;
  const list = topics.length ? topics.slice(0, 3) : [null];
  for (const topic of list) {
    const d = knowledge.mtus.describe({ guidelineId, topicId: topic?.id ?? null, page, maxChars: PAGE_TEXT_CHARS });
    if (!d) continue;
    if (d.topic) {
      const pages = d.topicPages.length ? ` · ${pageWord(rangeOf(d.topicPages))}` : '';
      const parent = d.parent ? ` (under ${escapeMarkdown(d.parent.name)})` : '';
      out.push(`**${escapeMarkdown(d.topic.name)}**${pages}${parent}`);
      if (d.summary) out.push(escapeMarkdown(d.summary, true));
      const conf = d.confidence ? confidenceNote(d.confidence) : '';
      if (conf) out.push(conf);
    } else if (page !== null) {
      const names = d.topicsOnPage.slice(0, 4).map((t) => `${escapeMarkdown(t.name)} (${formatRanges(t.pages)})`);
      if (names.length) out.push(`On ${pageWord(focus!)}: ${names.join('; ')}`);
    }
    if (d.pageExists === false && page !== null) out.push(`⚠ Page ${page} is not a page of this guideline.`);
    if (!pageShown) pageShown = pushPage(out, d);
  }
  return out;
}

/** Adds the imported page text and the "Open page" link; true when something was added. */
function pushPage(out: string[], d: Description): boolean {
  let added = false;
  if (d.pageText) {
    out.push(`*Page ${d.page ?? ''} of the imported guideline:*\n\n${splitLines(d.pageText).filter((l) => l.trim()).slice(0, 12).map((l) => `> ${escapeMarkdown(l.trim(), true)}`).join('\n>\n')}`);
    added = true;
  }
  if (d.link) {
    out.push(`[Open page ${d.page ?? ''}](${pageFileUri(d.link.file, d.link.pdfPage)})`);
    added = true;
  }
  return added;
}

function rangeOf(ranges: ReadonlyArray<readonly [number, number]>): { from: number; to: number } | { text: string } {
  if (ranges.length === 1) return { from: ranges[0][0], to: ranges[0][1] };
  return { text: formatRanges(ranges) };
}

function pageWord(p: { from: number; to: number } | { text: string }): string {
  if ('text' in p) return `pages ${p.text}`;
  return p.from === p.to ? `page ${p.from}` : `pages ${p.from}-${p.to}`;
}

function guidelineTitle(res: CitationResolution, written: string, mtusCited: boolean): string {
  const g = res.guideline;
  if (!g) return `**${escapeMarkdown(collapse(written) || 'Guideline')}**`;
  const tags: string[] = [];
  tags.push(g.mtus ? 'MTUS' : 'non-MTUS');
  if (g.section) tags.push(`8 CCR ${g.section}`);
  if (!mtusCited && g.mtus) tags.push('cited as non-MTUS');
  return `**${escapeMarkdown(g.name)}** · ${tags.join(', ')}`;
}

function statusNote(res: CitationResolution, written: string, knowledge: Knowledge): string | null {
  switch (res.status) {
    case 'unknown': {
      const near = knowledge.mtus.suggestGuidelines(written);
      const hint = near.length ? ` Did you mean ${near.map((n) => `*${escapeMarkdown(n)}*`).join(' or ')}?` : '';
      return res.match?.yearMismatch
        ? `⚠ The year cited is not a year of ${escapeMarkdown(res.match.guideline.name)}.`
        : `"${escapeMarkdown(collapse(written))}" is not a guideline name the knowledge base knows.${hint}`;
    }
    case 'non-mtus':
      return `A source outside the MTUS; its pages are not checked.${res.guideline?.note ? ` ${escapeMarkdown(res.guideline.note)}` : ''}`;
    case 'mislabelled':
      return `⚠ ${escapeMarkdown(res.guideline?.name ?? 'This source')} is not part of the MTUS, but the citation presents it as MTUS.`;
    case 'later':
      return 'A 2016-or-later MTUS guideline: its pages are not checked against the 2009 page index.';
    default:
      return null;
  }
}

function verdictNote(v: CitationResolution['pages'][number]): string | null {
  const cited = pageWord({ from: v.from, to: v.to });
  if (v.verdict === 'outside') return `⚠ ${cited[0].toUpperCase()}${cited.slice(1)} is outside this guideline${v.pageCount ? ` (${v.pageCount} pages)` : ''}.`;
  if (v.verdict === 'mismatch') {
    const where = v.expected.map((e) => `${escapeMarkdown(e.topic.name)} is on ${pageWord(rangeOf(e.pages))}`).join('; ');
    const sure = v.certainty === 'confirmed' ? '⚠' : 'Possibly';
    return `${sure} the cited topic is not on ${cited}: ${where}.`;
  }
  return null;
}

function confidenceNote(confidence: string, subject = 'Pages'): string {
  const levels: Record<string, string> = { 'R-H': 'high', 'R-M': 'medium', 'R-L': 'low' };
  if (confidence === 'imported') return `*${subject} as shown by the imported official PDF.*`;
  if (confidence === 'C') return `*${subject} as real letters cite them; not yet checked against the official PDF.*`;
  if (levels[confidence]) return `*${subject} recalled from how letters cite the guideline (${levels[confidence]} confidence); import the official PDF to confirm.*`;
  return '';
}

// ---------------------------------------------------------------------------------------- drugs

function drugAt(doc: LetterDocument, offset: number, knowledge: Knowledge): Found | null {
  const { text, decision } = doc.analysis;
  const line = doc.lines.lineAt(offset);
  const start = doc.lines.lineStart(line);
  const end = doc.lines.lineEnd(line);
  if (end - start > 20_000) return null;
  const lineText = text.slice(start, end);
  const match = knowledge.drugs.findAll(lineText).find((m) => offset >= start + m.start && offset <= start + m.end);
  if (match) return { markdown: drugMarkdown(match.name, match.entry), start: start + match.start, end: start + match.end };
  // An item's treatment that is no known drug: say so, with the nearest names.
  const item = decision.items.find((i) => i.treatment.text && touches(i.treatment, offset));
  if (!item) return null;
  const word = wordAt(text, offset, item.treatment);
  if (!word || word.text.length < 4 || /\d/.test(word.text)) return null;
  const near = knowledge.drugs.suggest(word.text, 3);
  if (near.length === 0) return null;
  const markdown = `**${escapeMarkdown(word.text)}** is not a drug name the lexicon knows. Did you mean ${near.map((n) => `**${escapeMarkdown(matchCase(word.text, n))}**`).join(', ')}?`;
  return { markdown, start: word.start, end: word.end };
}

/** The word (letters, digits, hyphens) at an offset inside a span. */
function wordAt(text: string, offset: number, within: { start: number; end: number }): { text: string; start: number; end: number } | null {
  let a = offset;
  let b = offset;
  while (a > within.start && /[\p{L}\p{N}-]/u.test(text[a - 1])) a--;
  while (b < within.end && /[\p{L}\p{N}-]/u.test(text[b])) b++;
  return b > a ? { text: text.slice(a, b), start: a, end: b } : null;
}

/** Markdown for a drug name: what it is, its other names, its class and governing topics. */
export function drugMarkdown(written: string, entry: DrugEntry): string {
  const out: string[] = [];
  const name = collapse(written);
  const isGeneric = !entry.genericIsDescription && name.toLowerCase() === entry.generic.toLowerCase();
  if (entry.kind === 'user') {
    out.push(`**${escapeMarkdown(name)}**`, escapeMarkdown(entry.governs, true));
    return out.join('\n\n');
  }
  const isBrand = entry.brands.some((b) => b.toLowerCase() === name.toLowerCase());
  if (isGeneric) out.push(`**${escapeMarkdown(entry.generic)}** · generic name`);
  else if (isBrand && !entry.genericIsDescription) out.push(`**${escapeMarkdown(name)}** · brand of **${escapeMarkdown(entry.generic)}**`);
  else if (isBrand) out.push(`**${escapeMarkdown(name)}** · ${escapeMarkdown(entry.generic)}`);
  else out.push(`**${escapeMarkdown(name)}** · another name for **${escapeMarkdown(entry.generic)}**`);
  const facts: string[] = [`Class: ${escapeMarkdown(entry.drugClass)}`];
  const brands = entry.brands.filter((b) => b.toLowerCase() !== name.toLowerCase());
  if (brands.length) facts.push(`${isGeneric ? 'Brands' : 'Other brands'}: ${escapeMarkdown(brands.slice(0, 8).join(', '))}${brands.length > 8 ? ', …' : ''}`);
  if (entry.ingredients.length > 1) facts.push(`Contains: ${escapeMarkdown(entry.ingredients.join(', '))}`);
  out.push(facts.join('  \n'));
  if (entry.topics.length) {
    out.push(`**Governing topics**\n\n${entry.topics.map((t) => `- ${escapeMarkdown(describeTopic(t), true)}`).join('\n')}`);
  }
  if (entry.note) out.push(`*${escapeMarkdown(entry.note)}*`);
  return out.join('\n\n');
}
