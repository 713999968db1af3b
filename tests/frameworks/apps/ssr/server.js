// The server side, run in Node by tests/e2e/frameworks.test.mjs: renders the app to HTML with
// react-dom/server into the page Vite built (target/frameworks/ssr/index.html), with its props
// for the client to hydrate with the same ones.
import { StrictMode, createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './App.js';

export function renderPage(template, props) {
  const app = renderToString(h(StrictMode, null, h(App, props)));
  const json = JSON.stringify(props).replace(/</g, '\\u003c');
  return template.replace('<!--ssr-app-->', () => app).replace('<!--ssr-props-->', () => json);
}
