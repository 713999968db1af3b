// Hydrates the server-rendered app under StrictMode, with the props the server used.
import { StrictMode, createElement as h } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './App.js';

const props = JSON.parse(document.getElementById('props').textContent);
// The test checks that hydration kept this very element (no client re-render).
window.__serverQuiz = document.querySelector('quiz-widget');
hydrateRoot(document.getElementById('root'), h(StrictMode, null, h(App, props)));
