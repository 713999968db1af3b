// Prints raw, gzip -9 and brotli -q 11 bytes of what one widget loads, as JSON.
// usage: node scripts/lib/size.mjs DIR [DIR_NO_BANK]
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

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
  const js = measure([`${dir}/quiz_web.js`, `${dir}/quiz-widget.js`]);
  // The stylesheet ships inside styles.js (adopted into each shadow root).
  const css = measure([`${dir}/styles.js`]);
  return { wasm, js, css, total: sum(wasm, js, css) };
}

const [withBank, noBank] = [widget(process.argv[2]), widget(process.argv[3])];
const result = { with_bank: withBank, without_bank: noBank };
// The bank's own text: prompts, code, choices (and their why), explanations, answers.
const bankJson = new URL('../../target/bank.json', import.meta.url);
if (existsSync(bankJson)) {
  const text = JSON.parse(readFileSync(bankJson, 'utf8')).map((q) => [q.prompt, q.code ?? '', q.explanation,
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
console.log(JSON.stringify(result, null, 2));
