/**
 * Runs the in-editor suite in desktop VS Code through @vscode/test-electron, for machines where VS
 * Code is installed or can be downloaded (it cannot be here: CI uses the offline code-server
 * launcher, test/e2e/launcher/main.ts, with the same suite).
 *
 *   npm run test:electron
 *   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron   # an installed VS Code
 *   VSCODE_VERSION=1.100.3 npm run test:electron                   # a downloaded one (default stable)
 *
 * The suite must be bundled first (node test/e2e/build.mjs; the npm script does it).
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const extensionTestsPath = path.join(repoRoot, 'test', 'e2e', 'out', 'suite', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    process.stderr.write(`${extensionTestsPath} is missing: run node test/e2e/build.mjs first\n`);
    return 2;
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-electron-'));
  const workspace = path.join(temp, 'workspace');
  fs.mkdirSync(workspace);
  try {
    return await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        `--user-data-dir=${path.join(temp, 'user-data')}`,
        `--extensions-dir=${path.join(temp, 'extensions')}`,
      ],
      extensionTestsEnv: { IMR_E2E_GREP: process.env.IMR_E2E_GREP ?? '' },
    });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`in-editor tests failed to run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
