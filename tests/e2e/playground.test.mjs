// The playground (dist/www/playground/, crates/quiz-site-web/src/playground.rs): its controls
// set the live preview's attributes and the three snippets; the generated script-tag snippet,
// pasted into a blank page, gives the same quiz as the preview (same seed, same ids in the same
// order); Copy puts the snippet on the clipboard; the setup survives a reload through the URL;
// axe finds nothing in light and dark; nothing is wider than 360 px; the keyboard reaches every
// control and every copy button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { RESERVE_STYLE } from '../fixtures/snippet.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CDN = 'https://your.cdn/quiz-widget/quiz-widget.js';
// The shape of questions/topics.json (written by `quiz-site questions`), used only when the
// build under test has none.
const TOPICS_FIXTURE = await readFile(new URL('../fixtures/topics.json', import.meta.url), 'utf8');

const SUB = '/sub/path/';
let server, subServer, browser;
before(async () => { server = await serve(); subServer = await serve({ prefix: SUB }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); await subServer?.close(); });

/** Opens the playground (with `query`) in `context`, once its topic list has loaded. */
async function openPlayground(context, query = '', base = `${server.url}/`) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.route('**/questions/topics.json', async (route) => {
    const response = await route.fetch();
    if (response.ok()) await route.fulfill({ response });
    else await route.fulfill({ status: 200, contentType: 'application/json', body: TOPICS_FIXTURE });
  });
  await page.goto(`${base}playground/${query}`);
  await topic(page, 'closures').waitFor();
  await new QuizWidget(page, '#preview').host.getByRole('button', { name: 'Start quiz' }).waitFor();
  return { page, errors };
}

/**
 * A browser context without the site's service worker (tests/e2e/offline.test.mjs tests it):
 * once it controls the origin, page.route no longer sees the requests it answers, such as the
 * round trip's blank page.
 */
const newContext = (options = {}) => browser.newContext({ serviceWorkers: 'block', ...options });

const group = (page, name) => page.getByRole('group', { name, exact: true });
const topic = (page, slug) => page.locator(`#pg-topic-${slug}`);
const snippet = (page, which) => page.locator(`#snippet-${which}`).textContent();
const previewAttr = (page, name) => page.locator('#preview').getAttribute(name);

