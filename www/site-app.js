// Loads the site's yew app (crates/quiz-site-web, built by Trunk into site/) and mounts the part
// this page has: <div data-site-app="playground"> or <div data-site-app="questions">.
import init, { mountPlayground, mountQuestions } from './site/quiz-site-web.js';

const mounts = { playground: mountPlayground, questions: mountQuestions };
const roots = document.querySelectorAll('[data-site-app]');
if (roots.length) {
  await init();
  for (const root of roots) mounts[root.dataset.siteApp]?.(root);
}
