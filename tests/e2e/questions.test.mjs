// The question browser (/questions/) and the question pages (/questions/<id>/) of the built
// site (dist/www, or SITE_DIR): search and facet counts checked against bank.json counted
// here, the view in the URL, paging, a permalink's hidden answer and its "Quiz me on this
// topic", the selection downloaded as a bank, axe in light and dark, 360 px, keyboard, and
// JavaScript off. Service workers are blocked: going offline is the offline test's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const SITE = resolve(ROOT, process.env.SITE_DIR ?? 'dist/www');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGE_SIZE = 20;

const SUB = '/sub/path/';

let server, subServer, browser, bank;
before(async () => {
  bank = JSON.parse(await readFile(join(SITE, 'questions/bank.json'), 'utf8'));
  server = await serve({ site: SITE });
  subServer = await serve({ site: SITE, prefix: SUB });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await subServer?.close(); });

/** What the browser searches: prompt, code, choices, items and explanation, any case, every word. */
function matches(q, text) {
  const hay = [q.prompt, q.code ?? '', ...(q.choices ?? []).map((c) => c.text), ...(q.items ?? []), q.explanation]
    .join('\n').toLowerCase();
  return text.toLowerCase().split(/\s+/).filter(Boolean).every((t) => hay.includes(t));
}
const categoryOf = (q) => q.category ?? bank.topics.find((t) => t.slug === q.topic).category;
/** The questions of a view: text and facets (any value within a facet, every facet). */
function select({ text = '', difficulty = [], kind = [], topic = [], category = [] } = {}) {
  return bank.questions.filter((q) => matches(q, text)
    && (!difficulty.length || difficulty.includes(q.difficulty))
    && (!kind.length || kind.includes(q.kind))
    && (!topic.length || topic.includes(q.topic))
    && (!category.length || category.includes(categoryOf(q))));
}

