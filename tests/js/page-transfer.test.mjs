// scripts/lib/page-transfer.mjs: what a page of the built site loads on a first visit, which
// the home page's size budget counts. Run on a small site written to a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageFiles } from '../../scripts/lib/page-transfer.mjs';

function site(files) {
  const dir = mkdtempSync(join(tmpdir(), 'page-transfer-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('every static import of a minified module counts, several on one line; import() does not', () => {
  const dir = site({
    'index.html': '<link rel="stylesheet" href="site.css"><script type="module" src="w/main.js"></script>',
    'site.css': 'body{}',
    'w/main.js': 'import a,*as g from"./glue.js";import{css as c}from"./styles.js";import"./side.js";'
      + 'export{x}from"./re.js";const p=()=>import("./lazy.js");new URL("app.wasm",import.meta.url);',
    'w/glue.js': 'export default 1;', 'w/styles.js': 'export const css="";', 'w/side.js': '',
    'w/re.js': 'export const x=1;', 'w/lazy.js': 'export {};', 'w/app.wasm': '',
    'w/unused.js': '',
  });
  assert.deepEqual(pageFiles(dir, 'index.html').sort(), ['index.html', 'site.css', 'w/app.wasm', 'w/glue.js', 'w/main.js', 'w/re.js', 'w/side.js', 'w/styles.js']);
});
