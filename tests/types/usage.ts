// Type-checked, never run: `tsc -p tests/types` (scripts/test, step "types: tsc --strict").
// Uses every option, handle method, event and export of the package the way a host would, with
// no casts. Each `@ts-expect-error` line proves a check bites: if the types stopped rejecting
// that line, tsc would fail with "Unused '@ts-expect-error' directive".
import {
  OPTIONS,
  clearProgress,
  getProgress,
  importProgress,
  type Progress,
  type QuizReviewDetail,
  load,
  mount,
  setWasmUrl,
  wasmMemoryBytes,
  xapiStatement,
  QuizWidgetElement,
  type BankTopic,
  type Difficulty,
  type OptionSpec,
  type QuizCompleteDetail,
  type QuizErrorDetail,
  type QuizEventMap,
  type QuizHandle,
  exportBank,
  type QuizBank,
  type QuizOptions,
  type QuizState,
  type XapiStatement,
  type QuizWidgetAttributes,
  type QuizWidgetCssProperties,
  type QuizWidgetEventHandlers,
} from 'python-quiz-widget';

// Every option, by name: `Required` makes a new option in index.d.ts fail here until used.
export const allOptions: Required<QuizOptions> = {
  difficulty: ['medium', 'hard'],
  topics: 'closures,asyncio',
  count: { easy: 5, hard: 2 },
  seed: 42,
  ids: ['closures-late-binding', 'asyncio-gather'],
  mode: 'quiz',
  persist: true,
  retention: 0.9,
  newPerDay: 10,
  filters: 'hidden',
  lang: 'de',
  theme: 'dark',
  activityId: 'https://lms.example/course/7/quiz',
  bank: {
    categories: [{ slug: 'week-3', title: 'Week 3' }],
    topics: [{ slug: 'loops', title: 'Loops', category: 'week-3' }],
    questions: [{
      id: 'loop-else', topic: 'loops', difficulty: 'easy', kind: 'true-false', tags: ['loops'],
      prompt: 'A `for` loop may have an `else` block.', explanation: 'It runs when the loop ends without `break`.', answer: true,
    }],
  },
  bankSrc: '/course/week3.toml',
  includeBuiltin: true,
};

// The other accepted shapes of each option.
export const otherShapes: QuizOptions[] = [
  { difficulty: 'easy,hard', topics: ['closures'], count: 10, seed: '42', ids: 'a,b' },
  { count: 'all' },
  { count: 'easy:5,medium:3,hard:2' },
  { lang: 'de-AT', theme: 'page', filters: 'visible' },
  { theme: 'light' },
  { theme: 'auto', lang: 'en' },
  { difficulty: ['easy'] as const },
  // null and undefined return an option to its default.
  { difficulty: null, topics: undefined, count: null, seed: null, ids: null, mode: null },
  { filters: null, lang: null, theme: undefined, activityId: null },
  {},
];

export async function useMount(el: HTMLElement): Promise<QuizState> {
  setWasmUrl('/static/quiz_web_bg.wasm');
  setWasmUrl(new URL('https://cdn.example/quiz_web_bg.wasm'));

  const engine = await load();
  const topics: BankTopic[] = engine.bankTopics();
  const [first] = topics;
  if (first) {
    const [easy, medium, hard]: [number, number, number] = first.counts;
    const slugs: string[] = [first.slug, first.category, first.title];
    console.log(slugs, easy + medium + hard);
  }
  const bytes: number = wasmMemoryBytes();
  console.log(bytes);

  const handle: QuizHandle = await mount(el, allOptions);
  await mount(el);
  await mount(el, { difficulty: 'easy' });

  // Every handle method, by name.
  const methods: { [K in keyof QuizHandle]: () => unknown } = {
    destroy: () => handle.destroy(),
    restart: () => handle.restart(),
    setOptions: () => handle.setOptions({ theme: 'light', lang: 'es', seed: null }),
    state: () => handle.state(),
  };
  for (const run of Object.values(methods)) run();
  const state: QuizState = handle.state();
  const mounted: boolean = state.mounted;
  const difficulty: string | undefined = state.options.difficulty;
  const error: string | null = state.error;
  console.log(mounted, difficulty, error);

  // @ts-expect-error a misspelt option key
  await mount(el, { difficultty: 'easy' });
  // @ts-expect-error a misspelt option key in setOptions
  handle.setOptions({ activityID: 'x' });
  // @ts-expect-error a wrong value type: count is a number, a string or a per-difficulty object
  await mount(el, { count: true });
  // @ts-expect-error a value outside the union
  await mount(el, { theme: 'blue' });
  // @ts-expect-error a difficulty that does not exist
  await mount(el, { difficulty: ['easy', 'expert'] });
  // @ts-expect-error an unsupported language
  await mount(el, { lang: 'fr' });
  // @ts-expect-error a per-difficulty count keyed by something else
  await mount(el, { count: { easiest: 3 } });
  // @ts-expect-error mount needs an element
  await mount('#quiz');
  return state;
}

