// Every question kind answered right, once by mouse and once by keyboard alone; results,
// review and "Retry missed"; axe in light and dark; a 320 px screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { sampleByKind, shown } from '../fixtures/bank.mjs';
import { tabTo, pickRadio, isFocused } from '../fixtures/keyboard.mjs';

const OUT = new URL('../output/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
const samples = sampleByKind();
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openQuiz(query, viewport) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/${query}`);
  const quiz = new QuizWidget(page, '#demo');
  await quiz.recordEvents();
  return { page, context, quiz, errors };
}

/** The input of the choice whose text (as shown) is `text`. */
async function choiceInput(quiz, text) {
  const texts = (await quiz.host.locator('li.choice .choice-text').allTextContents()).map(shown);
  const at = texts.indexOf(shown(text));
  assert.ok(at >= 0, `choice ${JSON.stringify(shown(text))} among ${JSON.stringify(texts)}`);
  return quiz.host.locator('li.choice').nth(at).locator('input');
}

async function answerByMouse(quiz, q) {
  const h = quiz.host;
  switch (q.kind) {
    case 'single': case 'output': {
      if (q.kind === 'output' && q.choices.length === 0) { await h.locator('textarea.typed').fill(q.output.trimEnd()); break; }
      const right = q.choices.find((c) => c.correct);
      await (await choiceInput(quiz, right.text)).check();
      break;
    }
    case 'multiple':
      for (const c of q.choices.filter((c) => c.correct)) await (await choiceInput(quiz, c.text)).check();
      break;
    case 'true-false':
      await h.getByRole('radio', { name: q.answer ? 'True' : 'False' }).check();
      break;
    case 'text':
      await h.locator('input.typed').fill(q.accept[0]);
      break;
    case 'order':
      for (let pos = 0; pos < q.items.length; pos++) {
        for (let guard = 0; guard < 10; guard++) {
          const texts = (await h.locator('.order-text').allTextContents()).map(shown);
          const at = texts.indexOf(shown(q.items[pos]));
          if (at === pos) break;
          await h.locator('.order-item').nth(at).locator('.up').click();
        }
      }
      break;
  }
  await quiz.check();
}

async function answerByKeyboard(quiz, q) {
  const { page, host: h } = quiz;
  switch (q.kind) {
    case 'single': case 'output': {
      if (q.kind === 'output' && q.choices.length === 0) {
        await tabTo(page, h.locator('textarea.typed'));
        await page.keyboard.type(q.output.trimEnd());
        break;
      }
      const right = q.choices.find((c) => c.correct);
      await pickRadio(page, h.locator('input[type=radio]'), await choiceInput(quiz, right.text));
      break;
    }
    case 'multiple':
      for (const c of q.choices.filter((c) => c.correct)) {
        await tabTo(page, await choiceInput(quiz, c.text));
        await page.keyboard.press('Space');
      }
      break;
    case 'true-false':
      await pickRadio(page, h.locator('input[type=radio]'), h.getByRole('radio', { name: q.answer ? 'True' : 'False' }));
      break;
    case 'text':
      await tabTo(page, h.locator('input.typed'));
      await page.keyboard.type(q.accept[0]);
      break;
    case 'order':
      for (let pos = 0; pos < q.items.length; pos++) {
        for (let guard = 0; guard < 10; guard++) {
          const texts = (await h.locator('.order-text').allTextContents()).map(shown);
          const at = texts.indexOf(shown(q.items[pos]));
          if (at === pos) break;
          const up = h.locator('.order-item').nth(at).locator('.up');
          if (!(await isFocused(up))) await tabTo(page, up);
          await page.keyboard.press('Enter');
        }
      }
      break;
  }
  await tabTo(page, h.getByRole('button', { name: 'Check answer' }));
  await page.keyboard.press('Enter');
}

for (const mode of ['mouse', 'keyboard']) {
  test(`every kind answered right by ${mode}`, async () => {
    const list = Object.entries(samples);
    for (const [name, q] of list) assert.ok(q, `the bank has a ${name} question`);
    const ids = list.map(([, q]) => q.id).join(',');
    const { page, context, quiz, errors } = await openQuiz(`?ids=${ids}&seed=3`);
    await quiz.host.getByText(`Question 1 of ${list.length}`).waitFor();
    for (const [i, [name, q]] of list.entries()) {
      await quiz.host.getByText(`Question ${i + 1} of ${list.length}`).waitFor();
      if (mode === 'mouse') await answerByMouse(quiz, q); else await answerByKeyboard(quiz, q);
      const verdict = await quiz.feedback().locator('.verdict').textContent();
      assert.equal(verdict, 'Correct!', `${name} (${q.id}) by ${mode}`);
      const next = quiz.host.getByRole('button', { name: /Next question|See results/ });
      if (mode === 'keyboard') {
        assert.ok(await isFocused(next), 'after checking, focus is on Next');
        await page.keyboard.press('Enter');
        if (i + 1 < list.length) {
          await quiz.host.getByText(`Question ${i + 2} of ${list.length}`).waitFor();
          assert.ok(await isFocused(quiz.host.locator('.question-count')), 'focus moves to the new question');
        }
      } else {
        await next.click();
      }
    }
    await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
    assert.match(await quiz.host.locator('.score').textContent(), new RegExp(`You scored ${list.length} of ${list.length}`));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('results, review and retry missed', async () => {
  const qs = [samples.single, samples['true-false'], samples.text];
  const { context, quiz, errors } = await openQuiz(`?ids=${qs.map((q) => q.id).join(',')}`);
  await answerByMouse(quiz, qs[0]);
  await quiz.next();
  // A wrong answer to the true-false question.
  await quiz.host.getByRole('radio', { name: qs[1].answer ? 'False' : 'True' }).check();
  await quiz.check();
  assert.equal(await quiz.feedback().locator('.verdict').textContent(), 'Not quite.');
  assert.match(await quiz.feedback().textContent(), /Right answer:/);
  await quiz.next();
  await answerByMouse(quiz, qs[2]);
  await quiz.next();
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  assert.match(await quiz.host.locator('.score').textContent(), /You scored 2 of 3/);
  const review = quiz.host.locator('.review-item');
  assert.equal(await review.count(), 3);
  assert.equal(await quiz.host.locator('.review-item.is-wrong').count(), 1);
  await quiz.host.locator('.review-item.is-wrong summary').click();
  assert.match(await quiz.host.locator('.review-item.is-wrong .review-body').textContent(), /Your answer:/);
  await quiz.host.getByRole('button', { name: 'Retry missed questions' }).click();
  await quiz.host.getByText('Question 1 of 1').waitFor();
  const starts = (await quiz.events()).filter((e) => e.type === 'quiz-start');
  assert.deepEqual(starts.at(-1).detail.questionIds, [qs[1].id]);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`axe finds no violations in the ${theme} theme`, async () => {
    const { page, context, quiz } = await openQuiz(`?theme=${theme}&ids=${samples.single.id},${samples.order.id}`);
    await page.emulateMedia({ colorScheme: theme });
    const scheme = await quiz.host.evaluate((el) => el.shadowRoot.querySelector('.root').dataset.scheme);
    assert.equal(scheme, theme);
    const check = async (where) => {
      const result = await new AxeBuilder({ page }).include('#demo').analyze();
      const v = result.violations.map((x) => `${where}: ${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(v, []);
    };
    await quiz.host.getByText('Question 1 of 2').waitFor();
    await check('question');
    await quiz.host.locator('input[type=radio]').first().check();
    await quiz.check();
    await check('feedback');
    await quiz.next();
    await check('order question');
    await quiz.check();
    await quiz.next();
    await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
    await quiz.host.locator('.review-item summary').first().click();
    await check('results');
    await context.close();
    const setup = await openQuiz(`?theme=${theme}`);
    await setup.quiz.host.getByRole('button', { name: 'Start quiz' }).waitFor();
    const result = await new AxeBuilder({ page: setup.page }).include('#demo').analyze();
    assert.deepEqual(result.violations.map((x) => `setup: ${x.id}`), []);
    await setup.context.close();
  });
}

