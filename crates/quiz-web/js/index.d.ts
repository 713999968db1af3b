// Types for the <quiz-widget> element, the JS API and the events. Hand-written: this is the
// contract course platforms build against.

export type Difficulty = 'easy' | 'medium' | 'hard';
export type Theme = 'light' | 'dark' | 'auto' | 'page';

/** Options of `mount()` and `setOptions()`; each mirrors an attribute of <quiz-widget>. */
export interface QuizOptions {
  /** Difficulties to include: `"easy,hard"` or `["easy", "hard"]`. Default: all. */
  difficulty?: string | Difficulty[];
  /** Topic or category slugs: `"closures,asyncio"`. Default: all. */
  topics?: string | string[];
  /** `10`, `"all"`, or a mix `"easy:5,medium:3,hard:2"` / `{easy: 5, hard: 2}`. */
  count?: number | string | Partial<Record<Difficulty, number>>;
  /** Seed of the shuffle: the same seed and filters give the same quiz. */
  seed?: number | string;
  /** Exact question ids, in order. */
  ids?: string | string[];
  /** `"quiz"` (default). */
  mode?: 'quiz';
  /** `"visible"` (default) or `"hidden"` to fix the quiz to the presets. */
  filters?: 'visible' | 'hidden';
  /** UI language: `en`, `de`, `es`; default: the page's language, then English. */
  lang?: string;
  /** Colour scheme; `page` (default) follows the host page's background. */
  theme?: Theme;
  /** xAPI activity id for `quiz-complete`'s statement; default: page URL plus the seed. */
  activityId?: string;
}

/** A mounted quiz. */
export interface QuizHandle {
  /** Removes the quiz and frees its memory. */
  destroy(): void;
  /** Starts a new quiz with the same options. */
  restart(): void;
  /** New theme or lang keeps progress; anything else starts a new quiz. Throws on a bad option. */
  setOptions(options: QuizOptions): void;
  /** The options in effect. */
  state(): { options: QuizOptions; mounted: boolean };
}

export interface QuizStartDetail {
  type: 'quiz-start';
  seed: number;
  questionIds: string[];
  total: number;
  /** Fingerprint of the question bank: a seed replays a quiz only on the same bank. */
  bankVersion: number;
}

export interface QuizAnswerDetail {
  type: 'quiz-answer';
  questionId: string;
  topic: string;
  difficulty: Difficulty;
  kind: 'single' | 'multiple' | 'true-false' | 'output' | 'text' | 'order';
  /** The learner's answer as the texts they saw. */
  answer: string[];
  correct: boolean;
  /** Integer milliseconds from showing the question to checking it. */
  timeMs: number;
  /** 0-based position in the quiz. */
  index: number;
}

export interface QuestionResult {
  questionId: string;
  topic: string;
  difficulty: Difficulty;
  correct: boolean;
  timeMs: number;
}

export interface QuizCompleteDetail {
  type: 'quiz-complete';
  score: number;
  total: number;
  results: QuestionResult[];
  /** Integer milliseconds from start to completion. */
  durationMs: number;
  seed: number;
  /** xAPI-shaped statement (no actor: the host adds it). `result.success`: score ≥ 50 %. */
  statement: XapiStatement;
}

export interface XapiStatement {
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed'; display: { 'en-US': 'completed' } };
  /** `id` from the `activity-id` attribute, else the page URL plus the seed. */
  object: { objectType: 'Activity'; id: string; definition: { name: Record<string, string> } };
  result: {
    score: { raw: number; min: 0; max: number; scaled: number };
    success: boolean;
    completion: true;
    /** ISO 8601, e.g. `PT1M4.2S`. */
    duration: string;
  };
  context: { extensions: Record<string, unknown> };
}

export interface QuizErrorDetail {
  /** What went wrong, naming the attribute or the file. */
  message: string;
  stage: 'load' | 'option' | 'panic';
}

export interface QuizEventMap {
  'quiz-start': CustomEvent<QuizStartDetail>;
  'quiz-answer': CustomEvent<QuizAnswerDetail>;
  'quiz-complete': CustomEvent<QuizCompleteDetail>;
  'quiz-error': CustomEvent<QuizErrorDetail>;
}

export declare class QuizWidgetElement extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): CustomElementConstructor;
  difficulty: string | null;
  topics: string | null;
  count: string | null;
  seed: string | null;
  ids: string | null;
  mode: string | null;
  theme: string | null;
  lang: string;
  filters: string | null;
  activityId: string | null;
  readonly handle: QuizHandle | null;
  addEventListener<K extends keyof QuizEventMap>(type: K, listener: (this: QuizWidgetElement, ev: QuizEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** Mounts a quiz into `element` (its content is replaced). */
export declare function mount(element: Element, options?: QuizOptions): Promise<QuizHandle>;
/** Loads the wasm once (every widget shares it). */
export declare function load(): Promise<unknown>;
/** Bytes of wasm linear memory of the shared instance (0 before it loads). */
export declare function wasmMemoryBytes(): number;
/** An xAPI-shaped statement for a `quiz-complete` detail. */
export declare function xapiStatement(detail: Omit<QuizCompleteDetail, 'statement'>, activityId: string): XapiStatement;
/** Overrides where the .wasm is fetched from; call before the first widget loads. */
export declare function setWasmUrl(url: string | URL): void;

declare global {
  interface HTMLElementTagNameMap {
    'quiz-widget': QuizWidgetElement;
  }
}
