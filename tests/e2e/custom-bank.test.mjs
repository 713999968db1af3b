// Custom banks at run time (issue 16), in Chromium: the npm package in a Vite app and a
// bank-src page each complete a quiz on their own questions with difficulty filters; a
// malformed bank shows every error at its place; a 404, an HTML page, banks over the limits
// and a server that never answers each get their own message; a corpus of XSS payloads in
// every field stays inert, under Trusted Types too; widgets with different banks share a page;
// a page without a bank never downloads the bank parser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { serve } from '../fixtures/server.mjs';
import { launch, openPage, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { LONG_LINE, PAYLOADS, xssBank } from '../fixtures/banks/xss.mjs';

const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types 'none'; script-src 'self' 'wasm-unsafe-eval'";

let server, browser;
before(async () => {
  server = await serve({
    headers: (url) => (url.pathname === '/fixtures/trusted-types-bank.html' ? { 'content-security-policy': TRUSTED_TYPES } : {}),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, allow = []) => openPage(browser, server.url + path, allow);

/** Like open(), with `prepare(page)` (routes, a fake clock) before the page loads. */
async function openWith(path, prepare, allow = []) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page, allow);
  await prepare(page);
  await page.goto(server.url + path);
  return { page, context, errors };
}

const bankText = (name) => readFileSync(new URL(`../fixtures/banks/${name}`, import.meta.url), 'utf8');
const week3 = JSON.parse(bankText('week3.json'));
const week4 = JSON.parse(bankText('week4.json'));
const idsOf = (bank) => bank.questions.map((q) => q.id);
const sorted = (xs) => [...xs].sort();
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/** The detail of the first event of `type` from the widget with id `target` (bank-events.js). */
async function event(page, type, target) {
  const handle = await page.waitForFunction(([type, target]) => window.__events
    .find((e) => e.type === type && e.target === target)?.detail, [type, target]);
  return handle.jsonValue();
}

/** The input of the choice whose text is `text`. */
async function choiceInput(quiz, text) {
  const texts = (await quiz.host.locator('li.choice .choice-text').allTextContents()).map(flat);
  const at = texts.indexOf(flat(text));
  assert.ok(at >= 0, `choice ${JSON.stringify(text)} among ${JSON.stringify(texts)}`);
  return quiz.host.locator('li.choice').nth(at).locator('input');
}

/** Answers `q` (a question of a bank file) right and checks it: the bank's own answer key. */
async function answerRight(quiz, q) {
  const h = quiz.host;
  switch (q.kind) {
    case 'true-false':
      await h.getByRole('radio', { name: q.answer ? 'True' : 'False' }).check();
      break;
    case 'single': case 'output':
      if (!q.choices?.length) await h.locator('textarea.typed').fill(q.output.trimEnd());
      else await (await choiceInput(quiz, q.choices.find((c) => c.correct).text)).check();
      break;
    case 'multiple':
      for (const c of q.choices.filter((c) => c.correct)) await (await choiceInput(quiz, c.text)).check();
      break;
    case 'text':
      await h.locator('input.typed').fill(q.accept[0]);
      break;
    case 'order':
      for (let pos = 0; pos < q.items.length; pos++) {
        for (let guard = 0; guard < 10; guard++) {
          const at = (await h.locator('.order-text').allTextContents()).map(flat).indexOf(q.items[pos]);
          if (at === pos) break;
          await h.locator('.order-item').nth(at).locator('.up').click();
        }
      }
      break;
    default:
      assert.fail(`no answer for kind ${q.kind}`);
  }
  await quiz.check();
  assert.equal(await quiz.feedback().locator('.verdict').textContent(), 'Correct!', q.id);
}

/** Answers every question of a started quiz right, in the order quiz-start gave. */
async function playRight(quiz, questionIds, bank) {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  for (const [i, id] of questionIds.entries()) {
    await quiz.host.getByText(`Question ${i + 1} of ${questionIds.length}`).waitFor();
    assert.ok(byId.has(id), `${id} is a question of the bank`);
    await answerRight(quiz, byId.get(id));
    await quiz.next();
  }
}

test('the npm package in a Vite app: a JSON bank imported from a file, easy and medium only, completed', async () => {
  execFileSync('bash', ['tests/vite-app/build.sh'], { stdio: 'pipe' });
  const { page, context, errors } = await open('/vite/?bank=week3&difficulty=easy,medium&seed=5');
  const start = await (await page.waitForFunction(() => window.__starts[0])).jsonValue();
  const wanted = week3.questions.filter((q) => q.difficulty !== 'hard').map((q) => q.id);
  assert.deepEqual(sorted(start.questionIds), sorted(wanted), 'every easy and medium question of the bank, no other');
  await playRight(new QuizWidget(page, '#quiz'), start.questionIds, week3);
  const done = await (await page.waitForFunction(() => window.__lms)).jsonValue();
  assert.deepEqual(done.results.map((r) => r.questionId), start.questionIds, 'quiz-complete carries the custom ids');
  assert.deepEqual([...new Set(done.results.map((r) => r.difficulty))].sort(), ['easy', 'medium']);
  assert.equal(done.score, wanted.length, 'graded with the bank\'s own answers');
  assert.equal(await page.locator('#lms').textContent(), `${wanted.length} / ${wanted.length}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bank-src pointing at a TOML bank: filters hidden, a seed, completed on the bank\'s questions', async () => {
  // The TOML file is week3.json in the other spelling: the JSON is the answer key.
  assert.deepEqual([...bankText('week3.toml').matchAll(/^id = "([^"]+)"/gm)].map((m) => m[1]), idsOf(week3));
  const from = server.requests.length;
  const path = '/fixtures/bank-src.html?bank-src=/fixtures/banks/week3.toml&difficulty=easy,medium&seed=7&filters=hidden';
  const { page, context, errors } = await open(path);
  const start = await event(page, 'quiz-start', 'w');
  assert.equal(start.seed, 7);
  assert.deepEqual(sorted(start.questionIds), sorted(week3.questions.filter((q) => q.difficulty !== 'hard').map((q) => q.id)));
  const quiz = new QuizWidget(page, '#w');
  assert.equal(await quiz.host.getByRole('button', { name: 'Start quiz' }).count(), 0, 'filters hidden: no setup screen');
  await playRight(quiz, start.questionIds, week3);
  const done = await event(page, 'quiz-complete', 'w');
  assert.deepEqual(done.results.map((r) => r.questionId), start.questionIds);
  assert.ok(done.results.every((r) => idsOf(week3).includes(r.questionId) && r.difficulty !== 'hard'));
  assert.equal(done.score, start.questionIds.length);
  // A finished quiz still shows its results after a reload (it is saved)…
  await page.reload();
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  // …and the same seed on the same bank draws the same quiz.
  await page.goto(`${server.url}${path}&persist=off`);
  assert.deepEqual((await event(page, 'quiz-start', 'w')).questionIds, start.questionIds);
  const asked = server.requests.slice(from);
  assert.ok(asked.includes('/fixtures/banks/week3.toml'), 'the bank was fetched');
  assert.ok(asked.some((p) => p.endsWith('/quiz_bank_web_bg.wasm')), 'the bank parser was loaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount() takes the bank as JSON text and as TOML text too', async () => {
  const { page, context, errors } = await open('/fixtures/bank-mount.html');
  const starts = () => page.evaluate(() => window.__events.filter((e) => e.type === 'quiz-start').map((e) => e.detail.questionIds));
  await page.evaluate((json) => window.mountBank(json, { filters: 'hidden', count: 'all' }), bankText('week4.json'));
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'quiz-start'));
  assert.deepEqual(sorted((await starts())[0]), sorted(idsOf(week4)), 'JSON text');
  await page.evaluate((toml) => window.mountBank(toml, { filters: 'hidden', count: 'all' }), bankText('week3.toml'));
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'quiz-start').length === 2);
  assert.deepEqual(sorted((await starts())[1]), sorted(idsOf(week3)), 'TOML text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page without a custom bank never downloads the bank parser', async () => {
  const from = server.requests.length;
  const { page, context, errors } = await open('/fixtures/two-widgets.html');
  await new QuizWidget(page, '#a').host.getByText('Question 1 of 3').waitFor();
  await new QuizWidget(page, '#b').host.getByText('Question 1 of 3').waitFor();
  const asked = server.requests.slice(from);
  assert.ok(asked.some((p) => p.endsWith('/quiz_web_bg.wasm')), 'the widget loaded');
  assert.deepEqual(asked.filter((p) => p.includes('quiz_bank_web')), [], 'no parser module, no parser wasm');
  assert.deepEqual(errors, []);
  await context.close();
});

/** `line:col` (1-based) of the first `needle` after `anchor` in `text`. */
function position(text, anchor, needle) {
  const at = text.indexOf(needle, text.indexOf(anchor) + (anchor === needle ? 0 : anchor.length));
  assert.ok(text.indexOf(anchor) >= 0 && at >= 0, `${anchor} … ${needle} in the fixture`);
  const before = text.slice(0, at);
  return [before.split('\n').length, at - before.lastIndexOf('\n')];
}

/** What each malformed bank must report: every error, its place, the question id. */
function malformedExpectations() {
  const toml = bankText('malformed.toml');
  const at = (anchor, needle) => position(toml, anchor, needle);
  const kebab = 'is not kebab-case (a-z, 0-9 and single dashes)';
  const tomlErrors = [
    [at('difficulty = ', '"trivial"'), 'loop-else-runs', 'unknown difficulty "trivial", expected easy, medium or hard'],
    [at('id = ', '"Range Stop"'), 'Range Stop', `id "Range Stop" ${kebab}`],
    [at('topic = ', '"while-loops"'), 'zip-stops-early', 'unknown topic "while-loops", expected one of: for-loops'],
    [at('tags = [', '"Enumerate"'), 'enumerate-start', `tag "Enumerate" ${kebab}`],
    [at('accept = ["start"]\nanswer = ', 'true'), 'enumerate-start', '`answer` does not belong in a text question'],
  ].map(([[line, col], id, what]) => ({ message: `malformed.toml:${line}:${col}: question "${id}": ${what}`, line, col, id }));
  const fields = ['id', 'topic', 'category', 'difficulty', 'kind', 'tags', 'prompt', 'code', 'explanation', 'python',
    'choices', 'answer', 'output', 'accept', 'items'];
  const jsonErrors = [
    ['/questions/0/difficulty', 'loop-else-runs', 'unknown difficulty "trivial", expected easy, medium or hard'],
    ['/questions/1/choices/1/correct', 'range-stop', 'invalid type: string "no", expected a boolean'],
    ['/questions/2/topic', 'zip-stops-early', 'unknown topic "while-loops", expected one of: for-loops'],
    ['/questions/3/hint', 'enumerate-start', `unknown field \`hint\`, expected one of ${fields.map((f) => `\`${f}\``).join(', ')}`],
  ].map(([pointer, id, what]) => ({ message: `malformed.json: ${pointer}: question "${id}": ${what}`, pointer, id }));
  return { 'malformed.toml': tomlErrors, 'malformed.json': jsonErrors };
}

for (const [file, expected] of Object.entries(malformedExpectations())) {
  test(`a malformed ${file.split('.')[1].toUpperCase()} bank: the panel lists every error at its place, quiz-error has them all`, async () => {
    const { page, context, errors, warnings } = await open(`/fixtures/bank-src.html?bank-src=/fixtures/banks/${file}&filters=hidden`);
    const quiz = new QuizWidget(page, '#w');
    const panel = quiz.host.locator('.bank-errors');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('role'), 'alert');
    assert.deepEqual(sorted((await panel.locator('li').allTextContents()).map(flat)), sorted(expected.map((e) => e.message)));
    assert.match(flat(await panel.textContent()), new RegExp(`${file.replace('.', '\\.')}.*\\b${expected.length} errors`),
      'the panel names the bank and the total');
    assert.equal(await quiz.host.locator('.quiz-app, .question, .setup').count(), 0, 'no quiz on a refused bank');
    const fired = await page.evaluate(() => window.__events.filter((e) => e.type === 'quiz-error'));
    assert.equal(fired.length, 1, 'one quiz-error');
    assert.equal(fired[0].detail.stage, 'bank');
    const got = fired[0].detail.errors.map((e) => Object.fromEntries(
      ['message', 'line', 'col', 'pointer', 'id'].filter((k) => e[k] !== undefined && e[k] !== null).map((k) => [k, e[k]])));
    const byMessage = (a, b) => a.message.localeCompare(b.message);
    assert.deepEqual(got.sort(byMessage), [...expected].sort(byMessage), 'every error with its position and question id');
    assert.equal(warnings.filter((w) => w.includes(file)).length, 1, 'one console warning');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the format\'s example banks (tests/banks) read in the browser as `quiz-bank check` reads them', async () => {
  const example = (name) => new URL(`../banks/${name}`, import.meta.url);
  const openExample = (name) => openWith(`/fixtures/bank-src.html?bank-src=/course/${name}&filters=hidden&count=all`,
    (page) => page.route(`**/course/${name}`, (route) => route.fulfill({ path: example(name).pathname })));
  const ids = JSON.parse(readFileSync(example('week3.json'), 'utf8')).questions.map((q) => q.id);
  for (const name of ['week3.toml', 'week3.json']) {
    const { page, context, errors } = await openExample(name);
    assert.deepEqual(sorted((await event(page, 'quiz-start', 'w')).questionIds), sorted(ids), `${name}: every question asked`);
    assert.deepEqual(errors, [], name);
    await context.close();
  }
  for (const name of ['malformed.toml', 'malformed.json']) {
    // The CLI's output for this file, one error a line.
    const expected = readFileSync(example(`${name}.txt`), 'utf8').split('\n').filter(Boolean);
    const { page, context, errors } = await openExample(name);
    const panel = new QuizWidget(page, '#w').host.locator('.bank-errors');
    await panel.waitFor();
    assert.deepEqual((await panel.locator('li').allTextContents()).map(flat), expected, `${name}: the panel`);
    const fired = await event(page, 'quiz-error', 'w');
    assert.deepEqual(fired.errors.map((e) => e.message), expected, `${name}: quiz-error`);
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test('a bank with 25 errors: the panel lists the first 20 and the total, quiz-error carries all 25', async () => {
  const toml = [
    '[[category]]\nslug = "c"\ntitle = "C"\n\n[[topic]]\nslug = "t"\ntitle = "T"\ncategory = "c"\n',
    ...Array.from({ length: 25 }, (_, i) => `[[question]]\nid = "q-${i}"\ntopic = "t"\ndifficulty = "trivial"\nkind = "true-false"
tags = ["x"]\nprompt = "p"\nanswer = true\nexplanation = "e"\n`),
  ].join('\n');
  const { page, context, errors } = await open('/fixtures/bank-mount.html');
  await page.evaluate((toml) => window.mountBank(toml, { filters: 'hidden' }), toml);
  const panel = new QuizWidget(page, '#m .quiz-widget-host').host.locator('.bank-errors');
  await panel.waitFor();
  const items = (await panel.locator('li').allTextContents()).map(flat);
  assert.equal(items.length, 20);
  items.forEach((item, i) => assert.match(item, new RegExp(`^\\S+:\\d+:\\d+: question "q-${i}": unknown difficulty "trivial"`)));
  assert.match(flat(await panel.textContent()), /\b25 errors/, 'the total');
  const fired = await page.evaluate(() => window.__events.find((e) => e.type === 'quiz-error').detail);
  assert.equal(fired.stage, 'bank');
  assert.equal(fired.errors.length, 25);
  assert.deepEqual(fired.errors.map((e) => e.id), Array.from({ length: 25 }, (_, i) => `q-${i}`));
  assert.deepEqual(errors, []);
  await context.close();
});

/** 10,001 valid questions: one over the limit. */
function overLimitBank() {
  const q = (i) => ({ id: `q-${i}`, topic: 't', difficulty: 'easy', kind: 'true-false', tags: ['x'], prompt: 'p', explanation: 'e', answer: true });
  return JSON.stringify({
    categories: [{ slug: 'c', title: 'C' }],
    topics: [{ slug: 't', title: 'T', category: 'c' }],
    questions: Array.from({ length: 10_001 }, (_, i) => q(i)),
  });
}

const unusable = {
  '404': { src: '/fixtures/banks/missing.json', cause: /HTTP 404/ },
  'an HTML page': { src: '/fixtures/blank.html', cause: /HTML page, not JSON or TOML/ },
  'over 10,000 questions': {
    src: '/fixtures/banks/huge.json',
    cause: /10,?001 questions; the limit is 10,?000/,
    route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: overLimitBank() }),
  },
  'over 5 MB': {
    src: '/fixtures/banks/six-mb.toml',
    cause: /limit is 5 MB/,
    route: (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: `# ${'x'.repeat(6 * 1024 * 1024)}\n` }),
  },
};

for (const [name, { src, cause, route }] of Object.entries(unusable)) {
  test(`a bank-src that is ${name}: a message naming the URL and the cause, stage "bank"`, async () => {
    const { page, context, errors } = await openWith(`/fixtures/bank-src.html?bank-src=${src}&filters=hidden`,
      (page) => (route ? page.route(`**${src}`, route) : undefined), [/Failed to load resource.*404/]);
    const message = new QuizWidget(page, '#w').host.locator('.message');
    await message.waitFor();
    const text = flat(await message.textContent());
    assert.ok(text.includes(src.split('/').pop()), `"${text}" names ${src}`);
    assert.match(text, cause);
    const fired = await event(page, 'quiz-error', 'w');
    assert.equal(fired.stage, 'bank');
    assert.match([fired.message, ...(fired.errors ?? []).map((e) => e.message)].join(' '), cause, 'the event names the cause');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a bank-src that never answers: after 10 s (a fake clock) a message names the URL and the timeout', async () => {
  const src = '/fixtures/banks/slow.json';
  let asked;
  const requested = new Promise((resolve) => { asked = resolve; });
  const { page, context, errors } = await openWith(`/fixtures/bank-src.html?bank-src=${src}&filters=hidden`, async (page) => {
    // A paused fake clock: only runFor() moves time, however slow the machine is.
    await page.clock.install({ time: new Date('2030-01-01T00:00:00Z') });
    await page.clock.pauseAt(new Date('2030-01-01T00:00:01Z'));
    await page.route(`**${src}`, () => asked()); // never fulfilled
  }, [/Failed to load resource|ERR_ABORTED/]);
  await requested;
  const message = new QuizWidget(page, '#w').host.locator('.message');
  await page.clock.runFor(9_000);
  assert.equal(await message.count(), 0, 'still waiting after 9 s');
  await page.clock.runFor(1_000);
  await message.waitFor();
  const text = flat(await message.textContent());
  assert.ok(text.includes(src), text);
  assert.match(text, /did not answer within 10 s/);
  assert.equal((await event(page, 'quiz-error', 'w')).stage, 'bank');
  assert.deepEqual(errors, []);
  await context.close();
});

// Every tag name the widget renders, collected from a normal run (setup, each kind, feedback,
// results, review, the error panel). `a` is allowed only as an http(s) or relative link.
const ALLOWED = new Set(['a', 'article', 'button', 'caption', 'code', 'details', 'div', 'em', 'fieldset', 'form', 'h2',
  'h3', 'header', 'input', 'label', 'li', 'ol', 'optgroup', 'option', 'p', 'pre', 'progress', 'section', 'select', 'span',
  'strong', 'summary', 'table', 'tbody', 'td', 'textarea', 'th', 'tr', 'ul']);
const URL_ATTRIBUTES = ['href', 'src', 'srcdoc', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping'];

/** Elements of the shadow root under `host` outside the allow-list, event handlers, unsafe URLs and styles. */
function audit(page, host) {
  return page.locator(host).evaluate((el, [allowed, urlAttributes]) => {
    const bad = [];
    for (const node of el.shadowRoot.querySelectorAll('*')) {
      const tag = node.localName;
      if (!allowed.includes(tag)) bad.push(`<${tag}>`);
      for (const { name, value } of node.attributes) {
        if (name.startsWith('on')) bad.push(`<${tag} ${name}>`);
        if (name === 'style' && /url\(|expression\(|javascript:/i.test(value)) bad.push(`<${tag} style="${value.slice(0, 60)}">`);
        if (urlAttributes.includes(name) && !(tag === 'a' && name === 'href')) bad.push(`<${tag} ${name}>`);
      }
      if (tag === 'a') {
        const href = node.getAttribute('href') ?? '';
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
        if (scheme && scheme !== 'http' && scheme !== 'https') bad.push(`<a href="${href.slice(0, 60)}">`);
        if (!['http:', 'https:'].includes(node.protocol)) bad.push(`<a href="${href.slice(0, 60)}"> (${node.protocol})`);
        const rel = (node.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`<a rel="${node.getAttribute('rel')}">`);
      }
    }
    return bad;
  }, [[...ALLOWED], URL_ATTRIBUTES]);
}

/**
 * Goes through a whole quiz of `total` questions on the hostile bank, answering with payloads
 * where the learner types; audits the shadow root on every question and every feedback.
 */
async function walkHostile(page, hostSelector, total) {
  const quiz = new QuizWidget(page, hostSelector);
  const bad = [];
  const check = async (step) => bad.push(...(await audit(page, hostSelector)).map((b) => `${step}: ${b}`));
  let sawLongLine = false;
  for (let i = 0; i < total; i++) {
    await quiz.host.getByText(`Question ${i + 1} of ${total}`).waitFor();
    await check(`question ${i + 1}`);
    const kind = await quiz.answerAnything();
    if (kind === 'text') await quiz.host.locator('input.typed').fill(PAYLOADS[1]);
    if (kind === 'output-typed') await quiz.host.locator('textarea.typed').fill(PAYLOADS[0]);
    await quiz.check();
    await quiz.feedback().waitFor();
    await check(`feedback ${i + 1}`);
    // The wrong typed output shows the expected one: the 100 KB line.
    if (kind === 'output-typed') sawLongLine = (await quiz.feedback().textContent()).includes(LONG_LINE);
    await quiz.next();
  }
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  await check('results');
  return { quiz, bad, sawLongLine };
}

test('XSS payloads in every field of a bank stay text: none runs, no dialog, only allowed elements', async () => {
  const { page, context, errors } = await open('/fixtures/bank-mount.html');
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const total = xssBank.questions.length;
  await page.evaluate(() => window.mountBank('xss', { count: 'all', seed: 3 }));
  const host = '#m .quiz-widget-host';
  const quiz = new QuizWidget(page, host);
  // The setup screen lists the hostile category and topic titles (one with the 100 KB line).
  await quiz.host.getByRole('button', { name: 'Start quiz' }).waitFor();
  const setup = await audit(page, host);
  const options = await quiz.host.locator('option').allTextContents();
  assert.ok(options.some((o) => o.includes(PAYLOADS[0])), 'a title shown as text');
  assert.ok(options.some((o) => o.includes(LONG_LINE)), 'the 100 KB title shown');
  await quiz.start();
  const { bad, sawLongLine } = await walkHostile(page, host, total);
  assert.ok(sawLongLine, 'the 100 KB expected output shown after a wrong answer');
  // The review shows every explanation: the payloads are there, as text.
  const results = await quiz.host.locator('.results').textContent();
  for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[15], PAYLOADS[16]]) assert.ok(results.includes(p), `${p} shown as text`);
  await quiz.host.getByRole('button', { name: 'Retry missed questions' }).click();
  await quiz.host.getByText(/^Question 1 of \d+$/).waitFor();
  bad.push(...(await audit(page, host)).map((b) => `retry: ${b}`));
  // The error panel repeats hostile values (ids, difficulty, kind, topic, tag) and a 100 KB prompt.
  await page.evaluate(() => window.mountBank('hostile-errors'));
  const panel = quiz.host.locator('.bank-errors');
  await panel.waitFor();
  const items = await panel.locator('li').allTextContents();
  assert.equal(items.length, 6);
  assert.ok(items.some((t) => t.includes(`question "${PAYLOADS[0]}": id "${PAYLOADS[0]}" is not kebab-case`)), 'a hostile id shown as text');
  assert.ok(items.some((t) => t.includes(`\`prompt\` is ${LONG_LINE.length} characters long; the limit is 400`)));
  bad.push(...(await audit(page, host)).map((b) => `error panel: ${b}`));
  assert.deepEqual([...setup.map((b) => `setup: ${b}`), ...bad], [], 'only allowed elements, no handlers, no unsafe URLs');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(page.frames().length, 1, 'no frame created');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script, iframe, img, svg, object, embed').length), 2,
    'the page has its two scripts and nothing else');
  assert.deepEqual(errors, []);
  await context.close();
});

test('under Trusted Types: a bank-src quiz, the hostile bank through mount() and the error panel, no violation', async () => {
  const { page, context, errors } = await open('/fixtures/trusted-types-bank.html');
  const w = new QuizWidget(page, '#w');
  await w.host.getByText('Question 1 of 2').waitFor();
  await w.answerAnything();
  await w.check();
  await w.feedback().waitFor();
  const { bad } = await walkHostile(page, '#m .quiz-widget-host', xssBank.questions.length);
  assert.deepEqual(bad, []);
  await new QuizWidget(page, '#e .quiz-widget-host').host.locator('.bank-errors li').first().waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, [], 'no TrustedHTML violation');
  // Enforcement is on: an HTML string sink throws here.
  const sink = await page.evaluate(() => {
    try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return 'allowed'; } catch (e) { return e.name; }
  });
  assert.equal(sink, 'TypeError');
  await context.close();
});

