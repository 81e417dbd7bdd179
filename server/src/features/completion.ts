/**
 * Completion: drug names (brand and generic) in item titles, outcomes after an item title's colon,
 * guideline names and topics in guideline lines, section headings and item labels at line start.
 * What to offer is decided from the current line and the section the cursor is in.
 */
import { ANY_ITEM_LABEL, BOLD_TITLE_LINE, GUIDELINE_LABEL, ITEM_LABELS } from '../parser/vocabulary';
import { CompletionItemKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import { matchCase } from '../knowledge/drugNames';
import type { DrugName } from '../knowledge/drugs';
import { formatRanges, type Guideline } from '../knowledge/mtus';
import type { Layout, Section } from '../model';
import { LAYOUT_HEADINGS } from '../parser/headings';
import { letterDate } from '../checks/mtusCitations';
import type { LetterDocument } from './document';
import { drugMarkdown } from './hover';
import { escapeMarkdown } from './markdown';

const LABEL_TEXTS = ITEM_LABELS.map((l) => l.text);
const LEAD_MARKUP = /^(?:#{1,6}\s+|\*\*|__|<b>|<strong>)/i;

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

interface Context {
  doc: LetterDocument;
  knowledge: Knowledge;
  offset: number;
  lineStart: number;
  /** The line's text before the cursor. */
  before: string;
  /** The line's text after the cursor. */
  after: string;
  section: Section | undefined;
  layout: Exclude<Layout, 'unknown'>;
  markdown: boolean;
}

/** The completions at an offset of a letter. */
export function completions(doc: LetterDocument, offset: number, knowledge: Knowledge): CompletionList {
  const ctx = context(doc, offset, knowledge);
  if (!ctx) return EMPTY;
  const items = [...guidelineLine(ctx), ...outcomes(ctx), ...lineStart(ctx), ...titleDrugs(ctx)];
  return { isIncomplete: false, items: dedupe(items) };
}

function context(doc: LetterDocument, offset: number, knowledge: Knowledge): Context | null {
  const { text, decision } = doc.analysis;
  const line = doc.lines.lineAt(offset);
  const lineStart = doc.lines.lineStart(line);
  const lineEnd = doc.lines.lineEnd(line);
  if (offset < lineStart || offset > lineEnd || offset - lineStart > 2000) return null;
  const section = [...decision.sections].reverse().find((s) => s.start <= offset);
  return {
    doc,
    knowledge,
    offset,
    lineStart,
    before: text.slice(lineStart, offset),
    after: text.slice(offset, lineEnd),
    section,
    layout: decision.layout === 'unknown' ? 'final-determination' : decision.layout,
    markdown: decision.form === 'markdown',
  };
}

// ---------------------------------------------------------------------------------------- helpers

const WORD_CHAR = /^[\p{L}\p{N}'-]$/u;

/**
 * The word being typed just before the cursor: letters, digits, hyphens, apostrophes. Scanned
 * backwards one character (code point) at a time, so a long line costs only the word's length.
 */
function partialWord(before: string): string {
  let start = before.length;
  while (start > 0) {
    const low = before.charCodeAt(start - 1);
    const pair = start >= 2 && low >= 0xdc00 && low <= 0xdfff && isHighSurrogate(before.charCodeAt(start - 2));
    const size = pair ? 2 : 1;
    if (!WORD_CHAR.test(before.slice(start - size, start))) break;
    start -= size;
  }
  return before.slice(start);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether a guideline name as typed ends in its page list ("..., Page(s): 64, 65-"). */
function endsInPageList(typed: string): boolean {
  const lower = typed.toLowerCase();
  const at = lower.lastIndexOf('page(s)');
  if (at < 0) return false;
  const rest = lower.slice(at + 'page(s)'.length).replace(/^\s*:/, '');
  return /^[\d,\s-]*$/.test(rest);
}

function edit(ctx: Context, from: number, newText: string): TextEdit {
  return { range: ctx.doc.lines.range(from, ctx.offset), newText };
}

/** The line's text before the cursor without leading white space and markup. */
function barePrefix(before: string): { text: string; skipped: number } {
  let skipped = before.length - before.trimStart().length;
  let text = before.trimStart();
  for (let m = LEAD_MARKUP.exec(text); m; m = LEAD_MARKUP.exec(text)) {
    skipped += m[0].length;
    text = text.slice(m[0].length);
  }
  return { text: text.replace(/\*\*|__|<\/?b>|<\/?strong>/gi, ''), skipped };
}

function inIssues(ctx: Context): boolean {
  return ctx.section === undefined || ctx.section.kind === 'issues' || ctx.section.kind === 'decisions-summary';
}


/**
 * Whether the cursor's line continues a guideline line or a rationale (wrapped prose, not a title).
 * A bold title line typed after an item's rationale is a new item even before the parser has
 * closed the rationale above it.
 */
function insideField(ctx: Context): boolean {
  const at = ctx.lineStart;
  if (BOLD_TITLE_LINE.test(ctx.doc.analysis.text.slice(at, at + 240))) return false;
  for (const item of ctx.doc.analysis.decision.items) {
    if (at < item.start || at > item.end) continue;
    const r = item.rationale;
    if (r && at > r.body.start && at <= r.body.end) return true;
    if (item.guidelines.some((g) => at > g.value.start && at <= g.value.end)) return true;
  }
  return false;
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.label}\u0000${i.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------- drugs

/** Drug names in an item title: a line of the issues section that is not a label, before its colon. */
function titleDrugs(ctx: Context): CompletionItem[] {
  if (!inIssues(ctx) || ctx.doc.analysis.decision.layout === 'professional-review') return [];
  const { text: bare } = barePrefix(ctx.before);
  if (bare.includes(':') || ANY_ITEM_LABEL.test(bare) || bare.length > 120) return [];
  const word = partialWord(ctx.before);
  if (word.length === 0 || !/^\p{L}/u.test(word)) return [];
  const first = word[0].toLowerCase();
  const from = ctx.offset - word.length;
  const items: CompletionItem[] = [];
  for (const name of ctx.knowledge.drugs.names()) {
    if (name.name[0]?.toLowerCase() !== first) continue;
    items.push(drugItem(ctx, name, word, from));
  }
  return items;
}

function drugItem(ctx: Context, drug: DrugName, word: string, from: number): CompletionItem {
  const entry = drug.entry;
  // Titles start with a capital ("Baclofen 20mg #120"); a word typed in capitals stays in capitals.
  const written = matchCase(word, drug.name);
  const label = /^\p{Ll}/u.test(written) && from === ctx.lineStart + barePrefix(ctx.before).skipped ? written[0].toUpperCase() + written.slice(1) : written;
  const role = drug.role === 'generic' ? 'generic' : drug.role === 'brand' ? `brand of ${entry.generic}` : `also ${entry.generic}`;
  return {
    label,
    labelDetails: { description: role },
    kind: drug.role === 'generic' ? CompletionItemKind.Value : CompletionItemKind.Constant,
    detail: entry.drugClass,
    documentation: { kind: 'markdown', value: drugMarkdown(drug.name, entry) },
    filterText: label,
    sortText: `2${drug.role === 'generic' ? 0 : 1}${label.toLowerCase()}`,
    textEdit: edit(ctx, from, label),
  };
}

// ---------------------------------------------------------------------------------------- outcomes

const OUTCOME_ITEMS: Array<{ label: string; detail: string; doc: string }> = [
  { label: 'Upheld', detail: 'not medically necessary', doc: 'The utilization review decision stands: the treatment as requested is **not medically necessary**.' },
  { label: 'Overturned', detail: 'medically necessary', doc: 'The utilization review decision is reversed: the treatment as requested is **medically necessary**.' },
];

/** Outcomes after an item title's colon ("Baclofen 20mg #120: |"). */
function outcomes(ctx: Context): CompletionItem[] {
  if (!inIssues(ctx)) return [];
  const { text: bare } = barePrefix(ctx.before);
  const m = /^(.*\S)\s*:\s*([A-Za-z]*)$/.exec(bare);
  if (!m || ANY_ITEM_LABEL.test(bare) || m[1].length > 200 || insideField(ctx)) return [];
  if (ctx.after.trim() && !/^[A-Za-z]*\s*$/.test(ctx.after)) return [];
  const word = partialWord(ctx.before);
  const from = ctx.offset - word.length;
  // "Title:" or "**Title:**" with no space yet: the outcome brings its own.
  const needsSpace = from > ctx.lineStart && !/\s/.test(ctx.doc.analysis.text[from - 1]);
  return OUTCOME_ITEMS.map((o, i) => ({
    label: o.label,
    kind: CompletionItemKind.EnumMember,
    detail: o.detail,
    documentation: { kind: 'markdown', value: `**${o.label}**: ${o.doc}` },
    sortText: `0${i}`,
    filterText: o.label,
    textEdit: edit(ctx, from, `${needsSpace ? ' ' : ''}${o.label}`),
  }));
}

// ---------------------------------------------------------------------------------------- line start

/** Section headings (and, in the issues section, item labels) on a line that has only a word so far. */
function lineStart(ctx: Context): CompletionItem[] {
  const trimmed = ctx.before.trimStart();
  const lead = ctx.before.length - trimmed.length;
  if (!/^(?:#{1,6}\s*)?(?:\*\*)?[A-Za-z][A-Za-z ,()/']*$|^#{1,6}\s*$|^\*\*$/.test(trimmed) && trimmed !== '') return [];
  if (ctx.after.trim()) return [];
  const from = ctx.lineStart + lead;
  const typed = trimmed;
  const hashes = /^#{1,6}/.exec(typed)?.[0];
  const markdown = ctx.markdown || hashes !== undefined || typed.startsWith('**');
  const present = new Set(ctx.doc.analysis.decision.sections.map((s) => s.kind));
  const items: CompletionItem[] = [];
  const defs = LAYOUT_HEADINGS[ctx.layout];
  defs.forEach((def, i) => {
    const heading = def.colon ? `${def.text}:` : def.text;
    const newText = markdown ? `${hashes ?? '###'} ${heading}` : heading;
    items.push({
      label: heading,
      kind: CompletionItemKind.Keyword,
      detail: present.has(def.kind) ? 'section heading (already in the letter)' : 'section heading',
      sortText: `${present.has(def.kind) ? 5 : 1}${i}`,
      filterText: newText,
      textEdit: edit(ctx, from, newText),
    });
  });
  if (inIssues(ctx) && ctx.section?.kind === 'issues' && !hashes) {
    LABEL_TEXTS.forEach((label, i) => {
      const newText = markdown ? `**${label}** ` : `${label} `;
      items.push({
        label,
        kind: CompletionItemKind.Property,
        detail: 'item label',
        sortText: `3${i}`,
        filterText: newText,
        textEdit: edit(ctx, from, newText),
      });
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------- guidelines

/** Guideline names and topics after "Claims Administrator guideline:" / "MAXIMUS guideline:". */
function guidelineLine(ctx: Context): CompletionItem[] {
  const { text: bare } = barePrefix(ctx.before);
  const label = GUIDELINE_LABEL.exec(bare);
  if (!label) return [];
  const value = bare.slice(label[0].length);
  const claims = /^Claims/i.test(label[1]);
  const word = partialWord(ctx.before);
  const lastDecision = value.toLowerCase().lastIndexOf('decision based on');
  if (lastDecision < 0) return openings(ctx, value, claims);
  let cited = value.slice(lastDecision + 'decision based on'.length);
  const nonMtus = /^\s*Non-MTUS(?:\s+Citation)?\s*:?/i.exec(cited);
  const mtusWord = /^\s*(?:CA\s+)?MTUS\b\s*:?/i.exec(cited);
  cited = cited.slice((nonMtus ?? mtusWord)?.[0].length ?? 0).replace(/^\s+/, '');
  const typedName = cited.slice(0, cited.length - word.length).trim();
  const nameFrom = ctx.offset - cited.length;
  const mtus = ctx.knowledge.mtus;
  const date = letterDate(ctx.doc.analysis.decision);
  const match = typedName ? mtus.resolveGuideline(typedName, { date, ...(nonMtus ? { mtus: false } : {}) }) : null;
  if (match && match.guideline.id !== 'mtus') {
    if (endsInPageList(typedName)) return [];
    return topicItems(ctx, match.guideline, ctx.offset - word.length, match.rest);
  }
  return guidelineItems(ctx, nameFrom, !!nonMtus, date);
}

/** The sentence openings of a guideline line with nothing typed after the label yet. */
function openings(ctx: Context, value: string, claims: boolean): CompletionItem[] {
  if (value.trim().length > 40) return [];
  const from = ctx.offset - value.trimStart().length;
  const phrases = [
    { text: 'Decision based on MTUS Chronic Pain Treatment Guidelines ', detail: 'MTUS citation, page form' },
    { text: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): ', detail: 'MTUS citation, section form' },
    { text: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) ', detail: 'non-MTUS citation' },
  ];
  if (claims) phrases.push({ text: 'The Claims Administrator did not cite any medical evidence for its decision.', detail: 'no evidence cited' });
  return phrases.map((p, i) => ({
    label: p.text.trim(),
    kind: CompletionItemKind.Text,
    detail: p.detail,
    sortText: `0${i}`,
    filterText: p.text,
    textEdit: edit(ctx, from, p.text),
  }));
}

/** Guideline names letters cite (MTUS parts, or non-MTUS sources after "Non-MTUS Citation"). */
function guidelineItems(ctx: Context, from: number, nonMtus: boolean, date: string | null): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const g of ctx.knowledge.mtus.guidelines()) {
    if (g.mtus === nonMtus || g.id === 'mtus') continue;
    const name = g.aliases[0] ?? g.name;
    const inForce = !date || ((!g.from || g.from <= date) && (!g.to || date <= g.to));
    items.push({
      label: name,
      labelDetails: { description: g.short },
      kind: CompletionItemKind.Module,
      detail: `${g.name}${g.section ? ` · 8 CCR ${g.section}` : ''}`,
      ...(g.note ? { documentation: { kind: 'markdown', value: escapeMarkdown(g.note, true) } } : {}),
      sortText: `${inForce ? 0 : 1}${g.later ? 1 : 0}${name.toLowerCase()}`,
      filterText: [name, ...g.aliases.slice(1, 4)].join(' '),
      textEdit: edit(ctx, from, `${name} `),
    });
  }
  return items;
}

/** Topics of a guideline (after its name), and "Page(s):" with a topic's pages after a topic. */
function topicItems(ctx: Context, g: Guideline, from: number, rest: string): CompletionItem[] {
  const mtus = ctx.knowledge.mtus;
  const items: CompletionItem[] = [];
  if (rest) {
    const named = mtus.resolveTopics(g.id, rest).topics;
    const last = named[named.length - 1];
    if (last && last.pages.length) {
      // The topic's own entry (its first range); other ranges are pointers from other entries.
      const pages = formatRanges(last.pages.slice(0, 1));
      items.push({
        label: `Page(s): ${pages}`,
        kind: CompletionItemKind.Reference,
        detail: `pages of ${last.name}`,
        sortText: '00',
        filterText: `Page(s): ${pages}`,
        textEdit: edit(ctx, from, `Page(s): ${pages}.`),
      });
    }
  }
  for (const t of mtus.topics(g.id)) {
    const pages = t.pages.length ? `pp. ${formatRanges(t.pages)}` : '';
    items.push({
      label: t.name,
      labelDetails: pages ? { description: pages } : undefined,
      kind: CompletionItemKind.Field,
      detail: `${g.short}${pages ? `, ${pages}` : ''}`,
      documentation: { kind: 'markdown', value: escapeMarkdown(t.summary, true) },
      sortText: `1${t.name.toLowerCase()}`,
      filterText: [t.name, ...t.aliases].join(' '),
      textEdit: edit(ctx, from, t.name),
    });
  }
  return items;
}
