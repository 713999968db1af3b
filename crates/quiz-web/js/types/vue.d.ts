// Vue 3 template types for <quiz-widget>: its attributes with their valid values and its events
// for `v-on:quiz-complete`, through `GlobalComponents` (the shape Vue's guide gives for custom
// elements not built with Vue). Opt in once (needs vue; index.d.ts does not):
// `import type {} from 'python-quiz-widget/types/vue';`, and tell Vue's compiler that the tag is a
// custom element (`compilerOptions.isCustomElement`, see docs/frameworks.md).
// Checked by tests/types/vue (vue-tsc).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { QuizEventMap, QuizWidgetElement } from '../index.js';
import type { QuizWidgetAttributes } from './attributes.js';

export type { CommaList, QuizWidgetAttributes } from './attributes.js';

/** `new-per-day` → `newPerDay`. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/**
 * The attributes as vue-tsc looks them up: it checks a template's `new-per-day` as the prop
 * `newPerDay`. Write them in kebab case in templates all the same, as HTML does.
 */
export type QuizWidgetVueProps = {
  [K in keyof QuizWidgetAttributes as K extends string ? Camel<K> : K]: QuizWidgetAttributes[K];
};

/** <quiz-widget> as a component type: a template ref to it is a {@link QuizWidgetElement}. */
export type QuizWidgetVueComponent = new () => QuizWidgetElement & {
  /** @deprecated For template type checking only: the element has no such property. */
  $props: Omit<HTMLAttributes, keyof QuizWidgetVueProps> & QuizWidgetVueProps & PublicProps;
  /** @deprecated For template type checking only: the element has no such method. */
  $emit: EmitFn<{ [K in keyof QuizEventMap]: (event: QuizEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'quiz-widget': QuizWidgetVueComponent;
  }
}
