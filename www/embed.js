// The iframe embed (embed.html?difficulty=…&topics=…&count=…&seed=…&theme=…&lang=…): presets
// the widget from the query, reports the page height to the parent so the host can size the
// frame, and forwards the quiz events (scores for an LMS) to the parent.
const quiz = document.getElementById('quiz');
const params = new URLSearchParams(location.search);
for (const name of ['difficulty', 'topics', 'count', 'seed', 'ids', 'theme', 'lang', 'filters', 'activity-id']) {
  if (params.has(name)) quiz.setAttribute(name, params.get(name));
}
if (!params.has('theme')) quiz.setAttribute('theme', 'auto');

const post = (message) => { if (parent !== window) parent.postMessage({ source: 'quiz-widget', ...message }, '*'); };
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) { last = height; post({ type: 'height', height }); }
}).observe(document.documentElement);
for (const type of ['quiz-start', 'quiz-answer', 'quiz-complete', 'quiz-error']) {
  quiz.addEventListener(type, (e) => post({ type, detail: e.detail }));
}
