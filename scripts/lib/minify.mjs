// Minifies a release widget's JavaScript in place, and the stylesheet inside styles.js; then,
// for a whole widget folder, bundles what a blog page loads into quiz-widget.js.
// usage: node scripts/lib/minify.mjs DIR [FILE.js...]   (every .js file of DIR, or only those named)
// Each file stays its own ES module with the same imports and exports, so the wrapper keeps
// loading the parser and the exporters only when a page needs them.
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { buildSync, transformSync } from 'esbuild';

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

// The blog page's modules in one file (issue 21): quiz-widget.js with everything it imports
// statically (the wasm glue, the stylesheet, contract.js, options.js). One request instead of
// five, and no second round trip to learn of the imports: the first question came 13 ms sooner
// on 127.0.0.1 (bench/README.md), a round trip sooner on a real network. The glue, imported by
// nothing else, goes; contract.js, options.js and styles.js stay for react.js, custom-bank.js
// and npm users (each of those loads its own copy of what it needs; none of them holds state).
if (!only.length && readdirSync(dir).includes('quiz-widget.js')) {
  buildSync({
    entryPoints: [`${dir}/quiz-widget.js`], outfile: `${dir}/quiz-widget.js`, allowOverwrite: true,
    bundle: true, external: ['./custom-bank.js'], ...options, logLevel: 'warning',
  });
  rmSync(`${dir}/quiz_web.js`);
  rmSync(`${dir}/quiz_web.d.ts`, { force: true });
}
