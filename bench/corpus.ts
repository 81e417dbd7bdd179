/**
 * Bench inputs, generated from the five real letters in ../shared/corpus (never copied into the
 * repository): a corpus of varied letters of a given total size, and one large letter with many
 * disputed items. Everything is deterministic (seeded), so two runs measure the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, corpusFiles, seeded, toPdfText } from '../test/helpers';


type Random = () => number;

function pick<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** The five real letters, in file order. */
export function realLetters(): string[] {
  return corpusFiles().map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
}

/** Drugs the substitutions use (all in the bundled lexicon), with a plausible strength. */
const DRUGS = [
  'Gabapentin', 'Tramadol', 'Cyclobenzaprine', 'Naproxen', 'Omeprazole', 'Tizanidine', 'Meloxicam',
  'Duloxetine', 'Celecoxib', 'Oxycodone', 'Ibuprofen', 'Lidoderm', 'Pregabalin', 'Zolpidem',
  'Methocarbamol', 'Diclofenac', 'Morphine', 'Amitriptyline', 'Nortriptyline', 'Norco', 'Baclofen',
  'Percocet', 'Tylenol', 'Soma', 'Flexeril', 'Lyrica', 'Neurontin', 'Ultram', 'Protonix', 'Ambien',
];

/** A misspelling of a name: one letter dropped, doubled or swapped with its neighbour. */
function misspell(rand: Random, name: string): string {
  const i = 1 + Math.floor(rand() * (name.length - 2));
  const kind = Math.floor(rand() * 3);
  if (kind === 0) return name.slice(0, i) + name.slice(i + 1);
  if (kind === 1) return name.slice(0, i) + name[i] + name.slice(i);
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces a word everywhere, keeping the case style of each occurrence (UPPER, lower, Capital). */
function replaceWord(text: string, word: string, by: string): string {
  return text.replace(new RegExp(`\\b${escapeRegExp(word)}\\b`, 'gi'), (m) => {
    if (m === m.toUpperCase()) return by.toUpperCase();
    if (m === m.toLowerCase()) return by.toLowerCase();
    return by;
  });
}

/** Item title lines of a letter in either surface form: "**Baclofen 20mg #120:** Upheld", "Baclofen 10 mg QTY 45.00: Upheld". */
const TITLE_LINE = /^(?:\*\*)?([A-Za-z][^\n:*]*?):(?:\*\*)?[ \t]+(Upheld|Overturned|Partially Overturned)[ \t]*$/gm;

function shiftDate(m: string, days: number): string {
  const [mm, dd, yyyy] = m.split('/').map(Number);
  const d = new Date(Date.UTC(yyyy, mm - 1, dd) + days * 86_400_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/**
 * One variation of a real letter: other case number, shifted dates, other drugs (sometimes
 * misspelled), other quantities, and now and then a defect (flipped outcome, missing label or
 * section), a conversion to PDF-extracted text, or CRLF line ends.
 */
export function varyLetter(letter: string, rand: Random): string {
  let text = letter;
  text = text.replace(/\bCM(\d\d)-\d{7}\b/g, (_, yy: string) => `CM${yy}-${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`);
  const days = Math.floor(rand() * 60) - 30;
  text = text.replace(/\b\d\d\/\d\d\/\d{4}\b/g, (m) => shiftDate(m, days));
  const names = new Set<string>();
  const quantities = new Set<string>();
  for (const m of text.matchAll(TITLE_LINE)) {
    const first = /^[A-Za-z]+/.exec(m[1]);
    if (first && first[0].length >= 4) names.add(first[0]);
    for (const q of m[1].matchAll(/(?:#|quantity |QTY:? )(\d+)/gi)) quantities.add(q[1]);
  }
  for (const name of names) {
    let by = pick(rand, DRUGS);
    if (rand() < 0.1) by = misspell(rand, by);
    text = replaceWord(text, name, by);
  }
  for (const q of quantities) {
    const n = String(10 * (1 + Math.floor(rand() * 18)));
    text = text.replace(new RegExp(`(#\\s?|quantity |QTY:? )${q}\\b`, 'gi'), (_, lead: string) => lead + n);
  }
  if (rand() < 0.1) text = text.replace(/(:(?:\*\*)?[ \t]+)Upheld\b/, '$1Overturned');
  if (rand() < 0.05) text = text.replace(/MAXIMUS guideline:/, 'MAXIMUS guidance');
  if (rand() < 0.05) text = text.replace(/^.*CLINICAL CASE SUMMARY.*$/m, '');
  if (text.includes('**') && rand() < 0.3) text = toPdfText(text);
  if (rand() < 0.1) text = text.replace(/\r?\n/g, '\r\n');
  return text;
}

/** Letters varied from the real ones, in turn, until their UTF-8 size reaches `targetBytes`. */
export function buildCorpus(targetBytes: number, seed = 1): string[] {
  const rand = seeded(seed);
  const letters = realLetters();
  const out: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < targetBytes; k++) {
    const letter = varyLetter(letters[k % letters.length], rand);
    out.push(letter);
    bytes += Buffer.byteLength(letter);
  }
  return out;
}

/** `count` letters varied from the real ones, in turn. */
export function buildLetters(count: number, seed = 2): string[] {
  const rand = seeded(seed);
  const letters = realLetters();
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(varyLetter(letters[k % letters.length], rand));
  return out;
}

/** The markdown letters' item blocks (title line to the next title), and their rationale prose. */
function itemTemplates(): { blocks: string[]; prose: string[] } {
  const blocks: string[] = [];
  const prose: string[] = [];
  for (const letter of realLetters()) {
    const lines = letter.split('\n');
    let current: string[] | null = null;
    for (const line of lines) {
      if (/^\*\*[^*]+:\*\*\s+(Upheld|Overturned)/.test(line)) {
        if (current) blocks.push(current.join('\n').trimEnd());
        current = [line];
      } else if (current) current.push(line);
    }
    if (current) blocks.push(current.join('\n').trimEnd());
    // Rationale sentences of every letter, unwrapped (PDF text joined), for padding paragraphs.
    const flat = letter.replace(/\s*\n\s*/g, ' ');
    for (const m of flat.matchAll(/Decision rationale:\**\s*(.*?)(?=\*\*[^*]+:\*\*|\b[A-Z][\w ,/.-]{3,60}: +(?:Upheld|Overturned)|$)/g)) {
      for (const s of m[1].split(/(?<=[a-z0-9)"]\.)\s+(?=[A-Z])/)) if (s.length > 40 && !/medically necessary|guidelines?:|rationale:|Upheld|Overturned|\*\*/i.test(s)) prose.push(s.trim());
    }
  }
  return { blocks, prose };
}

/**
 * A large letter in the markdown form: the header and first sections of letter 003, then `items`
 * disputed items made from the real ones (other drugs and quantities), each rationale padded with
 * real rationale sentences so that the letter reaches about `targetBytes`.
 */
export function buildLargeLetter(targetBytes = 1_000_000, items = 200, seed = 7): string {
  const rand = seeded(seed);
  const base = realLetters()[3];
  const issuesAt = base.indexOf('The Final Determination was based on');
  const head = base.slice(0, base.indexOf('\n', issuesAt) + 1);
  const { blocks, prose } = itemTemplates();
  const perItem = Math.max(500, Math.floor((targetBytes - head.length) / items));
  const parts: string[] = [head];
  for (let k = 0; k < items; k++) {
    let block = blocks[k % blocks.length];
    const name = /^\*\*([A-Za-z]+)/.exec(block)?.[1];
    if (name) block = replaceWord(block, name, DRUGS[(k * 7 + 3) % DRUGS.length]);
    const [before, rationale] = block.split(/(?=\*\*Decision rationale:\*\*)/);
    const padding: string[] = [];
    let size = block.length;
    while (size < perItem - 200) {
      const paragraph: string[] = [];
      for (let n = 3 + Math.floor(rand() * 5); n > 0; n--) paragraph.push(pick(rand, prose));
      const p = paragraph.join(' ');
      padding.push(p);
      size += p.length + 2;
    }
    const label = '**Decision rationale:** ';
    const body = rationale ? rationale.slice(label.length) : '';
    parts.push(`${before}${label}${padding.join('\n\n')}\n\n${body}\n\n`);
  }
  return parts.join('');
}
