/**
 * Command-line options of the offline in-editor test launcher.
 */
import * as fs from 'fs';
import * as path from 'path';

export const USAGE = `usage: node --import tsx test/e2e/launcher/main.ts
          --extensionDevelopmentPath DIR --extensionTestsPath FILE
          [--workspace DIR | FILE.code-workspace] [--install-extension FILE.vsix]...
          [--screenshot-dir DIR] [--screenshot FILE.png] [--logs-dir DIR]
          [--timeout SECONDS] [--keep-temp] [--verbose]

Runs an extension's tests inside a real VS Code (code-server's web workbench, shown by headless
Chromium), offline. Install it first: bash test/e2e/install.sh.

  --extensionDevelopmentPath  the extension folder (its package.json)
  --extensionTestsPath        module exporting run(): Promise<void>, loaded in the extension host
  --workspace                 folder or .code-workspace to open (default: a new empty temp folder)
  --install-extension         VSIX installed (code-server --install-extension) into the run's own
                              extensions folder before the workbench starts; may be repeated
  --screenshot-dir            where the tests' screenshots go (default LOGS/screenshots); the extension
                              host sees it as IMR_E2E_SCREENSHOT_DIR
  --screenshot                PNG of the workbench when the tests end (best effort)
  --logs-dir                  keep code-server, workbench and browser logs here (default: a temp
                              folder, kept only when the run fails)
  --timeout                   bound on the whole run in seconds (default 300); exit code 124 when hit
  --keep-temp                 keep the temp folder (user data, workspace, logs)
  --verbose                   also print workbench noise and the browser console

environment: IMR_VSCODE_E2E_CACHE  where install.sh put code-server (default ~/.cache/imr-vscode-e2e)
             CHROMIUM              the browser (default /usr/bin/chromium)
             IMR_E2E_GREP          run only the tests whose title matches (mocha --grep)
exit code:   the tests' exit code; 124 timeout; 2 bad arguments; 1 any other failure`;

/** What one run is asked to do. Paths are absolute. */
export interface LaunchOptions {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  workspace?: string;
  installExtensions: string[];
  screenshotDir?: string;
  screenshot?: string;
  logsDir?: string;
  timeoutSeconds: number;
  keepTemp: boolean;
  verbose: boolean;
}

/** Bad command-line input: the message says what, and the launcher prints the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type ValuedKey = 'extensionDevelopmentPath' | 'extensionTestsPath' | 'workspace' | 'screenshotDir' | 'screenshot' | 'logsDir' | 'timeout';

const VALUED: Record<string, ValuedKey | 'installExtension'> = {
  '--extensionDevelopmentPath': 'extensionDevelopmentPath',
  '--extensionTestsPath': 'extensionTestsPath',
  '--workspace': 'workspace',
  '--install-extension': 'installExtension',
  '--screenshot-dir': 'screenshotDir',
  '--screenshot': 'screenshot',
  '--logs-dir': 'logsDir',
  '--timeout': 'timeout',
};

/** Parses the launcher's arguments (`--name value` or `--name=value`); throws {@link UsageError}. */
export function parseArgs(argv: string[]): LaunchOptions | 'help' {
  const values: Partial<Record<ValuedKey, string>> = {};
  const installExtensions: string[] = [];
  let keepTemp = false;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    let name = argv[i];
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (name.startsWith('--') && eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (name === '-h' || name === '--help') return 'help';
    if (name === '--keep-temp') {
      keepTemp = true;
      continue;
    }
    if (name === '--verbose') {
      verbose = true;
      continue;
    }
    const key = VALUED[name];
    if (key === undefined) throw new UsageError(`unknown argument ${name}`);
    if (value === undefined) value = argv[++i];
    if (value === undefined) throw new UsageError(`missing value for ${name}`);
    if (key === 'installExtension') installExtensions.push(path.resolve(value));
    else values[key] = value;
  }

  const resolved = (key: ValuedKey): string | undefined => (values[key] === undefined ? undefined : path.resolve(values[key]));
  const extensionDevelopmentPath = resolved('extensionDevelopmentPath');
  const extensionTestsPath = resolved('extensionTestsPath');
  if (!extensionDevelopmentPath || !extensionTestsPath) {
    throw new UsageError('--extensionDevelopmentPath and --extensionTestsPath are required');
  }
  const timeoutSeconds = Number(values.timeout ?? '300');
  if (!(timeoutSeconds > 0)) throw new UsageError('--timeout must be a positive number of seconds');

  const options: LaunchOptions = {
    extensionDevelopmentPath,
    extensionTestsPath,
    workspace: resolved('workspace'),
    installExtensions,
    screenshotDir: resolved('screenshotDir'),
    screenshot: resolved('screenshot'),
    logsDir: resolved('logsDir'),
    timeoutSeconds,
    keepTemp,
    verbose,
  };
  for (const file of [extensionDevelopmentPath, extensionTestsPath, options.workspace, ...installExtensions]) {
    if (file !== undefined && !fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  }
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
    throw new UsageError(`${extensionDevelopmentPath} has no package.json`);
  }
  return options;
}
