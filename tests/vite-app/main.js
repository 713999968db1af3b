// A minimal course-platform app: installs the npm package, mounts a quiz with the JS API and
// forwards the score to its "LMS" (here: the page and window.__lms). With ?bank=week3 it asks
// its own questions: a JSON bank imported from a file of the app (tests/fixtures/banks).
import { mount } from 'python-quiz-widget';
import week3 from '../fixtures/banks/week3.json';

const el = document.getElementById('quiz');
const params = new URLSearchParams(location.search);
const banks = { week3 };
window.__starts = [];
el.addEventListener('quiz-start', (e) => window.__starts.push(e.detail));
el.addEventListener('quiz-complete', (e) => {
  window.__lms = e.detail;
  document.getElementById('lms').textContent = `${e.detail.score} / ${e.detail.total}`;
});
window.__handle = await mount(el, {
  ids: params.get('ids') ?? undefined,
  difficulty: params.get('difficulty') ?? undefined,
  seed: params.get('seed') ?? undefined,
  ...(params.has('bank') ? { bank: banks[params.get('bank')] } : {}),
  filters: 'hidden',
  activityId: 'https://lms.example/course/3/quiz',
});
