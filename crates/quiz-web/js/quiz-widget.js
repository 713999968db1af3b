// The <quiz-widget> custom element and the small JS API around the wasm.
// One engine: every widget on the page shares one download and one instance. The wasm URL
// resolves from this module's own URL, so the files work from any sub-path or CDN.
// The rules (options as state, the engine's life, the xAPI statement) are in contract.js.
import init, * as glue from './quiz_web.js';
import { css } from './styles.js';
import {
  OPTIONS, applyOptions, createEngine, defaultActivityId, optionsFromAttributes, xapiStatement,
} from './contract.js';
// contract.js imports options.js; naming it here too lets the browser fetch both at once
// instead of one after the other (a round trip before the first question, issue 21).
import './options.js';

export { OPTIONS, xapiStatement };

let wasmUrl = null;

/** Overrides where the .wasm file is fetched from. Call before the first widget loads. */
export function setWasmUrl(url) {
  const next = String(new URL(String(url), document.baseURI));
  if (wasmUrl !== null && wasmUrl !== next) {
    console.warn(`quiz-widget: the wasm URL is already ${wasmUrl}; ignoring ${next}`);
    return;
  }
  wasmUrl = next;
}

function defaultWasmUrl() {
  if (typeof document !== 'undefined') {
    const tag = [...document.querySelectorAll('script[type="module"][data-wasm-url]')]
      .find((s) => s.src && new URL(s.src, document.baseURI).href === import.meta.url);
    if (tag) return new URL(tag.dataset.wasmUrl, document.baseURI).href;
  }
  return new URL('quiz_web_bg.wasm', import.meta.url).href;
}

function explain(error, url) {
  const text = String(error && error.message ? error.message : error);
  if (/unsafe-eval|Content Security Policy|CSP/i.test(text)) {
    return new Error(`the page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src (${text})`);
  }
  if (/magic word|expected magic/i.test(text)) {
    return new Error(`could not load ${url}: the server did not return a wasm file`);
  }
  return new Error(`could not load ${url}: ${text}`);
}

let instance = null;

const engine = createEngine({
  async instantiate() {
    performance?.mark?.('quiz-script-start');
    const url = wasmUrl ?? (wasmUrl = defaultWasmUrl());
    let response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw explain(e, url);
    }
    if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
    try {
      instance = await init({ module_or_path: response });
    } catch (e) {
      throw explain(e, url);
    }
    performance?.mark?.('quiz-wasm-ready');
    // The hook runs inside the panicking instance: it only marks the engine dead.
    glue.onPanic((message) => engine.kill(message));
    return glue;
  },
  async reinstantiate() {
    // A fresh instance of the compiled module (wasm-bindgen's reset-state function): new
    // memory, new tables; objects of the dead instance are never called again.
    glue.__wbg_reset_state();
    glue.onPanic((message) => engine.kill(message));
    return glue;
  },
});

// A trap that is not a panic (stack overflow, out of memory) reaches the page as an error
// from a wasm frame of this module.
if (typeof addEventListener === 'function') {
  const onTrap = (error) => {
    if (engine.exports && typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError
        && /quiz_web/.test(String(error.stack))) {
      engine.kill(error.message);
    }
  };
  addEventListener('error', (e) => onTrap(e.error));
  addEventListener('unhandledrejection', (e) => onTrap(e.reason));
}

/** Loads and starts the wasm once; resolves to its exports (`bankTopics()`). */
export function load() {
  return engine.load();
}

/**
 * The learner's review history on this origin, as every widget here shares it:
 * `{ version, questions: { [id]: { due, stability, difficulty, reps, lapses, lastReview,
 * firstReview, missed } } }` with ISO 8601 dates. It never leaves the device.
 */
export async function getProgress() {
  await engine.load();
  return engine.call((w) => w.getProgress());
}

/** Forgets the review history and every saved quiz of this origin. */
export async function clearProgress() {
  await engine.load();
  engine.call((w) => w.clearProgress());
}

/**
 * Merges a progress export (an object from getProgress(), or its JSON text) into the history.
 * Resolves to how many questions it held; rejects, changing nothing, when it is not valid.
 */
export async function importProgress(progress) {
  await engine.load();
  const text = typeof progress === 'string' ? progress : JSON.stringify(progress);
  return engine.call((w) => w.importProgress(text));
}

/** Bytes of wasm linear memory in use by the shared instance (0 before it loads). */
export function wasmMemoryBytes() {
  return instance && engine.exports ? instance.memory.buffer.byteLength : 0;
}

/** The custom-bank loader, a module fetched only when a page gives a bank. */
let customBank = null;
function loadCustomBank() {
  customBank ??= import('./custom-bank.js').catch((e) => { customBank = null; throw e; });
  return customBank;
}

