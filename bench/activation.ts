/**
 * Measure 6 (activation): the built extension bundle is loaded and activated in a Node process
 * that stands in for VS Code's extension host: the `vscode` module is a stub that answers every
 * call with a no-op (no editor, no UI), so what is timed is our own work — loading
 * `client/out/extension.js`, `activate()`, and the language client starting the real server
 * (`server/out/server.js`, forked over IPC as VS Code does) until the server answered `initialize`,
 * which is when `activate()` resolves. VS Code's own start-up is not in it.
 *
 * Run as a child process, bundled (see `run.ts`): `node activation.js REPO` prints one JSON line.
 */
import Module from 'node:module';
import * as path from 'node:path';

/** A value that is every API at once: callable, constructible, any property, empty when iterated. */
function stub(name: string): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'toString' || prop === 'toJSON') return () => '';
      if (prop === 'length') return 0;
      if (!cache.has(prop)) cache.set(prop, stub(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    set(_, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`) as object,
  });
}

class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i?.dispose?.()));
  }
  dispose(): void {
    this.fn();
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => void>();
  readonly event = (listener: (e: T) => void) => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

const noEvent = () => new Disposable();

/** The parts of the `vscode` API whose values matter at activation; the rest is `stub`. */
function vscodeStub(): unknown {
  const configuration = { get: (_: string, fallback?: unknown) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };
  const known: Record<string | symbol, unknown> = {
    version: '1.95.0',
    Disposable,
    EventEmitter,
    workspace: new Proxy(
      {
        workspaceFolders: undefined,
        textDocuments: [],
        isTrusted: true,
        getConfiguration: () => configuration,
        onDidOpenTextDocument: noEvent,
        onDidChangeTextDocument: noEvent,
        onDidCloseTextDocument: noEvent,
        onDidSaveTextDocument: noEvent,
        onWillSaveTextDocument: noEvent,
        onDidChangeConfiguration: noEvent,
        onDidChangeWorkspaceFolders: noEvent,
        onDidGrantWorkspaceTrust: noEvent,
        createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
      } as Record<string | symbol, unknown>,
      { get: (t, p) => (p in t ? t[p] : (stub(`workspace.${String(p)}`) as unknown)) },
    ),
    window: new Proxy(
      {
        visibleTextEditors: [],
        activeTextEditor: undefined,
        onDidChangeActiveTextEditor: noEvent,
        onDidChangeVisibleTextEditors: noEvent,
      } as Record<string | symbol, unknown>,
      { get: (t, p) => (p in t ? t[p] : (stub(`window.${String(p)}`) as unknown)) },
    ),
  };
  const root = stub('vscode') as Record<string | symbol, unknown>;
  return new Proxy(known, { get: (t, p) => (p in t ? t[p] : root[p]) });
}

async function main(): Promise<void> {
  const repo = process.argv[2] ?? path.resolve(__dirname, '..');
  const vscode = vscodeStub();
  const resolve = (Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename;
  const load = (Module as unknown as { _load: (r: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: (r: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscode;
    return load.call(this, request, ...rest);
  };
  void resolve;
  const subscriptions: Array<{ dispose(): unknown }> = [];
  const context = {
    subscriptions,
    extensionPath: repo,
    asAbsolutePath: (p: string) => path.join(repo, p),
    globalStorageUri: stub('globalStorageUri'),
    storageUri: undefined,
    globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
    extensionUri: stub('extensionUri'),
    extensionMode: 1,
    environmentVariableCollection: stub('environmentVariableCollection'),
    secrets: stub('secrets'),
  };
  const t0 = performance.now();
  const extension = require(path.join(repo, 'client', 'out', 'extension.js')) as {
    activate(c: unknown): Promise<void>;
    deactivate(): Promise<void>;
  };
  const t1 = performance.now();
  await extension.activate(context);
  const t2 = performance.now();
  await extension.deactivate();
  process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0 }) + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`activation failed: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
