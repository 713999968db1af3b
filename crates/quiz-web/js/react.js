'use client';
// <Quiz>, the React component of python-quiz-widget/react (issue 23). It renders the
// <quiz-widget> element itself: the options as its attributes, the fallback as its children.
// A server-rendered page holds the element and its fallback from the first byte, and the element
// upgrades in place when the widget module loads, so nothing jumps. Rendering reads no `window`
// or `document`; the widget module (and its wasm) is imported on the client only, from an
// effect, so bundlers split it off and a page that never imports this file loads nothing more.
// The element owns the quiz's life: React creates it once, under StrictMode too (StrictMode
// re-runs effects, not DOM nodes), and removing it destroys the quiz, even while it still loads.
import { createElement, forwardRef, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { OPTIONS, bankText, optionString } from './contract.js';

const TAG = 'quiz-widget';

/** Each callback prop and the event it hears. */
const CALLBACKS = Object.freeze({
  onStart: 'quiz-start',
  onAnswer: 'quiz-answer',
  onReview: 'quiz-review',
  onComplete: 'quiz-complete',
  onError: 'quiz-error',
});

/** The options that are attributes; `bank` is not one (it is set as a property). */
const ATTRIBUTES = OPTIONS.filter((o) => o.attribute);

// Layout effects on the client; on the server, where no effect runs, useEffect (React 18 warns
// about useLayoutEffect there). The choice never changes within one environment.
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

let widgetModule = null;
/** Imports the widget module once per page; resolves when <quiz-widget> is defined. */
function defineElement() {
  widgetModule ??= import('./quiz-widget.js')
    .then(() => customElements.whenDefined(TAG))
    .catch((error) => { widgetModule = null; throw error; });
  return widgetModule;
}

/** Whether `el` is an upgraded <quiz-widget> (its `bank` property is the element's own). */
function upgraded(el) {
  const defined = typeof customElements === 'undefined' ? undefined : customElements.get(TAG);
  return defined !== undefined && el instanceof defined;
}

/**
 * The <quiz-widget> element as a React component. Props: the options of `mount()` (each one
 * becomes the attribute it mirrors; `bank` is set as the element's property), the callbacks
 * `onStart`, `onAnswer`, `onReview`, `onComplete`, `onError` (called with the event's detail,
 * then the event), `children` as the fallback shown until the widget runs (default: a line
 * saying the quiz needs JavaScript), and any other prop (`id`, `className`, `style`, `data-*`,
 * `aria-*`) passed to the element. The ref is the element: `ref.current.handle?.restart()`.
 */
export const Quiz = forwardRef(function Quiz(props, forwardedRef) {
  const { children, bank, onStart, onAnswer, onReview, onComplete, onError, ...rest } = props;
  // Options as attribute strings: ['easy', 'hard'] and 'easy,hard' are the same attribute, so a
  // new array with the same values changes nothing, as the attribute would not.
  const element = {};
  for (const [key, value] of Object.entries(rest)) {
    const option = ATTRIBUTES.find((o) => o.key === key);
    if (option) element[option.attribute] = optionString(value);
    // React 19 maps className to class on a custom element; React 18 would write `classname`.
    else if (key === 'className') element.class = value;
    else element[key] = value;
  }

  const ref = useRef(null);
  const setRef = useCallback((node) => {
    ref.current = node;
    if (typeof forwardedRef === 'function') forwardedRef(node);
    else if (forwardedRef) forwardedRef.current = node;
  }, [forwardedRef]);

  // The latest callbacks, read when an event fires: a new function never re-attaches anything.
  const callbacks = useRef(null);
  useClientLayoutEffect(() => {
    callbacks.current = { onStart, onAnswer, onReview, onComplete, onError };
  });

  // The bank as a property, compared by content: a new object with the same questions keeps the
  // quiz (the element compares by identity, and a new bank starts a new quiz).
  const bankKey = useMemo(() => (bank === undefined || bank === null ? null : bankText(bank)), [bank]);
  const wantedBank = useRef(null);
  const applyBank = useCallback(() => {
    const el = ref.current;
    if (!el || !upgraded(el)) return; // set when the element upgrades (the effect below)
    if ((el.bank ?? null) !== wantedBank.current) el.bank = wantedBank.current;
  }, []);
  useClientLayoutEffect(() => {
    // Layout effect: on an upgraded element this runs before the quiz's first mount, which
    // waits at least for the engine's promise.
    wantedBank.current = bankKey === null ? null : bank;
    applyBank();
  }, [bankKey, applyBank]); // `bank` itself is read only when its content changed

  // Once per element: listen to its events, then load the widget module. addEventListener, so
  // hydration cannot lose the listeners as it loses `onquiz-*` props (React 19: react#35446); in
  // a layout effect, so they are there before the quiz can start: a new element of an already
  // defined <quiz-widget> mounts its quiz a microtask after it is connected, and React runs the
  // passive effects of a transition later than that. The cleanup removes the listeners and
  // cancels what the load would still do, so StrictMode's second run, or an unmount before the
  // module loads, leaves nothing behind and reports nothing twice.
  useClientLayoutEffect(() => {
    const el = ref.current;
    let live = true;
    const listeners = Object.entries(CALLBACKS).map(([prop, type]) => {
      const listener = (event) => callbacks.current?.[prop]?.(event.detail, event);
      el.addEventListener(type, listener);
      return [type, listener];
    });
    defineElement().then(
      () => { if (live) applyBank(); },
      (error) => {
        if (!live) return;
        const message = `could not load the quiz widget module: ${error && error.message ? error.message : error}`;
        el.dispatchEvent(new CustomEvent('quiz-error', { detail: { message, stage: 'load' }, bubbles: true, composed: true }));
      },
    );
    return () => {
      live = false;
      for (const [type, listener] of listeners) el.removeEventListener(type, listener);
    };
  }, [applyBank]);

  const fallback = children === undefined ? createElement('p', null, 'This quiz needs JavaScript.') : children;
  return createElement(TAG, { ...element, ref: setRef }, fallback);
});
