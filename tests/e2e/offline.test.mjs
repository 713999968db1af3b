// The site works offline after the first visit (www/sw.js, written by `quiz-site precache`):
// every page and the widget come from the service worker's cache with the network off; a
// redeploy is shown on the next visit and installed for the ones after it, while a page that was
// already open keeps its own version's files; a half-finished deploy (a new sw.js whose
// manifest the server's files do not match) never replaces the working version; the same
// under a sub-path. Each test serves its own copy of dist/www, so it can redeploy it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// The quiz-site binary the build's post_build hook just ran (Trunk builds it with --release).
const QUIZ_SITE = process.env.QUIZ_SITE_BIN ?? join(ROOT, 'target/release/quiz-site');
// The built site (dist/www, or $SITE_DIR as in tests/site/).
const SITE = resolve(ROOT, process.env.SITE_DIR ?? 'dist/www');

let browser;
const copies = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
});

/** A fresh copy of the built site, which the test may redeploy. */
async function copyOfSite() {
  const dir = await mkdtemp(join(tmpdir(), 'quiz-offline-'));
  copies.push(dir);
  await cp(SITE, dir, { recursive: true });
  return dir;
}

/** Re-runs the build's last step on the copy: a new sw.js for the files it now has. */
function precache(dir) {
  assert.ok(existsSync(QUIZ_SITE), `${QUIZ_SITE} is missing: build the site first (trunk build)`);
  execFileSync(QUIZ_SITE, ['precache', dir], { stdio: 'pipe' });
}

async function versionOf(dir) {
  const match = (await readFile(join(dir, 'sw.js'), 'utf8')).match(/^const VERSION = "([0-9a-f]+)";$/m);
  assert.ok(match, 'sw.js has its version');
  return match[1];
}

/**
 * The site through a switch that can cut the network: Playwright's `context.setOffline` does
 * not reach a service worker's own fetches, so "offline" here is both that and a front server
 * that drops every connection. `refused` lists what was asked while cut off.
 */
async function serveWithSwitch(options) {
  const sites = [await serve(options)];
  let site = sites[0];
  const refused = [];
  let offline = false;
  const front = createServer((req, res) => {
    if (offline) { refused.push(new URL(req.url, 'http://x').pathname); req.socket.destroy(); return; }
    const upstream = request(`${site.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise((ok) => front.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${front.address().port}`,
    refused,
    async setOffline(context, value) { offline = value; await context.setOffline(value); },
    /** Serves another folder at the same address from now on. */
    async switchTo(folder) { site = await serve({ ...options, site: folder }); sites.push(site); },
    async close() {
      front.closeAllConnections();
      await new Promise((ok) => front.close(ok));
      for (const s of sites) await s.close();
    },
  };
}

/** What was refused while offline, but the pages' own URLs (tried first, then taken from the cache) and sw.js's update checks. */
const beyondPages = (refused, pages) => refused.filter((p) => !pages.includes(p) && !p.endsWith('/sw.js'));

/** Edits one file of the copy. */
async function edit(dir, file, change) {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** Waits until the service worker controls the page (it has installed: the precache is complete). */
function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** The active worker's version and where this page's files come from (a version or 'network'). */
function status(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data);
    navigator.serviceWorker.getRegistration()
      .then((registration) => registration.active.postMessage({ type: 'quiz-site:status' }, [channel.port2]));
  }));
}

/** Checks for a new sw.js and waits for the outcome: 'activated' (installed) or 'redundant' (refused). */
function update(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'unchanged';
    return new Promise((resolve) => {
      const settled = () => ['activated', 'redundant'].includes(worker.state) && resolve(worker.state);
      worker.addEventListener('statechange', settled);
      settled();
    });
  });
}

/** This scope's version caches (`quiz-site-<version> <scope path>`), as versions. */
function cachedVersions(page) {
  return page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.getRegistration()).scope;
    const suffix = ` ${new URL(scope).pathname}`;
    return (await caches.keys()).filter((k) => /^quiz-site-[0-9a-f]+ /.test(k) && k.endsWith(suffix))
      .map((k) => k.slice('quiz-site-'.length, -suffix.length)).sort();
  });
}

