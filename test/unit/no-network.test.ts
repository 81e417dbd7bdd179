/**
 * No network, no telemetry: the built bundles (`npm run build`: server/out/*.js, client/out/*.js)
 * use no network API (http, https, http2, net, tls, dgram, dns, undici, fetch, WebSocket,
 * XMLHttpRequest, EventSource, sendBeacon) and no telemetry library, except where
 * `ALLOWED` says why, and the README says that nothing leaves the machine.
 *
 * esbuild marks where each bundled module starts (`// node_modules/x/y.js`, `// server/src/z.ts`)
 * in unminified bundles; each use found is charged to its module.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers';

const BUNDLE_DIRS = ['server/out', 'client/out'];

/** A network API or telemetry use found in a bundle. */
interface Use {
  bundle: string;
  module: string;
  line: number;
  api: string;
  text: string;
}

const NETWORK_MODULES = 'http|https|http2|net|tls|dgram|dns|undici|ws';
/** Patterns of network and telemetry use; the first capture group names the API. */
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\brequire\(\s*["'](?:node:)?(${NETWORK_MODULES})["']\s*\)`, 'g'),
  new RegExp(String.raw`\bimport\(\s*["'](?:node:)?(${NETWORK_MODULES})["']\s*\)`, 'g'),
  new RegExp(String.raw`\bfrom\s+["'](?:node:)?(${NETWORK_MODULES})["']`, 'g'),
  new RegExp(String.raw`\bgetBuiltinModule\(\s*["'](?:node:)?(${NETWORK_MODULES})["']\s*\)`, 'g'),
  // A call of the global fetch (not a method named fetch, such as pdf.js's xref.fetch).
  /(?<![\w$.])(fetch)\s*\(/g,
  /\b(?:globalThis|window|self|global)\.(fetch)\b/g,
  /\b(WebSocket|XMLHttpRequest|EventSource|RTCPeerConnection)\b/g,
  /\.(sendBeacon)\b/g,
  /["'](applicationinsights|@vscode\/extension-telemetry|@microsoft\/1ds-core-js|@sentry\/[\w-]+)["']/g,
  /\b(TelemetryReporter|createTelemetryLogger)\b/g,
];

/**
 * Modules allowed to hold a network API, and why. Each has a check that the use is what the
 * reason says; anything not listed fails.
 */
const ALLOWED: Array<{ module: RegExp; apis: string[]; why: string; verify: (source: string) => string[] }> = [
  {
    module: /^node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/,
    apis: ['net'],
    why: 'the editor talks to the language server over a local pipe or a socket on 127.0.0.1',
    verify: (source) => {
      // Sockets are opened with net.createServer(...).listen(...) and net.createConnection(...):
      // each takes a pipe name, or a port on 127.0.0.1.
      const problems: string[] = [];
      for (const m of source.matchAll(/\b(?:server\.listen|net_1\.createConnection\)|net\.createConnection)\(([^()]*)/g)) {
        const args = m[1].split(',').map((a) => a.trim());
        const local = args[0] === 'pipeName' || args.includes('"127.0.0.1"') || args.includes("'127.0.0.1'");
        if (!local) problems.push(`vscode-jsonrpc opens a socket that may not be local: ${m[0]}`);
      }
      if (!/net_1\.createConnection\)\(port, "127\.0\.0\.1"\)/.test(source)) problems.push('the socket transport no longer connects to 127.0.0.1 as expected');
      return problems;
    },
  },
  {
    module: /^node_modules\/pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/,
    apis: ['fetch', 'XMLHttpRequest'],
    why: 'pdf.js can load a PDF from a URL; the MTUS import gives it the bytes of a local file and turns worker fetches off',
    verify: () => pdfJsGivenBytesOnly(),
  },
];

/** Every `getDocument({...})` in server/src passes `data`, no URL, and `useWorkerFetch: false`. */
function pdfJsGivenBytesOnly(): string[] {
  const problems: string[] = [];
  let calls = 0;
  const walkDir = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walkDir(full);
      else if (entry.name.endsWith('.ts')) {
        const file = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (ts.isCallExpression(node) && /(?:^|\.)getDocument$/.test(node.expression.getText(file))) {
            calls++;
            const where = `${path.relative(repoRoot, full)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
            const arg = node.arguments[0];
            if (!arg || !ts.isObjectLiteralExpression(arg)) {
              problems.push(`${where}: getDocument is not given an object literal`);
            } else {
              const props = new Map(arg.properties.map((p) => [p.name?.getText(file) ?? '', p.getText(file)]));
              if (!props.has('data')) problems.push(`${where}: getDocument is not given the bytes (data)`);
              for (const key of ['url', 'cMapUrl', 'standardFontDataUrl', 'wasmUrl', 'iccUrl', 'docBaseUrl']) {
                if (props.has(key)) problems.push(`${where}: getDocument is given ${key}`);
              }
              if (!/useWorkerFetch:\s*false/.test(props.get('useWorkerFetch') ?? '')) problems.push(`${where}: getDocument lacks useWorkerFetch: false`);
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walkDir(path.join(repoRoot, 'server', 'src'));
  if (calls === 0) problems.push('pdf.js is bundled but server/src never calls getDocument');
  return problems;
}

function bundles(): string[] {
  const out: string[] = [];
  for (const dir of BUNDLE_DIRS) {
    const full = path.join(repoRoot, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full)) if (name.endsWith('.js')) out.push(path.join(full, name));
  }
  return out.sort();
}

// A worktree whose node_modules is a link to another checkout's gets marks such as
// `// ../main/node_modules/x.js`: the folder before node_modules is left out of the module's name.
const MODULE_MARK = /^\s*\/\/ (?:(?:\.\.\/)+[\w.-]+\/)?((?:node_modules|server|client|test|scripts|src)\/\S+)$/;

/** The network and telemetry uses of one bundle, and each module's source text. */
function scan(file: string): { uses: Use[]; modules: Map<string, string>; marks: number } {
  const bundle = path.relative(repoRoot, file);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const uses: Use[] = [];
  const modules = new Map<string, string[]>();
  let module = '(bundle prologue)';
  let marks = 0;
  lines.forEach((line, i) => {
    const mark = MODULE_MARK.exec(line);
    if (mark) {
      module = mark[1];
      marks++;
      return;
    }
    const list = modules.get(module) ?? [];
    list.push(line);
    modules.set(module, list);
    if (/^\s*(?:\/\/|\*)/.test(line)) return; // comment lines
    for (const re of PATTERNS) {
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) uses.push({ bundle, module, line: i + 1, api: m[1], text: line.trim().slice(0, 160) });
    }
  });
  return { uses, modules: new Map([...modules].map(([k, v]) => [k, v.join('\n')])), marks };
}

describe('no network, no telemetry', () => {
  const files = bundles();

  test('the bundles are built (npm run build) and readable module by module', () => {
    const names = files.map((f) => path.relative(repoRoot, f).split(path.sep).join('/'));
    for (const expected of ['server/out/server.js', 'server/out/cli.js', 'client/out/extension.js']) {
      assert.ok(names.includes(expected), `${expected} is missing: run npm run build first`);
    }
    for (const f of files) {
      assert.ok(scan(f).marks > 0, `${path.relative(repoRoot, f)} has no module marks (minified?): scan an unminified build (npm run build)`);
    }
  });

  test('no bundle uses a network API or telemetry outside the allowed modules', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const f of files) {
      const { uses, modules } = scan(f);
      for (const use of uses) {
        const allowed = ALLOWED.find((a) => a.module.test(use.module) && a.apis.includes(use.api));
        if (!allowed) {
          problems.push(`${use.bundle}:${use.line} (${use.module}) uses ${use.api}: ${use.text}`);
          continue;
        }
        const key = `${use.module}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const p of allowed.verify(modules.get(use.module) ?? '')) problems.push(`${use.bundle} (${use.module}, allowed because ${allowed.why}): ${p}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('our own sources import no network module', () => {
    const problems: string[] = [];
    for (const dir of ['server/src', 'client/src']) {
      const walk = (d: string) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
          const full = path.join(d, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith('.ts')) {
            const text = fs.readFileSync(full, 'utf8');
            for (const re of PATTERNS) {
              re.lastIndex = 0;
              for (const m of text.matchAll(re)) problems.push(`${path.relative(repoRoot, full)}: ${m[0]}`);
            }
          }
        }
      };
      walk(path.join(repoRoot, dir));
    }
    assert.deepEqual(problems, []);
  });

  test('the README says plainly that nothing leaves the machine', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    assert.match(readme, /never leaves? the machine|nothing leaves (?:the|your) machine/i);
    assert.match(readme, /no telemetry/i);
  });
});
