// The site's own pages (dist/www): the study page over the whole bank, fed by quizzes taken on
// the home page; accessible in light and dark, and usable at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { RESERVE_STYLE } from '../fixtures/snippet.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a question answered on the home page is learned on the study page, and a wrong one is in its mistakes', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/?count=1`);
  const home = new QuizWidget(page, '#demo');
  await home.start();
  await home.host.getByText('Question 1 of 1').waitFor();
  await home.recordEvents();
  await home.answerAnything();
  await home.check();
  await home.feedback().waitFor();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'quiz-answer'));
  const answer = (await home.events()).find((e) => e.type === 'quiz-answer').detail;

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Study' }).click();
  const study = new QuizWidget(page, '#study');
  await study.host.getByRole('heading', { name: 'Study' }).waitFor();
  const learned = study.host.locator('.stats div').filter({ hasText: 'Learned' }).locator('dd');
  assert.equal(await learned.textContent(), '1');
  const mistakes = new QuizWidget(page, '#mistakes');
  await mistakes.host.getByRole('heading', { name: 'Your mistakes' }).waitFor();
  if (answer.correct) await mistakes.host.getByText(/No mistakes to retry/).waitFor();
  else await mistakes.host.getByRole('button', { name: 'Retry 1 question' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`the study page: no axe violations (${theme}), nothing wider than a 360 px screen`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${server.url}/study/`);
    await new QuizWidget(page, '#study').host.getByRole('heading', { name: 'Study' }).waitFor();
    await new QuizWidget(page, '#mistakes').host.getByRole('heading', { name: 'Your mistakes' }).waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scroll');
    // Keyboard: the skip link is the first stop and leads to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const theme of ['light', 'dark']) {
  test(`the home page: no axe violations (${theme}), nothing wider than a 360 px screen`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${server.url}/`);
    await new QuizWidget(page, '#demo').start();
    await page.getByRole('button', { name: 'Copy the snippet' }).waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scroll');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the home page: the embed snippet is README\'s three lines, and its copy button copies them by keyboard', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/`);
  const snippet = await page.locator('#embed-snippet').textContent();
  const lines = snippet.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], RESERVE_STYLE);
  assert.match(lines[1], /^<script type="module" src="[^"]+\/quiz-widget\.js"><\/script>$/);
  assert.match(lines[2], /^<quiz-widget [^>]*><\/quiz-widget>$/);
  const copy = page.getByRole('button', { name: 'Copy the snippet' });
  await copy.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  // Each audience has its way in.
  for (const who of ['Bloggers:', 'Course platforms:', 'Learners:']) {
    assert.ok(await page.locator('.audiences li', { hasText: who }).getByRole('link').count() >= 2, who);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the home page with JavaScript off: the pitch, the snippet and the links read, no dead copy button', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByText('This quiz needs JavaScript and WebAssembly.').waitFor();
  assert.ok(await page.locator('#embed-snippet').isVisible());
  assert.equal(await page.getByRole('button', { name: 'Copy the snippet' }).count(), 0);
  assert.ok(await page.getByRole('link', { name: 'browse every question' }).isVisible());
  await context.close();
});

test('under a sub-path (/sub/path/): the home quiz runs and the study page loads, with no request outside it', async () => {
  const sub = await serve({ prefix: '/sub/path/' });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${sub.url}/sub/path/`);
  const home = new QuizWidget(page, '#demo');
  await home.start();
  await home.host.getByText(/Question 1 of/).waitFor();
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Study' }).click();
  await new QuizWidget(page, '#study').host.getByRole('heading', { name: 'Study' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/sub/path/study/');
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  await context.close();
  await sub.close();
});
