// Prints raw, gzip -9 and brotli -q 11 bytes of what one widget loads, as JSON.
// usage: node scripts/lib/size.mjs DIR [DIR_NO_BANK]
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { pageFiles } from './page-transfer.mjs';

const measure = (files) => {
  const out = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = readFileSync(f);
    out.raw += b.length;
    out.gzip += gzipSync(b, { level: 9 }).length;
    out.brotli += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  }
  return out;
};
const sum = (...parts) => parts.reduce((a, p) => ({ raw: a.raw + p.raw, gzip: a.gzip + p.gzip, brotli: a.brotli + p.brotli }), { raw: 0, gzip: 0, brotli: 0 });

function widget(dir) {
  if (!dir || !existsSync(`${dir}/quiz_web_bg.wasm`)) return null;
  const wasm = measure([`${dir}/quiz_web_bg.wasm`]);
  // A release build bundles every module a blog page loads into quiz-widget.js, the
  // stylesheet included (scripts/lib/minify.mjs); a debug build loads them one by one, the
  // stylesheet inside styles.js. custom-bank.js only loads with a custom bank.
  if (!existsSync(`${dir}/quiz_web.js`)) {
    const js = measure([`${dir}/quiz-widget.js`]);
    return { wasm, js, total: sum(wasm, js) };
  }
  const js = measure(['quiz_web.js', 'quiz-widget.js', 'contract.js', 'options.js']
    .map((f) => `${dir}/${f}`).filter((f) => existsSync(f)));
  const css = measure([`${dir}/styles.js`]);
  return { wasm, js, css, total: sum(wasm, js, css) };
}

const [withBank, noBank] = [widget(process.argv[2]), widget(process.argv[3])];
const result = { with_bank: withBank, without_bank: noBank };
// The custom-bank parser (quiz_bank_web): a second module that only pages giving a bank load,
// so it is reported on its own and never counted in the blog page's code above.
const parserDir = process.argv[2];
if (parserDir && existsSync(`${parserDir}/quiz_bank_web_bg.wasm`)) {
  const wasm = measure([`${parserDir}/quiz_bank_web_bg.wasm`]);
  const js = measure([`${parserDir}/quiz_bank_web.js`, `${parserDir}/custom-bank.js`].filter((f) => existsSync(f)));
  result.custom_bank_parser = { wasm, js, total: sum(wasm, js) };
}
// The LMS exporters (quiz_lms_web): loaded only by exportBank(), reported on their own.
if (parserDir && existsSync(`${parserDir}/quiz_lms_web_bg.wasm`)) {
  const wasm = measure([`${parserDir}/quiz_lms_web_bg.wasm`]);
  const js = measure([`${parserDir}/quiz_lms_web.js`]);
  result.lms_exporters = { wasm, js, total: sum(wasm, js) };
}
// The bank's own text: prompts, code, choices (and their why), explanations, answers.
const bankJson = new URL('../../target/bank.json', import.meta.url);
if (existsSync(bankJson)) {
  const exported = JSON.parse(readFileSync(bankJson, 'utf8'));
  // The export is an object with `questions` (issue 16); a bare array before that.
  const questions = Array.isArray(exported) ? exported : exported.questions;
  const text = questions.map((q) => [q.prompt, q.code ?? '', q.explanation,
    ...(q.choices ?? []).flatMap((c) => [c.text, c.why ?? '']), ...(q.accept ?? []), ...(q.items ?? []), q.output ?? ''].join('\n')).join('\n');
  const b = Buffer.from(text);
  result.bank_text = { raw: b.length, gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}
if (withBank && noBank) {
  result.bank_growth = {
    raw: withBank.wasm.raw - noBank.wasm.raw,
    gzip: withBank.wasm.gzip - noBank.wasm.gzip,
    brotli: withBank.wasm.brotli - noBank.wasm.brotli,
  };
  if (result.bank_text) result.bank_growth.gzip_over_text_gzip = +(result.bank_growth.gzip / result.bank_text.gzip).toFixed(3);
}
// The site's home page (issue 20): everything its first visit transfers, with the quiz and the
// whole bank (the HTML, the site CSS, its scripts, the widget's modules and wasm).
const site = new URL('../../dist/www/', import.meta.url).pathname;
if (existsSync(`${site}index.html`)) {
  const files = pageFiles(site, 'index.html');
  result.home_page = { files, ...measure(files.map((f) => `${site}${f}`)) };
}
console.log(JSON.stringify(result, null, 2));
