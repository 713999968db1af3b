// Registers the site's service worker (sw.js, next to this file), so the site and the widget
// work offline after the first visit. Its scope is this file's folder, the site's root, so the
// site works the same under a sub-path. Where service workers are unavailable (an old browser,
// plain http on a public address, some private modes), the site works online as before.
// `scripts/dev` replaces this file by one that removes the worker instead (see precache.rs).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).href, updateViaCache: 'none' })
    .catch((error) => console.warn(`Offline use is unavailable: ${error.message}`));
}