test('widgets with different banks on one page each ask only their own questions', async () => {
  const { page, context, errors } = await open('/fixtures/two-banks.html');
  const [a, b, c, d] = await Promise.all(['a', 'b', 'c', 'd'].map((id) => event(page, 'quiz-start', id)));
  assert.equal(a.questionIds.length, 3);
  assert.ok(a.questionIds.every((id) => idsOf(week3).includes(id)), `a asks week 3: ${a.questionIds}`);
  assert.deepEqual(sorted(b.questionIds), sorted(idsOf(week4)), 'b asks week 4');
  assert.deepEqual(c.questionIds, ['w4-keyword-only-marker', 'nan-not-equal-to-itself'], 'include-builtin adds the built-in bank');
  assert.deepEqual(d.questionIds, ['nan-not-equal-to-itself'], 'a widget without a bank keeps the built-in one');
  assert.equal(new Set([a, b, c, d].map((s) => s.bankVersion)).size, 4, 'each bank has its own version');
  // Both quizzes run side by side, one answer each in turn.
  const qa = new QuizWidget(page, '#a');
  const qb = new QuizWidget(page, '#b');
  const byId = new Map([...week3.questions, ...week4.questions].map((q) => [q.id, q]));
  for (let i = 0; i < 3; i++) {
    for (const [quiz, start] of [[qa, a], [qb, b]]) {
      await quiz.host.getByText(`Question ${i + 1} of 3`).waitFor();
      await answerRight(quiz, byId.get(start.questionIds[i]));
      await quiz.next();
    }
  }
  for (const [id, start] of [['a', a], ['b', b]]) {
    const done = await event(page, 'quiz-complete', id);
    assert.deepEqual(done.results.map((r) => r.questionId), start.questionIds, id);
    assert.equal(done.score, 3, id);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe page takes bank-src too', async () => {
  const { page, context, errors } = await open('/embed.html?bank-src=/fixtures/banks/week3.toml&filters=hidden&count=all');
  const quiz = new QuizWidget(page, '#quiz');
  await quiz.host.getByText('Question 1 of 7').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
