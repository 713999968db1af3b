// The browser benchmarks: transfer sizes, first question (cold loads, alternating ours /
// quizdown 0.4.1 / static floor), answer latency and memory. Writes bench/results.json and
// prints a Markdown table. Timings live here, never in the tests.
// usage: node bench/run.mjs [--loads N]
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { launch } from '../tests/fixtures/browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const loadsArg = process.argv.indexOf('--loads');
const LOADS = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 21;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
const MOUNTS = {
  '/widget/': 'dist/www/widget/',
  '/widget10k/': 'target/widget-10k/',
  '/qd/': 'bench/tmp/quizdown/package/public/build/',
  '/': 'bench/tmp/site/',
};

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

const sizes = (files) => files.reduce((a, f) => {
  const b = readFileSync(join(ROOT, f));
  a.raw += b.length;
  a.gzip += gzipSync(b, { level: 9 }).length;
  a.brotli += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return a;
}, { raw: 0, gzip: 0, brotli: 0 });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), min: +s[0].toFixed(1) };
};

// Polls (every animation frame) for the first question's radio inputs, in the page and in
// any open shadow root, and records when they first exist.
const POLLER = () => {
  const find = (root) => {
    if (root.querySelector?.('input[type=radio]')) return true;
    for (const el of root.querySelectorAll?.('*') ?? []) if (el.shadowRoot && find(el.shadowRoot)) return true;
    return false;
  };
  const tick = () => {
    if (document.body && find(document)) window.__firstSeen = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function firstQuestion(browser, url, withMark) {
  const context = await browser.newContext();
  await context.addInitScript(POLLER);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstSeen, null, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    return { seen: window.__firstSeen, mark: at('quiz-first-question'), script: at('quiz-script-start'), wasm: at('quiz-wasm-ready') };
  });
  await context.close();
  return withMark && r.mark !== null ? { t: r.mark, check: r.seen, script: r.script, wasm: r.wasm } : { t: r.seen, check: r.seen };
}

async function answerLatency(browser, base) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/ours-50.html`);
  await page.waitForFunction(() => performance.getEntriesByName('quiz-first-question').length);
  const times = await page.evaluate(async () => {
    const root = document.querySelector('quiz-widget').shadowRoot;
    const out = [];
    const dom = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let i = 0; i < 50; i++) {
      root.querySelector('input[type=radio]').click();
      await frame();
      const check = root.querySelector('button[type=submit]');
      const t0 = performance.now();
      check.click();
      // Feedback in the DOM, then the next frame painted.
      while (!root.querySelector('.feedback')) await new Promise((r) => setTimeout(r, 0));
      dom.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
      out.push(performance.now() - t0);
      [...root.querySelectorAll('button')].find((b) => /Next|results/.test(b.textContent)).click();
      await frame();
    }
    return { out, dom };
  });
  await page.context().close();
  return { ...stats(times.out), dom_updated: stats(times.dom) };
}

// Layout shift (CLS, the Web Vitals sum) of a blog post whose quiz sits between paragraphs,
// from navigation until the first question has been painted, on a desktop and a phone
// viewport (median of LOADS cold loads each). `post` is the post with the script tag only, or
// with README's whole snippet (its page rule reserves the space before the script runs).
async function layoutShift(browser, base, post) {
  const out = {};
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const values = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${base}/${post}.html`);
      await page.waitForFunction(() => performance.getEntriesByName('quiz-first-question').length);
      // Two frames: the question is laid out and painted, and its shift entry delivered.
      values.push(await page.evaluate(async () => {
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return window.__cls;
      }));
      await context.close();
    }
    out[name] = stats(values.map((v) => v * 1000)).median / 1000;
  }
  return out;
}

