/**
 * Entry point of the VSIX probe: tests that run beside the packaged extension installed with
 * `code-server --install-extension` (scripts/package-test.ts), not beside the sources.
 */
import { runMochaIn } from '../runMocha';

/** Called by VS Code once the workbench is up; rejects when a test fails. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
