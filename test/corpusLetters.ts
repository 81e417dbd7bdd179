/**
 * The real letters of ../shared/corpus: the five older ones and the 104 posted letters of its
 * dwc-2017 folder, read from there (never copied into the repository). When they are not there,
 * `lettersMissing` says so in one line, for the tests that need them to skip with.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from './helpers';

export const dwcDir = path.join(corpusDir, 'dwc-2017');

/** Why the tests that need the real letters are skipped, or null when the letters are there. */
export const lettersMissing: string | null = fs.existsSync(dwcDir)
  ? null
  : `skipped: the real letters are looked for in ${dwcDir} (../shared/corpus beside the repository) and are not there`;

export interface RealLetter {
  /** The file name without .txt: "CM16-0213037", or "000_a8b0c221c3039035" for an older one. */
  name: string;
  file: string;
  text: string;
}

/** The 104 letters of dwc-2017, by case number, as their .txt (empty when missing). */
export function dwcLetters(): RealLetter[] {
  if (lettersMissing) return [];
  return lettersIn(dwcDir);
}

/** The five older letters and the 104 of dwc-2017. */
export function allRealLetters(): RealLetter[] {
  if (lettersMissing) return [];
  return [...lettersIn(corpusDir), ...lettersIn(dwcDir)];
}

function lettersIn(dir: string): RealLetter[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: path.basename(f, '.txt'), file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}