test('the controls set the preview\'s attributes, the three snippets and the URL; a reload keeps them', async () => {
  const context = await newContext();
  const { page, errors } = await openPlayground(context);
  // Defaults are not written.
  assert.equal(await snippet(page, 'script'), `${RESERVE_STYLE}\n<script type="module" src="${CDN}"></script>\n<quiz-widget></quiz-widget>`);
  assert.match(await snippet(page, 'npm'), /const quiz = await mount\(el\);$/);

  await group(page, 'difficulty').getByRole('checkbox', { name: 'hard' }).check();
  await page.getByLabel('theme', { exact: true }).selectOption('dark');
  await page.getByLabel('Accent colour --quiz-accent').fill('#7b2cbf');
  await page.getByLabel('activity-id', { exact: true }).fill('x"y\'<z>&w');
  await page.getByLabel('activity-id', { exact: true }).press('Enter');

  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('activity-id') === 'x"y\'<z>&w');
  assert.equal(await previewAttr(page, 'difficulty'), 'hard');
  assert.equal(await previewAttr(page, 'theme'), 'dark');
  assert.equal(await previewAttr(page, 'style'), '--quiz-accent: #7b2cbf');
  const script = await snippet(page, 'script');
  assert.match(script, /<quiz-widget difficulty="hard"\n\s+theme="dark"\n\s+activity-id="x&quot;y&#39;&lt;z&gt;&amp;w"\n\s+style="--quiz-accent: #7b2cbf"><\/quiz-widget>$/);
  const iframe = await snippet(page, 'iframe');
  assert.ok(iframe.includes('/embed.html?difficulty=hard&amp;theme=dark&amp;activity-id=x%22y%27%3Cz%3E%26w"'), iframe);
  const npm = await snippet(page, 'npm');
  assert.ok(npm.includes("el.style.setProperty('--quiz-accent', '#7b2cbf');"), npm);
  assert.ok(npm.includes("difficulty: ['hard'],\n  theme: 'dark',\n  activityId: 'x\"y\\'\\x3Cz>&w',"), npm);

  // Back to a default: gone from the preview and the snippets.
  await page.getByLabel('theme', { exact: true }).selectOption('page');
  await page.waitForFunction(() => !document.querySelector('#preview').hasAttribute('theme'));
  assert.ok(!(await snippet(page, 'script')).includes('theme='));

  // The setup is in the URL: a reload (or a shared link) brings it back.
  const url = page.url();
  assert.match(url, /\?difficulty=hard&activity-id=x%22y%27%3Cz%3E%26w&accent=%237b2cbf$/);
  await page.reload();
  await topic(page, 'closures').waitFor();
  assert.equal(await group(page, 'difficulty').getByRole('checkbox', { name: 'hard' }).isChecked(), true);
  assert.equal(await page.getByLabel('activity-id', { exact: true }).inputValue(), 'x"y\'<z>&w');
  assert.equal(await page.getByLabel('Accent colour --quiz-accent').inputValue(), '#7b2cbf');
  assert.equal(await snippet(page, 'script'), script.replace(/\n\s+theme="dark"/, ''));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the round trip: the script-tag snippet in a blank page gives the preview\'s quiz, same seed and ids in the same order', async () => {
  const context = await newContext();
  const { page, errors } = await openPlayground(context);
  await group(page, 'difficulty').getByRole('checkbox', { name: 'easy' }).check();
  await group(page, 'difficulty').getByRole('checkbox', { name: 'medium' }).check();
  await topic(page, 'closures').check();
  await topic(page, 'functools-partial').check();
  await page.getByLabel('Number of questions').fill('4');
  await page.getByLabel('seed', { exact: true }).fill('12345');
  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('seed') === '12345');

  const preview = new QuizWidget(page, '#preview');
  await preview.recordEvents();
  await preview.start();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'quiz-start'));
  const expected = (await preview.events()).find((e) => e.type === 'quiz-start').detail;
  assert.equal(expected.seed, 12345);
  assert.equal(expected.total, 4);

  const script = await snippet(page, 'script');
  for (const attribute of ['difficulty="easy,medium"', 'topics="closures,functools-partial"', 'count="4"', 'seed="12345"']) {
    assert.ok(script.includes(attribute), `${attribute} in ${script}`);
  }
  assert.ok(script.includes(CDN));

  // A blank page with only the snippet, its CDN URL pointing at this server's widget.
  const blank = await context.newPage();
  const blankErrors = watchErrors(blank);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body>\n${script.replace(CDN, `${server.url}/widget/quiz-widget.js`)}\n</body></html>`;
  await blank.route(`${server.url}/blank-page/`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await blank.goto(`${server.url}/blank-page/`);
  const pasted = new QuizWidget(blank, 'quiz-widget');
  await pasted.recordEvents();
  await pasted.start();
  await blank.waitForFunction(() => window.__events.some((e) => e.type === 'quiz-start'));
  const got = (await pasted.events()).find((e) => e.type === 'quiz-start').detail;
  assert.equal(got.seed, expected.seed);
  assert.deepEqual(got.questionIds, expected.questionIds);
  assert.equal(got.bankVersion, expected.bankVersion);
  assert.deepEqual(errors, []);
  assert.deepEqual(blankErrors, []);
  await context.close();
});

test('"New seed" fixes a seed that the snippets carry; "No fixed seed" removes it', async () => {
  const context = await newContext();
  const { page, errors } = await openPlayground(context);
  await page.getByRole('button', { name: 'New seed' }).click();
  await page.waitForFunction(() => document.querySelector('#preview').hasAttribute('seed'));
  const seed = await previewAttr(page, 'seed');
  assert.match(seed, /^\d+$/);
  assert.equal(await page.getByLabel('seed', { exact: true }).inputValue(), seed);
  assert.ok((await snippet(page, 'script')).includes(`seed="${seed}"`));
  assert.ok((await snippet(page, 'npm')).includes(`seed: ${seed}`));
  assert.ok((await snippet(page, 'iframe')).includes(`seed=${seed}`));
  await page.getByRole('button', { name: 'No fixed seed' }).click();
  await page.waitForFunction(() => !document.querySelector('#preview').hasAttribute('seed'));
  assert.ok(!(await snippet(page, 'script')).includes('seed='));
  assert.deepEqual(errors, []);
  await context.close();
});

test('count: a number, all, or a mix per difficulty, each written to the preview and the snippets', async () => {
  const context = await newContext();
  const { page, errors } = await openPlayground(context);
  const count = group(page, 'count');
  await count.getByRole('radio', { name: 'a mix per difficulty' }).check();
  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('count') === 'easy:3,medium:4,hard:3');
  await page.getByLabel('hard questions').fill('');
  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('count') === 'easy:3,medium:4');
  assert.ok((await snippet(page, 'npm')).includes("count: 'easy:3,medium:4'"));
  await count.getByRole('radio', { name: 'all' }).check();
  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('count') === 'all');
  assert.ok((await snippet(page, 'script')).includes('count="all"'));
  await count.getByRole('radio', { name: 'a number' }).check();
  await page.waitForFunction(() => !document.querySelector('#preview').hasAttribute('count'));
  assert.equal(await page.getByLabel('Number of questions').inputValue(), '10');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy puts each snippet on the clipboard, by keyboard, and says so', async () => {
  const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const { page, errors } = await openPlayground(context, '?count=3&seed=7');
  for (const [which, name] of [['script', 'script tag'], ['iframe', 'iframe'], ['npm', 'npm']]) {
    const button = page.getByRole('button', { name: `Copy the ${name} snippet` });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Copied the ${name} snippet.` }).waitFor();
    const text = await snippet(page, which);
    assert.ok(text.includes('7'), text);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`the playground: no axe violations (${theme}), nothing wider than a 360 px screen`, async () => {
    const context = await newContext({ viewport: { width: 360, height: 800 }, colorScheme: theme });
    const { page, errors } = await openPlayground(context, '?count=easy:1,hard:2&seed=3&radius=4');
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scroll');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the keyboard reaches every control and every copy button, after the skip link', async () => {
  const context = await newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPlayground(context, '?seed=5');
  // Every focusable control of the playground, numbered.
  const total = await page.evaluate(() => {
    const items = [...document.querySelectorAll('.playground :is(input, select, button, pre[tabindex], a[href])')]
      .filter((el) => !el.disabled && el.closest('.pg-preview') === null);
    items.forEach((el, i) => { el.dataset.kb = String(i); });
    return items.length;
  });
  assert.ok(total > 30, `${total} controls`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the content');
  const reached = new Set();
  const radioGroups = new Set();
  for (let i = 0; i < 2000; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      return { kb: el?.dataset?.kb ?? null, radio: el?.type === 'radio' ? el.name : null, body: el === document.body };
    });
    if (info.body) break;
    if (info.kb !== null) reached.add(info.kb);
    if (info.radio) radioGroups.add(info.radio);
    if (reached.has(String(total - 1))) break;
  }
  const missed = await page.evaluate(({ reached, radioGroups }) => [...document.querySelectorAll('[data-kb]')]
    .filter((el) => !reached.includes(el.dataset.kb) && !(el.type === 'radio' && radioGroups.includes(el.name)))
    .map((el) => el.id || el.textContent || el.outerHTML.slice(0, 60)), { reached: [...reached], radioGroups: [...radioGroups] });
  assert.deepEqual(missed, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('under a sub-path the playground loads its topics and preview, and the iframe snippet points at that site\'s embed page', async () => {
  const context = await newContext();
  const { page, errors } = await openPlayground(context, '?seed=9', `${subServer.url}${SUB}`);
  assert.ok((await snippet(page, 'iframe')).includes(`src="${subServer.url}${SUB}embed.html?seed=9"`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('with JavaScript off the page says what the playground does and links to the attributes', async () => {
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/playground/`);
  const app = page.locator('[data-site-app="playground"]');
  assert.match(await app.textContent(), /needs JavaScript/);
  await app.getByRole('link', { name: 'Attributes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Attributes' }).waitFor();
  await context.close();
});
