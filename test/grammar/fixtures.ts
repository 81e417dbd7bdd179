import * as fs from 'fs';
import * as path from 'path';

/** Folder of the grammar fixtures. */
export const fixturesDir = path.join(__dirname, 'fixtures');

/** Every fixture file (`*.grammar-test`), sorted. */
export function fixtureFiles(): string[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.grammar-test'))
    .sort()
    .map((f) => path.join(fixturesDir, f));
}