async function open(url, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}${url}`);
  return { context, page, errors };
}

const status = (page) => page.locator('.results-status');
const statusText = (n) => `${n} of ${bank.questions.length} questions`;
/** The counts a facet shows, by label: { Easy: 12, … }. */
async function counts(page, legend) {
  const labels = await page.getByRole('group', { name: legend }).locator('label').allTextContents();
  return Object.fromEntries(labels.map((l) => {
    const m = l.trim().match(/^(.*) \((\d+)\)$/);
    return [m[1], Number(m[2])];
  }));
}
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
const search = (u) => Object.fromEntries(new URL(u).searchParams);

test('a search narrows the results, and every facet counts exactly the questions shown', async () => {
  const { context, page, errors } = await open('/questions/');
  await status(page).filter({ hasText: statusText(bank.questions.length) }).waitFor();
  const text = 'closure';
  const expected = select({ text });
  assert.ok(expected.length > PAGE_SIZE / 4 && expected.length < bank.questions.length);
  await page.getByRole('searchbox', { name: 'Search the questions' }).fill(text);
  await status(page).filter({ hasText: statusText(expected.length) }).waitFor();
  assert.deepEqual(search(page.url()), { q: text });
  const difficulty = await counts(page, 'Difficulty');
  assert.deepEqual(difficulty, {
    Easy: expected.filter((q) => q.difficulty === 'easy').length,
    Medium: expected.filter((q) => q.difficulty === 'medium').length,
    Hard: expected.filter((q) => q.difficulty === 'hard').length,
  });
  assert.equal(sum(await counts(page, 'Kind')), expected.length);
  assert.equal(sum(await counts(page, 'Category')), expected.length);
  assert.equal(sum(await counts(page, 'Topic')), expected.length);
  const shown = await page.locator('.result-list > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(shown, expected.slice(0, PAGE_SIZE).map((q) => `${q.id}/`));
  // Two words: both must be there, in any order.
  await page.getByRole('searchbox', { name: 'Search the questions' }).fill('nonlocal closure');
  await status(page).filter({ hasText: statusText(select({ text: 'nonlocal closure' }).length) }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a facet click filters, updates the other facets\' counts and the URL; Back undoes it', async () => {
  const { context, page, errors } = await open('/questions/?q=loop');
  const all = select({ text: 'loop' });
  await status(page).filter({ hasText: statusText(all.length) }).waitFor();
  const before = await counts(page, 'Difficulty');
  await page.getByRole('checkbox', { name: /^Hard \(/ }).check();
  const hard = select({ text: 'loop', difficulty: ['hard'] });
  await status(page).filter({ hasText: statusText(hard.length) }).waitFor();
  assert.deepEqual(search(page.url()), { q: 'loop', difficulty: 'hard' });
  // Its own facet's counts stay; the others count only hard questions now.
  assert.deepEqual(await counts(page, 'Difficulty'), before);
  assert.equal(sum(await counts(page, 'Kind')), hard.length);
  const kinds = await counts(page, 'Kind');
  assert.equal(kinds['Single choice'], hard.filter((q) => q.kind === 'single').length);
  // A second value of the same facet widens; a value of another facet narrows.
  await page.getByRole('checkbox', { name: /^Easy \(/ }).check();
  const easyHard = select({ text: 'loop', difficulty: ['hard', 'easy'] });
  await status(page).filter({ hasText: statusText(easyHard.length) }).waitFor();
  await page.getByRole('checkbox', { name: /^Single choice \(/ }).check();
  const single = select({ text: 'loop', difficulty: ['hard', 'easy'], kind: ['single'] });
  await status(page).filter({ hasText: statusText(single.length) }).waitFor();
  assert.deepEqual(search(page.url()), { q: 'loop', difficulty: 'hard,easy', kind: 'single' });
  await page.goBack();
  await status(page).filter({ hasText: statusText(easyHard.length) }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^Single choice \(/ }).isChecked(), false);
  await page.goBack();
  await page.goBack();
  await status(page).filter({ hasText: statusText(all.length) }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^Hard \(/ }).isChecked(), false);
  // The filtered view is shareable: opening its URL shows the same.
  await page.goto(`${server.url}/questions/?q=loop&difficulty=hard,easy&kind=single`);
  await status(page).filter({ hasText: statusText(single.length) }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^Single choice \(/ }).isChecked(), true);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await status(page).filter({ hasText: statusText(all.length) }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('results come 20 to a page, with page controls and the page in the URL', async () => {
  const { context, page, errors } = await open('/questions/?difficulty=medium');
  const medium = select({ difficulty: ['medium'] });
  const pages = Math.ceil(medium.length / PAGE_SIZE);
  assert.ok(pages >= 3);
  await status(page).filter({ hasText: statusText(medium.length) }).waitFor();
  const hrefs = () => page.locator('.result-list > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(await hrefs(), medium.slice(0, PAGE_SIZE).map((q) => `${q.id}/`));
  assert.ok(await page.getByRole('button', { name: 'Previous page' }).isDisabled());
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByText(`Page 2 of ${pages}`).waitFor();
  assert.deepEqual(search(page.url()), { difficulty: 'medium', page: '2' });
  assert.deepEqual(await hrefs(), medium.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((q) => `${q.id}/`));
  assert.equal(await page.locator('.result-list').getAttribute('start'), String(PAGE_SIZE + 1));
  // The last page holds the rest, and Next stops there.
  await page.goto(`${server.url}/questions/?difficulty=medium&page=${pages}`);
  await page.getByText(`Page ${pages} of ${pages}`).waitFor();
  assert.deepEqual(await hrefs(), medium.slice((pages - 1) * PAGE_SIZE).map((q) => `${q.id}/`));
  assert.ok(await page.getByRole('button', { name: 'Next page' }).isDisabled());
  await page.goBack();
  await page.getByText(`Page 2 of ${pages}`).waitFor();
  // A filter change goes back to page 1.
  await page.getByRole('checkbox', { name: /^Hard \(/ }).check();
  await page.getByText(/^Page 1 of \d+$/).waitFor();
  assert.equal(search(page.url()).page, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a permalink hides the answer until "Show answer", and "Quiz me on this topic" quizzes that topic', async () => {
  const q = bank.questions.find((x) => x.kind === 'single' && !x.code);
  const topic = bank.topics.find((t) => t.slug === q.topic);
  const { context, page, errors } = await open('/questions/');
  await page.getByRole('searchbox', { name: 'Search the questions' }).fill(q.prompt.replace(/[`*]/g, '').slice(0, 40));
  await page.locator(`.result-list a[href="${q.id}/"]`).click();
  await page.waitForURL(`**/questions/${q.id}/`);
  assert.match(await page.title(), / · Python interview question$/);
  assert.ok((await page.locator('meta[name=description]').getAttribute('content')).length > 20);
  const right = q.choices.find((c) => c.correct).text.replace(/[`*]/g, '');
  const answer = page.locator('.question-answer');
  const explanation = answer.locator('.question-explanation');
  assert.equal(await explanation.isVisible(), false);
  assert.equal(await answer.getByText('Right:').isVisible(), false);
  await page.getByText('Show answer').click();
  await explanation.waitFor();
  assert.match(await answer.locator('li', { hasText: 'Right:' }).textContent(), new RegExp(right.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await page.locator('.question-facts').getByText(topic.title, { exact: true }).count(), 1);

  await page.getByRole('link', { name: 'Quiz me on this topic' }).click();
  await page.waitForURL((u) => u.searchParams.get('topics') === topic.slug && u.pathname === '/');
  const home = new QuizWidget(page, '#demo');
  await home.recordEvents();
  await home.start();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'quiz-start'));
  const start = (await home.events()).find((e) => e.type === 'quiz-start').detail;
  const ofTopic = new Set(bank.questions.filter((x) => x.topic === topic.slug).map((x) => x.id));
  assert.ok(start.questionIds.length > 0);
  for (const id of start.questionIds) assert.ok(ofTopic.has(id), `${id} is of ${topic.slug}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Download selection" saves exactly the filtered questions as a bank, and the LMS formats through the widget', async () => {
  const view = { difficulty: ['hard'], kind: ['true-false'] };
  const expected = select(view);
  assert.ok(expected.length > 0);
  const { context, page, errors } = await open('/questions/?difficulty=hard&kind=true-false');
  await status(page).filter({ hasText: statusText(expected.length) }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download selection' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'python-questions.json');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(saved.questions, expected);
  const topics = new Set(expected.map((q) => q.topic));
  assert.deepEqual(saved.topics, bank.topics.filter((t) => topics.has(t.slug)));
  assert.deepEqual(new Set(saved.categories.map((c) => c.slug)), new Set(saved.topics.map((t) => t.category)));
  await page.getByRole('status').filter({ hasText: `Saved ${expected.length} questions` }).waitFor();

  // An LMS format: the widget's exportBank over the same selection.
  await page.getByLabel('Format').selectOption('gift');
  const [gift] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download selection' }).click(),
  ]);
  assert.equal(gift.suggestedFilename(), 'python-questions.gift.txt');
  const text = await readFile(await gift.path(), 'utf8');
  const titles = [...text.matchAll(/^::([^:]+)::/gm)].map((m) => m[1]);
  assert.deepEqual(titles, expected.map((q) => q.id));
  assert.deepEqual(errors, []);
  await context.close();
});

