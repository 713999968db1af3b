// The <quiz-widget> custom element and the small JS API around the wasm.
// One memoised loader: every widget on the page shares one download and one instance.
// The wasm URL resolves from this module's own URL, so the files work from any sub-path or CDN.
import init, * as wasm from './quiz_web.js';
import { css } from './styles.js';

const OPTION_ATTRIBUTES = ['difficulty', 'topics', 'count', 'seed', 'ids', 'mode', 'filters', 'lang'];
const ATTRIBUTES = [...OPTION_ATTRIBUTES, 'theme', 'activity-id'];
const THEMES = ['light', 'dark', 'auto', 'page'];
const MODES = ['quiz'];

let wasmUrl = null;
let loading = null;
let instance = null;
let panicked = null;
const live = new Set();

/** Overrides where the .wasm file is fetched from. Call before the first widget loads. */
export function setWasmUrl(url) {
  const next = String(new URL(String(url), document.baseURI));
  if (wasmUrl !== null && wasmUrl !== next) {
    console.warn(`quiz-widget: the wasm URL is already ${wasmUrl}; ignoring ${next}`);
    return;
  }
  if (loading && wasmUrl === null) {
    console.warn(`quiz-widget: the wasm is already loading; ignoring ${next}`);
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

/** Bytes of wasm linear memory in use by the shared instance (0 before it loads). */
export function wasmMemoryBytes() {
  return instance ? instance.memory.buffer.byteLength : 0;
}

/** Loads and starts the wasm once; resolves to its exports. */
export function load() {
  loading ??= (async () => {
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
    wasm.onPanic((message) => {
      panicked = message;
      for (const el of live) el._panic(message);
    });
    return wasm;
  })();
  return loading;
}

let sheet = null;
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

function toOptionString(value) {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}:${v}`).join(',');
  return String(value);
}

const OPTION_KEYS = new Set(['difficulty', 'topics', 'count', 'seed', 'ids', 'mode', 'filters', 'lang', 'theme', 'activityId']);

/** Validates JS API options; returns the string options the wasm takes. */
function wasmOptions(options) {
  const out = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (!OPTION_KEYS.has(key)) {
      throw new Error(`unknown option "${key}"; options are ${[...OPTION_KEYS].join(', ')}`);
    }
    if (key === 'theme' || key === 'activityId') continue;
    const s = toOptionString(value);
    if (s === undefined) continue;
    if (key === 'mode') {
      if (s && !MODES.includes(s)) throw new Error(`mode="${s}" is not valid: ${MODES.join(' or ')}`);
      continue;
    }
    out[key] = s;
  }
  return out;
}

function pageLang(el) {
  const holder = el.closest('[lang]');
  return holder ? holder.getAttribute('lang') : (document.documentElement.lang || 'en');
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

/** ISO 8601 duration of `ms` milliseconds (`PT1M2.5S`). */
function isoDuration(ms) {
  const s = Math.max(0, Math.round(ms)) / 1000;
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = +(s % 60).toFixed(3);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec}S`;
}

/**
 * An xAPI-shaped statement for a finished quiz: the LMS bridge adds the actor and sends it.
 * `success` means at least half the questions right.
 */
export function xapiStatement(detail, activityId) {
  const scaled = detail.total ? detail.score / detail.total : 0;
  return {
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: { objectType: 'Activity', id: activityId, definition: { name: { 'en-US': 'Python quiz' } } },
    result: {
      score: { raw: detail.score, min: 0, max: detail.total, scaled: Math.round(scaled * 10000) / 10000 },
      success: scaled >= 0.5,
      completion: true,
      duration: isoDuration(detail.durationMs),
    },
    context: { extensions: { 'https://quiz-widget.invalid/xapi/seed': detail.seed } },
  };
}

function defaultActivityId(seed) {
  const url = new URL(typeof location === 'undefined' ? 'about:blank' : location.href);
  url.hash = '';
  url.searchParams.set('quiz-seed', String(seed));
  return url.href;
}

/** A quiz mounted into any element, without the custom element. */
class Handle {
  #el; #root; #handle = null; #options; #theme;
  constructor(el, root, options) {
    this.#el = el; this.#root = root; this.#options = { ...options };
  }
  #onScheme = () => this.applyTheme();
  // Adds the xAPI statement to quiz-complete at its target, before it leaves the shadow root.
  #onComplete = (e) => {
    const id = this.#options.activityId ?? this.#el.getAttribute?.('activity-id') ?? defaultActivityId(e.detail.seed);
    e.detail.statement = xapiStatement(e.detail, id);
  };
  _mount(w) {
    this.#root.addEventListener('quiz-complete', this.#onComplete);
    this.#theme = this.#options.theme ?? 'page';
    this.#handle = w.mount(this.#root, wasmOptions(this.#options));
    this.applyTheme();
    darkQuery?.addEventListener?.('change', this.#onScheme);
  }
  applyTheme() {
    const t = THEMES.includes(this.#theme) ? this.#theme : 'page';
    const dark = t === 'dark' || (t === 'auto' && darkQuery?.matches) || (t === 'page' && pageIsDark(this.#el));
    this.#root.dataset.scheme = dark ? 'dark' : 'light';
  }
  /** Unmounts the quiz and frees its memory. */
  destroy() {
    darkQuery?.removeEventListener?.('change', this.#onScheme);
    this.#handle?.destroy();
    this.#handle?.free();
    this.#handle = null;
  }
  /** Starts a new quiz with the same options. */
  restart() { this.#handle?.restart(); }
  /** Changes options: a new theme or lang keeps progress; anything else starts a new quiz. */
  setOptions(options) {
    const next = { ...this.#options, ...options };
    const wasm = wasmOptions(next);
    this.#handle?.setOptions(wasm);
    this.#options = next;
    if ('theme' in options) {
      this.#theme = options.theme;
      this.applyTheme();
    }
  }
  /** The options in effect. */
  state() { return { options: { ...this.#options }, mounted: this.#handle !== null }; }
}

/**
 * Mounts a quiz into `element` (its content is replaced). Resolves to a handle with
 * destroy(), restart(), setOptions() and state().
 */
export async function mount(element, options = {}) {
  const w = await load();
  const root = document.createElement('div');
  root.className = 'root';
  element.replaceChildren(root);
  const handle = new Handle(element, root, options);
  handle._mount(w);
  return handle;
}

// In Node (SSR imports) there is no HTMLElement: the class still exists, unused.
const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

/** The <quiz-widget> element. */
export class QuizWidgetElement extends Base {
  static observedAttributes = ATTRIBUTES;
  #handle = null;
  #root = null;
  #starting = false;
  #warned = new Set();

  /** Defines the element under `tag` unless something already did (two copies of the script). */
  static define(tag = 'quiz-widget', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  connectedCallback() {
    live.add(this);
    if (this.#handle || this.#starting) return;
    this.#start();
  }

  disconnectedCallback() {
    // A DOM move disconnects and reconnects in the same task: destroy only if still gone.
    queueMicrotask(() => {
      if (this.isConnected) return;
      live.delete(this);
      this.#handle?.destroy();
      this.#handle = null;
      this.#root?.replaceChildren();
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.#root) return;
    if (name === 'theme') {
      if (this.#handle) this.#handle.setOptions({ theme: this.#theme() });
      return;
    }
    if (name === 'activity-id') return;
    if (this.#handle) {
      try {
        this.#handle.setOptions(this.#options());
      } catch (e) {
        this.#fail(e, 'option');
      }
    } else if (!this.#starting) {
      this.#start();
    }
  }

  #theme() {
    const t = this.getAttribute('theme') ?? 'page';
    if (!THEMES.includes(t)) {
      this.#warn(`theme="${t}" is not valid: ${THEMES.join(', ')}; using page`);
      return 'page';
    }
    return t;
  }

  #options() {
    const o = {};
    for (const name of OPTION_ATTRIBUTES) {
      const v = this.getAttribute(name);
      if (v !== null) o[name] = v;
    }
    o.lang ??= pageLang(this);
    o.theme = this.#theme();
    return o;
  }

  async #start() {
    this.#starting = true;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.#root) {
      adoptStyles(shadow);
      this.#root = document.createElement('div');
      this.#root.className = 'root';
      this.#root.setAttribute('part', 'root');
      shadow.append(this.#root);
    }
    const root = this.#root;
    root.dataset.scheme = pageIsDark(this) ? 'dark' : 'light';
    if (!root.firstChild) root.innerHTML = '<p class="loading" role="status">Loading quiz…</p>';
    let stage = 'load';
    try {
      const w = await load();
      if (panicked) throw new Error(`the quiz engine stopped after an internal error (${panicked}); reload the page`);
      if (!this.isConnected || this.#handle) return;
      stage = 'option';
      const handle = new Handle(this, root, this.#options());
      root.replaceChildren();
      handle._mount(w);
      this.#handle = handle;
    } catch (e) {
      this.#fail(e, stage);
    } finally {
      this.#starting = false;
    }
  }

  #warn(message) {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(`quiz-widget: ${message}`);
  }

  #fail(error, stage) {
    const message = String(error && error.message ? error.message : error);
    this.#handle?.destroy();
    this.#handle = null;
    this.#warn(message);
    if (this.#root) {
      const box = document.createElement('div');
      box.className = 'message';
      box.setAttribute('role', 'alert');
      box.setAttribute('part', 'message');
      const strong = document.createElement('strong');
      strong.textContent = stage === 'load' ? 'The quiz could not start. ' : 'This quiz has a setting it cannot use. ';
      box.append(strong, document.createTextNode(message));
      this.#root.replaceChildren(box);
    }
    this.dispatchEvent(new CustomEvent('quiz-error', {
      detail: { message, stage }, bubbles: true, composed: true,
    }));
  }

  _panic(message) {
    this.#fail(new Error(`the quiz engine stopped after an internal error; reload the page to continue (${message})`), 'panic');
  }

  /** The running quiz's handle, or null. */
  get handle() { return this.#handle; }
}

for (const name of ATTRIBUTES) {
  const prop = name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  Object.defineProperty(QuizWidgetElement.prototype, prop, {
    get() { return this.getAttribute(name); },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, toOptionString(value));
    },
    configurable: true,
  });
}

if (typeof customElements !== 'undefined') QuizWidgetElement.define();
