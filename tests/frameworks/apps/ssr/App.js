// The server-rendered app: plain createElement, so Node runs it as it is (server.js) and Vite
// bundles the same file for the browser (client.js).
import { createElement as h, useEffect, useState } from 'react';
import { Quiz } from 'python-quiz-widget/react';

export function App({ ids }) {
  const [score, setScore] = useState('none');
  useEffect(() => { document.body.dataset.hydrated = 'true'; }, []);
  return h('main', null,
    h('h1', null, 'Lesson 3: closures'),
    h(Quiz, { id: 'ssr-quiz', className: 'lesson-quiz', ids, filters: 'hidden', onComplete: (d) => setScore(`${d.score} / ${d.total}`) }),
    h('p', null, 'Score: ', h('output', { id: 'score' }, score)));
}
