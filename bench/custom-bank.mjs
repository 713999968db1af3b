// The custom-bank benchmark (issue 16): what a page with `<quiz-widget bank-src=…>` loads, and how
// long a 1,000- and a 10,000-question bank take from the bank fetch to the first question, next to
// the built-in bank on the same run (cold loads, alternating). Measures dist/www as built; the banks
// come from bench/gen-custom-bank.py. Merges its results into bench/results.json as `custom_banks`
// and prints a Markdown table. Timings live here, never in the tests.
// usage: python3 bench/gen-custom-bank.py && node bench/custom-bank.mjs [--loads N]
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { launch } from '../tests/fixtures/browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const loadsArg = process.argv.indexOf('--loads');
const LOADS = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 21;
const SITE = 'bench/tmp/custom/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.toml': 'application/toml',
};
const MOUNTS = { '/widget/': 'dist/www/widget/', '/': SITE };

for (const f of ['dist/www/widget/quiz_bank_web_bg.wasm', `${SITE}banks/custom-1000.json`, `${SITE}banks/custom-10000.json`]) {
  if (!existsSync(join(ROOT, f))) {
    console.error(`custom-bank: ${f} is missing (scripts/build; python3 bench/gen-custom-bank.py)`);
    process.exit(1);
  }
}

