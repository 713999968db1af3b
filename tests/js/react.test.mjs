// <Quiz> of python-quiz-widget/react (crates/quiz-web/js/react.js) rendered on the server, in
// Node with react-dom/server: importing and rendering it needs no window or document, and the
// HTML is the <quiz-widget> element with each option as the attribute mount() would give it,
// the element's own props, and the fallback. The browser side (StrictMode, hydration, events)
// is tested in Chromium by tests/e2e/frameworks.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StrictMode, createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { Quiz } from '../../crates/quiz-web/js/react.js';
import { OPTIONS, applyOptions } from '../../crates/quiz-web/js/contract.js';

const render = (props, ...children) => renderToString(h(Quiz, props, ...children));

test('importing and rendering <Quiz> in Node touches no window or document', () => {
  const html = renderToString(h(StrictMode, null, h(Quiz, { ids: 'a,b', filters: 'hidden' })));
  assert.equal(html, '<quiz-widget ids="a,b" filters="hidden"><p>This quiz needs JavaScript.</p></quiz-widget>');
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
});

test('each option becomes the attribute it mirrors, with the value mount() would give it', () => {
  const samples = {
    difficulty: ['easy', 'hard'], topics: 'closures,asyncio', count: { easy: 2, hard: 1 }, seed: 42,
    ids: ['q-one', 'q-two'], filters: 'hidden', theme: 'dark', lang: 'de', mode: 'study', persist: false,
    retention: 0.85, newPerDay: 20, activityId: 'https://lms.example/q?x=1&y=2', bankSrc: '/week3.json',
    includeBuiltin: true,
  };
  for (const { key, attribute } of OPTIONS.filter((o) => o.attribute)) {
    assert.ok(key in samples, `a sample value for ${key}`);
    const value = applyOptions({}, { [key]: samples[key] })[key];
    const escaped = value.replace(/&/g, '&amp;');
    assert.equal(render({ [key]: samples[key] }, null), `<quiz-widget ${attribute}="${escaped}"></quiz-widget>`, key);
  }
  // Absent, null or undefined: no attribute (the option's default).
  assert.equal(render({ count: null, seed: undefined }, null), '<quiz-widget></quiz-widget>');
});

test('the bank and the callbacks never reach the HTML; id, className, style, data-* and aria-* do', () => {
  const html = render({
    id: 'lesson-3', className: 'quiz wide', style: { maxWidth: '40em' }, 'data-lesson': '3', 'aria-label': 'Closures quiz',
    bank: { categories: [], topics: [], questions: [] }, onStart() {}, onAnswer() {}, onReview() {}, onComplete() {}, onError() {},
  });
  assert.equal(html, '<quiz-widget id="lesson-3" class="quiz wide" style="max-width:40em" data-lesson="3" aria-label="Closures quiz">'
    + '<p>This quiz needs JavaScript.</p></quiz-widget>');
  assert.doesNotMatch(render({ bank: 'questions = []' }), /bank|questions/);
});

test('children replace the fallback; null renders none', () => {
  assert.equal(render({}, h('p', { className: 'wait' }, 'Loading the closures quiz…')),
    '<quiz-widget><p class="wait">Loading the closures quiz…</p></quiz-widget>');
  assert.equal(render({}, null), '<quiz-widget></quiz-widget>');
});

test('a bank that is neither an object nor text is refused at render, like mount() refuses it', () => {
  assert.throws(() => render({ bank: 42 }), /the bank option must be an object, JSON text or TOML text/);
});
