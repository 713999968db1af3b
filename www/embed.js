// The iframe embed (embed.html?difficulty=…&topics=…&count=…&seed=…&theme=…&lang=…): presets
// the widget from the query, reports the page height to the parent so the host can size the
// frame, and forwards the quiz events (scores for an LMS) to the parent.
// Messages go only to the parent's origin: the `parent-origin` query parameter when given,
// else the origin of the framing page (document.referrer); never to '*'.
import { OPTIONS, parentOrigin } from './widget/contract.js';

const quiz = document.getElementById('quiz');
const params = new URLSearchParams(location.search);
for (const { attribute } of OPTIONS) {
  if (params.has(attribute)) quiz.setAttribute(attribute, params.get(attribute));
}
if (!params.has('theme')) quiz.setAttribute('theme', 'auto');

const target = parentOrigin(location.search, document.referrer);
if (parent !== window && target === null) {
  console.warn('quiz-widget embed: no parent origin (add ?parent-origin=https://your.site); scores are not posted');
}
const post = (message) => {
  if (parent !== window && target !== null) parent.postMessage({ source: 'quiz-widget', ...message }, target);
};
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) { last = height; post({ type: 'height', height }); }
}).observe(document.documentElement);
for (const type of ['quiz-start', 'quiz-answer', 'quiz-complete', 'quiz-error']) {
  quiz.addEventListener(type, (e) => post({ type, detail: e.detail }));
}
