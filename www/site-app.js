// Loads the site's yew app (crates/quiz-site-web, built by Trunk into site/) and mounts the part
// this page has: <div data-site-app="playground"> or <div data-site-app="questions">.
import init, { mountPlayground, mountQuestions } from './site/quiz-site-web.js';

// The question browser's LMS downloads go through the widget's own exporter, loaded on first use.
const exportBank = (format, options) => import('./widget/quiz-widget.js').then((m) => m.exportBank(format, options));
const mounts = { playground: mountPlayground, questions: (root) => mountQuestions(root, exportBank) };
const roots = document.querySelectorAll('[data-site-app]');
if (roots.length) {
  await init();
  for (const root of roots) mounts[root.dataset.siteApp]?.(root);
}
