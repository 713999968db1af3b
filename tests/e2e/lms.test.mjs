// LMS export in the browser (issue 17): a course site's button calls exportBank, the learner's
// browser downloads GIFT, and an independent GIFT parser (gift-pegjs) reads every question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'gift-pegjs';
import { serve } from '../fixtures/server.mjs';
import { launch, openPage } from '../fixtures/browser.mjs';
import { bank } from '../fixtures/bank.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('exportBank: a page downloads the asyncio questions as GIFT, and gift-pegjs reads them all', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/fixtures/export.html`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gift')]);
  assert.equal(download.suggestedFilename(), 'asyncio.gift');
  const text = readFileSync(await download.path(), 'utf8');
  const summary = await page.locator('#summary').textContent();
  const [, exported, , skipped] = summary.match(/^(\d+) exported, (\d+) converted with loss, (\d+) skipped/).map(Number);
  const asyncio = bank.filter((q) => q.category === 'asyncio');
  assert.equal(exported + skipped, asyncio.length, 'every question accounted for');
  const parsed = parse(text).filter((q) => q.type !== 'Category');
  assert.equal(parsed.length, exported, 'gift-pegjs reads every exported question');
  // The titles are our ids: the same questions, in bank order.
  const ids = parsed.map((q) => q.title);
  assert.deepEqual(ids, asyncio.map((q) => q.id).filter((id) => ids.includes(id)));
  assert.ok(ids.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
