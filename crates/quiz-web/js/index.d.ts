// Types for the <quiz-widget> element, the JS API and the events. Hand-written: this is the
// contract course platforms build against. `tsc --strict` checks it against tests/types/usage.ts,
// and tests/types/options.test.mjs keeps `QuizOptions` in step with the runtime's options.js.

export type Difficulty = 'easy' | 'medium' | 'hard';
export type Theme = 'page' | 'light' | 'dark' | 'auto';
/** A UI language; a region subtag is accepted and ignored (`de-AT` is `de`). */
export type Lang = 'en' | 'de' | 'es';

/**
 * Options of `mount()` and `setOptions()`; each mirrors an attribute of <quiz-widget>
 * (`activityId` is `activity-id`). `null` or `undefined` returns an option to its default.
 * An unknown key throws.
 */
export interface QuizOptions {
  /** Difficulties to include: `"easy,hard"` or `["easy", "hard"]`. Default: all. */
  difficulty?: string | readonly Difficulty[] | null | undefined;
  /** Topic or category slugs: `"closures,asyncio"` or an array. Default: all. */
  topics?: string | readonly string[] | null | undefined;
  /** `10`, `"all"`, or a mix `"easy:5,medium:3,hard:2"` / `{easy: 5, hard: 2}`. Default: `10`. */
  count?: number | string | Partial<Record<Difficulty, number>> | null | undefined;
  /** Seed of the shuffle (0–4294967295): the same seed and filters give the same quiz. Default: fresh. */
  seed?: number | string | null | undefined;
  /** Exact question ids, in order: `"q1,q2"` or an array. */
  ids?: string | readonly string[] | null | undefined;
  /**
   * `"quiz"` (default); `"study"`: a spaced-repetition session (FSRS-6) of the questions due,
   * then new ones; `"mistakes"`: every question answered wrong on this site and not right since.
   */
  mode?: 'quiz' | 'study' | 'mistakes' | null | undefined;
  /**
   * Keep the quiz in progress and the review history in this browser's `localStorage`
   * (`persist="off"` / `false`: memory only). Nothing leaves the device. Default: on.
   */
  persist?: boolean | 'on' | 'off' | null | undefined;
  /** Study mode's desired recall at the due date, 0.70–0.97. Default: `0.9`. */
  retention?: number | string | null | undefined;
  /** New questions study mode introduces per day, 0–1000 (`new-per-day`). Default: `10`. */
  newPerDay?: number | string | null | undefined;
  /** `"visible"` (default) or `"hidden"` to fix the quiz to the presets. */
  filters?: 'visible' | 'hidden' | null | undefined;
  /** UI language; default: the page's language, then English. */
  lang?: Lang | `${Lang}-${string}` | null | undefined;
  /** Colour scheme; `page` (default) follows the host page's background. */
  theme?: Theme | null | undefined;
  /** xAPI activity id for `quiz-complete`'s statement; default: the page URL without query or fragment. */
  activityId?: string | null | undefined;
  /**
   * Your own questions (no attribute): a bank object in the format of `bank.schema.json`, or its
   * JSON or TOML text. Only its questions are asked unless `includeBuiltin` is set.
   */
  bank?: QuizBank | string | null | undefined;
  /** URL of a JSON or TOML bank, fetched with the page's credentials policy (`bank-src`). */
  bankSrc?: string | null | undefined;
  /** Adds the built-in Python bank to a custom bank (`include-builtin`). Default: `false`. */
  includeBuiltin?: boolean | 'true' | 'false' | null | undefined;
}

/** A custom question bank (see `bank.schema.json` in this package for every field). */
export interface QuizBank {
  categories: ReadonlyArray<{ slug: string; title: string }>;
  topics: ReadonlyArray<{ slug: string; title: string; category: string }>;
  questions: ReadonlyArray<QuizBankQuestion>;
}

/** One question of a custom bank. */
export interface QuizBankQuestion {
  id: string;
  topic: string;
  difficulty: Difficulty;
  kind: QuestionKind;
  tags: readonly string[];
  prompt: string;
  code?: string;
  explanation: string;
  python?: string;
  choices?: ReadonlyArray<{ text: string; correct?: boolean; why?: string }>;
  answer?: boolean;
  output?: string;
  accept?: readonly string[];
  items?: readonly string[];
}

/** One error of a custom bank, as `quiz-error` reports it. */
export interface QuizBankError {
  /** The whole message: `file:line:col: question "id": …` (TOML) or `file: /json/pointer: …` (JSON). */
  message: string;
  line?: number;
  col?: number;
  pointer?: string;
  id?: string;
}

/** What `handle.state()` returns. */
export interface QuizState {
  /** The options in effect, as the strings their attributes would hold (`["easy", "hard"]` is `"easy,hard"`). */
  options: { [K in Exclude<keyof QuizOptions, 'bank'>]?: string } & { bank?: QuizBank | string };
  /** Whether a quiz is mounted: `false` after `destroy()` or while an error is shown. */
  mounted: boolean;
  /** The message shown in the widget, or null. */
  error: string | null;
}