async function memory(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/ours.html`);
  await page.waitForFunction(() => performance.getEntriesByName('quiz-first-question').length);
  const read = () => page.evaluate(async () => {
    const m = await import('/widget/quiz-widget.js');
    await new Promise((r) => setTimeout(r, 50));
    gc(); gc();
    return { jsHeap: performance.memory.usedJSHeapSize, wasm: m.wasmMemoryBytes() };
  });
  const afterLoad = await read();
  await page.evaluate(async () => {
    for (let i = 0; i < 1000; i++) {
      const el = document.createElement('quiz-widget');
      el.setAttribute('filters', 'hidden');
      el.setAttribute('count', '5');
      el.setAttribute('seed', String(i));
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 0));
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
    }
  });
  const after1000 = await read();
  await context.close();
  return { afterLoad, after1000 };
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
const has10k = existsSync(join(ROOT, 'target/widget-10k/quiz_web_bg.wasm'));

const transfer = {
  ours: sizes(['dist/www/widget/quiz_web_bg.wasm', 'dist/www/widget/quiz-widget.js']),
  ours_code_only: existsSync(join(ROOT, 'target/widget-no-bank/quiz_web_bg.wasm'))
    ? sizes(['target/widget-no-bank/quiz_web_bg.wasm', 'target/widget-no-bank/quiz-widget.js'])
    : null,
  quizdown: sizes(['bench/tmp/quizdown/package/public/build/quizdown.js', 'bench/tmp/quizdown/package/public/build/extensions/quizdownHighlight.js']),
  ours_10k: has10k ? sizes(['target/widget-10k/quiz_web_bg.wasm', 'target/widget-10k/quiz-widget.js']) : null,
};

const pages = { ours: 'ours.html', quizdown: 'quizdown.html', floor: 'floor.html', ours_nohints: 'ours-nohints.html' };
if (has10k) pages.ours_10k = 'ours-10k.html';
const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
const checks = [];
const phases = { script_start: [], wasm_ready: [] };
for (let i = 0; i < LOADS; i++) {
  for (const [name, path] of Object.entries(pages)) {
    const r = await firstQuestion(browser, `${base}/${path}`, name.startsWith('ours'));
    samples[name].push(r.t);
    if (name.startsWith('ours')) checks.push(r.check - r.t);
    if (name === 'ours' && r.script !== null) {
      phases.script_start.push(r.script);
      phases.wasm_ready.push(r.wasm);
    }
  }
}
const first = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
const results = {
  date: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores, ${(await import('node:os')).cpus()[0]?.model ?? '?'}, Chromium ${browser.version()}`,
  loads_per_page: LOADS,
  transfer,
  first_question_ms: first,
  mark_vs_dom_poll_ms: stats(checks.map(Math.abs)),
  ours_phases_ms: phases.script_start.length
    ? { script_start: stats(phases.script_start), wasm_ready: stats(phases.wasm_ready) }
    : null,
  answer_latency_ms: await answerLatency(browser, base),
  layout_shift: await layoutShift(browser, base, 'ours-post'),
  layout_shift_snippet: await layoutShift(browser, base, 'ours-post-reserve'),
  memory: await memory(browser, base),
  native: existsSync(join(ROOT, 'target/native-bench.txt'))
    ? readFileSync(join(ROOT, 'target/native-bench.txt'), 'utf8').trim().split('\n')
    : [],
  ratios: {
    ours_over_quizdown_first_question: +(first.ours.median / first.quizdown.median).toFixed(2),
    ours_over_floor_first_question: +(first.ours.median / first.floor.median).toFixed(2),
    ours_over_quizdown_transfer_gzip: +(transfer.ours.gzip / transfer.quizdown.gzip).toFixed(2),
    ...(has10k ? { startup_10k_over_real: +(first.ours_10k.median / first.ours.median).toFixed(2) } : {}),
  },
};
// Issue 21's budgets, each against the figure measured above (or by scripts/lib/size.mjs on the
// same build): reported, never asserted (a benchmark measures; the size ratchet and the tests check).
const size = JSON.parse(readFileSync(join(ROOT, 'target/size.json'), 'utf8'));
const bankMarkdown = sizes(['bench/tmp/site/bank-quizdown.md']);
const growth = (k) => results.memory.after1000[k] - results.memory.afterLoad[k];
const MB = 1024 * 1024;
results.budgets = [
  ['code for a one-widget blog page (wasm + JS + CSS, no bank), gzip bytes', size.without_bank.total.gzip, 100 * 1024],
  ['whole page with the whole bank / (quizdown + the same bank as Markdown), gzip',
    +(size.with_bank.total.gzip / (transfer.quizdown.gzip + bankMarkdown.gzip)).toFixed(2), 1.0],
  ['bank growth / gzip of its own text', +(size.bank_growth.gzip / size.bank_text.gzip).toFixed(3), 1.15],
  ['first question / static floor, median of alternating cold loads', results.ratios.ours_over_floor_first_question, 2.0],
  ['answer latency, click to painted feedback, p95 (ms)', results.answer_latency_ms.p95, 16],
  ...(has10k ? [['first question, 10,000-question bank / built-in bank', results.ratios.startup_10k_over_real, 1.5]] : []),
  ['1,000 mount/destroy: wasm memory growth (bytes)', growth('wasm'), MB],
  ['1,000 mount/destroy: JS heap growth (bytes)', growth('jsHeap'), MB],
].map(([measure, value, budget]) => ({ measure, value, budget, ok: value <= budget }));
results.peer_whole_page_gzip = { quizdown_code: transfer.quizdown.gzip, bank_markdown: bankMarkdown.gzip };
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
await browser.close();
server.close();

