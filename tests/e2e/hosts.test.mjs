// The same widget on every host (issue 22): pages with a 62.5 % or a 125 % root font size,
// Bootstrap 5 and Tailwind 4 from their npm packages, and body text properties that inherit
// (line height, letter and word spacing, case, alignment, wrapping, direction) each show the
// widget exactly as the blank page does: the same box and every element inside at the same
// place and size. A reader's larger default font size (a 20 px browser profile) scales it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { compile } from 'tailwindcss';
import { serve } from '../fixtures/server.mjs';
import { ARGS, launch, watchErrors } from '../fixtures/browser.mjs';

const MODULES = new URL('../../node_modules/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/hosts/', import.meta.url).pathname;
/** The prompt's text size over the widget's (styles.js: `.prompt > p { font-size: 1.05em }`). */
const PROMPT_FACTOR = 1.05;

/** Tailwind 4's CSS for tailwind.html's classes, compiled by the tailwindcss package as its CLI would. */
async function tailwindCss() {
  const html = await readFile(join(FIXTURES, 'tailwind.html'), 'utf8');
  const candidates = [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)).filter(Boolean);
  const dir = join(MODULES, 'tailwindcss');
  const compiler = await compile('@import "tailwindcss";', {
    base: dir,
    loadStylesheet: async (id) => {
      assert.equal(id, 'tailwindcss', `unexpected stylesheet ${id}`);
      const path = join(dir, 'index.css');
      return { path, base: dir, content: await readFile(path, 'utf8') };
    },
  });
  const css = compiler.build(candidates);
  for (const c of ['leading-8', 'tracking-wide', 'text-lg']) assert.match(css, new RegExp(`\\.${c} \\{`), `Tailwind built .${c}`);
  return css;
}

let server, browser, vendor;
before(async () => {
  server = await serve();
  browser = await launch();
  vendor = {
    '/vendor/bootstrap.min.css': await readFile(join(MODULES, 'bootstrap/dist/css/bootstrap.min.css'), 'utf8'),
    '/vendor/tailwind.css': await tailwindCss(),
  };
});
after(async () => { await browser?.close(); await server?.close(); });

/** Serves the frameworks' CSS (from node_modules) at /vendor/ for the pages of `context`. */
function routeVendor(context) {
  return context.route(`${server.url}/vendor/**`, (route) => {
    const body = vendor[new URL(route.request().url()).pathname];
    return body ? route.fulfill({ body, contentType: 'text/css' }) : route.fulfill({ status: 404, body: '' });
  });
}

/**
 * What a host page shows: for each widget (#setup, #quiz), its box and every element of its
 * shadow root (box relative to the widget, font size, line height), and the prompt text's font size.
 */
async function measure(page) {
  // Both widgets rendered: the setup screen's start button, the quiz's prompt and code block.
  const setup = page.locator('#setup');
  const quiz = page.locator('#quiz');
  await setup.getByRole('button', { name: 'Start quiz' }).waitFor();
  await setup.getByText(/\d+ questions? match/).waitFor();
  await quiz.locator('.prompt').waitFor();
  await quiz.getByRole('button', { name: 'Check answer' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const out = {};
    for (const host of document.querySelectorAll('quiz-widget')) {
      const h = host.getBoundingClientRect();
      const elements = [...host.shadowRoot.querySelectorAll('*')].map((el) => {
        const name = `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`;
        if (!el.getClientRects().length) return `${name} not rendered`;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return `${name} at ${r.x - h.x},${r.y - h.y} ${r.width}x${r.height} font ${cs.fontSize}/${cs.lineHeight} ${cs.direction}`;
      });
      const prompt = host.shadowRoot.querySelector('.prompt > p');
      out[host.id] = { width: h.width, height: h.height, prompt: prompt && getComputedStyle(prompt).fontSize, elements };
    }
    return out;
  });
}

