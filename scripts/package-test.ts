/**
 * Checks the packaged extension: the manifest has what the Marketplace expects; the VSIX is small, holds what the extension needs at run time
 * (bundles, grammar, data, docs, README, LICENSE, icon, every file the manifest names) and no
 * sources, tests or source maps; then installs it into code-server (`--install-extension`, into a
 * temp extensions folder) and runs the probe suite (test/e2e/vsix/) that opens a letter and waits
 * for the installed extension to activate.
 *
 *   node --import tsx scripts/package-test.ts [FILE.vsix]   (default: the newest *.vsix in the repo)
 *
 * Needs test/e2e/install.sh to have run. Exit code: 0 when everything holds.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..');

/** The VSIX must stay under this many bytes. */
const MAX_BYTES = 2_000_000;

/** Paths that must never be packaged (relative to the extension folder). */
const FORBIDDEN: { pattern: RegExp; what: string }[] = [
  { pattern: /\.map$/, what: 'source map' },
  { pattern: /(?<!\.d)\.ts$/, what: 'TypeScript source' },
  { pattern: /^(client|server)\/src\//, what: 'source' },
  { pattern: /^test\//, what: 'test' },
  { pattern: /^scripts\//, what: 'script' },
  { pattern: /^bench\//, what: 'benchmark' },
  { pattern: /^node_modules\//, what: 'dependency' },
  { pattern: /^\.ci\//, what: 'CI script' },
  { pattern: /(^|\/)\.git(\/|$)/, what: 'git data' },
  { pattern: /\.vsix$/, what: 'older package' },
  { pattern: /^(tsconfig\.json|esbuild\.mjs|package-lock\.json)$/, what: 'build configuration' },
];

/** The names of the entries of a zip file, read from its central directory. */
export function zipEntryNames(zip: Buffer): string[] {
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new Error(`bad zip directory entry at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Files under `dir` (relative to the repo, '/'-separated), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  const absolute = path.join(repoRoot, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The parts of package.json these checks read. */
interface Manifest {
  displayName?: string;
  description?: string;
  categories?: string[];
  icon?: string;
  repository?: { url?: string } | string;
  license?: string;
  engines?: { vscode?: string };
  main?: string;
  activationEvents?: string[];
  contributes?: {
    grammars?: { path: string }[];
    snippets?: { path: string }[];
    languages?: { id: string; configuration?: string }[];
    commands?: { command: string }[];
  };
}

function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/**
 * What the Marketplace expects of the manifest and is missing: display name, description,
 * categories, icon, repository, license, engine, and activation events for each contributed
 * language and command.
 */
export function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const fields: [string, unknown][] = [
    ['displayName', manifest.displayName],
    ['description', manifest.description],
    ['categories', manifest.categories?.length ? manifest.categories : undefined],
    ['icon', manifest.icon],
    ['repository', manifest.repository],
    ['license', manifest.license],
    ['engines.vscode', manifest.engines?.vscode],
  ];
  for (const [name, value] of fields) {
    if (!value) problems.push(`manifest: no ${name}`);
  }
  const events = new Set(manifest.activationEvents ?? []);
  for (const language of manifest.contributes?.languages ?? []) {
    if (!events.has(`onLanguage:${language.id}`)) problems.push(`manifest: no activation event onLanguage:${language.id}`);
  }
  // VS Code (1.74 and later) generates an onCommand event for each contributed command: listing
  // them by hand would be a second copy to keep.
  const minor = /^\^?1\.(\d+)\./.exec(manifest.engines?.vscode ?? '');
  if (!minor || Number(minor[1]) < 74) problems.push('manifest: engines.vscode below 1.74 needs an onCommand event per command');
  for (const { command } of manifest.contributes?.commands ?? []) {
    if (events.has(`onCommand:${command}`)) problems.push(`manifest: onCommand:${command} is generated by VS Code; leave it out`);
  }
  return problems;
}

/** Files the manifest names: main, icon, grammars, snippets, language configurations. */
function manifestFiles(): string[] {
  const manifest = readManifest();
  const contributes = manifest.contributes ?? {};
  const named = [
    manifest.main,
    manifest.icon,
    ...(contributes.grammars ?? []).map((grammar) => grammar.path),
    ...(contributes.snippets ?? []).map((snippet) => snippet.path),
    ...(contributes.languages ?? []).map((language) => language.configuration),
  ];
  return named.filter((file): file is string => typeof file === 'string').map((file) => path.posix.normalize(file));
}

/** What is wrong with the VSIX's contents; empty when nothing is. */
export function contentProblems(entries: string[]): string[] {
  const files = new Set(entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length)));
  const lower = new Set([...files].map((name) => name.toLowerCase()));
  const problems: string[] = [];
  const required = [
    'package.json',
    'client/out/extension.js',
    'server/out/server.js',
    'server/out/cli.js',
    ...manifestFiles(),
    ...filesUnder('server/data'),
    ...filesUnder('syntaxes'),
    ...filesUnder('docs'),
  ];
  for (const file of new Set(required)) {
    if (!files.has(file)) problems.push(`missing: ${file}`);
  }
  if (!lower.has('license.txt') && !lower.has('license')) problems.push('missing: LICENSE');
  if (fs.existsSync(path.join(repoRoot, 'README.md')) && !lower.has('readme.md')) problems.push('missing: README.md');
  for (const file of files) {
    const rule = FORBIDDEN.find(({ pattern }) => pattern.test(file));
    if (rule) problems.push(`${rule.what} packaged: ${file}`);
  }
  return problems;
}

/** The VSIX to check: the argument, or the newest *.vsix in the repository root. */
function findVsix(argument: string | undefined): string {
  if (argument) return path.resolve(argument);
  const candidates = fs
    .readdirSync(repoRoot)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => path.join(repoRoot, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length === 0) throw new Error(`no .vsix in ${repoRoot}: run npm run package first`);
  return candidates[0];
}

function say(line: string): void {
  process.stdout.write(`[package-test] ${line}\n`);
}

function main(): number {
  const vsix = findVsix(process.argv[2]);
  const bytes = fs.statSync(vsix).size;
  const entries = zipEntryNames(fs.readFileSync(vsix));
  say(`${path.relative(process.cwd(), vsix)}: ${bytes} bytes, ${entries.length} entries`);
  const problems = [...manifestProblems(readManifest()), ...contentProblems(entries)];
  if (bytes >= MAX_BYTES) problems.push(`${bytes} bytes: over the limit of ${MAX_BYTES}`);
  if (problems.length > 0) {
    for (const problem of problems) say(`FAIL ${problem}`);
    say(`entries:\n  ${entries.join('\n  ')}`);
    return 1;
  }
  say('contents and size: ok');

  const build = spawnSync(process.execPath, [path.join(repoRoot, 'test', 'e2e', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const launcher = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      path.join(repoRoot, 'test', 'e2e', 'launcher', 'main.ts'),
      '--install-extension', vsix,
      '--extensionDevelopmentPath', path.join(repoRoot, 'test', 'e2e', 'vsix'),
      '--extensionTestsPath', path.join(repoRoot, 'test', 'e2e', 'out', 'vsix', 'index.js'),
      '--timeout', '240',
    ],
    { stdio: 'inherit', cwd: repoRoot },
  );
  if (launcher.status !== 0) {
    say(`FAIL the installed VSIX did not pass its probe (exit code ${launcher.status ?? launcher.signal})`);
    return launcher.status ?? 1;
  }
  say('installed into code-server and activated on a letter: ok');
  return 0;
}

process.exit(main());
