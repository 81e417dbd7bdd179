/**
 * A stand-in for `imr-check FILE...` (text output) that checks the files with the worker pool, for
 * the bench while the CLI has no `--jobs` option yet: `node pool-cli.js JOBS FILE...`. Same output
 * and exit code as the CLI; the bench checks that the output is byte-identical.
 */
import * as path from 'node:path';
import { checkFiles } from '../server/src/node/pool';

async function main(): Promise<number> {
  const [jobs, ...files] = process.argv.slice(2);
  let code = 0;
  let buffered = '';
  await checkFiles(
    files,
    { format: 'text', rules: {}, drugs: [] },
    {
      jobs: Number(jobs),
      workerScript: path.join(__dirname, 'worker.js'),
      onReport: (report) => {
        if (report.stderr) process.stderr.write(report.stderr);
        if (report.unreadable) code = 2;
        else if (report.hasError && code === 0) code = 1;
        buffered += report.text ?? '';
        if (buffered.length > 1 << 16) {
          process.stdout.write(buffered);
          buffered = '';
        }
      },
    },
  );
  process.stdout.write(buffered);
  return code;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`pool-cli: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
