// What a page of the built site transfers: the HTML, what it links (stylesheets, preloads,
// module scripts), every module those import statically, and each wasm a loaded module fetches
// next to itself (`new URL('x.wasm', import.meta.url)`). Dynamic `import()`s are left out: the
// page loads them only when used. The service worker's background precache is reported apart.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ATTR = (name) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i');
const local = (ref) => ref && !/^(?:[a-z]+:|\/\/|#)/i.test(ref);

/** The site-relative paths one page loads, first visit, before any interaction. */
export function pageFiles(site, page) {
  const files = new Set();
  const queue = [];
  const add = (from, ref) => {
    if (!local(ref)) return;
    const path = normalize(join(dirname(from), ref.split(/[?#]/)[0]));
    if (!files.has(path) && existsSync(join(site, path))) { files.add(path); queue.push(path); }
  };
  files.add(page);
  const html = readFileSync(join(site, page), 'utf8');
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/gi) ?? []) {
    if (/^<link/i.test(tag) && !/rel="(?:stylesheet|modulepreload|preload|icon)"/i.test(tag)) continue;
    add(page, (tag.match(ATTR('href')) ?? tag.match(ATTR('src')) ?? [])[1]);
  }
  while (queue.length) {
    const path = queue.shift();
    if (!path.endsWith('.js')) continue;
    const js = readFileSync(join(site, path), 'utf8');
    // Static imports and re-exports, each statement, also several on one minified line
    // (`import a from"./a.js";import{b}from"./b.js"`); `import(…)` is left out.
    for (const m of js.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?['"]([^'"]+)['"]/gm)) add(path, m[1]);
    for (const m of js.matchAll(/new URL\(\s*['"]([^'"]+\.wasm)['"]\s*,\s*import\.meta\.url\s*\)/g)) {
      // Only the wasm of a module the page really loads: the glue's own, or the wrapper's.
      add(path, m[1]);
    }
  }
  return [...files].map((f) => relative('.', f));
}