const kb = (n) => (n / 1024).toFixed(1);
const rows = [
  '| measure | ours | quizdown 0.4.1 | static floor |',
  '|---|---|---|---|',
  `| transfer, gzip (KB) | ${kb(transfer.ours.gzip)} (code only ${transfer.ours_code_only ? kb(transfer.ours_code_only.gzip) : '?'}) | ${kb(transfer.quizdown.gzip)} (no questions) | — |`,
  `| transfer, brotli (KB) | ${kb(transfer.ours.brotli)} | ${kb(transfer.quizdown.brotli)} | — |`,
  `| first question, median / p95 (ms) | ${first.ours.median} / ${first.ours.p95} | ${first.quizdown.median} / ${first.quizdown.p95} | ${first.floor.median} / ${first.floor.p95} |`,
  `| first question without preload hints (ms) | ${first.ours_nohints.median} / ${first.ours_nohints.p95} | | |`,
  ...(has10k ? [`| first question, 10,000-question bank (ms) | ${first.ours_10k.median} / ${first.ours_10k.p95} (${kb(transfer.ours_10k.gzip)} KB gzip) | | |`] : []),
  `| answer latency: click → feedback painted, median / p95 (ms) | ${results.answer_latency_ms.median} / ${results.answer_latency_ms.p95} (in the DOM: ${results.answer_latency_ms.dom_updated.median} / ${results.answer_latency_ms.dom_updated.p95}) | | |`,
  ...(results.ours_phases_ms ? [`| ours: script start / wasm ready (median ms) | ${results.ours_phases_ms.script_start.median} / ${results.ours_phases_ms.wasm_ready.median} | | |`] : []),
  `| layout shift (CLS) of a post with the quiz between paragraphs, desktop / phone (median) | ${results.layout_shift.desktop} / ${results.layout_shift.phone} | | |`,
  `| the same with README's snippet (its page rule reserves the space), desktop / phone | ${results.layout_shift_snippet.desktop} / ${results.layout_shift_snippet.phone} | | |`,
  `| memory after load: wasm / JS heap (KB) | ${kb(results.memory.afterLoad.wasm)} / ${kb(results.memory.afterLoad.jsHeap)} | | |`,
  `| memory after 1,000 mount/destroy (KB) | ${kb(results.memory.after1000.wasm)} / ${kb(results.memory.after1000.jsHeap)} | | |`,
  '',
  `ours/quizdown first question: ${results.ratios.ours_over_quizdown_first_question}×; ours/floor: ${results.ratios.ours_over_floor_first_question}×; ` +
  `ours/quizdown transfer (gzip): ${results.ratios.ours_over_quizdown_transfer_gzip}×` +
  (has10k ? `; start-up 10k/real bank: ${results.ratios.startup_10k_over_real}×` : ''),
  `${LOADS} cold loads per page (new context each, cache off, alternating), ${results.machine}.`,
];
rows.push('', '| budget (issue 21) | measured | budget | |', '|---|---|---|---|',
  ...results.budgets.map((b) => `| ${b.measure} | ${b.value} | ${b.budget} | ${b.ok ? 'ok' : 'over'} |`));
console.log(rows.join('\n'));
