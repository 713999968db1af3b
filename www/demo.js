// The demo page's own script: presets the widget from the URL (?seed=&difficulty=&topics=&count=)
// and keeps a share link pointing at the quiz on screen. Not part of the widget.
const widget = document.getElementById('demo');
const params = new URLSearchParams(location.search);
for (const name of ['seed', 'difficulty', 'topics', 'count', 'ids', 'lang', 'theme']) {
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}
const share = document.getElementById('share-link');
widget.addEventListener('quiz-start', (e) => {
  const url = new URL(location.href);
  url.searchParams.set('seed', String(e.detail.seed));
  share.href = url.href;
});
