// The embedding contract, as bloggers and course platforms use it: the npm package in a Vite
// app, sub-path / CDN URLs, the script twice, before and after the elements, CSP, invalid
// attributes, a seeded attribute fuzz, moving an element, 200 mounts without leaking, the
// iframe page, and importing the package in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serve } from '../fixtures/server.mjs';
import { launch, openPage, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { bank } from '../fixtures/bank.mjs';
import { RESERVE_STYLE } from '../fixtures/snippet.mjs';

let server, browser;
before(async () => {
  server = await serve({
    headers: (url) => {
      if (url.pathname !== '/fixtures/csp.html') return {};
      const wasm = url.searchParams.get('wasm') === 'no' ? '' : " 'wasm-unsafe-eval'";
      return { 'content-security-policy': `default-src 'self'; img-src 'self' data:; script-src 'self'${wasm}; style-src 'self'` };
    },
  });
  browser = await launch(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, allow = []) => openPage(browser, server.url + path, allow);

const rootText = (page, sel) => page.locator(sel).evaluate((el) => el.shadowRoot?.querySelector('.root')?.textContent ?? '');

test('the npm tarball in a Vite app: a quiz completed, the app gets quiz-complete with the score', async () => {
  execFileSync('bash', ['tests/vite-app/build.sh'], { stdio: 'pipe' });
  const qs = bank.filter((q) => q.kind === 'true-false').slice(0, 3);
  const { page, context, errors } = await open(`/vite/?ids=${qs.map((q) => q.id).join(',')}`);
  const quiz = new QuizWidget(page, '#quiz');
  for (const [i, q] of qs.entries()) {
    await quiz.host.getByText(`Question ${i + 1} of 3`).waitFor();
    // Right on the first two, wrong on the last.
    const right = i < 2 ? q.answer : !q.answer;
    await quiz.host.getByRole('radio', { name: right ? 'True' : 'False' }).check();
    await quiz.check();
    await quiz.next();
  }
  await page.waitForFunction(() => window.__lms);
  const detail = await page.evaluate(() => window.__lms);
  assert.equal(detail.score, 2);
  assert.equal(detail.total, 3);
  assert.equal(detail.statement.result.score.scaled, 0.6667);
  assert.equal(detail.statement.result.success, true);
  assert.match(detail.statement.result.duration, /^PT(\d+M)?[\d.]+S$/);
  assert.equal(detail.statement.object.id, 'https://lms.example/course/3/quiz');
  assert.equal(detail.statement.verb.display['en-US'], 'completed');
  assert.equal(await page.locator('#lms').textContent(), '2 / 3');
  // mount() styled the quiz with no CSS import: the stylesheet is in its shadow root.
  const styled = await page.locator('#quiz .quiz-widget-host').evaluate((host) => {
    const root = host.shadowRoot.querySelector('.root');
    const sheets = host.shadowRoot.adoptedStyleSheets.length + host.shadowRoot.querySelectorAll('style').length;
    return { sheets, border: getComputedStyle(root).borderTopStyle, button: getComputedStyle(host.shadowRoot.querySelector('button')).cursor };
  });
  assert.deepEqual(styled, { sheets: 1, border: 'solid', button: 'pointer' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a blog post with README\'s snippet: the text below the quiz stays put from the first paint until the quiz appears', async () => {
  // The script and the wasm are held, so each stage (no script yet, loading, the quiz) can be
  // looked at. The body text is 20px: the reserved height follows the widget's text size, as
  // the widget does, not the page's.
  const short = bank.filter((q) => q.kind === 'true-false' && !q.code).sort((a, b) => a.prompt.length - b.prompt.length)[0];
  const para = (id) => `<p id="${id}">A paragraph of the post that the quiz must not push around while it loads.</p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
${RESERVE_STYLE}
<script type="module" src="/widget/quiz-widget.js"></script>
<style>body { font-size: 20px; margin: 0 } main { max-width: 40rem; margin: auto }</style></head>
<body><main><h1>A post</h1>${para('intro')}
<quiz-widget id="setup" difficulty="easy,medium" topics="closures" count="5"><p>This quiz needs JavaScript.</p></quiz-widget>${para('after-setup')}
<quiz-widget id="short" filters="hidden" ids="${short.id}" style="--quiz-font-size: 1.125em; --quiz-loading-height: 20em"></quiz-widget>${para('after-short')}
</main></body></html>`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const hold = () => { let release; const held = new Promise((r) => { release = r; }); return { held, release }; };
  const script = hold(), wasm = hold();
  await page.route(`${server.url}/post/`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route('**/widget/quiz-widget.js', async (route) => { await script.held; await route.continue(); });
  await page.route(/quiz_web_bg[^/]*\.wasm$/, async (route) => { await wasm.held; await route.continue(); });
  await page.goto(`${server.url}/post/`, { waitUntil: 'commit' });
  await page.locator('#after-short').waitFor();
  const layout = () => page.evaluate(() => Object.fromEntries(['setup', 'short', 'after-setup', 'after-short']
    .map((id) => { const r = document.getElementById(id).getBoundingClientRect(); return [id, { top: r.top, height: r.height }]; })));

  // Before the script: README's page rule keeps 30em of the widget's text size (medium, 16px),
  // or the page's --quiz-loading-height in its --quiz-font-size (20em of 22.5px).
  const before = await layout();
  assert.equal(await page.evaluate(() => customElements.get('quiz-widget')), undefined);
  assert.equal(before.setup.height, 480);
  assert.equal(before.short.height, 450);

  // The script has run: both say "Loading quiz…" in a card of the same height, so nothing moved.
  script.release();
  for (const id of ['setup', 'short']) {
    await page.locator(`#${id}`).getByRole('status').filter({ hasText: 'Loading quiz…' }).waitFor();
  }
  assert.deepEqual(await layout(), before);

  // The quiz is there: the setup screen and the question take their own height, no more.
  wasm.release();
  await new QuizWidget(page, '#setup').host.getByRole('button', { name: /start/i }).waitFor();
  await new QuizWidget(page, '#short').host.getByText('Question 1 of 1').waitFor();
  const after = await layout();
  const content = await page.evaluate(() => ['setup', 'short'].map((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector('.root');
    const style = getComputedStyle(root);
    return root.querySelector('.quiz-app').getBoundingClientRect().height +
      ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, p) => sum + parseFloat(style[p]), 0);
  }));
  assert.ok(Math.abs(after.setup.height - content[0]) < 1, `setup screen ${after.setup.height} px, its content ${content[0]} px`);
  assert.ok(Math.abs(after.short.height - content[1]) < 1, `short question ${after.short.height} px, its content ${content[1]} px`);
  assert.equal(await page.locator('#setup').getByText('Loading quiz…').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the script from a deep CDN-style sub-path finds its wasm; the fallback is replaced', async () => {
  const { page, context, errors } = await open('/fixtures/subpath.html');
  await new QuizWidget(page, '#w').host.getByText('Question 1 of 1').waitFor();
  assert.ok(server.requests.some((p) => p.startsWith('/cdn/npm/') && p.endsWith('.wasm')));
  assert.equal(await page.locator('#w > p').isVisible(), false, 'light-DOM fallback hidden once running');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the script included twice (and a second copy from another URL) raises no error', async () => {
  const { page, context, errors } = await open('/fixtures/twice.html');
  await new QuizWidget(page, '#w').host.getByText('Question 1 of 1').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('script loaded after the elements exist, and elements added after the script ran', async () => {
  const { page, context, errors } = await open('/fixtures/late-script.html');
  assert.equal(await page.evaluate(() => window.__fallbackVisible), true, 'fallback shown before the script');
  await new QuizWidget(page, '#first').host.getByText('Question 1 of 1').waitFor();
  await new QuizWidget(page, '#second').host.getByText('Question 1 of 1').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a strict CSP with 'wasm-unsafe-eval' works; without it the widget names the cause", async () => {
  const ok = await open('/fixtures/csp.html');
  await new QuizWidget(ok.page, '#w').host.getByText('Question 1 of 1').waitFor();
  assert.deepEqual(ok.errors, []);
  await ok.context.close();
  const blocked = await open('/fixtures/csp.html?wasm=no', [/Content Security Policy|unsafe-eval|WebAssembly/i]);
  const message = new QuizWidget(blocked.page, '#w').host.locator('.message');
  await message.waitFor();
  assert.match(await message.textContent(), /Content-Security-Policy.*'wasm-unsafe-eval'/);
  await blocked.context.close();
});

test('invalid attributes show a message naming the attribute and its valid values, and warn once', async () => {
  const { page, context, errors, warnings } = await open('/fixtures/invalid.html');
  const expect = {
    difficulty: /difficulty="impossible" is not valid: a comma list of easy, medium, hard/,
    count: /count="-3" is not valid/,
    topics: /topics="cooking" is not valid: "cooking" is not a topic or category/,
    seed: /seed="banana" is not valid: a whole number/,
    mode: /mode="exam" is not valid: quiz/,
  };
  for (const [id, re] of Object.entries(expect)) {
    const box = new QuizWidget(page, `#${id}`).host.locator('.message');
    await box.waitFor();
    assert.match(await box.textContent(), re, id);
  }
  await new QuizWidget(page, '#ok').host.getByRole('button', { name: 'Start quiz' }).waitFor();
  for (const re of Object.values(expect)) assert.equal(warnings.filter((w) => re.test(w)).length, 1, `one warning for ${re}`);
  // Fixing the attribute brings the quiz.
  await page.locator('#difficulty').evaluate((el) => { el.difficulty = 'hard'; });
  await new QuizWidget(page, '#difficulty').host.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a seeded fuzz of 300 widgets: never a panic, never a blank widget', async () => {
  const { page, context, errors } = await open('/fixtures/blank.html');
  await page.evaluate(() => window.quizReady);
  await page.evaluate(() => {
    let s = 0x2545f491;
    const rnd = (n) => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) % n; };
    const pools = {
      difficulty: ['easy', 'hard,medium', 'EASY', '', 'impossible', 'easy,,hard', '💥', 'medium hard'],
      topics: ['closures', 'asyncio', 'oop,gotchas', '', 'cooking', 'CLOSURES', ',', 'a'.repeat(500)],
      count: ['5', 'all', 'easy:2,hard:1', '0', '-3', '1e9', 'easy:x', '999999999999', 'medium:0', ''],
      seed: ['0', '4294967295', '4294967296', '-1', 'abc', '', '12.5', ' 7 '],
      ids: ['', 'nan-not-equal-to-itself', 'no-such-id', 'Bad Id', 'list-sort-returns-none,nan-not-equal-to-itself'],
      filters: ['', 'hidden', 'visible', 'maybe'],
      lang: ['de', 'es', 'xx', '', 'en-GB'],
      theme: ['dark', 'light', 'auto', 'page', 'neon'],
      mode: ['', 'quiz', 'study'],
    };
    const names = Object.keys(pools);
    window.__settled = (el) => {
      const text = el.shadowRoot?.querySelector('.root')?.textContent?.trim() ?? '';
      return Boolean(text) && !/Loading quiz/.test(text);
    };
    window.__batch = () => {
      window.__els = [];
      for (let i = 0; i < 30; i++) {
        const el = document.createElement('quiz-widget');
        for (const n of names) if (rnd(2)) el.setAttribute(n, pools[n][rnd(pools[n].length)]);
        document.body.append(el);
        window.__els.push(el);
      }
    };
  });
  const blank = [];
  for (let batch = 0; batch < 10; batch++) {
    await page.evaluate(() => window.__batch());
    // Every widget settles on a quiz, a setup screen or a message (Playwright polls).
    await page.waitForFunction(() => window.__els.every(window.__settled), null, { timeout: 10_000 }).catch(() => {});
    blank.push(...await page.evaluate(() => window.__els.flatMap((el) => {
      const text = el.shadowRoot?.querySelector('.root')?.textContent?.trim() ?? '';
      el.remove();
      return !window.__settled(el) || /internal error/.test(text) ? [el.outerHTML.slice(0, 300) + ' → ' + text.slice(0, 80)] : [];
    })));
  }
  const result = { blank };
  assert.deepEqual(result.blank, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving the element in the DOM keeps the learner\'s progress', async () => {
  const { page, context, errors } = await open('/fixtures/blank.html');
  await page.evaluate(() => window.quizReady);
  await page.evaluate(() => {
    const el = document.createElement('quiz-widget');
    el.id = 'm';
    el.setAttribute('ids', 'nan-not-equal-to-itself,list-sort-returns-none');
    document.getElementById('a').append(el);
  });
  const quiz = new QuizWidget(page, '#m');
  await quiz.host.locator('input[type=radio]').first().check();
  await quiz.check();
  await quiz.feedback().waitFor();
  // The move disconnects and reconnects in one task; the widget decides in a microtask.
  await page.evaluate(async () => {
    document.getElementById('b').append(document.getElementById('m'));
    await new Promise((r) => queueMicrotask(r));
  });
  assert.equal(await page.locator('#b > #m').count(), 1);
  assert.equal(await quiz.feedback().count(), 1, 'feedback still there after the move');
  await quiz.next();
  await quiz.host.getByText('Question 2 of 2').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('200 mount/destroy cycles leave neither the JS heap (+1 MB) nor the wasm memory grown', async () => {
  const { page, context, errors } = await open('/fixtures/blank.html');
  await page.evaluate(() => window.quizReady);
  // Yields to the event loop (a message task): no fixed delay.
  await page.evaluate(() => {
    window.__yield = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  });
  const cycle = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement('quiz-widget');
      el.setAttribute('count', '5');
      el.setAttribute('seed', String(i));
      el.setAttribute('filters', 'hidden');
      document.body.append(el);
      await window.__yield();
      el.remove();
      await window.__yield();
    }
  }, n);
  const measure = () => page.evaluate(async () => {
    await window.__yield();
    gc(); gc();
    return { heap: performance.memory.usedJSHeapSize, wasm: window.quiz.wasmMemoryBytes() };
  });
  await cycle(20); // warm up: first decode, caches, JIT
  const before = await measure();
  await cycle(200);
  const afterCycles = await measure();
  const growth = afterCycles.heap - before.heap;
  assert.ok(growth < 1024 * 1024, `JS heap grew ${growth} bytes`);
  assert.equal(afterCycles.wasm, before.wasm, 'wasm memory did not grow');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe page presets the quiz from its query and reports its height to the parent', async () => {
  const { page, context, errors } = await open('/fixtures/blank.html');
  await page.evaluate((src) => {
    window.__messages = [];
    addEventListener('message', (e) => window.__messages.push(e.data));
    const f = document.createElement('iframe');
    f.src = src;
    f.style.width = '100%';
    document.body.append(f);
  }, `${server.url}/embed.html?difficulty=hard&count=3&seed=9&theme=dark&filters=hidden`);
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'height' && m.height > 200));
  const start = await page.waitForFunction(() => window.__messages.find((m) => m.type === 'quiz-start'));
  const detail = (await start.jsonValue()).detail;
  assert.equal(detail.seed, 9);
  assert.equal(detail.total, 3);
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  assert.equal(await frame.locator('quiz-widget .badge').first().textContent(), 'Hard');
  assert.equal(await frame.locator('quiz-widget').evaluate((el) => el.shadowRoot.querySelector('.root').dataset.scheme), 'dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('importing the npm package in Node (SSR) does not throw or touch window', async () => {
  const out = execFileSync('node', ['--input-type=module', '-e',
    "const m = await import(process.cwd() + '/dist/npm/dist/quiz-widget.js'); console.log(typeof m.mount, typeof globalThis.window)"],
  { encoding: 'utf8' });
  assert.equal(out.trim(), 'function undefined');
});