/** The media type of each export format. */
const EXPORT_TYPES = {
  qti12: 'application/zip', 'moodle-xml': 'application/xml', gift: 'text/plain', aiken: 'text/plain',
  'anki-csv': 'text/csv', 'd2l-csv': 'text/csv', json: 'application/json',
};

/**
 * The questions in an LMS format, as a Blob a course site can offer for download: the
 * built-in bank, or the custom bank of `options.bank` / `options.bankSrc` (with the
 * built-in bank added when `includeBuiltin`), picked by the widget's selection options
 * (`difficulty`, `topics`, `count`, `seed`; every question when none is given). The Blob's
 * `summary` says what the format lost. The exporters load only when this is called.
 */
export async function exportBank(format, options = {}) {
  const o = applyOptions({}, options);
  await engine.load();
  const { compiledBank, exportBlobs } = await loadCustomBank();
  const builtin = () => engine.call((w) => w.builtinBankBlob());
  const blobs = [];
  if (o.bank !== undefined || o.bankSrc !== undefined) {
    blobs.push(await compiledBank(o.bank !== undefined ? { bank: o.bank } : { url: o.bankSrc }));
    if (o.includeBuiltin === 'true') blobs.push(builtin());
  } else {
    blobs.push(builtin());
  }
  const selection = Object.fromEntries(['difficulty', 'topics', 'count', 'seed']
    .filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  const { bytes, summary } = await exportBlobs(blobs, format, selection);
  const file = new Blob([bytes], { type: EXPORT_TYPES[format] ?? 'application/octet-stream' });
  Object.defineProperty(file, 'summary', { value: summary });
  return file;
}

let sheet = null;
/** Attaches the widget's stylesheet to a shadow root: constructable where supported. */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector('style[data-quiz-widget]')) {
    const style = document.createElement('style');
    style.dataset.quizWidget = '';
    style.textContent = css;
    root.prepend(style);
  }
}

/** The language of the page around `el` (not `el`'s own `lang` attribute). */
function pageLang(el) {
  const holder = el.parentElement?.closest('[lang]');
  return holder ? holder.getAttribute('lang') : (document.documentElement.lang || '');
}

/** Luminance of the first opaque background behind `el`: the host page's own colour. */
function pageIsDark(el) {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    const m = bg.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.35;
    }
  }
  return false;
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/**
 * One quiz on the page, behind the element or a mount() handle: its shadow root, its options
 * (the whole state, never merged), its wasm handle, and every failure path. Builds DOM with
 * createElement and text only: no HTML strings (Trusted Types).
 */
class Widget {
  #host; #root; #options; #handle = null; #error = null; #warned = new Set();
  #alive = true; #starting = null;
  // The compiled custom bank and what it was compiled from (the bank option or URL).
  #blob = null; #blobFrom = null;

