// Svelte 5 template types for <quiz-widget>: its attributes with their valid values and its events
// as `onquiz-*` attributes, through `svelteHTML.IntrinsicElements`. Opt in once (needs svelte;
// index.d.ts does not): `import type {} from 'python-quiz-widget/types/svelte';` in src/app.d.ts.
// Checked by tests/types/svelte (svelte-check, run by tests/types/frameworks.test.mjs).
import type { HTMLAttributes } from 'svelte/elements';
import type { QuizWidgetElement } from '../index.js';
import type { QuizWidgetAttributes, QuizWidgetEventHandlers } from './attributes.js';

export type { CommaList, QuizWidgetAttributes, QuizWidgetEventHandlers } from './attributes.js';

/** The attributes of `<quiz-widget>` in a Svelte template: Svelte's HTML ones, the widget's and its events. */
export type QuizWidgetSvelteAttributes = Omit<HTMLAttributes<QuizWidgetElement>, keyof QuizWidgetAttributes> &
  QuizWidgetAttributes &
  QuizWidgetEventHandlers;

declare global {
  namespace svelteHTML {
    interface IntrinsicElements {
      'quiz-widget': QuizWidgetSvelteAttributes;
    }
  }
}
