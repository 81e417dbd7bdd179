/**
 * The installed VSIX (not the development folder) activates on a letter and starts its server.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as path from 'path';
import { LANGUAGE_ID, openLetter, ourExtension, repoRoot, waitForActivation } from '../helpers';

describe('installed VSIX', () => {
  it('is installed from the VSIX, without sources', () => {
    const extension = ourExtension();
    const relative = path.relative(repoRoot, extension.extensionPath);
    assert.ok(relative.startsWith('..') || path.isAbsolute(relative), `loaded from the repository: ${extension.extensionPath}`);
    for (const bundle of ['client/out/extension.js', 'server/out/server.js']) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, bundle)), `${bundle} missing`);
    }
    for (const source of ['client/src', 'server/src', 'test']) {
      assert.ok(!fs.existsSync(path.join(extension.extensionPath, source)), `${source} was packaged`);
    }
  });

  it('activates on an .imr letter and starts the language server', async () => {
    const { document } = await openLetter('004', { extension: '.imr' });
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    const extension = await waitForActivation();
    assert.ok(extension.isActive);
  });
});