/** One entry of `OPTIONS`: the runtime's schema of an option (generated from quiz-core). */
export interface OptionSpec {
  /** The option and property name (`activityId`). */
  key: keyof QuizOptions;
  /** The attribute (`activity-id`); `""` for `bank`, which is set from JS only. */
  attribute: string;
  /** `enum`: one of `values`; `list`: a comma list (of `values` when not empty); `count`, `seed`, `text`; `flag`: on/off, `values` `[on, off]` or a boolean (an empty attribute is on); `number`: from `values[0]` to `values[1]`; `bank`: a bank object or text. */
  type: 'enum' | 'list' | 'count' | 'seed' | 'text' | 'flag' | 'number' | 'bank';
  /** The valid values (a number's bounds, `[min, max]`); empty when open (slugs, ids, numbers, text). */
  values: readonly string[];
  /** The default as an attribute would hold it; `""` when none or computed (page language, fresh seed). */
  default: string;
}

/** A mounted quiz. */
export interface QuizHandle {
  /** Removes the quiz and frees its memory; calling it again does nothing. */
  destroy(): void;
  /** Starts a new quiz with the current options (a fresh seed unless `seed` is set). */
  restart(): void;
  /** New theme or lang keeps progress; anything else starts a new quiz. Throws on an unknown key or a bad value. */
  setOptions(options: QuizOptions): void;
  /** The options in effect. */
  state(): QuizState;
}

export interface QuizStartDetail {
  type: 'quiz-start';
  seed: number;
  questionIds: string[];
  total: number;
  /** Fingerprint of the question bank: a seed replays a quiz only on the same bank. */
  bankVersion: number;
}

export type QuestionKind = 'single' | 'multiple' | 'true-false' | 'output' | 'text' | 'order';

