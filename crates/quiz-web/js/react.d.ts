// Types of python-quiz-widget/react: the <Quiz> component. Checked by `tsc --strict` over
// tests/frameworks/types/quiz.tsx.
import type { ForwardRefExoticComponent, HTMLAttributes, ReactNode, RefAttributes } from 'react';
import type {
  QuizAnswerDetail,
  QuizCompleteDetail,
  QuizErrorDetail,
  QuizOptions,
  QuizReviewDetail,
  QuizStartDetail,
  QuizWidgetElement,
} from './index.js';

/** A callback prop of <Quiz>: the event's detail, then the event. */
export type QuizCallback<Detail> = (detail: Detail, event: CustomEvent<Detail>) => void;

/**
 * The props of <Quiz>: every option of `mount()` (each becomes the attribute it mirrors, and
 * changing one does what changing the attribute does: a new theme or lang keeps the quiz, new
 * filters, count, seed or ids start a new one), the event callbacks, the fallback as children,
 * and the element's own attributes (`id`, `className`, `style`, `data-*`, `aria-*`).
 */
export interface QuizProps
  extends QuizOptions,
    Omit<HTMLAttributes<QuizWidgetElement>, keyof QuizOptions | 'children' | 'onError'> {
  /** `quiz-start`: a quiz began (its seed, question ids and total). */
  onStart?: QuizCallback<QuizStartDetail> | undefined;
  /** `quiz-answer`: the learner checked an answer. */
  onAnswer?: QuizCallback<QuizAnswerDetail> | undefined;
  /** `quiz-review`: the answer as the spaced-repetition scheduler took it. */
  onReview?: QuizCallback<QuizReviewDetail> | undefined;
  /** `quiz-complete`: the score, the results and the xAPI statement. */
  onComplete?: QuizCallback<QuizCompleteDetail> | undefined;
  /** `quiz-error`: a bad option, a bank that cannot be used, or the widget could not load. */
  onError?: QuizCallback<QuizErrorDetail> | undefined;
  /**
   * Shown until the widget runs, and where JavaScript is off (server rendering puts it in the
   * HTML). Default: a paragraph saying the quiz needs JavaScript; `null` for none.
   */
  children?: ReactNode | undefined;
}

/**
 * A quiz: the <quiz-widget> element, rendered by React (on the server too) and loaded on the
 * client. Its ref is the element (`ref.current?.handle?.restart()`). A custom `bank` is set from
 * JS after the element upgrades; on a server-rendered page prefer `bankSrc`.
 */
export declare const Quiz: ForwardRefExoticComponent<QuizProps & RefAttributes<QuizWidgetElement>>;
