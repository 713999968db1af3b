// A minimal course-platform app: installs the npm package, mounts a quiz with the JS API and
// forwards the score to its "LMS" (here: the page and window.__lms).
import { mount } from 'python-quiz-widget';

const el = document.getElementById('quiz');
const params = new URLSearchParams(location.search);
el.addEventListener('quiz-complete', (e) => {
  window.__lms = e.detail;
  document.getElementById('lms').textContent = `${e.detail.score} / ${e.detail.total}`;
});
window.__handle = await mount(el, {
  ids: params.get('ids') ?? undefined,
  filters: 'hidden',
  activityId: 'https://lms.example/course/3/quiz',
});
