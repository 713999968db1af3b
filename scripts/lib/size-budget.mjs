// The size ratchet: fails when what one widget loads grows past bench/size-budget.json.
// usage: node scripts/lib/size-budget.mjs SIZE_JSON
import { readFileSync } from 'node:fs';

const size = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const budget = JSON.parse(readFileSync(new URL('../../bench/size-budget.json', import.meta.url), 'utf8'));
const checks = [
  ['code: wasm + JS + CSS without the bank, gzip bytes', size.without_bank.total.gzip, budget.code_gzip_bytes],
  ['bank: wasm growth with the bank on, gzip bytes', size.bank_growth.gzip, budget.bank_growth_gzip_bytes],
  // Issue 20: the site's home page, first visit, with the quiz and the whole bank (dist/www must be built).
  ['home page: first-visit transfer (HTML, CSS, scripts, widget, bank), gzip bytes', size.home_page?.gzip ?? Infinity, budget.home_page_gzip_bytes],
];
let failed = 0;
for (const [what, actual, limit] of checks) {
  const ok = actual <= limit;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${actual} (budget ${limit}, ${((actual / limit) * 100).toFixed(1)} %)`);
}
console.log(`bank growth / gzip of the bank's own text: ${size.bank_growth.gzip_over_text_gzip}× (issue 21 budget ≤ 1.15×); ` +
  `total with the bank: ${size.with_bank.total.gzip} bytes gzip`);
if (size.custom_bank_parser) {
  console.log(`custom-bank parser (loaded only by pages that give a bank, not budgeted): ` +
    `${size.custom_bank_parser.total.gzip} bytes gzip (wasm ${size.custom_bank_parser.wasm.raw} bytes raw)`);
}
if (size.lms_exporters) {
  console.log(`LMS exporters (loaded only by exportBank(), not budgeted): ` +
    `${size.lms_exporters.total.gzip} bytes gzip (wasm ${size.lms_exporters.wasm.raw} bytes raw)`);
}
if (failed) {
  console.log('size budget: FAILED. Shrink it, or raise bench/size-budget.json in a reviewed commit.');
  process.exit(1);
}
console.log('size budget: ok');
