// The contract a course platform builds on (issue 15), in Chromium: options are state (a
// removed attribute returns to its default), restart() starts a quiz, every invalid option
// is reported the same three ways, recovery from a real panic across 20 widgets, Trusted
// Types, where the iframe posts scores, and what the default xAPI activity id leaks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../fixtures/server.mjs';
import { launch, openPage, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { bank } from '../fixtures/bank.mjs';

let server, browser;
before(async () => {
  server = await serve({
    headers: (url) => (url.pathname === '/fixtures/trusted-types.html'
      ? { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'; script-src 'self' 'wasm-unsafe-eval'" }
      : {}),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, allow = []) => openPage(browser, server.url + path, allow);

const trueFalse = bank.filter((q) => q.kind === 'true-false');
const pressed = (quiz) => quiz.host.locator('.chip[aria-pressed="true"]').allTextContents();

test('removing an attribute (or setting its property to null) returns the option to its default', async () => {
  const { page, context, errors } = await open('/fixtures/blank.html');
  await page.evaluate(() => window.quizReady);
  await page.evaluate(() => {
    const w = document.createElement('quiz-widget');
    w.id = 'w';
    w.setAttribute('difficulty', 'hard');
    w.setAttribute('count', '3');
    document.body.append(w);
  });
  const quiz = new QuizWidget(page, '#w');
  await quiz.host.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal((await pressed(quiz)).length, 1, 'only hard is on');
  await page.locator('#w').evaluate((w) => w.removeAttribute('difficulty'));
  await assert.doesNotReject(() => page.waitForFunction(
    () => document.querySelector('#w').shadowRoot.querySelectorAll('.chip[aria-pressed="true"]').length === 3));
  // The same through the property, and through a mount() handle's setOptions.
  await page.locator('#w').evaluate((w) => { w.difficulty = 'easy'; });
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.chip[aria-pressed="true"]').length === 1);
  await page.locator('#w').evaluate((w) => { w.difficulty = null; });
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.chip[aria-pressed="true"]').length === 3);
  assert.equal(await page.locator('#w').getAttribute('difficulty'), null);
  const state = await page.evaluate(async () => {
    const { mount } = await import('/widget/quiz-widget.js');
    const h = await mount(document.getElementById('a'), { difficulty: 'hard', count: 3 });
    h.setOptions({ difficulty: null });
    let unknown = null;
    try { h.setOptions({ dificulty: 'easy' }); } catch (e) { unknown = e.message; }
    return { options: h.state().options, unknown };
  });
  assert.deepEqual(state.options, { count: '3' }, 'difficulty dropped, count kept');
  assert.match(state.unknown, /unknown option "dificulty"; options are difficulty, topics/);
  await page.waitForFunction(() => document.querySelector('#a .quiz-widget-host').shadowRoot.querySelectorAll('.chip[aria-pressed="true"]').length === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('restart() starts a new quiz with a fresh seed, never the setup screen', async () => {
  const { page, context, errors } = await open('/fixtures/blank.html');
  await page.evaluate(() => window.quizReady);
  await page.evaluate(() => {
    window.__starts = [];
    const w = document.createElement('quiz-widget');
    w.id = 'w';
    w.setAttribute('count', '2');
    w.addEventListener('quiz-start', (e) => window.__starts.push(e.detail.seed));
    document.body.append(w);
  });
  const quiz = new QuizWidget(page, '#w');
  await quiz.start();
  await quiz.host.getByText('Question 1 of 2').waitFor();
  await quiz.answerAnything();
  await quiz.check();
  await quiz.next();
  await quiz.host.getByText('Question 2 of 2').waitFor();
  await page.locator('#w').evaluate((w) => w.handle.restart());
  await quiz.host.getByText('Question 1 of 2').waitFor();
  assert.equal(await quiz.host.getByRole('button', { name: 'Start quiz' }).count(), 0, 'no setup screen');
  await page.waitForFunction(() => window.__starts.length === 2);
  const seeds = await page.evaluate(() => window.__starts);
  assert.notEqual(seeds[0], seeds[1], 'a fresh seed');
  // With a fixed seed, restart replays the same quiz.
  await page.locator('#w').evaluate((w) => { w.seed = 99; });
  await page.waitForFunction(() => window.__starts.length === 2 && document.querySelector('#w').shadowRoot.querySelector('.chip'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('every invalid option, theme and lang included, shows a message, warns once and fires one quiz-error', async () => {
  const { page, context, errors, warnings } = await open('/fixtures/blank.html');
  await page.evaluate(() => window.quizReady);
  const cases = {
    theme: ['purple', /theme="purple" is not valid: page, light, dark, auto/],
    lang: ['fr', /lang="fr" is not valid: en, de, es/],
    count: ['easy:4294967295,hard:1', /count="easy:4294967295,hard:1" is not valid: the mix adds up to more than 4294967295/],
    filters: ['maybe', /filters="maybe" is not valid: visible, hidden/],
  };
  await page.evaluate((cases) => {
    window.__errors = [];
    document.addEventListener('quiz-error', (e) => window.__errors.push({ id: e.target.id, ...e.detail }));
    for (const [name, [value]] of Object.entries(cases)) {
      const w = document.createElement('quiz-widget');
      w.id = name;
      w.setAttribute(name, value);
      document.body.append(w);
    }
  }, Object.fromEntries(Object.entries(cases).map(([k, [v]]) => [k, [v]])));
  for (const [name, [, re]] of Object.entries(cases)) {
    const box = new QuizWidget(page, `#${name}`).host.locator('.message');
    await box.waitFor();
    assert.match(await box.textContent(), re, name);
    assert.equal(warnings.filter((w) => re.test(w)).length, 1, `one warning for ${name}`);
  }
  const fired = await page.evaluate(() => window.__errors);
  for (const name of Object.keys(cases)) {
    const mine = fired.filter((e) => e.id === name);
    assert.equal(mine.length, 1, `one quiz-error for ${name}`);
    assert.equal(mine[0].stage, 'option');
  }
  // A theme made invalid on a running quiz is reported too; fixing it brings the quiz back.
  await page.locator('#theme').evaluate((w) => { w.theme = 'dark'; });
  await new QuizWidget(page, '#theme').host.getByRole('button', { name: 'Start quiz' }).waitFor();
  assert.equal(await page.locator('#theme').evaluate((w) => w.shadowRoot.querySelector('.root').dataset.scheme), 'dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('20 widgets recover from a real panic through "Reload quiz", and all 20 work afterwards', async () => {
  const q = trueFalse[0];
  const { page, context, errors } = await open(`/fixtures/panic.html?ids=${q.id}`, [/test panic|unreachable|panicked/i]);
  const widgets = Array.from({ length: 20 }, (_, i) => new QuizWidget(page, `#w${i + 1}`));
  for (const w of widgets) await w.host.getByText('Question 1 of 1').waitFor();
  const thrown = await page.evaluate(() => window.__panic());
  assert.match(thrown, /RuntimeError/, 'the panic aborts the wasm');
  for (const w of widgets) await w.host.getByRole('button', { name: 'Reload quiz' }).waitFor();
  const fired = await page.evaluate(() => window.__errors);
  assert.equal(fired.length, 20, 'one quiz-error per widget');
  assert.ok(fired.every((e) => e.stage === 'panic' && /test panic/.test(e.message)));
  assert.equal(await page.evaluate(() => window.__handle.state().mounted), false, 'the mount() handle was told too');
  await widgets[4].host.getByRole('button', { name: 'Reload quiz' }).click();
  for (const w of widgets) await w.host.getByText('Question 1 of 1').waitFor();
  // Every widget answers on the fresh engine.
  for (const w of widgets) {
    await w.host.getByRole('radio', { name: q.answer ? 'True' : 'False' }).check();
    await w.check();
    await w.host.getByText('Correct').waitFor();
  }
  assert.equal(await page.evaluate(() => window.__handle.state().mounted), true);
  // The mount() handle drives the fresh engine.
  await page.evaluate(() => window.__handle.restart());
  await widgets[19].host.getByRole('button', { name: 'Check answer' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('under Trusted Types enforcement the element and mount() render, with no HTML string sink', async () => {
  const { page, context, errors } = await open('/fixtures/trusted-types.html');
  assert.equal(await page.evaluate(() => window.trustedTypes && 'enforced by CSP'), 'enforced by CSP');
  await new QuizWidget(page, '#w').host.getByRole('button', { name: 'Start quiz' }).waitFor();
  await new QuizWidget(page, '#m').host.getByText('Question 1 of 2').waitFor();
  const quiz = new QuizWidget(page, '#m');
  await quiz.answerAnything();
  await quiz.check();
  await quiz.feedback().waitFor();
  assert.deepEqual(errors, [], 'no TrustedHTML violation');
  await context.close();
});

test('the iframe posts only to the parent origin: referrer by default, parent-origin when given', async () => {
  const q = trueFalse[0];
  // The parent is on "localhost", the quiz on "127.0.0.1": two origins.
  const parentUrl = server.url.replace('127.0.0.1', 'localhost');
  const frameSrc = (extra) => encodeURIComponent(`${server.url}/embed.html?ids=${q.id}&filters=hidden${extra}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${parentUrl}/fixtures/frame.html?src=${frameSrc('')}`);
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'quiz-start'));
  const got = await page.evaluate(() => window.__messages);
  assert.ok(got.every((m) => m.origin === server.url), "every message from the quiz origin");
  // Told another parent origin, the frame posts nothing this page can read.
  await page.goto(`${parentUrl}/fixtures/frame.html?src=${frameSrc('&parent-origin=https://lms.example')}`);
  const frame = page.frameLocator('#f');
  await frame.getByText('Question 1 of 1').waitFor();
  // Messages from one window arrive in order: once this marker arrives, anything the quiz
  // posted before it would have too.
  await page.frames()[1].evaluate(() => parent.postMessage('marker', '*'));
  await page.waitForFunction(() => window.__messages.some((m) => m.data === 'marker'));
  assert.deepEqual(await page.evaluate(() => window.__messages.map((m) => m.data)), ['marker']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the default xAPI activity id is the page URL without query or fragment', async () => {
  const q = trueFalse[0];
  const { page, context, errors } = await open(`/fixtures/one-quiz.html?ids=${q.id}&token=secret-launch-token#frag`);
  const quiz = new QuizWidget(page, '#w');
  await quiz.host.getByRole('radio', { name: q.answer ? 'True' : 'False' }).check();
  await quiz.check();
  await quiz.next();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'quiz-complete'));
  const done = await page.evaluate(() => window.__events.find((e) => e.type === 'quiz-complete').detail);
  assert.equal(done.statement.object.id, `${server.url}/fixtures/one-quiz.html`);
  assert.equal(done.passed, true);
  assert.equal(done.statement.result.success, true);
  assert.deepEqual(errors, []);
  await context.close();
});
