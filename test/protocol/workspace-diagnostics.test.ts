/**
 * Workspace diagnostics through the real server over stdio: the server owns the problems of the
 * letters that are not open, read from disk at start, refreshed when a watched file changes, handed
 * to the editor's text while a letter is open and back to the file when it closes.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ImrRequests, type CheckWorkspaceResult } from '../../server/src/features/requests';
import { readLetter } from '../helpers';
import { type LspTestClient, fileUri, startClient } from './client';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();
const hasUnknownDrug = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'unknown-drug');

describe('workspace diagnostics over stdio', () => {
  let client: LspTestClient;
  let folder: string;
  let letter004: string;
  let uri004: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-workspace-'));
    letter004 = path.join(folder, 'nested', 'letter-004.txt');
    fs.mkdirSync(path.dirname(letter004));
    fs.writeFileSync(letter004, readLetter('004'));
    fs.writeFileSync(path.join(folder, 'letter-003.imr'), readLetter('003'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'Shopping list: milk, bread.\n');
    uri004 = fileUri(letter004);
    client = await startClient();
    await client.initialize({ workspaceFolders: [{ uri: fileUri(folder), name: 'letters' }] });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a closed letter has its problems from disk at start; a file that is not a letter has none', async () => {
    const published = await client.waitForDiagnostics(uri004, { accept: hasUnknownDrug });
    assert.deepEqual(codes(published), ['drug-spelling', 'drug-spelling', 'drug-spelling', 'drug-spelling', 'unknown-drug']);
    assert.equal(client.diagnostics.get(fileUri(path.join(folder, 'notes.txt'))), undefined);
  });

  test('the file corrected on disk: its problem goes at the watched-file notification', async () => {
    await client.waitForDiagnostics(uri004, { accept: hasUnknownDrug });
    fs.writeFileSync(letter004, readLetter('004').replaceAll('Baclofan', 'Baclofen'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri004, type: 2 }] });
    const after = await client.waitForDiagnostics(uri004, { accept: (p) => !hasUnknownDrug(p) });
    assert.ok(!codes(after).includes('unknown-drug'), codes(after).join(', '));
    fs.writeFileSync(letter004, readLetter('004'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri004, type: 2 }] });
    await client.waitForDiagnostics(uri004, { accept: hasUnknownDrug });
  });

  test('open, the editor text is checked; closed, the file on disk again', async () => {
    await client.waitForDiagnostics(uri004, { accept: hasUnknownDrug });
    client.open(uri004, readLetter('004').replaceAll('Baclofan', 'Baclofen'));
    await client.waitForDiagnostics(uri004, { version: 1, accept: (p) => !hasUnknownDrug(p) });
    client.close(uri004);
    await client.waitForDiagnostics(uri004, { accept: hasUnknownDrug });
  });

  test('a deleted letter loses its problems; imr/checkWorkspace counts the letters read', async () => {
    const extra = path.join(folder, 'extra-004.imr');
    fs.writeFileSync(extra, readLetter('004'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(extra), type: 1 }] });
    await client.waitForDiagnostics(fileUri(extra), { accept: hasUnknownDrug });
    fs.rmSync(extra);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(extra), type: 3 }] });
    await client.waitForDiagnostics(fileUri(extra), { accept: (p) => p.diagnostics.length === 0 });
    const result = await client.request<CheckWorkspaceResult>(ImrRequests.checkWorkspace, {});
    assert.equal(result.letters, 2);
    assert.equal(result.bySeverity[1], 1);
  });
});