export interface QuizAnswerDetail {
  type: 'quiz-answer';
  questionId: string;
  topic: string;
  difficulty: Difficulty;
  kind: QuestionKind;
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

/** `quiz-review`: an answer as the FSRS-6 scheduler took it (every mode). */
export interface QuizReviewDetail {
  type: 'quiz-review';
  questionId: string;
  /** 3 (Good) for a right answer, 1 (Again) for a wrong one. */
  grade: 1 | 3;
  /** Days until predicted recall falls to 90 %. */
  stability: number;
  /** 1 (easy) to 10 (hard). */
  difficulty: number;
  /** Predicted recall just before this answer; `null` the first time the question is answered. */
  retrievability: number | null;
  /** When the question is due again, ISO 8601 (`2026-12-07T09:30:00.000Z`). */
  due: string;
}

/** One question's review state in {@link Progress}. */
export interface ProgressEntry {
  /** ISO 8601. */
  due: string;
  stability: number;
  difficulty: number;
  /** Times answered. */
  reps: number;
  /** Times forgotten after having been learned. */
  lapses: number;
  /** ISO 8601. */
  lastReview: string;
  /** ISO 8601. */
  firstReview: string;
  /** Answered wrong and not right since (what `mode="mistakes"` asks). */
  missed: boolean;
}

/** The learner's review history on this origin, shared by every widget on it. */
export interface Progress {
  version: 1;
  questions: { [questionId: string]: ProgressEntry };
}

export interface QuizCompleteDetail {
  type: 'quiz-complete';
  score: number;
  total: number;
  results: QuestionResult[];
  /** Integer milliseconds from start to completion. */
  durationMs: number;
  seed: number;
  /** Whether at least half the answers were right (quiz-core's pass rule). */
  passed: boolean;
  /** xAPI-shaped statement (no actor: the host adds it). `result.success` is `passed`. */
  statement: XapiStatement;
}

export interface XapiStatement {
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed'; display: { 'en-US': 'completed' } };
  /** `id` from the `activity-id` attribute, else the page URL without query or fragment. */
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
  /** `load`: the wasm could not load; `option`: a bad attribute or option; `bank`: the custom bank could not be fetched or has errors; `panic`: the engine crashed. */
  stage: 'load' | 'option' | 'bank' | 'panic';
  /** With `stage: "bank"`: every error of the bank (empty when the bank could not be fetched). */
  errors?: QuizBankError[];
}

/** The events of <quiz-widget> (and of the element given to `mount`); they bubble and are composed. */
export interface QuizEventMap {
  'quiz-start': CustomEvent<QuizStartDetail>;
  'quiz-answer': CustomEvent<QuizAnswerDetail>;
  'quiz-review': CustomEvent<QuizReviewDetail>;
  'quiz-complete': CustomEvent<QuizCompleteDetail>;
  'quiz-error': CustomEvent<QuizErrorDetail>;
}

/** A topic of the built-in bank, for hosts that build their own pickers. */
export interface BankTopic {
  slug: string;
  title: string;
  /** Slug of its category (also accepted by `topics`). */
  category: string;
  /** Number of questions per difficulty. */
  counts: [easy: number, medium: number, hard: number];
}

/** What `load()` resolves to: the shared engine. */
export interface QuizEngine {
  /** The topics and categories of the built-in bank with their question counts. */
  bankTopics(): BankTopic[];
}

/**
 * The <quiz-widget> element. Each option is a property reflecting its attribute: it reads
 * the attribute (`null` when absent) and accepts what the option accepts; `null` or
 * `undefined` removes the attribute.
 */
export declare class QuizWidgetElement extends HTMLElement {
  /** Defines the element under `tag` unless something already did; returns the defined class. */
  static define(tag?: string, registry?: CustomElementRegistry): CustomElementConstructor;
  static readonly observedAttributes: string[];
  get difficulty(): string | null;
  set difficulty(value: QuizOptions['difficulty']);
  get topics(): string | null;
  set topics(value: QuizOptions['topics']);
  get count(): string | null;
  set count(value: QuizOptions['count']);
  get seed(): string | null;
  set seed(value: QuizOptions['seed']);
  get ids(): string | null;
  set ids(value: QuizOptions['ids']);
  get mode(): string | null;
  set mode(value: QuizOptions['mode']);
  get persist(): string | null;
  set persist(value: QuizOptions['persist']);
  get retention(): string | null;
  set retention(value: QuizOptions['retention']);
  get newPerDay(): string | null;
  set newPerDay(value: QuizOptions['newPerDay']);
  get filters(): string | null;
  set filters(value: QuizOptions['filters']);
  /**
   * The `lang` attribute. Typed `string` as on every `HTMLElement`; setting `null` removes the
   * attribute, and the language of the nearest `[lang]` ancestor applies.
   */
  get lang(): string;
  set lang(value: QuizOptions['lang']);
  get theme(): string | null;
  set theme(value: QuizOptions['theme']);
  get activityId(): string | null;
  set activityId(value: QuizOptions['activityId']);
  get bankSrc(): string | null;
  set bankSrc(value: QuizOptions['bankSrc']);
  get includeBuiltin(): string | null;
  set includeBuiltin(value: QuizOptions['includeBuiltin']);
  /** A custom bank set from JS (no attribute); `null` when none. */
  get bank(): QuizBank | string | null;
  set bank(value: QuizOptions['bank']);
  /** The running quiz's handle, or null. */
  readonly handle: QuizHandle | null;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: QuizWidgetElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: QuizWidgetElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Every option of <quiz-widget> and `mount()`, in README order. */
export declare const OPTIONS: readonly OptionSpec[];
/** Mounts a quiz into `element` (its content is replaced). Rejects on an unknown option. */
export declare function mount(element: Element, options?: QuizOptions): Promise<QuizHandle>;
/** Loads the wasm once (every widget shares it). */
export declare function load(): Promise<QuizEngine>;
/** Bytes of wasm linear memory of the shared instance (0 before it loads). */
export declare function wasmMemoryBytes(): number;
/** The review history of this origin (it never leaves the device). */
export declare function getProgress(): Promise<Progress>;
/** Forgets the review history and every saved quiz of this origin. */
export declare function clearProgress(): Promise<void>;
/** Merges a progress export; resolves to its number of questions, rejects (changing nothing) when invalid. */
export declare function importProgress(progress: Progress | string): Promise<number>;
/** An xAPI-shaped statement for a `quiz-complete` detail. */
export declare function xapiStatement(detail: Omit<QuizCompleteDetail, 'statement'>, activityId: string): XapiStatement;
/** A format `exportBank` writes: IMS QTI 1.2 zip (Canvas, Blackboard), Moodle XML, GIFT, Aiken, Anki and Brightspace CSV, or our JSON. */
export type ExportFormat = 'qti12' | 'moodle-xml' | 'gift' | 'aiken' | 'anki-csv' | 'd2l-csv' | 'json';
/** What `exportBank` exports: a bank and the widget's selection (every question when none). */
export type ExportOptions = Pick<QuizOptions, 'difficulty' | 'topics' | 'count' | 'seed' | 'bank' | 'bankSrc' | 'includeBuiltin'>;
/** The questions in an LMS format, for a download; `summary` says what the format lost. */
export declare function exportBank(format: ExportFormat, options?: ExportOptions): Promise<Blob & { readonly summary: string }>;
/** Overrides where the .wasm is fetched from; call before the first widget loads. */
export declare function setWasmUrl(url: string | URL): void;

// <quiz-widget> as a template writes it (generated from the option schema), for typing the tag in
// any JSX or template language. React, Vue and Svelte have ready entries that need no more:
// python-quiz-widget/types/react, /types/vue and /types/svelte (docs/frameworks.md).
export type { CommaList, QuizWidgetAttributes, QuizWidgetCssProperties, QuizWidgetEventHandlers } from './types/attributes.js';

declare global {
  interface HTMLElementTagNameMap {
    'quiz-widget': QuizWidgetElement;
  }
  // The events bubble, so any ancestor (or the element given to `mount`) hears them typed.
  interface HTMLElementEventMap extends QuizEventMap {}
}
