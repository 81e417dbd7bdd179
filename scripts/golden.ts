/**
 * Writes test/golden/real-letters.json: the facts the parser reads from every real letter in
 * ../shared/corpus. Run it (`node --import tsx scripts/golden.ts`) only after a change meant to
 * change what is read, and check every line of the diff against the letter text by hand before
 * committing it: the golden file is the truth the tests hold the parser to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../server/src/parser/parse';
import { allRealLetters, lettersMissing } from '../test/corpusLetters';
import { factsOf } from '../test/golden/facts';

if (lettersMissing) {
  console.error(lettersMissing);
  process.exit(2);
}
const out: Record<string, unknown> = {};
for (const letter of allRealLetters()) out[letter.name] = factsOf(parse(letter.text));
// One letter per line group, one item per line: a diff shows what changed and where.
const lines: string[] = ['{'];
const names = Object.keys(out);
names.forEach((name, k) => {
  const { items, ...rest } = out[name] as { items: unknown[] };
  lines.push(`  ${JSON.stringify(name)}: {`);
  for (const [key, value] of Object.entries(rest)) lines.push(`    ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push('    "items": [');
  items.forEach((item, i) => lines.push(`      ${JSON.stringify(item)}${i + 1 < items.length ? ',' : ''}`));
  lines.push(`    ]`);
  lines.push(`  }${k + 1 < names.length ? ',' : ''}`);
});
lines.push('}');
const file = path.join(__dirname, '..', 'test', 'golden', 'real-letters.json');
fs.writeFileSync(file, lines.join('\n') + '\n');
console.log(`wrote ${file}: ${names.length} letters`);