  constructor(host, shadowHost, options) {
    this.#host = host;
    this.#options = { ...options };
    const shadow = shadowHost.shadowRoot ?? shadowHost.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#root = [...shadow.children].find((c) => c.classList.contains('root')) ?? el('div', { class: 'root', part: 'root' });
    if (!this.#root.isConnected) shadow.append(this.#root);
    this.#root.addEventListener('quiz-complete', this.#onComplete);
    darkQuery?.addEventListener?.('change', this.#onScheme);
    engine.add(this);
  }

  get options() { return { ...this.#options }; }
  get mounted() { return this.#handle !== null; }
  get error() { return this.#error; }

  // Adds the xAPI statement to quiz-complete at its target, before it leaves the shadow root.
  #onComplete = (e) => {
    const id = this.#options.activityId
      || defaultActivityId(typeof location === 'undefined' ? 'about:blank' : location.href);
    e.detail.statement = xapiStatement(e.detail, id);
  };

  #onScheme = () => this.#applyTheme();

  #applyTheme() {
    const t = this.#options.theme || 'page';
    const dark = t === 'dark' || (t === 'auto' && darkQuery?.matches) || (t === 'page' && pageIsDark(this.#host));
    this.#root.dataset.scheme = dark ? 'dark' : 'light';
  }

  #wasmOptions() {
    const { activityId, bank, bankSrc, ...rest } = this.#options;
    return {
      ...rest,
      ...(this.#blob ? { bank: this.#blob } : {}),
      pageLang: pageLang(this.#host),
      // Where the quiz in progress is saved: the element's id, else the page path.
      widgetId: this.#host.id || '',
      pagePath: typeof location === 'undefined' ? '' : location.pathname,
    };
  }

  /** Where the custom bank comes from: the bank option, else the bank-src URL, else none. */
  #bankSource() {
    return this.#options.bank ?? this.#options.bankSrc ?? null;
  }

  /** Fetches and compiles the custom bank if there is one and it changed. */
  async #prepareBank() {
    const from = this.#bankSource();
    if (from === this.#blobFrom) return;
    this.#blob = null;
    this.#blobFrom = null;
    if (from === null) return;
    const { compiledBank } = await loadCustomBank();
    const blob = await compiledBank(this.#options.bank !== undefined ? { bank: from } : { url: from });
    // Options may have changed while this ran: keep the blob only if it is still wanted.
    if (this.#bankSource() === from) {
      this.#blob = blob;
      this.#blobFrom = from;
    }
  }

  /** Loads the engine if needed and mounts the quiz; failures show in the widget. */
  start() {
    this.#starting ??= this.#start().finally(() => { this.#starting = null; });
    return this.#starting;
  }

  async #start() {
    this.#applyTheme();
    if (!this.#root.firstChild) this.#root.append(el('p', { class: 'loading', role: 'status' }, 'Loading quiz…'));
    try {
      await engine.load();
    } catch (e) {
      if (this.#alive) this.#fail(e, engine.dead ? 'panic' : 'load');
      return;
    }
    if (!this.#alive || this.#handle) return;
    try {
      await this.#prepareBank();
    } catch (e) {
      if (this.#alive) this.#fail(e, 'bank');
      return;
    }
    if (!this.#alive || this.#handle) return;
    this.#mount();
  }

  #mount() {
    try {
      const handle = engine.call((w) => w.mount(this.#root, this.#wasmOptions()));
      // mount() appended the quiz: drop the loading line or an old message.
      for (const child of [...this.#root.children]) if (!child.classList.contains('quiz-app')) child.remove();
      this.#handle = handle;
      this.#error = null;
      this.#applyTheme();
    } catch (e) {
      this.#fail(e, engine.dead ? 'panic' : 'option');
    }
  }

  /** Replaces every option (absent ones return to their defaults). */
  setOptions(options) {
    this.#options = { ...options };
    if (!this.#alive || engine.dead) return;
    if (this.#bankSource() !== this.#blobFrom) {
      // A new bank: fetch and compile it, then mount afresh.
      this.#dropHandle();
      this.#root.replaceChildren();
      this.start();
      return;
    }
    if (!this.#handle) {
      if (engine.exports) this.#mount();
      return;
    }
    try {
      engine.call(() => this.#handle.setOptions(this.#wasmOptions()));
      this.#applyTheme();
    } catch (e) {
      this.#fail(e, engine.dead ? 'panic' : 'option');
    }
  }

  /** A new quiz with the current options, never the setup screen. */
  restart() {
    if (this.#handle) engine.call(() => this.#handle.restart());
  }

  #dropHandle() {
    const handle = this.#handle;
    this.#handle = null;
    if (handle && !engine.dead) {
      try {
        engine.call(() => { handle.destroy(); handle.free(); });
      } catch { /* the engine just died; nothing to free */ }
    }
  }

  /** Unmounts and frees everything; calling it again does nothing. */
  destroy() {
    if (!this.#alive) return;
    this.#alive = false;
    engine.delete(this);
    darkQuery?.removeEventListener?.('change', this.#onScheme);
    this.#root.removeEventListener('quiz-complete', this.#onComplete);
    this.#dropHandle();
    this.#root.replaceChildren();
  }

  #warn(message) {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(`quiz-widget: ${message}`);
  }

  #fail(error, stage) {
    const message = String(error && error.message ? error.message : error);
    if (stage !== 'panic') this.#dropHandle();
    else this.#handle = null;
    this.#error = message;
    // A panic is logged once, by the engine's hook, not once per widget.
    if (stage !== 'panic') this.#warn(message);
    const lead = {
      load: 'The quiz could not start. ',
      option: 'This quiz has a setting it cannot use. ',
      bank: 'This quiz cannot use its questions: ',
      panic: 'The quiz stopped after an internal error. ',
    }[stage];
    const errors = error?.errors ?? [];
    const box = el('div', { class: errors.length ? 'message bank-errors' : 'message', role: 'alert', part: 'message' },
      el('strong', {}, lead), message);
    if (errors.length) {
      // For the bank's author: the first 20 errors with their positions, and the count.
      box.append(el('ul', {}, ...errors.slice(0, 20).map((e) => el('li', {}, e.message))));
      if (error.total > 20) box.append(el('p', {}, `…and ${error.total - 20} more.`));
    }
    if (stage === 'panic') {
      const button = el('button', { type: 'button', class: 'btn btn-primary reload', part: 'button' }, 'Reload quiz');
      button.addEventListener('click', () => {
        button.disabled = true;
        engine.revive().catch((e) => this.#fail(e, 'load'));
      });
      box.append(' ', button);
    }
    this.#root.replaceChildren(box);
    const detail = stage === 'bank' ? { message, stage, errors } : { message, stage };
    this.#host.dispatchEvent(new CustomEvent('quiz-error', { detail, bubbles: true, composed: true }));
  }

  /** The engine died: show the reload panel; never call into it. */
  onDead(message) {
    this.#fail(new Error(message), 'panic');
  }

  /** A fresh engine: mount again with the current options. */
  onRevive() {
    if (!this.#alive) return;
    this.#warned.clear();
    this.#root.replaceChildren();
    this.start();
  }
}

/** A quiz mounted with mount(), or the handle of a <quiz-widget>. */
class Handle {
  #widget; #set;
  constructor(widget, set) { this.#widget = widget; this.#set = set; }
  /** Unmounts the quiz and frees its memory. Calling it twice does nothing. */
  destroy() { this.#widget.destroy(); }
  /** Starts a new quiz with the current options (a fresh seed unless `seed` is set). */
  restart() { this.#widget.restart(); }
  /**
   * Changes options: each key given replaces its value, null or undefined returns it to its
   * default. Throws on an unknown key. A new theme or lang keeps progress.
   */
  setOptions(changes) { this.#set(changes); }
  /** The options in effect, whether a quiz is mounted, and the current error message. */
  state() {
    return { options: this.#widget.options, mounted: this.#widget.mounted, error: this.#widget.error };
  }
}

const mounted = new WeakMap();

/**
 * Mounts a quiz into `element` (its content is replaced by a host with its own styled shadow
 * root). Resolves to a handle with destroy(), restart(), setOptions() and state(). Throws on
 * an unknown option; an invalid value shows in the widget and fires `quiz-error`.
 */
export async function mount(element, options = {}) {
  const initial = applyOptions({}, options);
  mounted.get(element)?.destroy();
  const host = document.createElement('div');
  host.className = 'quiz-widget-host';
  element.replaceChildren(host);
  const widget = new Widget(element, host, initial);
  mounted.set(element, widget);
  const handle = new Handle(widget, (changes) => widget.setOptions(applyOptions(widget.options, changes)));
  await widget.start();
  return handle;
}

// In Node (SSR imports) there is no HTMLElement: the class still exists, unused.
const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

/** The <quiz-widget> element: its attributes are its options. */
export class QuizWidgetElement extends Base {
  static observedAttributes = OPTIONS.map((o) => o.attribute);
  #widget = null;

  /** Defines the element under `tag` unless something already did (two copies of the script). */
  static define(tag = 'quiz-widget', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  #bank = undefined;

  #attributeOptions() {
    const options = optionsFromAttributes((name) => this.getAttribute(name));
    return this.#bank === undefined ? options : { ...options, bank: this.#bank };
  }

  /** A custom bank given from JS (an object, JSON or TOML text); null removes it. */
  get bank() { return this.#bank ?? null; }
  set bank(value) {
    this.#bank = value ?? undefined;
    this.#widget?.setOptions(this.#attributeOptions());
  }

  connectedCallback() {
    if (this.#widget) return;
    this.#widget = new Widget(this, this, this.#attributeOptions());
    this.#widget.start();
  }

  disconnectedCallback() {
    // A DOM move disconnects and reconnects in the same task: destroy only if still gone.
    queueMicrotask(() => {
      if (this.isConnected || !this.#widget) return;
      this.#widget.destroy();
      this.#widget = null;
    });
  }

  attributeChangedCallback(_name, oldValue, value) {
    if (oldValue === value || !this.#widget) return;
    this.#widget.setOptions(this.#attributeOptions());
  }

  /** The running quiz's handle, or null. Its setOptions() sets the attributes. */
  get handle() {
    if (!this.#widget?.mounted) return null;
    return new Handle(this.#widget, (changes) => {
      applyOptions({}, changes);
      for (const [key, value] of Object.entries(changes)) this[key] = value;
    });
  }
}

for (const { key, attribute } of OPTIONS) {
  if (!attribute) continue;
  Object.defineProperty(QuizWidgetElement.prototype, key, {
    // `lang` reads '' when absent, like every HTMLElement's; the others read null.
    get() { return this.getAttribute(attribute) ?? (key === 'lang' ? '' : null); },
    set(value) {
      const s = applyOptions({}, { [key]: value })[key];
      if (s === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, s);
    },
    configurable: true,
  });
}

if (typeof customElements !== 'undefined') QuizWidgetElement.define();
