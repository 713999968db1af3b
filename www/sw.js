// The site's service worker: after the first visit, the site and the widget work offline.
//
// This file is a template. `quiz-site precache OUT_DIR` (the last step of Trunk's post_build
// hook) writes OUT_DIR/sw.js from it, with the manifest (every file of the built site and its
// sha-256) and the version (a hash of the whole manifest). Unprocessed, it refuses to run.
//
// The rules (docs/deploy.md, "Offline", says the same for people who deploy the site):
// - install: every manifest file is fetched from the server, bypassing the HTTP cache, and its
//   sha-256 checked. One mismatch (a half-finished deploy, a CDN serving an old wasm) fails the
//   install: the version in use keeps serving, and the next visit tries again. A version's cache
//   `quiz-site-<version> <scope path>` is written only once every file has passed.
// - Each page is pinned, when it is loaded, to where its files come from: one version's cache,
//   or the network. So a page never gets its JS from one version and its wasm from another.
//   Navigations go to the network first: a page whose HTML is byte for byte this version's is
//   pinned to this version's cache; any other page (a new deploy, not installed yet) is pinned
//   to the network, so it gets the new deploy's files together; offline, the page comes from
//   this version's cache. A new deploy is therefore shown on the next visit, and installed in
//   the background for the visits after it.
// - A newly installed version takes over at once (skipWaiting): pages open before keep their
//   pin, and the old version's cache is kept until none of them is open.
// - The page of each question (`questions/<id>/`, hundreds of them) is not in the manifest: it
//   is kept in `quiz-site-pages <scope path>` when it is read online, and served from there
//   offline, with its style sheet and scripts from this version's cache.
// - Other requests for files that are not in the manifest (a page-given bank, another origin,
//   a POST) are not touched: the browser fetches them as if there were no service worker.
'use strict';

const VERSION = '%%VERSION%%';
/** [{ url, hash }]: url relative to the site root, hash the file's sha-256 in hex. */
const MANIFEST = /*%%MANIFEST%%*/ null;
if (MANIFEST === null || VERSION.startsWith('%%')) {
  throw new Error('sw.js is the template: run `quiz-site precache OUT_DIR` to make the service worker');
}

const SCOPE = self.registration.scope; // the site's root folder, ending in `/`
const SCOPE_PATH = new URL(SCOPE).pathname;
const PREFIX = 'quiz-site-';
/** Where the page → version pins are kept (they outlive this worker and the next version's). */
const PINS = `${PREFIX}pins ${SCOPE_PATH}`;
/** The pages outside the manifest (each question's page) that were read online. */
const PAGES = `${PREFIX}pages ${SCOPE_PATH}`;
const NETWORK = 'network';
/** The entry put last into a version's cache: without it the cache is incomplete. */
const COMPLETE = new URL('__quiz-site-complete', SCOPE).href;
const PARALLEL = 6;

const cacheName = (version) => `${PREFIX}${version} ${SCOPE_PATH}`;
/** The version of one of this scope's version caches, or null (the pins, another scope). */
function versionOf(name) {
  const suffix = ` ${SCOPE_PATH}`;
  if (!name.startsWith(PREFIX) || !name.endsWith(suffix)) return null;
  const version = name.slice(PREFIX.length, -suffix.length);
  return /^[0-9a-f]+$/.test(version) ? version : null;
}

/** The cache key of a URL: no query or fragment; a folder is its index.html. */
function keyOf(url) {
  const u = new URL(url);
  const key = u.origin + u.pathname;
  return key.endsWith('/') ? `${key}index.html` : key;
}
const HASHES = new Map(MANIFEST.map(({ url, hash }) => [keyOf(new URL(url, SCOPE).href), hash]));

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function isComplete(version) {
  return Boolean(await caches.match(COMPLETE, { cacheName: cacheName(version) }));
}