// The pages: identical but for bank-src (same preload hints as bench/tmp/site/ours.html).
const CASES = {
  builtin: null,
  'json-1000': '/banks/custom-1000.json',
  'toml-1000': '/banks/custom-1000.toml',
  'json-10000': '/banks/custom-10000.json',
  'toml-10000': '/banks/custom-10000.toml',
};
const page = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>custom bank</title><link rel="icon" href="data:,">
<link rel="modulepreload" href="/widget/quiz_web.js"><link rel="modulepreload" href="/widget/styles.js">
<link rel="preload" href="/widget/quiz_web_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="/widget/quiz-widget.js"></script></head>
<body><main style="max-width:40rem;margin:auto"><quiz-widget ${src ? `bank-src="${src}" ` : ''}filters="hidden" count="10" seed="1"></quiz-widget></main></body></html>
`;
mkdirSync(join(ROOT, SITE), { recursive: true });
for (const [name, src] of Object.entries(CASES)) writeFileSync(join(ROOT, SITE, `${name}.html`), page(src));
writeFileSync(join(ROOT, SITE, 'blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title><link rel="icon" href="data:,"></head><body></body></html>\n');

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = Object.entries(MOUNTS).find(([p]) => path.startsWith(p));
    const file = normalize(join(ROOT, dir, path.slice(prefix.length)));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const fileOf = (path) => {
  const [prefix, dir] = Object.entries(MOUNTS).find(([p]) => path.startsWith(p));
  return join(dir, path.slice(prefix.length));
};
const size = (f) => {
  const b = readFileSync(join(ROOT, f));
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length,
  };
};
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), min: +s[0].toFixed(1) };
};

// Records a quiz-error (a refused bank would otherwise look like a slow one).
const WATCH = () => addEventListener('quiz-error', (e) => { window.__quizError = e.detail?.message ?? 'quiz-error'; }, true);

/** One cold load of `url`: the marks, the resource timings, and what the first question says. */
async function load(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(WATCH);
  const p = await context.newPage();
  await p.goto(url);
  await p.waitForFunction(() => performance.getEntriesByName('quiz-first-question').length || window.__quizError,
    null, { timeout: 60000 });
  const r = await p.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const root = document.querySelector('quiz-widget').shadowRoot;
    return {
      error: window.__quizError ?? null,
      first: at('quiz-first-question'),
      wasm: at('quiz-wasm-ready'),
      script: at('quiz-script-start'),
      prompt: root.querySelector('.prompt, h2, legend')?.textContent ?? root.textContent.slice(0, 200),
      text: root.textContent,
      resources: performance.getEntriesByType('resource').map((e) => ({
        path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, type: e.initiatorType,
      })),
    };
  });
  await context.close();
  if (r.error) throw new Error(`${url}: quiz-error: ${r.error}`);
  return r;
}

// dist/www must not change under the run (a rebuild would mix two builds): stamp it, check at the end.
const stamp = () => ['quiz_web_bg.wasm', 'quiz_bank_web_bg.wasm', 'quiz-widget.js', 'custom-bank.js']
  .map((f) => `${f}:${statSync(join(ROOT, 'dist/www/widget', f)).mtimeMs}`).join(' ');
const stampBefore = stamp();
const loadBefore = loadavg()[0];

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Cold loads, alternating the cases within each round.
const runs = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
for (let i = 0; i < LOADS; i++) {
  for (const name of Object.keys(CASES)) {
    const r = await load(browser, `${base}/${name}.html`);
    if (CASES[name] && !/Question \d+:/.test(r.text)) throw new Error(`${name}: the first question is not from the custom bank: ${r.prompt}`);
    if (!CASES[name] && /Question \d+:/.test(r.text)) throw new Error(`builtin: a synthetic question on the built-in page`);
    runs[name].push(r);
  }
}

// compileBank alone (the parser wasm, warm, in one page): 1 warm-up call, then 11 timed.
const compile = await (async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${base}/json-1000.html`);
  await p.waitForFunction(() => performance.getEntriesByName('quiz-first-question').length, null, { timeout: 60000 });
  const out = {};
  for (const [name, src] of Object.entries(CASES)) {
    if (!src) continue;
    out[name] = await p.evaluate(async (src) => {
      const m = await import('/widget/quiz_bank_web.js');
      const text = await (await fetch(src)).text();
      const name = src.split('/').pop();
      let r = m.compileBank(text, name);
      const times = [];
      for (let i = 0; i < 11; i++) {
        const t0 = performance.now();
        r = m.compileBank(text, name);
        times.push(performance.now() - t0);
      }
      return { times, ok: r.ok, questions: r.questions, blob: r.blob?.length ?? 0, text_bytes: new TextEncoder().encode(text).length };
    }, src);
  }
  await context.close();
  return out;
})();
// compileBank cold: in a fresh context on a page without the widget, the parser's import and
// instantiation, then its first compileBank call (what a page's first load pays), a few times.
const COLD = Math.min(LOADS, 7);
const cold = Object.fromEntries(Object.keys(CASES).filter((k) => CASES[k]).map((k) => [k, { init: [], first_compile: [] }]));
for (let i = 0; i < COLD; i++) {
  for (const [name, src] of Object.entries(CASES)) {
    if (!src) continue;
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${base}/blank.html`);
    const r = await p.evaluate(async (src) => {
      const text = await (await fetch(src)).text();
      const t0 = performance.now();
      const m = await import('/widget/quiz_bank_web.js');
      await m.default({ module_or_path: '/widget/quiz_bank_web_bg.wasm' });
      const t1 = performance.now();
      const r = m.compileBank(text, src.split('/').pop());
      return { init: t1 - t0, first_compile: performance.now() - t1, ok: r.ok };
    }, src);
    await context.close();
    if (!r.ok) throw new Error(`${name}: compileBank refused the bank`);
    cold[name].init.push(r.init);
    cold[name].first_compile.push(r.first_compile);
  }
}
const machine = `${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, Chromium ${browser.version()}`;
await browser.close();
server.close();
if (stamp() !== stampBefore) {
  console.error('custom-bank: dist/www/widget changed during the run (a rebuild?): the numbers mix two builds; run again');
  process.exit(1);
}
const loadAverage = { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) };

// What each page loaded (its first load's resource entries), grouped, sized from the served files.
const GROUPS = [
  ['widget (quiz_web wasm + JS, quiz-widget.js, styles, contract, options)', (p) => p.startsWith('/widget/') && !/custom-bank|quiz_bank_web/.test(p)],
  ['custom-bank.js', (p) => p.endsWith('/custom-bank.js')],
  ['parser (quiz_bank_web.js + quiz_bank_web_bg.wasm)', (p) => /quiz_bank_web/.test(p)],
  ['bank file', (p) => p.startsWith('/banks/')],
];
const loaded = {};
for (const [name, rs] of Object.entries(runs)) {
  const paths = [...new Set(rs[0].resources.map((e) => e.path))].filter((p) => p !== '/favicon.ico').sort();
  const groups = {};
  for (const [label, test] of GROUPS) {
    const files = paths.filter(test);
    if (files.length) groups[label] = { files: files.map((p) => p.split('/').pop()), ...files.map((p) => size(fileOf(p))).reduce(add, ZERO) };
  }
  loaded[name] = { groups, total: Object.values(groups).reduce(add, ZERO) };
}

// The intervals, per load (ms, from the page's performance timeline; 0 = navigation start):
//   first_question: navigation → `quiz-first-question` mark (what a reader waits);
//   wasm_to_first: `quiz-wasm-ready` → first question (built-in: mount + render only);
//   fetch_to_first: the bank's fetch (its resource entry's startTime) → first question;
//   and the phases of fetch_to_first, one after the other: the bank's transfer (startTime →
//   responseEnd); custom-bank.js reads the text, checks its size and only then imports
//   quiz_bank_web.js (→ quiz_bank_web_bg.wasm's startTime); the parser wasm's download (its
//   startTime → responseEnd); parser start-up + compileBank + mount + decode + render (→ first question).
const timing = {};
for (const [name, rs] of Object.entries(runs)) {
  const per = rs.map((r) => {
    const find = (test) => r.resources.find((e) => test(e.path));
    const bank = find((p) => p.startsWith('/banks/'));
    const parser = find((p) => p.endsWith('quiz_bank_web_bg.wasm'));
    const cb = find((p) => p.endsWith('/custom-bank.js'));
    return {
      first_question: r.first,
      wasm_ready: r.wasm,
      wasm_to_first: r.first - r.wasm,
      ...(bank ? {
        wasm_to_fetch: bank.start - r.wasm,
        custom_bank_js_end: cb ? cb.end - r.wasm : null,
        fetch_to_first: r.first - bank.start,
        bank_transfer: bank.end - bank.start,
        text_check_import: parser.start - bank.end,
        parser_download: parser.end - parser.start,
        compile_mount_render: r.first - parser.end,
      } : {}),
    };
  });
  timing[name] = Object.fromEntries(Object.keys(per[0]).filter((k) => per[0][k] !== null)
    .map((k) => [k, stats(per.map((x) => x[k]))]));
}
const compileMs = Object.fromEntries(Object.entries(compile).map(([k, v]) => [k, { ...stats(v.times), ok: v.ok, questions: v.questions, blob_bytes: v.blob, text_bytes: v.text_bytes }]));

const coldMs = Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, { parser_init: stats(v.init), first_compile: stats(v.first_compile) }]));

const results = { date: new Date().toISOString(), machine, load_average_1min: loadAverage, loads_per_page: LOADS, pages: CASES, loaded, timing_ms: timing, compile_bank_warm_ms: compileMs, compile_bank_cold_ms: coldMs };
const resultsFile = join(ROOT, 'bench/results.json');
const all = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
all.custom_banks = results;
writeFileSync(resultsFile, JSON.stringify(all, null, 2) + '\n');

const kb = (n) => (n / 1024).toFixed(1);
const sz = (s) => `${s.raw.toLocaleString('en')} / ${s.gzip.toLocaleString('en')}`;
const ms = (s) => (s ? `${s.median} / ${s.p95}` : '—');
const names = Object.keys(CASES);
const lines = [
  `| | ${names.join(' | ')} |`,
  `|---|${names.map(() => '---').join('|')}|`,
  ...GROUPS.map(([label]) => `| ${label}, raw / gzip B | ${names.map((n) => (loaded[n].groups[label] ? sz(loaded[n].groups[label]) : '—')).join(' | ')} |`),
  `| **total loaded, raw / gzip B** | ${names.map((n) => `**${sz(loaded[n].total)}**`).join(' | ')} |`,
  `| total, brotli (KB) | ${names.map((n) => kb(loaded[n].total.brotli)).join(' | ')} |`,
  `| navigation → first question, median / p95 (ms) | ${names.map((n) => ms(timing[n].first_question)).join(' | ')} |`,
  `| wasm ready → first question (ms) | ${names.map((n) => ms(timing[n].wasm_to_first)).join(' | ')} |`,
  `| **bank fetch start → first question (ms)** | ${names.map((n) => (timing[n].fetch_to_first ? `**${ms(timing[n].fetch_to_first)}**` : '—')).join(' | ')} |`,
  `| — wasm ready → bank fetch start (import custom-bank.js) | ${names.map((n) => ms(timing[n].wasm_to_fetch)).join(' | ')} |`,
  `| — bank transfer (fetch start → response end) | ${names.map((n) => ms(timing[n].bank_transfer)).join(' | ')} |`,
  `| — read text, size check, import quiz_bank_web.js (bank end → parser wasm fetch start) | ${names.map((n) => ms(timing[n].text_check_import)).join(' | ')} |`,
  `| — parser wasm download (its fetch start → response end) | ${names.map((n) => ms(timing[n].parser_download)).join(' | ')} |`,
  `| — parser start-up, compile, mount, render | ${names.map((n) => ms(timing[n].compile_mount_render)).join(' | ')} |`,
  `| parser import + instantiate, cold, no widget (${COLD} loads) | ${names.map((n) => ms(coldMs[n]?.parser_init)).join(' | ')} |`,
  `| compileBank, first call (cold) (${COLD} loads) | ${names.map((n) => ms(coldMs[n]?.first_compile)).join(' | ')} |`,
  `| compileBank alone, warm, median / p95 (ms) | ${names.map((n) => ms(compileMs[n])).join(' | ')} |`,
  `| compiled blob (B) | ${names.map((n) => (compileMs[n] ? compileMs[n].blob_bytes.toLocaleString('en') : '—')).join(' | ')} |`,
  '',
  `${LOADS} cold loads per page (new context each, no-store, alternating), ${machine}; load average ${loadAverage.before} → ${loadAverage.after}.`,
];
console.log(lines.join('\n'));
