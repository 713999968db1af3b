// Generated from quiz-core's option schema and element tables (crates/quiz-core/src/options.rs,
// crates/quiz-core/src/element.rs); do not edit.
// Regenerate: UPDATE_GENERATED=1 cargo test -p quiz-core --test generated
// <quiz-widget> as a template writes it: each attribute with the values it accepts, the events as
// `on<event>` handlers and the CSS custom properties. The React, Vue and Svelte entries
// (react.d.ts, vue.d.ts, svelte.d.ts next to this file) build on these.

import type { QuizAnswerDetail, QuizCompleteDetail, QuizErrorDetail, QuizReviewDetail, QuizStartDetail } from '../index.js';

/** A comma list of distinct `T`s in any order: `"easy"`, `"hard,easy"`. */
export type CommaList<T extends string, U extends string = T> =
  T extends unknown ? T | `${T},${CommaList<Exclude<U, T>>}` : never;

/**
 * The attributes of <quiz-widget>, each with the values it accepts. `null` or `undefined` leaves
 * the attribute out, so its default applies. Write them as they are written in HTML
 * (`new-per-day`), so they work before the element is defined and when server-rendered.
 */
export interface QuizWidgetAttributes {
  /** Difficulties to ask, as a comma list; default: all. */
  difficulty?: CommaList<'easy' | 'medium' | 'hard'> | null | undefined;
  /** Topic or category slugs to ask, as a comma list; default: all. */
  topics?: string | null | undefined;
  /** How many questions: a number, `all`, or a mix such as `easy:5,medium:3,hard:2`. Default: `10`. */
  count?: number | `${number}` | 'all' | CommaList<`easy:${number}` | `medium:${number}` | `hard:${number}`> | null | undefined;
  /** The shuffle's seed, 0–4294967295: the same seed, filters and bank give the same quiz; default: fresh. */
  seed?: number | `${number}` | null | undefined;
  /** Question ids to ask, as a comma list, in that order. */
  ids?: string | null | undefined;
  /** `hidden` fixes the quiz to the presets and starts it at once. Default: `visible`. */
  filters?: 'visible' | 'hidden' | null | undefined;
  /** Colours: `page` follows the host page's background, `auto` the reader's system setting. Default: `page`. */
  theme?: 'page' | 'light' | 'dark' | 'auto' | null | undefined;
  /** Interface language (a region tag such as `de-AT` is accepted); default: the page's language, then English. */
  lang?: 'en' | 'de' | 'es' | `${'en' | 'de' | 'es'}-${string}` | null | undefined;
  /** `quiz`; `study`: spaced repetition of the questions due; `mistakes`: the questions answered wrong on this site. Default: `quiz`. */
  mode?: 'quiz' | 'study' | 'mistakes' | null | undefined;
  /** Keep progress in this browser (nothing leaves the device); present without a value means on. Default: `on`. */
  persist?: 'on' | 'off' | null | undefined;
  /** Study mode's desired recall. From 0.70 to 0.97. Default: `0.9`. */
  retention?: number | `${number}` | null | undefined;
  /** New questions study mode introduces per day. From 0 to 1000. Default: `10`. */
  'new-per-day'?: number | `${number}` | null | undefined;
  /** The xAPI activity id of `quiz-complete`'s statement; default: the page URL. */
  'activity-id'?: string | null | undefined;
  /** URL of a custom bank (JSON or TOML). */
  'bank-src'?: string | null | undefined;
  /** Add the built-in bank to a custom bank; present without a value means on. Default: `false`. */
  'include-builtin'?: boolean | 'true' | 'false' | null | undefined;
}

/**
 * The events of <quiz-widget> as `on<event>` handlers, the way React 19 and Svelte 5 attach a
 * custom element's events (`onquiz-complete` listens to `quiz-complete`).
 */
export interface QuizWidgetEventHandlers {
  /** A quiz starts: its seed, question ids, total and bank version. */
  'onquiz-start'?: ((event: CustomEvent<QuizStartDetail>) => void) | null | undefined;
  /** The learner checks an answer: the question, the answer, whether it was right. */
  'onquiz-answer'?: ((event: CustomEvent<QuizAnswerDetail>) => void) | null | undefined;
  /** After every answer, in every mode: the question's new FSRS-6 schedule. */
  'onquiz-review'?: ((event: CustomEvent<QuizReviewDetail>) => void) | null | undefined;
  /** The last answer is checked: the score, the results and an xAPI statement. */
  'onquiz-complete'?: ((event: CustomEvent<QuizCompleteDetail>) => void) | null | undefined;
  /** Something failed: the files could not load, an invalid option, a refused bank, or a panic. */
  'onquiz-error'?: ((event: CustomEvent<QuizErrorDetail>) => void) | null | undefined;
}

/** The CSS custom properties <quiz-widget> reads, for a `style` object. */
export interface QuizWidgetCssProperties {
  /** Buttons, chips and the progress bar. */
  '--quiz-accent'?: string | undefined;
  /** Text on an accent background (primary buttons, a chosen chip). */
  '--quiz-on-accent'?: string | undefined;
  /** The widget's background. */
  '--quiz-background'?: string | undefined;
  /** The text. */
  '--quiz-text'?: string | undefined;
  /** Secondary text. */
  '--quiz-muted'?: string | undefined;
  /** Borders of controls and cards. */
  '--quiz-border'?: string | undefined;
  /** Code, feedback and notices, and the track of the progress bar. */
  '--quiz-surface'?: string | undefined;
  /** Right answers. */
  '--quiz-right'?: string | undefined;
  /** Wrong answers. */
  '--quiz-wrong'?: string | undefined;
  /** The focus ring. */
  '--quiz-focus'?: string | undefined;
  /** The corner radius. */
  '--quiz-radius'?: string | undefined;
  /** The text font. */
  '--quiz-font'?: string | undefined;
  /** The code font. */
  '--quiz-font-mono'?: string | undefined;
  /** The text size, which every size inside follows; default: the reader's default font size. */
  '--quiz-font-size'?: string | undefined;
  /** The height kept for the quiz while it loads, so the text below does not jump; default 30em. */
  '--quiz-loading-height'?: string | undefined;
}
