/**
 * The installed extension's page (its packaged readme): for users first, with a picture that is
 * packaged and shows offline, rule links to pages packaged beside it, and building from source last.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as path from 'path';
import { ourExtension } from '../helpers';

/** The readme VS Code shows on the extension's page. */
function packagedReadme(): string {
  const folder = ourExtension().extensionPath;
  const name = fs.readdirSync(folder).find((file) => file.toLowerCase() === 'readme.md');
  assert.ok(name, `no readme in ${folder}`);
  return fs.readFileSync(path.join(folder, name), 'utf8');
}

/** The targets of the markdown links (`[text](target)`) and images of a text. */
function linkTargets(markdown: string, images: boolean): string[] {
  const pattern = images ? /!\[[^\]]*\]\(([^)\s]+)\)/g : /(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g;
  return [...markdown.matchAll(pattern)].map((m) => m[1]);
}

describe('the extension page', () => {
  it('shows a packaged picture, local rule pages, and the developer commands only after the user part', () => {
    const readme = packagedReadme();
    const folder = ourExtension().extensionPath;
    const pictures = linkTargets(readme, true);
    assert.ok(pictures.length > 0, 'the page has no picture');
    for (const picture of pictures) {
      assert.ok(!/^[a-z]+:/i.test(picture), `the picture ${picture} needs the network`);
      assert.ok(fs.existsSync(path.join(folder, picture)), `the picture ${picture} is not packaged`);
    }
    const rules = linkTargets(readme, false).filter((target) => /docs\/rules\//.test(target));
    assert.ok(rules.length >= 20, `rule links: ${rules.join(', ')}`);
    for (const rule of rules) assert.ok(fs.existsSync(path.join(folder, rule)), `${rule} is not packaged`);
    const building = readme.search(/^## Building from source/m);
    assert.ok(building > 0, 'no "Building from source" section');
    for (const command of ['npm ci', 'bash .ci/run']) {
      const at = readme.indexOf(command);
      assert.ok(at < 0 || at > building, `"${command}" comes before the user part ends`);
    }
    assert.ok(readme.indexOf('## Install') < building, 'how to install comes first');
  });
});
