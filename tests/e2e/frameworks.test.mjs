// The npm package in the frameworks course platforms use (issue 23): the packed tarball installed
// into small apps (tests/frameworks/apps), built with Vite as development builds
// (tests/frameworks/build.sh, about 4 s), driven in Chromium. React 19 under StrictMode: <Quiz>
// from python-quiz-widget/react and the raw element complete a quiz and hand the score to React
// state; its props update the widget as attributes would (a bank by content, not identity); its
// callbacks hear each event once, also when the widget module cannot load; mounting and unmounting,
// while the wasm loads and after, leaves one widget. React server rendering + hydrateRoot: the
// server HTML holds the element and its fallback, and onComplete fires after hydration (React 19
// drops `onquiz-*` props when hydrating: react#35446). Vue 3: the element with v-on:quiz-complete.
// And the package's shape: the React entry is a module of its own that the widget never imports,
// with `react` left a bare import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { serve } from '../fixtures/server.mjs';
import { launch, openPage, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { bank } from '../fixtures/bank.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUILT = `${ROOT}target/frameworks`;
const APPS = `${ROOT}tests/frameworks/apps`;

// Three true/false questions and two more, pinned: answered right, right, wrong.
const trueFalse = bank.filter((q) => q.kind === 'true-false');
const three = trueFalse.slice(0, 3);
const two = trueFalse.slice(3, 5);
const idList = (qs) => qs.map((q) => q.id).join(',');

let server, browser;
before(async () => {
  execFileSync('bash', ['tests/frameworks/build.sh'], { cwd: ROOT, stdio: 'pipe' });
  server = await serve({ site: BUILT });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, allow = []) => openPage(browser, server.url + path, allow);

/** Answers pinned true/false questions through the widget's own buttons: the last one wrong. */
async function answerAll(quiz, qs) {
  for (const [i, q] of qs.entries()) {
    await quiz.host.getByText(`Question ${i + 1} of ${qs.length}`).waitFor();
    await quiz.answerTrueFalse(i < qs.length - 1 ? q.answer : !q.answer);
    await quiz.check();
    await quiz.next();
  }
}

/** Every <quiz-widget> in the document and how many of them hold a running quiz. */
const widgets = (page) => page.evaluate(() => {
  const all = [...document.querySelectorAll('quiz-widget')];
  return { elements: all.length, running: all.filter((el) => el.shadowRoot?.querySelector('.quiz-app')).length };
});

const text = (page, selector) => page.locator(selector).textContent();

test('React 19 dev build, StrictMode: <Quiz> completes a quiz and onComplete puts the score in React state', async () => {
  const { page, context, errors } = await open(`/react/?ids=${idList(three)}`);
  const quiz = new QuizWidget(page, '#lesson');
  await answerAll(quiz, three);
  await page.locator('#score', { hasText: 'A: 2 / 3' }).waitFor();
  // One quiz, one listener per event: StrictMode's second effect run attached nothing twice.
  assert.deepEqual([await text(page, '#starts'), await text(page, '#answers'), await text(page, '#completes')], ['1', '3', '1']);
  // This is React's development build under StrictMode: the app's own mount effect ran twice.
  assert.equal(await page.evaluate(() => window.__effectRuns), 2);
  assert.deepEqual(await widgets(page), { elements: 1, running: 1 });
  // className and style reach the element.
  assert.deepEqual(await quiz.host.evaluate((el) => [el.className, el.style.maxWidth]), ['lesson-quiz', '40em']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('React: a prop updates the widget as its attribute would; only new questions start a new quiz', async () => {
  const { page, context, errors } = await open(`/react/?ids=${idList(three)}&other=${idList(two)}`);
  const quiz = new QuizWidget(page, '#lesson');
  await quiz.host.getByText('Question 1 of 3').waitFor();
  await quiz.answerTrueFalse(three[0].answer);
  await quiz.check();
  await quiz.feedback().waitFor();
  const scheme = () => quiz.host.evaluate((el) => el.shadowRoot.querySelector('.root').dataset.scheme);
  assert.equal(await scheme(), 'light');
  // A new theme: the attribute changes, the quiz in progress (and its feedback) stays.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  assert.equal(await quiz.host.getAttribute('theme'), 'dark');
  await page.waitForFunction(() => document.querySelector('#lesson').shadowRoot.querySelector('.root').dataset.scheme === 'dark');
  assert.equal(await quiz.feedback().count(), 1, 'the answered question is still on screen');
  // A re-render with equal props (ids is a new array each time) changes nothing.
  await page.getByRole('button', { name: 'Re-render' }).click();
  await page.locator('#renders', { hasText: '1' }).waitFor();
  assert.equal(await quiz.feedback().count(), 1);
  // A new callback is used at once, with no new listener and no remount.
  await page.getByRole('button', { name: 'Switch callback' }).click();
  assert.equal(await text(page, '#starts'), '1');
  // New questions: a new quiz.
  await page.getByRole('button', { name: 'Other questions' }).click();
  assert.equal(await quiz.host.getAttribute('ids'), idList(two));
  await page.locator('#starts', { hasText: '2' }).waitFor();
  await answerAll(quiz, two);
  await page.locator('#score', { hasText: 'B: 1 / 2' }).waitFor();
  assert.equal(await text(page, '#completes'), '1');
  assert.deepEqual(await widgets(page), { elements: 1, running: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('React: onError hears quiz-error once under StrictMode, from the widget and when its module cannot load', async () => {
  // An option the widget rejects: its quiz-error reaches onError.
  const bad = await open('/react/?ids=Bad%20Id');
  await bad.page.locator('#errors', { hasText: '1' }).waitFor();
  assert.match(await text(bad.page, '#error'), /^option: ids="Bad Id" is not valid/);
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
  // The widget module fails to load (a deploy that lost a chunk): one quiz-error of stage load,
  // though StrictMode ran the loading effect twice.
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page, [/Failed to load resource/, /quiz-widget-[^/]*\.js/]);
  await page.route(/assets\/quiz-widget-[^/]*\.js$/, (route) => route.abort());
  await page.goto(`${server.url}/react/?ids=${idList(three)}`);
  await page.locator('#error', { hasText: 'load: could not load the quiz widget module' }).waitFor();
  await page.evaluate(() => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }));
  assert.equal(await text(page, '#errors'), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('React: a custom bank as a prop is the first quiz asked; an equal new object keeps it, new questions restart', async () => {
  const week3 = JSON.parse(readFileSync(`${ROOT}tests/fixtures/banks/week3.json`, 'utf8'));
  const n = week3.questions.length;
  const { page, context, errors } = await open('/react/?scene=bank');
  const quiz = new QuizWidget(page, '#bank-quiz');
  await quiz.host.getByText(`Question 1 of ${n}`).waitFor();
  // Never a quiz of the built-in bank first: the bank was set before the quiz mounted.
  assert.equal(await text(page, '#starts'), String(n));
  await page.getByRole('button', { name: 'Re-render' }).click();
  await page.locator('#renders', { hasText: '1' }).waitFor();
  assert.equal(await text(page, '#starts'), String(n), 'an equal bank object starts nothing');
  // Remounted while the element is already defined: the bank is set before the quiz mounts.
  await page.getByRole('button', { name: 'Remount' }).click();
  await page.locator('#starts', { hasText: `${n},${n}` }).waitFor();
  await page.getByRole('button', { name: 'Shorter bank' }).click();
  await page.locator('#starts', { hasText: `${n},${n},2` }).waitFor();
  await quiz.host.getByText('Question 1 of 2').waitFor();
  assert.equal(await text(page, '#starts'), `${n},${n},2`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('React: 20 mount/unmount cycles while the wasm loads, and 20 after, leave exactly one widget', async () => {
  // The wasm response is held: the first cycles run while every widget waits for the engine,
  // so each is unmounted before its quiz could mount.
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/quiz_web_bg[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  const wasmRequested = page.waitForRequest(/quiz_web_bg[^/]*\.wasm$/);
  await page.goto(`${server.url}/react/?scene=toggle&ids=${idList(three)}`);
  await wasmRequested;
  // Every <quiz-widget> ever created, to check afterwards that the removed ones hold no quiz.
  await page.evaluate(() => {
    window.__created = [...document.querySelectorAll('quiz-widget')];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.localName === 'quiz-widget') window.__created.push(n);
    }).observe(document.body, { childList: true, subtree: true });
  });
  // 20 cycles (40 clicks), each click its own task, so React commits every unmount and mount.
  await page.evaluate(async () => {
    const yieldTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const button = document.querySelector('button');
    for (let i = 0; i < 40; i++) { button.click(); await yieldTask(); }
  });
  assert.equal(await page.evaluate(() => window.__created.length), 1 + 20, 'each mount made its element');
  assert.equal(await page.evaluate(() => document.querySelectorAll('quiz-widget').length), 1);
  release();
  const quiz = new QuizWidget(page, '#toggled');
  await quiz.host.getByText('Question 1 of 3').waitFor();
  // 20 more, each waiting for the quiz to run before unmounting it.
  const toggle = page.getByRole('button', { name: 'Toggle quiz' });
  for (let i = 0; i < 20; i++) {
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('quiz-widget'));
    await toggle.click();
    await quiz.host.getByText('Question 1 of 3').waitFor();
  }
  assert.deepEqual(await widgets(page), { elements: 1, running: 1 });
  // The removed elements were destroyed: their shadow roots hold no quiz (a leaked one would
  // have mounted its quiz once the wasm arrived).
  const created = await page.evaluate(() => ({
    total: window.__created.length,
    running: window.__created.filter((el) => el.shadowRoot?.querySelector('.quiz-app')).length,
    connected: window.__created.filter((el) => el.isConnected).length,
  }));
  assert.deepEqual(created, { total: 1 + 20 + 20, running: 1, connected: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('React: the raw <quiz-widget> with an onquiz-complete prop completes a quiz into React state', async () => {
  const { page, context, errors } = await open(`/react/?scene=element&ids=${idList(three)}`);
  await answerAll(new QuizWidget(page, '#raw'), three);
  await page.locator('#score', { hasText: '2 / 3' }).waitFor();
  assert.deepEqual(await widgets(page), { elements: 1, running: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('React SSR + hydrateRoot: the server HTML holds the element and its fallback; onComplete fires after hydration', async () => {
  // The server: react-dom/server in this Node process renders the app into the page Vite built.
  const { renderPage } = await import(`${APPS}/ssr/server.js`);
  const template = readFileSync(`${BUILT}/ssr/index.html`, 'utf8');
  const html = renderPage(template, { ids: idList(three) });
  writeFileSync(`${BUILT}/ssr/lesson.html`, html);
  assert.ok(html.includes(`<quiz-widget id="ssr-quiz" class="lesson-quiz" ids="${idList(three)}" filters="hidden"><p>This quiz needs JavaScript.</p></quiz-widget>`), html);
  assert.equal(typeof globalThis.window, 'undefined', 'rendering touched no window');
  const { page, context, errors } = await open('/ssr/lesson.html');
  await page.locator('body[data-hydrated]').waitFor();
  // Hydration kept the server's element: no mismatch, no client re-render (React logs either).
  assert.equal(await page.evaluate(() => document.querySelector('quiz-widget') === window.__serverQuiz), true);
  await answerAll(new QuizWidget(page, '#ssr-quiz'), three);
  await page.locator('#score', { hasText: '2 / 3' }).waitFor();
  assert.deepEqual(await widgets(page), { elements: 1, running: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Vue 3: the element with v-on:quiz-complete completes a quiz and shows the score', async () => {
  const { page, context, errors, warnings } = await open(`/vue/?ids=${idList(three)}`);
  await answerAll(new QuizWidget(page, '#vue-quiz'), three);
  await page.locator('#score', { hasText: '2 / 3' }).waitFor();
  // isCustomElement took: Vue (a development build) did not try to resolve it as a component.
  assert.deepEqual(warnings.filter((w) => /Vue warn/.test(w)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the React entry is a module of its own: react stays a bare import, the widget never imports it', () => {
  const dist = `${ROOT}dist/npm/dist`;
  const entry = readFileSync(`${dist}/react.js`, 'utf8');
  const imports = [...entry.matchAll(/\bfrom\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2]);
  assert.deepEqual(imports.sort(), ['./contract.js', './quiz-widget.js', 'react']);
  assert.ok(entry.startsWith('"use client";'), 'marked as a client component');
  assert.ok(entry.length < 4000, `react.js is ${entry.length} bytes minified`);
  // What a blog page loads (scripts/lib/size.mjs) never mentions react.js or React.
  for (const f of ['quiz-widget.js', 'contract.js', 'options.js', 'styles.js']) {
    assert.doesNotMatch(readFileSync(`${dist}/${f}`, 'utf8'), /react/i, f);
  }
  const pkg = JSON.parse(readFileSync(`${ROOT}dist/npm/package.json`, 'utf8'));
  assert.deepEqual(pkg.exports['./react'], { types: './dist/react.d.ts', default: './dist/react.js' });
  assert.deepEqual(pkg.peerDependencies, { react: '>=18' });
  assert.deepEqual(pkg.peerDependenciesMeta, { react: { optional: true } });
  // Node resolves python-quiz-widget/react through the exports map (the installed tarball) and
  // imports it without a window or a document.
  const out = execFileSync('node', ['--input-type=module', '-e',
    "const m = await import('python-quiz-widget/react'); console.log(typeof m.Quiz.render, typeof globalThis.window, typeof globalThis.document)"],
  { cwd: APPS, encoding: 'utf8' });
  assert.equal(out.trim(), 'function undefined undefined');
});