const PERMALINK = () => bank.questions.find((q) => q.code && q.kind === 'output' && q.choices?.length).id;

for (const theme of ['light', 'dark']) {
  test(`the browser and a question page: no axe violations (${theme}), nothing wider than 360 px`, async () => {
    const { context, page, errors } = await open('/questions/?q=print', { viewport: { width: 360, height: 800 } });
    await page.emulateMedia({ colorScheme: theme });
    await status(page).waitFor();
    for (const url of ['/questions/?q=print&page=2', `/questions/${PERMALINK()}/`]) {
      await page.goto(`${server.url}${url}`);
      if (url.includes('?')) await status(page).waitFor();
      else await page.getByText('Show answer').click();
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), [], url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${url}: no horizontal scroll`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('keyboard alone reaches the search, the facets and the results, and opens the answer', async () => {
  const { context, page, errors } = await open('/questions/');
  await status(page).waitFor();
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, id: el.id, type: el.type ?? '', name: el.name ?? '', href: el.getAttribute('href') ?? '', text: el.textContent.trim() };
  });
  /** Presses Tab until `found(active)` holds, at most `max` times. */
  async function tabTo(found, max) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const a = await active();
      if (found(a)) return a;
    }
    assert.fail('not reached by Tab');
  }
  await page.keyboard.press('Tab');
  assert.equal((await active()).text, 'Skip to the content');
  await tabTo((a) => a.id === 'question-search', 10);
  await page.keyboard.type('generator');
  const generator = select({ text: 'generator' });
  await status(page).filter({ hasText: statusText(generator.length) }).waitFor();
  const box = await tabTo((a) => a.type === 'checkbox', 3);
  assert.equal(box.name, 'difficulty');
  await page.keyboard.press('Space');
  const easy = select({ text: 'generator', difficulty: ['easy'] });
  await status(page).filter({ hasText: statusText(easy.length) }).waitFor();
  assert.equal(search(page.url()).difficulty, 'easy');
  const link = await tabTo((a) => a.tag === 'A' && a.href.endsWith('/') && !a.href.startsWith('.'), 300);
  assert.equal(link.href, `${easy[0].id}/`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/questions/${easy[0].id}/`);
  await tabTo((a) => a.tag === 'SUMMARY', 40);
  await page.keyboard.press('Enter');
  await page.locator('.question-explanation').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('with JavaScript off the list of every question and the question pages read', async () => {
  const { context, page } = await open('/questions/', { javaScriptEnabled: false });
  const links = page.locator('[data-site-app="questions"] .question-list a');
  assert.equal(await links.count(), bank.questions.length);
  for (const c of bank.categories) {
    assert.equal(await page.getByRole('heading', { level: 2, name: c.title, exact: true }).count(), 1, c.title);
  }
  const first = bank.questions[0];
  await page.locator(`a[href="${first.id}/"]`).click();
  await page.waitForURL(`**/questions/${first.id}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  const explanation = page.locator('.question-explanation');
  assert.equal(await explanation.isVisible(), false);
  await page.getByText('Show answer').click();
  await explanation.waitFor();
  const topic = bank.topics.find((t) => t.slug === first.topic);
  assert.equal(await page.getByRole('link', { name: 'Quiz me on this topic' }).getAttribute('href'), `../../?topics=${topic.slug}#demo`);
  await page.getByRole('link', { name: 'All questions' }).click();
  await page.waitForURL(/\/questions\/$/);
  await context.close();
});

test('under a sub-path the browser loads its bank, keeps the view in the URL, and its links stay inside', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${subServer.url}${SUB}questions/?q=loop`);
  await status(page).filter({ hasText: statusText(select({ text: 'loop' }).length) }).waitFor();
  await page.getByRole('checkbox', { name: /^Easy \(/ }).check();
  await status(page).filter({ hasText: statusText(select({ text: 'loop', difficulty: ['easy'] }).length) }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${SUB}questions/`);
  await page.locator('.result-list a').first().click();
  await page.waitForURL(/\/sub\/path\/questions\/[a-z0-9-]+\/$/);
  await page.getByRole('link', { name: 'Quiz me on this topic' }).click();
  await page.waitForURL((u) => u.pathname === SUB && u.searchParams.has('topics'));
  assert.deepEqual(errors, []);
  await context.close();
});
