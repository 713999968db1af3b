// The progress benchmark (issue 18): the study queue over 10,000 review states, in wasm, and the
// browser store (localStorage) holding 10,000 questions: the time to read and write it, and its
// stored size. Measures target/widget-bench, the release widget built with the `bench` feature
// (its `bench*` entry points, crates/quiz-web/src/bench.rs; never in a release or npm build):
//   source scripts/lib/env.sh
//   CARGO_TARGET_DIR=$PWD/target/bench-progress build_widget target/widget-bench 1 release bench
// Prints a Markdown table and writes bench/progress-results.json. Timings live here, never in tests.
// usage: node bench/progress.mjs [--questions N] [--samples N]
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { launch } from '../tests/fixtures/browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const WIDGET = 'target/widget-bench/';
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--questions', 10000);
const SAMPLES = arg('--samples', 21);
const KEY = 'quiz-widget:v1:progress';

if (!existsSync(join(ROOT, WIDGET, 'quiz_web_bg.wasm'))) {
  console.error(`progress: ${WIDGET}quiz_web_bg.wasm is missing; build it with the bench feature (see the head of this file)`);
  process.exit(1);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>progress bench</title>
<link rel="icon" href="data:,"><script type="module">
import init, * as w from '/widget/quiz_web.js';
await init();
window.w = w;
window.ready = true;
</script></head><body></body></html>
`;

// Cross-origin isolated (COOP + COEP), so performance.now() is precise to 5 µs, not 100 µs.
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = {
      'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    };
    if (path === '/') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(PAGE);
      return;
    }
    const base = join(ROOT, WIDGET);
    const file = normalize(join(base, path.replace(/^\/widget\//, '')));
    if (!path.startsWith('/widget/') || !file.startsWith(base)) { res.writeHead(404).end(); return; }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Runs in the page: warm-up, then enough calls per sample to last ≥ 10 ms (one call for the
// slow ones), SAMPLES samples; ms per call.
const TIMER = `window.time = (f, samples, minMs = 10) => {
  for (let i = 0; i < 3; i++) f();
  let rounds = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < rounds; i++) f();
    if (performance.now() - t >= minMs || rounds >= 1 << 20) break;
    rounds *= 2;
  }
  const xs = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let i = 0; i < rounds; i++) f();
    xs.push((performance.now() - t) / rounds);
  }
  xs.sort((a, b) => a - b);
  return { median: xs[samples >> 1], p95: xs[Math.ceil(samples * 0.95) - 1], min: xs[0], rounds, samples };
};`;

const load0 = loadavg()[0];
const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg_start: load0 },
  chromium: browser.version(),
  widget: WIDGET,
  questions: N,
  samples: SAMPLES,
};
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true);
  await page.evaluate(TIMER);
  results.isolated = await page.evaluate(() => crossOriginIsolated);

  // ── the history and the bank (not timed: a simulation)
  results.setup = await page.evaluate(([n]) => {
    const t = performance.now();
    const s = w.benchSetup(n, 1);
    window.exportText = s.exportText;
    const [due, missed, reviews] = w.benchDue(0);
    const [due30] = w.benchDue(30);
    const [dueYears] = w.benchDue(3650);
    return { questions: s.questions, reviews, due_today: due, due_after_30_days: due30, due_after_10_years: dueYears,
      missed, setup_ms: performance.now() - t };
  }, [N]);

  // ── the rules in wasm (quiz-core, release build: opt-level z, LTO, wasm-opt -Oz)
  results.candidates = await page.evaluate(([samples]) => ({ count: w.benchCandidates(), time: time(() => w.benchCandidates(), samples) }), [SAMPLES]);
  const OFFSETS = { today: 0, 'after 30 days away': 30, 'after 10 years away (everything due)': 3650 };
  results.rules = {};
  for (const [label, days] of Object.entries(OFFSETS)) {
    results.rules[label] = await page.evaluate(([days, samples]) => ({
      queue_length: w.benchStudyQueue(days),
      session_length: w.benchStartReview(days),
      study_queue: time(() => w.benchStudyQueue(days), samples),
      start_review: time(() => w.benchStartReview(days), samples),
      dashboard: time(() => w.benchDashboard(days), samples),
      dashboard_counts: Array.from(w.benchDashboard(days)),
    }), [days, SAMPLES]);
  }

  // ── the store: localStorage of this fresh context
  results.store = await page.evaluate(([key, samples, n]) => {
    const out = {};
    localStorage.clear();
    let t = performance.now();
    out.import_count = w.importProgress(exportText);
    out.import_first_ms = performance.now() - t;
    const stored = localStorage.getItem(key);
    out.stored_chars = stored.length;
    out.stored_utf8_bytes = new TextEncoder().encode(stored).length;
    out.stored_utf16_bytes = (stored.length + key.length) * 2;
    out.export_file_utf8_bytes = new TextEncoder().encode(JSON.stringify(w.getProgress(), null, 2)).length;
    out.export_compact_utf8_bytes = new TextEncoder().encode(exportText).length;
    // The browser's own part: the string in and out of localStorage, and JSON.parse.
    out.get_item = time(() => localStorage.getItem(key).length, samples);
    out.get_item_parse = time(() => JSON.parse(localStorage.getItem(key)), samples, 0);
    out.set_item = time(() => localStorage.setItem(key, stored), samples, 0);
    out.import_again = time(() => w.importProgress(exportText), samples, 0);
    out.get_progress = time(() => w.getProgress(), samples, 0);
    out.store_read = time(() => w.benchStoreRead(), samples, 0);
    let i = 0;
    out.record_existing = time(() => w.benchRecord(i++ % n, i % 5 !== 0), samples, 0);
    let j = 0;
    out.record_new = time(() => w.benchRecord(n + j++, true), samples, 0);
    out.entries_after = w.benchStoreRead();
    // The room left: the largest value localStorage still accepts under another key.
    let lo = 0;
    let hi = 64 << 20;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        localStorage.setItem('bench-filler', 'x'.repeat(mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
      localStorage.removeItem('bench-filler');
    }
    out.room_left_chars = lo;
    out.stored_chars_final = localStorage.getItem(key).length;
    // Chromium counts keys and values in UTF-16 code units, whatever the characters.
    out.quota_chars = out.stored_chars_final + key.length + lo + 'bench-filler'.length;
    return out;
  }, [KEY, SAMPLES, N]);
  results.errors = errors;
  await context.close();
} finally {
  await browser.close();
  server.close();
}
results.machine.loadavg_end = loadavg()[0];
writeFileSync(join(ROOT, 'bench/progress-results.json'), JSON.stringify(results, null, 2) + '\n');

// ── the table
const f = (x) => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const ms = (m) => `${f(m.median)} / ${f(m.p95)}`;
const s = results.setup;
const st = results.store;
const n = (x) => x.toLocaleString('en-US');
const lines = [
  `Chromium ${results.chromium}, ${results.machine.cpus} × ${results.machine.model}; load ${results.machine.loadavg_start.toFixed(2)} → ${results.machine.loadavg_end.toFixed(2)}; ` +
    `cross-origin isolated: ${results.isolated}; ${SAMPLES} samples each.`,
  '',
  `History: ${n(s.questions)} questions, ${n(s.reviews)} simulated reviews; due today ${n(s.due_today)}, ` +
    `after 30 days ${n(s.due_after_30_days)}, after 10 years ${n(s.due_after_10_years)}; ${n(s.missed)} mistakes.`,
  '',
  '| rules in wasm, ms per call (median / p95) | study queue | start a study session | dashboard + mistakes |',
  '|---|---|---|---|',
  ...Object.entries(results.rules).map(([label, r]) =>
    `| ${label}: queue ${n(r.queue_length)} | ${ms(r.study_queue)} | ${ms(r.start_review)} | ${ms(r.dashboard)} |`),
  '',
  `\`setup::candidates\` alone (decode + shuffle the ${n(results.candidates.count)} questions the filters allow): ${ms(results.candidates.time)} ms.`,
  '',
  '| store with ' + n(s.questions) + ' questions | median / p95 (ms) |',
  '|---|---|',
  `| localStorage.getItem | ${ms(st.get_item)} |`,
  `| localStorage.getItem + JSON.parse | ${ms(st.get_item_parse)} |`,
  `| localStorage.setItem (the same text) | ${ms(st.set_item)} |`,
  `| importProgress (first, into an empty store) | ${st.import_first_ms.toFixed(1)} |`,
  `| importProgress (again: parse, merge, write) | ${ms(st.import_again)} |`,
  `| read: store parse + check + merge (each study-panel render) | ${ms(st.store_read)} |`,
  `| getProgress(): read + the export object | ${ms(st.get_progress)} |`,
  `| record an answer: read (skipped when the stored text is unchanged), schedule, write | ${ms(st.record_existing)} |`,
  `| record a new question's answer | ${ms(st.record_new)} |`,
  '',
  `Stored: ${n(st.stored_chars)} chars under \`${KEY}\` = ${n(st.stored_utf8_bytes)} B UTF-8 ` +
    `(${(st.stored_utf8_bytes / s.questions).toFixed(1)} B per question), ${n(st.stored_utf16_bytes)} B as UTF-16 with the key; ` +
    `the origin's whole localStorage holds ${n(st.quota_chars)} UTF-16 units (keys + values), so this is ` +
    `${(100 * (st.stored_chars + KEY.length) / st.quota_chars).toFixed(1)} % of it (the host page shares it). ` +
    `"Export progress" file: ${n(st.export_file_utf8_bytes)} B (compact: ${n(st.export_compact_utf8_bytes)} B).`,
];
console.log(lines.join('\n'));
if (results.errors.length) {
  console.error('page errors:\n' + results.errors.join('\n'));
  process.exit(1);
}
