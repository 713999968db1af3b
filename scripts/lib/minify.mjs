// Minifies a release widget's JavaScript in place, and the stylesheet inside styles.js.
// usage: node scripts/lib/minify.mjs DIR [FILE.js...]   (every .js file of DIR, or only those named)
// Each file stays its own ES module with the same imports and exports (no bundling), so the
// wrapper keeps loading the parser and the exporters only when a page needs them.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/lib/minify.mjs DIR [FILE.js...]');
  process.exit(2);
}

const only = process.argv.slice(3);
const missing = only.filter((f) => !readdirSync(dir).includes(f));
if (missing.length) {
  console.error(`minify: no ${missing.join(', ')} in ${dir}`);
  process.exit(1);
}
const options = { format: 'esm', target: 'es2022', minify: true, legalComments: 'none' };
for (const name of readdirSync(dir).filter((f) => f.endsWith('.js') && (!only.length || only.includes(f)))) {
  const path = `${dir}/${name}`;
  let source = readFileSync(path, 'utf8');
  if (name === 'styles.js') {
    const { css } = await import(new URL(`file://${process.cwd()}/${path}`).href);
    const sheet = transformSync(css, { loader: 'css', minify: true }).code.trim();
    source = `export const css = ${JSON.stringify(sheet)};\n`;
  }
  writeFileSync(path, transformSync(source, { ...options, sourcefile: name }).code);
}
