/**
 * Command line for grammar authors (the unit test `test/unit/grammar.test.ts` is what CI runs):
 *
 *   node --import tsx test/grammar/run.ts              run every fixture, print failures
 *   node --import tsx test/grammar/run.ts --dump FILE  print each line's tokens and scopes
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatFailure, parseFixture, runFixture } from './fixture';
import { fixtureFiles } from './fixtures';
import { loadGrammar, tokenizeText } from './textmate';

async function main(args: string[]): Promise<number> {
  const grammar = await loadGrammar();
  if (args[0] === '--dump') {
    const text = fs.readFileSync(args[1], 'utf8');
    for (const [k, line] of tokenizeText(grammar, text).entries()) {
      if (!line.text.trim()) continue;
      console.log(`${k + 1}: ${line.text}`);
      for (const t of line.tokens) {
        const scopes = t.scopes.slice(1).join(' ');
        if (scopes) console.log(`    ${JSON.stringify(line.text.slice(t.start, t.end))} ${scopes}`);
      }
    }
    return 0;
  }
  const files = args.length ? args : fixtureFiles();
  let failed = 0;
  for (const file of files) {
    const fixture = parseFixture(fs.readFileSync(file, 'utf8'), file);
    const failures = runFixture(grammar, fixture);
    const name = path.relative(process.cwd(), file);
    for (const f of failures) console.log(formatFailure(name, f));
    console.log(`${failures.length ? 'FAIL' : 'ok  '} ${name} (${fixture.assertions.length} assertions)`);
    if (failures.length) failed++;
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