// Every event, by name: the listener's `e.detail` is typed from the event name alone.
export function useEvents(el: QuizWidgetElement): void {
  const listeners: { [K in keyof QuizEventMap]: (e: QuizEventMap[K]) => void } = {
    'quiz-start': (e) => {
      const ids: string[] = e.detail.questionIds;
      const n: number = e.detail.total + e.detail.seed + e.detail.bankVersion;
      console.log(e.detail.type === 'quiz-start', ids, n);
    },
    'quiz-answer': (e) => {
      const d = e.detail;
      const diff: Difficulty = d.difficulty;
      const answer: string[] = d.answer;
      console.log(d.questionId, d.topic, diff, d.kind, answer, d.correct, d.timeMs, d.index);
    },
    'quiz-review': (e) => {
      const d: QuizReviewDetail = e.detail;
      console.log(d.type === 'quiz-review', d.questionId, d.grade, d.due);
    },
    'quiz-complete': (e) => {
      const d: QuizCompleteDetail = e.detail;
      const st: XapiStatement = d.statement;
      const scaled: number = st.result.score.scaled;
      const success: boolean = st.result.success;
      const id: string = st.object.id;
      const duration: string = st.result.duration;
      const verb: 'http://adlnet.gov/expapi/verbs/completed' = st.verb.id;
      const perQuestion = d.results.map((r) => [r.questionId, r.topic, r.difficulty, r.correct, r.timeMs] as const);
      console.log(d.score, d.total, d.durationMs, d.seed, scaled, success, id, duration, verb, perQuestion);
      // The host adds the actor and sends the statement.
      const body = JSON.stringify({ actor: { mbox: 'mailto:learner@example.org' }, ...st });
      console.log(body, xapiStatement(d, 'https://lms.example/q'));
    },
    'quiz-error': (e) => {
      const d: QuizErrorDetail = e.detail;
      switch (d.stage) {
        case 'load':
        case 'option':
        case 'panic':
          console.warn(d.stage, d.message);
          break;
        case 'bank':
          for (const error of d.errors ?? []) console.warn(error.message, error.line, error.col, error.pointer, error.id);
          break;
        default: {
          // A new stage must be handled here: it would not be assignable to never.
          const unhandled: never = d.stage;
          console.log(unhandled);
        }
      }
    },
  };
  el.addEventListener('quiz-start', listeners['quiz-start']);
  el.addEventListener('quiz-answer', listeners['quiz-answer']);
  el.addEventListener('quiz-complete', listeners['quiz-complete']);
  el.addEventListener('quiz-error', listeners['quiz-error']);
  el.removeEventListener('quiz-error', listeners['quiz-error']);
  el.addEventListener('quiz-complete', function (e) {
    // `this` is the widget.
    const widget: QuizWidgetElement = this;
    console.log(widget.seed, e.detail.score);
  }, { once: true });
  // Ordinary DOM events still type as usual.
  el.addEventListener('click', (e) => console.log(e.clientX));

  // @ts-expect-error a detail field that does not exist
  el.addEventListener('quiz-complete', (e) => e.detail.scroe);
  // @ts-expect-error quiz-answer carries no score
  el.addEventListener('quiz-answer', (e) => e.detail.score);
  // @ts-expect-error stage is load, option or panic
  el.addEventListener('quiz-error', (e) => e.detail.stage === 'network');
}