/** Answers a question of the home page's quiz (starting it, or going on with the saved one). */
async function answerOne(page) {
  const quiz = new QuizWidget(page, '#demo');
  const start = quiz.host.getByRole('button', { name: 'Start quiz' });
  const check = quiz.host.getByRole('button', { name: 'Check answer' });
  const next = quiz.host.getByRole('button', { name: /Next question|See results/ });
  await start.or(check).or(next).first().waitFor();
  if (await start.isVisible()) await start.click();
  else if (await next.isVisible()) await next.click();
  await check.waitFor();
  await quiz.answerAnything();
  await quiz.check();
  await quiz.feedback().waitFor();
}

/** A question of the built-in bank: the first page `quiz-site questions` wrote. */
const QUESTION = (await readdir(join(SITE, 'questions'), { withFileTypes: true })).find((e) => e.isDirectory())?.name;

const homeHeading = (page) => page.locator('main h1').textContent();

test('after the first visit the site and its quiz work offline; a redeploy shows on the next visit; a half deploy is refused', async () => {
  const site = await copyOfSite();
  const v1 = await versionOf(site);
  const server = await serveWithSwitch({ site });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await controlled(page);
    const title = await homeHeading(page);
    assert.equal((await status(page)).version, v1);
    assert.deepEqual(await cachedVersions(page), [v1]);
    // Every precached file, and nothing else (no page-given bank, nothing of another origin).
    const manifest = (await readFile(join(site, 'sw.js'), 'utf8')).match(/\{ url: "[^"]+"/g).length;
    assert.equal(await page.evaluate(async (v) => {
      const name = (await caches.keys()).find((k) => k.startsWith(`quiz-site-${v} `));
      return (await (await caches.open(name)).keys()).length;
    }, v1), manifest + 1, 'the manifest\'s files and the "complete" mark');
    // The hundreds of question pages are not precached: each is kept once it has been read.
    const sw = await readFile(join(site, 'sw.js'), 'utf8');
    assert.match(sw, /url: "questions\/index\.html"/);
    assert.doesNotMatch(sw, /url: "questions\/[^"]+\//, 'no question page in the manifest');
    assert.ok(QUESTION, 'the site has question pages');
    const question = `questions/${QUESTION}/`;
    await page.goto(`${server.url}/${question}`);
    await page.locator('main h1').waitFor();
    await page.goto(`${server.url}/`);

    // Offline: everything still works, every file from the cache.
    await server.setOffline(context, true);
    await page.reload();
    assert.equal(await homeHeading(page), title);
    await answerOne(page);
    assert.equal((await status(page)).pin, v1, 'the page\'s files come from the cache');
    for (const path of ['docs/', 'docs/deploy/', 'study/', 'questions/', question]) {
      const response = await page.goto(`${server.url}/${path}`);
      assert.ok(response.ok() && response.fromServiceWorker(), `${path} loads offline`);
      await page.locator('main h1').waitFor();
    }
    await page.goto(`${server.url}/${question}`);
    await page.getByText('Show answer').click();
    await page.getByRole('heading', { name: 'Answer', exact: true }).waitFor();
    await page.goto(`${server.url}/study/`);
    await new QuizWidget(page, '#study').host.getByRole('heading', { name: 'Study' }).waitFor();
    assert.deepEqual(beyondPages(server.refused, ['/', '/docs/', '/docs/deploy/', '/study/', '/questions/', `/${question}`]), [],
      'no file but the pages themselves was even tried on the network');
    // `page` stays open on the first version: it keeps it after the redeploy.
    await page.goto(`${server.url}/`);
    await server.setOffline(context, false);

    // Redeploy: a changed home page and a changed widget module.
    await edit(site, 'index.html', (html) => html.replace(/<h1>([^<]*)<\/h1>/, '<h1>$1, deploy 2</h1>'));
    await edit(site, 'widget/quiz-widget.js', (js) => `${js}\n// deploy 2\n`);
    precache(site);
    const v2 = await versionOf(site);
    assert.notEqual(v2, v1);

    // The next visit shows the new deploy at once (its page and files from the network)…
    const next = await context.newPage();
    const nextErrors = watchErrors(next);
    await next.goto(`${server.url}/`);
    assert.equal(await homeHeading(next), `${title}, deploy 2`);
    assert.equal((await status(next)).pin, 'network');
    await answerOne(next);
    // …and installs it for the visits after it.
    assert.ok(['unchanged', 'activated'].includes(await update(next)), 'installed');
    assert.equal((await status(next)).version, v2);
    // The page opened before the redeploy still gets the first version's files, not a mix.
    assert.equal((await status(page)).pin, v1);
    const widgetModule = (p) => p.evaluate(() => fetch('widget/quiz-widget.js').then((r) => r.text()));
    assert.ok(!(await widgetModule(page)).includes('deploy 2'), 'the open page: the first version\'s module');
    assert.ok((await widgetModule(next)).includes('deploy 2'), 'the new page: the new version\'s module');
    // Once it is closed, the first version's cache goes.
    await page.close();
    await next.reload();
    assert.equal((await status(next)).pin, v2, 'the new version, from its own cache');
    await next.waitForFunction(async (v) => (await caches.keys()).filter((k) => /^quiz-site-[0-9a-f]+ /.test(k)).join() === `quiz-site-${v} /`, v2);

    // A half deploy: the new sw.js is up, but the server still sends the old wasm.
    await edit(site, 'index.html', (html) => html.replace(', deploy 2</h1>', ', deploy 3</h1>'));
    const wasm = join(site, 'widget/quiz_web_bg.wasm');
    const old = await readFile(wasm);
    await writeFile(wasm, Buffer.concat([old, Buffer.from([0])]));
    precache(site);
    await writeFile(wasm, old);
    assert.equal(await update(next), 'redundant', 'the new version is refused');
    assert.equal((await status(next)).version, v2);
    assert.deepEqual(await cachedVersions(next), [v2]);
    // Offline, the working version serves, its wasm matching its JS.
    await server.setOffline(context, true);
    await next.reload();
    assert.equal(await homeHeading(next), `${title}, deploy 2`);
    await answerOne(next);
    assert.deepEqual([...errors, ...nextErrors], []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('under a sub-path the worker\'s scope is the site folder, and the site works offline there', async () => {
  const site = await copyOfSite();
  const server = await serveWithSwitch({ site, prefix: '/sub/path/' });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/sub/path/`);
    await controlled(page);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), `${server.url}/sub/path/`);
    assert.deepEqual(await cachedVersions(page), [await versionOf(site)]);
    await server.setOffline(context, true);
    await page.reload();
    await answerOne(page);
    const docs = await page.goto(`${server.url}/sub/path/docs/`);
    assert.ok(docs.ok() && docs.fromServiceWorker());
    await page.locator('main h1').waitFor();
    assert.deepEqual(beyondPages(server.refused, ['/sub/path/', '/sub/path/docs/']), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('where service workers do not exist, the site works online as before and never asks for sw.js', async () => {
  const server = await serve({ site: SITE });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await answerOne(page);
    await page.goto(`${server.url}/docs/`);
    await page.locator('main h1').waitFor();
    assert.deepEqual(server.requests.filter((p) => p.endsWith('/sw.js')), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('scripts/dev (precache --dev) at the address of a built copy removes its worker and caches', async () => {
  const site = await copyOfSite();
  const dev = await copyOfSite();
  execFileSync(QUIZ_SITE, ['precache', dev, '--dev'], { stdio: 'pipe' });
  const server = await serveWithSwitch({ site });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await controlled(page);
    await server.switchTo(dev);
    assert.ok(['activated', 'redundant'].includes(await update(page)), 'the retiring worker ran');
    await page.reload();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('quiz-site-'))), []);
    await answerOne(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});