/** Fetches and checks every file, then writes them into this version's cache. */
async function precache() {
  if (await isComplete(VERSION)) return;
  const name = cacheName(VERSION);
  const files = [];
  let next = 0;
  async function worker() {
    while (next < MANIFEST.length) {
      const { url, hash } = MANIFEST[next++];
      const key = keyOf(new URL(url, SCOPE).href);
      const response = await fetch(new Request(key, { cache: 'reload', credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const body = await response.arrayBuffer();
      const actual = await sha256(body);
      if (actual !== hash) {
        throw new Error(`${url}: the server sends a file with sha-256 ${actual}, this version's ` +
          `manifest says ${hash} (a deploy not finished yet?); the version in use stays`);
      }
      // A fresh response: no `redirected` flag, which a navigation would refuse.
      files.push([key, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })]);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  try {
    const cache = await caches.open(name);
    for (const [key, response] of files) await cache.put(key, response);
    await cache.put(COMPLETE, new Response(VERSION));
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim().then(cleanUp));
});

// Pins: which version's cache (or the network) a page (a client) takes its files from.
const pins = new Map();
/** Pinned by this worker but not seen among the open pages yet (a page still loading). */
const unseen = new Set();
const pinKey = (id) => new URL(`__quiz-site-pin/${encodeURIComponent(id)}`, SCOPE).href;

async function pin(id, version) {
  if (!id) return;
  pins.set(id, version);
  unseen.add(id);
  await (await caches.open(PINS)).put(pinKey(id), new Response(version));
}

async function pinOf(id) {
  if (!id) return undefined;
  if (!pins.has(id)) {
    const stored = await caches.match(pinKey(id), { cacheName: PINS });
    if (!stored) return undefined;
    pins.set(id, await stored.text());
  }
  return pins.get(id);
}

/** Forgets the pins of closed pages, and deletes the caches no open page is pinned to. */
async function cleanUp() {
  const open = new Set((await self.clients.matchAll({ includeUncontrolled: true, type: 'all' })).map((c) => c.id));
  const store = await caches.open(PINS);
  const used = new Set([VERSION]);
  const prefix = pinKey('');
  for (const request of await store.keys()) {
    const id = decodeURIComponent(request.url.slice(prefix.length));
    if (open.has(id)) unseen.delete(id);
    if (open.has(id) || unseen.has(id)) {
      used.add(await (await store.match(request))?.text());
    } else {
      pins.delete(id);
      await store.delete(request);
    }
  }
  // A version being installed is neither in use nor old: leave the caches until it is done.
  if (self.registration.installing || self.registration.waiting) return;
  for (const name of await caches.keys()) {
    const version = versionOf(name);
    if (version !== null && !used.has(version)) await caches.delete(name);
  }
}

const isHtml = (response) => (response.headers.get('content-type') ?? '').startsWith('text/html');

async function navigate(event) {
  const key = keyOf(event.request.url);
  const id = event.resultingClientId;
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    // Offline, or the server is down: this version's copy, or the copy kept when it was read.
    const cached = await caches.match(key, { cacheName: HASHES.has(key) ? cacheName(VERSION) : PAGES });
    if (!cached) throw error;
    await pin(id, VERSION);
    return cached;
  }
  let same = false;
  if (!HASHES.has(key) && response.ok && response.type === 'basic' && isHtml(response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(PAGES).then((pages) => pages.put(key, copy)).catch(() => {}));
  }
  if (response.ok && response.type === 'basic' && HASHES.has(key)) {
    same = (await sha256(await response.clone().arrayBuffer())) === HASHES.get(key) && (await isComplete(VERSION));
  }
  await pin(id, same ? VERSION : NETWORK);
  // Another version's page: a new deploy, most likely. Install it for the next visits.
  if (!same && HASHES.has(key)) event.waitUntil(self.registration.update().catch(() => {}));
  return response;
}

async function fromPinned(event, key) {
  const version = await pinOf(event.clientId);
  if (version && version !== NETWORK) {
    const cached = await caches.match(key, { cacheName: cacheName(version) });
    if (cached) return cached;
  }
  return fetch(event.request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
    event.waitUntil(cleanUp().catch(() => {}));
    return;
  }
  const key = keyOf(request.url);
  if (!HASHES.has(key) || request.headers.has('range')) return;
  event.respondWith(fromPinned(event, key));
});

// `{ type: 'quiz-site:status' }` with a MessagePort: replies with this worker's version and the
// asking page's pin (for the e2e tests, and for anyone debugging a deploy).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'quiz-site:status' || !event.ports[0]) return;
  const port = event.ports[0];
  event.waitUntil(pinOf(event.source?.id).then((pinned) => port.postMessage({ version: VERSION, pin: pinned ?? null })));
});
