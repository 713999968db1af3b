// The docs pages (docs/*.md rendered into dist/www/docs/ by crates/quiz-site): no axe
// violations in light and dark, nothing wider than a 360 px screen, the skip link first, and
// the whole site working under a sub-path with JavaScript off. SITE_DIR serves another build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const SITE = resolve(ROOT, process.env.SITE_DIR ?? 'dist/www');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SUB = '/sub/path/';

/** `docs/` and `docs/<page>/` for every rendered page. */
async function docsPages() {
  const pages = ['docs/'];
  for (const entry of await readdir(join(SITE, 'docs'), { withFileTypes: true })) {
    if (entry.isDirectory() && (await stat(join(SITE, 'docs', entry.name, 'index.html')).catch(() => null))) pages.push(`docs/${entry.name}/`);
  }
  return pages;
}

let server, subServer, browser, pages;
before(async () => {
  pages = await docsPages();
  server = await serve({ site: SITE });
  subServer = await serve({ site: SITE, prefix: SUB });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await subServer?.close(); });

test('the docs have their pages', () => {
  for (const page of ['docs/', 'docs/getting-started/', 'docs/attributes/', 'docs/deploy/', 'docs/accessibility/']) {
    assert.ok(pages.includes(page), `${page} in ${pages.join(', ')}`);
  }
});

for (const theme of ['light', 'dark']) {
  test(`every docs page: no axe violations (${theme}), nothing wider than 360 px, the skip link first`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: theme });
    const problems = [];
    for (const path of pages) {
      const response = await page.goto(`${server.url}/${path}`);
      assert.equal(response.status(), 200, path);
      // The site stylesheet applied (the docs nav is styled as a list without bullets).
      assert.equal(await page.locator('.docs-nav ul').evaluate((ul) => getComputedStyle(ul).listStyleType), 'none', path);
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of result.violations) problems.push(`${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow !== 0) problems.push(`${path}: scrolls sideways by ${overflow} px at 360 px`);
      // Keyboard: the skip link is the first stop and moves focus to the content.
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement.textContent);
      if (first !== 'Skip to the content') problems.push(`${path}: first Tab stop is "${first}"`);
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement.id);
      if (focused !== 'main') problems.push(`${path}: the skip link moved focus to "${focused}"`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('long code scrolls inside its block, and the keyboard can scroll it', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/docs/deploy/`);
  const pre = page.locator('pre', { hasText: 'aws s3 sync' });
  assert.ok(await pre.evaluate((el) => el.scrollWidth > el.clientWidth), 'the example is wider than the screen');
  await pre.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => [...document.querySelectorAll('pre')].some((el) => el.scrollLeft > 0));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await context.close();
});

test(`under a sub-path (${SUB}) and with JavaScript off: home → docs → a page → an anchor → home`, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  const base = `${subServer.url}${SUB}`;
  await page.goto(base);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Docs' }).click();
  await page.waitForURL(`${base}docs/`);
  await page.getByRole('heading', { level: 1, name: 'Docs' }).waitFor();
  const docsNav = page.getByRole('navigation', { name: 'Docs' });
  await docsNav.getByRole('link', { name: 'Getting started' }).click();
  await page.waitForURL(`${base}docs/getting-started/`);
  assert.equal(await docsNav.getByRole('link', { name: 'Getting started' }).getAttribute('aria-current'), 'page');
  // The stylesheet loaded from the sub-path.
  assert.equal(await page.locator('.docs-nav ul').evaluate((ul) => getComputedStyle(ul).listStyleType), 'none');
  // A link to a section of another page lands on that heading.
  await page.getByRole('main').getByRole('link', { name: 'Attributes', exact: true }).first().click();
  await page.waitForURL(`${base}docs/attributes/`);
  await page.getByRole('main').getByRole('link', { name: 'quiz-error' }).first().click();
  await page.waitForURL(`${base}docs/events/#quiz-error`);
  await page.locator('#quiz-error').waitFor();
  assert.ok(await page.locator('#quiz-error').evaluate((h) => h.getBoundingClientRect().top < innerHeight), 'the heading is on screen');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Home' }).click();
  await page.waitForURL(base);
  assert.deepEqual(failed, []);
  await context.close();
});
