/**
 * Entry point of the in-editor suite, loaded by the extension host under either launcher: runs every
 * `*.test.ts` of this folder (bundled to `test/e2e/out/suite/`).
 */
import { runMochaIn } from '../runMocha';

/** Called by VS Code once the workbench is up; rejects when a test fails. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
