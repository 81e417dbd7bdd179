/**
 * The CLI's yardstick: `node md-cli.js FILE...` reads each file and runs markdown-it's `parse` on
 * it, one file after the other, as `imr-check FILE...` reads and checks them. Bundled by the bench
 * to `bench/out/md-cli.js` and run as a process, so that its start-up counts as the CLI's does.
 * It prints the number of tokens (so the work cannot be skipped).
 */
import * as fs from 'node:fs';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt();
let tokens = 0;
for (const file of process.argv.slice(2)) tokens += md.parse(fs.readFileSync(file, 'utf8'), {}).length;
process.stdout.write(`${tokens} tokens\n`);
