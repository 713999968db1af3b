// Every internal link and #anchor of the built site resolves: walks dist/www (or $SITE_DIR),
// reads every .html, and checks each href/src that points into the site (the file exists, a
// folder link ends in `/` and has an index.html, a #fragment names an id of the target page).
// Root-absolute links (`/x`) are errors too: they break when the site is served under a
// sub-path. External http(s) links are ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const SITE = resolve(ROOT, process.env.SITE_DIR ?? 'dist/www');

async function walk(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return files;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The tags of an HTML text (comments, scripts' and styles' bodies left out), with line numbers. */
function tags(html) {
  const text = html.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2>)/gi, (_, open, _n, body, close) => open + body.replace(/[^\n]/g, ' ') + close);
  const out = [];
  for (const m of text.matchAll(TAG)) {
    const attrs = {};
    for (const a of m[2].matchAll(ATTR)) attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    out.push({ name: m[1].toLowerCase(), attrs, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** Every problem of the site in `dir`, as `page:line: what is wrong`; and the pages read. */
export async function checkSite(dir) {
  const files = await walk(dir);
  const pages = new Map();
  for (const file of files.filter((f) => f.endsWith('.html'))) pages.set(file, tags(await readFile(file, 'utf8')));
  const ids = new Map([...pages].map(([file, t]) => [file, new Set(t.flatMap((x) => [x.attrs.id, x.name === 'a' ? x.attrs.name : undefined]).filter(Boolean))]));
  const problems = [];
  // A base one folder down, so that a `../` above the site's root shows instead of being clamped.
  const base = 'http://site.invalid/site/';
  for (const [file, list] of pages) {
    const page = relative(dir, file).split(sep).join('/');
    for (const { name, attrs, line } of list) {
      // <base href> would change every link; this site has none, and the check assumes so.
      if (name === 'base') { problems.push(`${page}:${line}: <base> is not supported by this check`); continue; }
      for (const attr of ['href', 'src']) {
        const ref = attrs[attr];
        if (ref === undefined || attrs['data-trunk'] !== undefined) continue;
        const where = `${page}:${line}: <${name} ${attr}="${ref}">`;
        if (/^(data|mailto|tel|blob|javascript):/i.test(ref)) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // external
        if (ref.startsWith('/')) { problems.push(`${where}: a root-absolute link breaks under a sub-path; make it relative`); continue; }
        const url = new URL(ref, base + page);
        if (!url.pathname.startsWith('/site/')) { problems.push(`${where}: points outside the site`); continue; }
        const path = decodeURIComponent(url.pathname.slice('/site/'.length));
        let target = join(dir, path);
        if (path.endsWith('/') || path === '') target = join(target, 'index.html');
        else if ((await stat(target).catch(() => null))?.isDirectory()) { problems.push(`${where}: a folder; link to it with a trailing "/"`); continue; }
        if (!(await stat(target).catch(() => null))?.isFile()) { problems.push(`${where}: no such file ${relative(dir, target).split(sep).join('/')}`); continue; }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !ids.get(target)?.has(fragment)) {
          problems.push(`${where}: ${relative(dir, target).split(sep).join('/')} has no id "${fragment}"`);
        }
      }
    }
  }
  return { problems, pages: [...pages.keys()].map((f) => relative(dir, f).split(sep).join('/')) };
}

test('the checker finds each kind of broken link, with the page and line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'links-'));
  try {
    await mkdir(join(dir, 'docs/a'), { recursive: true });
    await writeFile(join(dir, 'site.css'), '');
    await writeFile(join(dir, 'index.html'), [
      '<!doctype html><link rel="stylesheet" href="site.css"><a href="#main">skip</a>',
      '<main id="main"><a href="docs/">docs</a> <a href="docs">no slash</a> <a href="https://example.com/x">out</a>',
      '<a href="/docs/">absolute</a> <img src="logo.png" alt=""> <a href="docs/a/#nope">anchor</a>',
      '<!-- <a href="commented-out.html">x</a> --><a href=\'docs/a/#here\'>fine</a> <a href="../up.html">up</a></main>',
    ].join('\n'));
    await writeFile(join(dir, 'docs/index.html'), '<a href="../">home</a> <a href="a/">a</a> <a href="b/">b</a>');
    await writeFile(join(dir, 'docs/a/index.html'), '<h2 id="here">Here</h2><a href="../../site.css">css</a><a href="#gone">x</a>');
    const { problems, pages } = await checkSite(dir);
    assert.deepEqual(pages.sort(), ['docs/a/index.html', 'docs/index.html', 'index.html']);
    assert.deepEqual(problems.sort(), [
      'docs/a/index.html:1: <a href="#gone">: docs/a/index.html has no id "gone"',
      'docs/index.html:1: <a href="b/">: no such file docs/b/index.html',
      'index.html:2: <a href="docs">: a folder; link to it with a trailing "/"',
      'index.html:3: <a href="/docs/">: a root-absolute link breaks under a sub-path; make it relative',
      'index.html:3: <a href="docs/a/#nope">: docs/a/index.html has no id "nope"',
      'index.html:3: <img src="logo.png">: no such file logo.png',
      'index.html:4: <a href="../up.html">: points outside the site',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test(`every internal link and anchor of the built site resolves (${relative(ROOT, SITE) || SITE})`, async () => {
  const { problems, pages } = await checkSite(SITE);
  assert.ok(pages.includes('index.html'), `${SITE} has no index.html: build the site first (scripts/build)`);
  assert.ok(pages.includes('docs/index.html'), `${SITE} has no docs/index.html: run quiz-site docs ${SITE}`);
  assert.deepEqual(problems, [], `${problems.length} broken link(s) in ${pages.length} pages`);
});
