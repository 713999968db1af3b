// What a person does with the built site (dist/www): load, filter, answer, see feedback,
// finish; two widgets on one page; the same seed giving the same quiz.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  return { page, context, errors };
}

test('pick easy, answer a question, see whether it was right and why', async () => {
  const { page, context, errors } = await open('/');
  const quiz = new QuizWidget(page, '#demo');
  await quiz.recordEvents();
  await quiz.setDifficulties(['Easy']);
  await assert.doesNotReject(quiz.host.getByText(/\d+ questions match/).waitFor());
  await quiz.start();
  await quiz.host.getByText(/Question 1 of \d+/).waitFor();
  assert.equal(await quiz.host.locator('.badge').textContent(), 'Easy');
  await quiz.answerAnything();
  await quiz.check();
  const feedback = quiz.feedback();
  await feedback.waitFor();
  assert.match(await feedback.locator('.verdict').textContent(), /Correct!|Not quite\./);
  assert.ok((await feedback.locator('.explanation').textContent()).length > 20, 'explanation shown');
  const answer = (await quiz.events()).find((e) => e.type === 'quiz-answer');
  assert.equal(answer.detail.difficulty, 'easy');
  assert.equal(typeof answer.detail.correct, 'boolean');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a whole quiz to the results screen', async () => {
  const { page, context, errors } = await open('/?count=5&seed=5');
  const quiz = new QuizWidget(page, '#demo');
  await quiz.recordEvents();
  await quiz.host.getByRole('combobox', { name: 'Questions' }).selectOption('5');
  await quiz.start();
  for (let i = 1; i <= 5; i++) {
    await quiz.host.getByText(`Question ${i} of 5`).waitFor();
    await quiz.answerAnything();
    await quiz.check();
    await quiz.next();
  }
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  const done = (await quiz.events()).find((e) => e.type === 'quiz-complete');
  assert.equal(done.detail.total, 5);
  assert.equal(done.detail.seed, 5);
  assert.equal(done.detail.results.length, 5);
  const shown = await quiz.host.locator('.score').textContent();
  assert.match(shown, new RegExp(`You scored ${done.detail.score} of 5`));
  assert.equal(await quiz.host.locator('.review-item').count(), 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two widgets on one page load the wasm once and keep separate state', async () => {
  const before = server.requests.filter((p) => p.endsWith('.wasm')).length;
  const { page, context, errors } = await open('/fixtures/two-widgets.html');
  const a = new QuizWidget(page, '#a');
  const b = new QuizWidget(page, '#b');
  await a.host.getByText('Question 1 of 3').waitFor();
  await b.host.getByText('Question 1 of 3').waitFor();
  assert.equal(await a.host.locator('.badge').textContent(), 'Easy');
  assert.equal(await b.host.locator('.badge').textContent(), 'Hard');
  await a.answerAnything();
  await a.check();
  await a.feedback().waitFor();
  assert.equal(await b.feedback().count(), 0, 'answering in a leaves b alone');
  await a.next();
  await a.host.getByText('Question 2 of 3').waitFor();
  assert.equal(await b.host.getByText('Question 1 of 3').count(), 1);
  const wasm = server.requests.filter((p) => p.endsWith('.wasm')).length - before;
  assert.equal(wasm, 1, 'one wasm download for two widgets');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same seed gives the same questions in the same order', async () => {
  const order = [];
  for (let i = 0; i < 2; i++) {
    const { page, context } = await open('/?seed=31337&count=10&difficulty=medium,hard');
    const quiz = new QuizWidget(page, '#demo');
    await quiz.recordEvents();
    await quiz.start();
    await quiz.host.getByText('Question 1 of 10').waitFor();
    const start = (await quiz.events()).find((e) => e.type === 'quiz-start');
    order.push(start.detail.questionIds);
    await context.close();
  }
  assert.equal(order[0].length, 10);
  assert.deepEqual(order[0], order[1]);
});
