/**
 * Measure 6 (sizes): the extension as it ships. The repository (without node_modules, .git and
 * build outputs) is copied to a temporary staging folder, built there with `node esbuild.mjs --production`
 * and packaged with `vsce package`, so the working tree's own (development) build is left alone.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface SizesResult {
  /** Development bundles in the working tree (`npm run build`), bytes. */
  devBundles: Record<string, number>;
  /** Production bundles (minified), bytes. */
  bundles: Record<string, number>;
  vsixBytes: number;
  vsixFiles: number | null;
  /** Where the production build lives (activation is measured on it). */
  stage: string;
}

const SKIP = new Set(['node_modules', '.git', '.vscode-test']);

function bundleSizes(root: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const dir of ['client/out', 'server/out']) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs).filter((n) => n.endsWith('.js')).sort()) sizes[`${dir}/${f}`] = fs.statSync(path.join(abs, f)).size;
  }
  return sizes;
}

function must(what: string, r: ReturnType<typeof spawnSync>): void {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${String(r.stderr ?? '').slice(-2000)}`);
}

/** Stages (in a new temporary folder: the caller removes `stage`), builds for production and packages. */
export function measureSizes(repo: string): SizesResult {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-bench-stage-'));
  fs.cpSync(repo, stage, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(repo, src);
      if (!rel) return true;
      const parts = rel.split(path.sep);
      if (SKIP.has(parts[0])) return false;
      if (parts[0] === 'bench' && parts[1] === 'out') return false;
      if (parts.includes('out') || rel.endsWith('.vsix') || rel.endsWith('.map') || rel.endsWith('.cpuprofile')) return false;
      return true;
    },
  });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  must('production build', spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: stage, encoding: 'utf8' }));
  const vsix = path.join(stage, 'imr-decision-tools.vsix');
  const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, encoding: 'utf8' });
  must('vsce package', packed);
  const files = /\((\d+) files?,/.exec(packed.stdout ?? '');
  return {
    devBundles: bundleSizes(repo),
    bundles: bundleSizes(stage),
    vsixBytes: fs.statSync(vsix).size,
    vsixFiles: files ? Number(files[1]) : null,
    stage,
  };
}
