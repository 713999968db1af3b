// JSX types for <quiz-widget> in React 19: its attributes with their valid values and its events
// as `onquiz-*` props. Opt in once, in any file of the app (needs @types/react; index.d.ts does
// not): `import type {} from 'python-quiz-widget/types/react';`
// React 19 sets each prop of a custom element as a property when the element has one, else as
// an attribute, and attaches `on<event>` props as listeners (not after hydrateRoot: react#35446,
// see docs/frameworks.md). Checked by tests/types/react (tsc --jsx react-jsx).
import type { CSSProperties, DetailedHTMLProps, HTMLAttributes } from 'react';
import type { QuizWidgetElement } from '../index.js';
import type { QuizWidgetAttributes, QuizWidgetCssProperties, QuizWidgetEventHandlers } from './attributes.js';

export type { CommaList, QuizWidgetAttributes, QuizWidgetCssProperties, QuizWidgetEventHandlers } from './attributes.js';

/** The props of `<quiz-widget>` in JSX: React's HTML props, the widget's attributes and events. */
export interface QuizWidgetJsxProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<QuizWidgetElement>, QuizWidgetElement>, keyof QuizWidgetAttributes | 'style'>,
    QuizWidgetAttributes,
    QuizWidgetEventHandlers {
  /** The `class` attribute; React 19 takes `className` on a custom element too. */
  class?: string | undefined;
  /** Inline style, with the widget's `--quiz-*` custom properties. */
  style?: (CSSProperties & QuizWidgetCssProperties) | undefined;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'quiz-widget': QuizWidgetJsxProps;
    }
  }
}