test('a 320 px wide phone: nothing overflows the widget; screenshot saved', async () => {
  const { page, context, quiz, errors } = await openQuiz(`?ids=${samples['output-choices'].id}`, { width: 320, height: 720 });
  await quiz.host.getByText('Question 1 of 1').waitFor();
  const widths = await quiz.host.evaluate((el) => {
    const root = el.shadowRoot.querySelector('.root');
    return { root: root.getBoundingClientRect().width, scroll: root.scrollWidth, client: root.clientWidth, page: document.documentElement.scrollWidth };
  });
  assert.ok(widths.page <= 320, `page does not scroll sideways (${widths.page})`);
  assert.ok(widths.scroll <= widths.client + 1, `widget content fits (${widths.scroll} > ${widths.client})`);
  await page.screenshot({ path: `${OUT}/phone-320.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('forced colors (high contrast) at 200 % zoom: controls keep visible borders, nothing overflows', async () => {
  // 200 % zoom of a 1280 px window is a 640 CSS px viewport.
  const { page, context, quiz, errors } = await openQuiz(`?ids=${samples.single.id}`, { width: 640, height: 900 });
  await page.emulateMedia({ forcedColors: 'active' });
  await quiz.host.getByText('Question 1 of 1').waitFor();
  const controls = await quiz.host.evaluate((el) => [...el.shadowRoot.querySelectorAll('.choice label, .btn')]
    .map((e) => ({ style: getComputedStyle(e).borderTopStyle, width: parseFloat(getComputedStyle(e).borderTopWidth) })));
  assert.ok(controls.length >= 3);
  for (const c of controls) assert.ok(c.style !== 'none' && c.width >= 1, JSON.stringify(c));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 640, `no sideways scroll at 200 % (${overflow})`);
  await page.screenshot({ path: `${OUT}/forced-colors-200pct.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