async function measurePage(path) {
  const context = await browser.newContext();
  await routeVendor(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  const shown = await measure(page);
  assert.deepEqual(errors, [], `${path}: page errors`);
  await context.close();
  return shown;
}

/** The first few elements that differ from the blank page, for the failure message. */
function differences(want, got) {
  const lines = [];
  for (const [i, w] of want.elements.entries()) if (got.elements[i] !== w) lines.push(`  blank: ${w}\n  here:  ${got.elements[i]}`);
  return lines.slice(0, 6).join('\n');
}

/** A computed length (`18.9px`, serialised to 6 digits) equals `px`. */
function assertPx(value, px, what) {
  assert.ok(Math.abs(parseFloat(value) - px) < 1e-4, `${what}: ${value}, want ${+px.toFixed(4)}px`);
}

let blank;
const blankPage = async () => (blank ??= await measurePage('/fixtures/hosts/blank.html'));

test('the blank page: the widget takes the reader\'s default font size (16 px here)', async () => {
  const shown = await blankPage();
  assertPx(shown.quiz.prompt, 16 * PROMPT_FACTOR, 'the prompt');
  assert.equal(shown.setup.width, 600);
  assert.equal(shown.quiz.width, 600);
});

const HOSTS = {
  'root-62.html': 'html { font-size: 62.5% } (1rem = 10px)',
  'root-125.html': 'html { font-size: 125% } (mkdocs-material)',
  'bootstrap.html': 'Bootstrap 5 (npm bootstrap, compiled CSS)',
  'tailwind.html': 'Tailwind 4 (npm tailwindcss, compiled for the page)',
  'body-text.html': 'body { line-height: 2; letter-spacing: .1em; text-transform: uppercase }',
  'body-layout.html': 'body { word-spacing; text-align: center; white-space: nowrap; direction: rtl }',
};
for (const [file, what] of Object.entries(HOSTS)) {
  test(`${what}: the same widget as on the blank page`, async () => {
    const want = await blankPage();
    const got = await measurePage(`/fixtures/hosts/${file}`);
    for (const id of ['setup', 'quiz']) {
      assert.equal(got[id].prompt, want[id].prompt, `#${id}: the prompt's font size`);
      assert.deepEqual([got[id].width, got[id].height], [want[id].width, want[id].height],
        `#${id}: the widget's box (width, height)\n${differences(want[id], got[id])}`);
      assert.deepEqual(got[id].elements, want[id].elements, `#${id}: every element's box and font\n${differences(want[id], got[id])}`);
    }
  });
}

test('a dir attribute on the element still sets its direction; without one the page\'s direction stays out', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/hosts/body-layout.html`);
  await page.locator('#quiz .prompt').waitFor();
  const direction = (sel) => page.locator(sel).evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.root')).direction);
  assert.equal(await direction('#quiz'), 'ltr', 'body is rtl, the widget is not');
  await page.locator('#quiz').evaluate((h) => h.setAttribute('dir', 'rtl'));
  assert.equal(await direction('#quiz'), 'rtl', 'dir="rtl" on the element');
  await page.locator('#quiz').evaluate((h) => h.setAttribute('dir', 'ltr'));
  assert.equal(await direction('#quiz'), 'ltr', 'dir="ltr" on the element');
  await context.close();
});

test('--quiz-font-size on the element sets the widget\'s text size: a length, or 1em for the text around it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/fixtures/hosts/blank.html`);
  await page.addStyleTag({ content: 'quiz-widget { --quiz-font-size: 18px; }' });
  assertPx((await measure(page)).quiz.prompt, 18 * PROMPT_FACTOR, 'the prompt at 18px');
  await page.addStyleTag({ content: '#box { font-size: 17px; } quiz-widget { --quiz-font-size: 1em; }' });
  assertPx((await measure(page)).quiz.prompt, 17 * PROMPT_FACTOR, 'the prompt at 1em of a 17px box');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reader whose browser default font size is 20 px gets a widget sized from 20 px, on every host', async () => {
  await blankPage();
  // A Chromium profile with the setting a reader changes in Settings > Appearance > Font size.
  const dir = await mkdtemp(join(tmpdir(), 'quiz-hosts-profile-'));
  try {
    await mkdir(join(dir, 'Default'));
    await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 20 } } }));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS,
    });
    try {
      await routeVendor(context);
      const page = context.pages()[0] ?? await context.newPage();
      const errors = watchErrors(page);
      let want;
      for (const file of ['blank.html', 'root-62.html', 'root-125.html', 'bootstrap.html']) {
        await page.goto(`${server.url}/fixtures/hosts/${file}`);
        const shown = await measure(page);
        if (file === 'blank.html') {
          assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '20px', 'the profile\'s default font size');
          assert.ok(shown.quiz.height > blank.quiz.height, `taller than at 16 px: ${shown.quiz.height} > ${blank.quiz.height}`);
          want = shown;
        }
        assertPx(shown.quiz.prompt, 20 * PROMPT_FACTOR, `${file}: the prompt at 20 px x ${PROMPT_FACTOR}`);
        for (const id of ['setup', 'quiz']) {
          assert.deepEqual(shown[id].elements, want[id].elements, `${file} #${id} at 20 px: as on the blank page\n${differences(want[id], shown[id])}`);
        }
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