// The HTMLElementTagNameMap and HTMLElementEventMap augmentations: no casts anywhere.
export function useDom(container: HTMLElement): void {
  document.querySelector('quiz-widget')!.addEventListener('quiz-complete', (e) => e.detail.score);
  const created: QuizWidgetElement = document.createElement('quiz-widget');
  const found: QuizWidgetElement | null = container.querySelector('quiz-widget');
  const all: NodeListOf<QuizWidgetElement> = document.querySelectorAll('quiz-widget');
  console.log(found, all.length);
  // The events bubble: a container, or the element given to mount(), hears them typed too.
  container.addEventListener('quiz-answer', (e) => e.detail.correct);
  container.addEventListener('quiz-error', (e) => e.detail.stage);

  // Every option is a property: it reads the attribute and accepts what the option accepts.
  created.difficulty = ['easy', 'hard'];
  created.difficulty = 'medium';
  created.topics = ['closures', 'asyncio'];
  created.count = { easy: 5, medium: 3 };
  created.count = 10;
  created.seed = 7;
  created.ids = ['a', 'b'];
  created.mode = 'quiz';
  created.filters = 'hidden';
  created.lang = 'es';
  created.theme = 'auto';
  created.activityId = 'https://lms.example/q/1';
  created.seed = null;
  created.activityId = undefined;
  const read: (string | null)[] = [
    created.difficulty, created.topics, created.count, created.seed, created.ids,
    created.mode, created.filters, created.lang, created.theme, created.activityId,
  ];
  console.log(read, created.handle?.state().mounted);
  // @ts-expect-error theme takes page, light, dark or auto
  created.theme = 'solarized';
  // @ts-expect-error count is not a boolean
  created.count = false;

  const tag: CustomElementConstructor = QuizWidgetElement.define('quiz-widget');
  QuizWidgetElement.define('my-quiz', customElements);
  console.log(tag, QuizWidgetElement.observedAttributes);
}

// The runtime's schema of the options: every key is an option and a property of the element.
export function useSchema(el: QuizWidgetElement): void {
  for (const spec of OPTIONS) {
    const { key, attribute, type, values, default: fallback }: OptionSpec = spec;
    const current: QuizBank | string | null = el[key];
    el[key] = null; // back to the default
    if (type === 'enum' && values.length) el.setAttribute(attribute, values[0] ?? fallback);
    console.log(key, current);
  }
  // @ts-expect-error OPTIONS is read-only
  OPTIONS.push(OPTIONS[0]!);
}

// Every option has a property on the element (a new option without one fails to compile).
type MissingProperties = Exclude<keyof QuizOptions, keyof QuizWidgetElement>;
export const everyOptionIsAProperty: [MissingProperties] extends [never] ? true : MissingProperties = true;

// Exporting for an LMS: a Blob to download, with what the format lost.
export async function useExport(): Promise<void> {
  const gift = await exportBank('gift', { difficulty: ['hard'], topics: 'asyncio', count: 20, seed: 3 });
  const text: string = await gift.text();
  console.log(text, gift.summary, gift.type);
  await exportBank('qti12', { bankSrc: '/course/week3.toml', includeBuiltin: true });
  // @ts-expect-error not an export format
  await exportBank('docx');
  // @ts-expect-error export takes the selection and the bank, not display options
  await exportBank('gift', { theme: 'dark' });
}

// Progress and study mode (issue 18).
async function progressUsage(el: QuizWidgetElement): Promise<void> {
  await mount(el, { mode: 'study', persist: false, retention: 0.85, newPerDay: 5 });
  await mount(el, { mode: 'mistakes', persist: 'off', retention: '0.9', newPerDay: '10' });
  // @ts-expect-error an unknown mode
  await mount(el, { mode: 'learn' });
  // @ts-expect-error persist takes on/off or a boolean
  await mount(el, { persist: 'no' });
  el.persist = false;
  el.retention = 0.8;
  el.newPerDay = 3;
  el.addEventListener('quiz-review', (e) => {
    const d: QuizReviewDetail = e.detail;
    const grade: 1 | 3 = d.grade;
    const when: Date = new Date(d.due);
    const recall: number | null = d.retrievability;
    void [grade, when, recall, d.stability.toFixed(1), d.difficulty, d.questionId];
  });
  const p: Progress = await getProgress();
  for (const [id, q] of Object.entries(p.questions)) {
    const due: string = q.due;
    void [id, due, q.reps + q.lapses, q.stability, q.difficulty, q.lastReview, q.firstReview, q.missed];
  }
  const n: number = await importProgress(p);
  await importProgress(JSON.stringify(p));
  // @ts-expect-error importProgress takes a progress object or its JSON text
  await importProgress(42);
  await clearProgress();
  void n;
}
void progressUsage;

// The template types index.d.ts re-exports, for JSX or template languages without a ready entry
// (the React, Vue and Svelte entries are checked under tests/types/react, vue and svelte).
export const attributes: QuizWidgetAttributes = { theme: 'dark', difficulty: 'easy,hard', count: 'easy:5,hard:2', 'new-per-day': 5 };
// @ts-expect-error a misspelt theme
export const misspelt: QuizWidgetAttributes = { theme: 'drak' };
export const handlers: QuizWidgetEventHandlers = { 'onquiz-complete': (e) => void e.detail.score };
export const style: QuizWidgetCssProperties = { '--quiz-accent': '#0b57d0' };
