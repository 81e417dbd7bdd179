/**
 * The extension activates on a decision letter and its language server starts.
 */
import * as assert from 'assert';
import { describe, it } from 'mocha';
import { EXTENSION_ID, LANGUAGE_ID, openLetter, waitForActivation } from '../helpers';

describe('activation', () => {
  it('activates on an .imr letter and starts the language server', async () => {
    const { document } = await openLetter('003', { extension: '.imr' });
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    // activate() awaits the language client's start (the server's initialize answer): a server
    // that fails to start makes this reject.
    const extension = await waitForActivation();
    assert.strictEqual(extension.id, EXTENSION_ID);
    assert.ok(extension.isActive);
  });
});
