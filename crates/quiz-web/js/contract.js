// The wrapper's own rules, with no DOM and no wasm, so Node's test runner checks them:
// options as state, the engine's life (loading, dead after a panic, revived), the iframe's
// message target and the xAPI statement. quiz-widget.js wires them to the page.
import { OPTIONS } from './options.js';

export { OPTIONS };
export const OPTION_KEYS = Object.freeze(OPTIONS.map((o) => o.key));

/** An option value as the string an attribute would hold; `undefined` for null/undefined. */
export function optionString(value) {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}:${v}`).join(',');
  return String(value);
}

function checkKeys(options) {
  if (options === null || options === undefined) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('quiz-widget: options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new TypeError(`quiz-widget: unknown option "${key}"; options are ${OPTION_KEYS.join(', ')}`);
    }
  }
}

/**
 * The options in effect after `changes`: each key given replaces its value, and a key given
 * as null or undefined returns to its default (it is dropped). Throws on an unknown key.
 * Values become attribute strings, except `bank`, kept as given (an object or a text).
 */
export function applyOptions(current, changes) {
  checkKeys(changes);
  const next = { ...current };
  for (const [key, value] of Object.entries(changes ?? {})) {
    const s = key === 'bank' ? value ?? undefined : optionString(value);
    if (s === undefined) delete next[key];
    else next[key] = s;
  }
  return next;
}

/** The options an element's attributes give: only the attributes present. */
export function optionsFromAttributes(getAttribute) {
  const out = {};
  for (const { key, attribute, type } of OPTIONS) {
    if (!attribute) continue;
    const v = getAttribute(attribute);
    if (v === null || v === undefined) continue;
    // A boolean attribute: present (even empty) means on.
    out[key] = type === 'flag' && v === '' ? 'true' : v;
  }
  return out;
}

/** The largest bank text accepted, and how long a bank URL may take. */
export const BANK_LIMIT_BYTES = 5_000_000; // quiz-core's MAX_BANK_BYTES
export const BANK_TIMEOUT_MS = 10_000;

/** A custom bank option as the text the parser takes: an object becomes JSON. */
export function bankText(bank) {
  if (typeof bank === 'string') return bank;
  if (bank && typeof bank === 'object') return JSON.stringify(bank);
  throw new TypeError('quiz-widget: the bank option must be an object, JSON text or TOML text');
}

/**
 * Why a fetched bank cannot be used, naming the URL, or null when it can:
 * an HTTP error, an HTML page instead of JSON or TOML, or a body over the size limit.
 */
export function bankResponseProblem(url, { status, ok, contentType = '', text }) {
  if (!ok) return `could not load the question bank ${url}: HTTP ${status}`;
  if (/text\/html/i.test(contentType) || /^\s*</.test(text)) {
    return `the question bank ${url} is an HTML page, not JSON or TOML (a wrong URL or a login page?)`;
  }
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > BANK_LIMIT_BYTES) {
    return `the question bank ${url} is ${(bytes / 1e6).toFixed(1)} MB; the limit is 5 MB`;
  }
  return null;
}


/** ISO 8601 duration of `ms` milliseconds (`PT1M2.5S`). */
export function isoDuration(ms) {
  const s = Math.max(0, Math.round(ms)) / 1000;
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = +(s % 60).toFixed(3);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec}S`;
}

/**
 * The default xAPI activity id: the page URL without its query or fragment, which may carry
 * an LMS launch token.
 */
export function defaultActivityId(href) {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * An xAPI-shaped statement for a finished quiz: the LMS bridge adds the actor and sends it.
 * Whether it passed comes from the quiz engine (`detail.passed`).
 */
export function xapiStatement(detail, activityId) {
  const scaled = detail.total ? detail.score / detail.total : 0;
  return {
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: { objectType: 'Activity', id: activityId, definition: { name: { 'en-US': 'Python quiz' } } },
    result: {
      score: { raw: detail.score, min: 0, max: detail.total, scaled: Math.round(scaled * 10000) / 10000 },
      success: Boolean(detail.passed),
      completion: true,
      duration: isoDuration(detail.durationMs),
    },
    context: { extensions: { 'https://quiz-widget.invalid/xapi/seed': detail.seed } },
  };
}

/** `text` as an http(s) origin (`https://lms.example`), or null. */
function asOrigin(text) {
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Where the iframe page may post scores: the `parent-origin` query parameter when it is a
 * valid origin, else the origin of the referrer (the framing page), else nowhere (null).
 * Never '*', so a page that frames the quiz without being its host reads nothing.
 */
export function parentOrigin(search, referrer) {
  const given = new URLSearchParams(search).get('parent-origin');
  if (given !== null) return asOrigin(given);
  return asOrigin(referrer);
}

/**
 * The wasm engine's life, shared by every widget on the page: one load; after a panic or a
 * trap it is dead and no call reaches it; `revive()` makes a fresh instance and tells every
 * client to start again.
 * - `instantiate()` loads the first instance, `reinstantiate()` makes a fresh one; both
 *   resolve to the module's exports.
 * - Clients are objects with `onDead(message)` and `onRevive()`.
 */
export function createEngine({ instantiate, reinstantiate }) {
  let exports = null;
  let loading = null;
  let dead = null;
  let reviving = null;
  const clients = new Set();

  const engine = {
    /** Resolves to the exports; rejects while dead. */
    load() {
      if (dead !== null) return Promise.reject(new Error(`the quiz engine stopped: ${dead}`));
      loading ??= instantiate().then((x) => { exports = x; return x; });
      return loading;
    },
    /** The message of the failure that killed the engine, or null while it lives. */
    get dead() { return dead; },
    /** The exports of the live engine, or null. */
    get exports() { return dead === null ? exports : null; },
    /** Runs `fn(exports)`; a trap inside kills the engine. Throws while dead. */
    call(fn) {
      if (dead !== null || exports === null) throw new Error(`the quiz engine stopped: ${dead ?? 'not loaded'}`);
      try {
        return fn(exports);
      } catch (e) {
        if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) engine.kill(String(e.message || e));
        throw e;
      }
    },
    /** Marks the engine dead (once) and tells every client. Makes no call into it. */
    kill(message) {
      if (dead !== null) return;
      dead = String(message);
      for (const c of [...clients]) c.onDead(dead);
    },
    /** A fresh instance after a failure; every client starts again. */
    revive() {
      if (dead === null) return loading ?? engine.load();
      reviving ??= (async () => {
        try {
          exports = await reinstantiate();
          dead = null;
          loading = Promise.resolve(exports);
        } finally {
          reviving = null;
        }
        for (const c of [...clients]) c.onRevive();
        return exports;
      })();
      return reviving;
    },
    add(client) { clients.add(client); },
    delete(client) { clients.delete(client); },
    get size() { return clients.size; },
  };
  return engine;
}
