// The demo page's own script: presets the widget from the URL (?seed=&difficulty=&topics=&count=)
// and keeps a share link to the quiz on screen, carrying the bank version so a seed is only
// replayed on the bank it was drawn from. Not part of the widget.
const widget = document.getElementById('demo');
const params = new URLSearchParams(location.search);
for (const name of ['seed', 'difficulty', 'topics', 'count', 'ids', 'lang', 'theme', 'filters']) {
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}
const share = document.getElementById('share-link');
const note = document.getElementById('bank-note');
widget.addEventListener('quiz-start', (e) => {
  const bank = e.detail.bankVersion.toString(16);
  const url = new URL(location.href);
  url.searchParams.set('seed', String(e.detail.seed));
  url.searchParams.set('bank', bank);
  share.href = url.href;
  note.hidden = !params.has('bank') || params.get('bank') === bank;
});
