/**
 * Every command the manifest contributes is registered once the extension is active.
 */
import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, contributes } from '../helpers';

describe('commands', () => {
  it('registers every contributed command', async () => {
    await activateExtension();
    const contributed = ((contributes().commands ?? []) as { command: string }[]).map((entry) => entry.command);
    assert.ok(contributed.length > 0, 'the manifest contributes no command');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
