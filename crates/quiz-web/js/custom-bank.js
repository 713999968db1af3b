// Custom banks (issue 16), loaded by quiz-widget.js only when a page gives a bank: fetching a
// bank URL, and compiling its JSON or TOML with the parser, a second wasm module. A blog page
// with the built-in bank downloads neither.
import { BANK_TIMEOUT_MS, bankResponseProblem, bankText } from './contract.js';

// The custom-bank parser: a second wasm module, fetched only when a page gives a bank, so a
// blog page with the built-in bank never pays for JSON or TOML parsing.
let parser = null;
function loadParser() {
  parser ??= (async () => {
    const mod = await import('./quiz_bank_web.js');
    await mod.default({ module_or_path: new URL('quiz_bank_web_bg.wasm', import.meta.url) });
    return mod;
  })().catch((e) => { parser = null; throw e; });
  return parser;
}

/** A custom bank that cannot be used: a message, and the validator's errors if any. */
export class BankProblem extends Error {
  constructor(message, errors = [], total = 0) {
    super(message);
    this.errors = errors;
    this.total = total;
  }
}

/** The text of `url`, checked: HTTP status, not HTML, size; 10 s at most. */
async function fetchBank(url) {
  const href = new URL(url, document.baseURI).href;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), BANK_TIMEOUT_MS);
  let response, text;
  try {
    response = await fetch(href, { credentials: 'same-origin', signal: abort.signal });
    text = await response.text();
  } catch (e) {
    throw new BankProblem(abort.signal.aborted
      ? `the question bank ${url} did not answer within ${BANK_TIMEOUT_MS / 1000} s`
      : `could not load the question bank ${url}: ${e.message}`);
  } finally {
    clearTimeout(timer);
  }
  const problem = bankResponseProblem(url, {
    ok: response.ok, status: response.status, contentType: response.headers.get('content-type') ?? '', text,
  });
  if (problem) throw new BankProblem(problem);
  return text;
}

/** Compiles a bank text to the blob the main wasm reads; throws a BankProblem listing errors. */
async function compileBank(text, name) {
  const p = await loadParser();
  const result = p.compileBank(text, name);
  if (!result.ok) {
    const n = result.total;
    // One error (a limit, a syntax error) is the message itself; more are listed under a count.
    const message = n === 1 ? result.errors[0].message : `the question bank ${name} has ${n} errors`;
    throw new BankProblem(message, result.errors, n);
  }
  return result.blob;
}


/**
 * The compiled blob of a custom bank given as `{ bank }` (an object, JSON or TOML text) or
 * `{ url }` (fetched); throws a BankProblem naming what is wrong.
 */
export async function compiledBank({ bank, url }) {
  if (url === undefined) {
    const text = bankText(bank);
    return compileBank(text, /^\s*\{/.test(text) ? 'bank.json' : 'bank.toml');
  }
  const text = await fetchBank(url);
  return compileBank(text, new URL(url, document.baseURI).pathname.split('/').pop() || 'bank');
}

/**
 * Writes compiled banks (`blobs`) in an LMS format with the exporters module; resolves to
 * `{ bytes, summary }`.
 */
export async function exportBlobs(blobs, format, options) {
  exporters ??= (async () => {
    const mod = await import('./quiz_lms_web.js');
    await mod.default({ module_or_path: new URL('quiz_lms_web_bg.wasm', import.meta.url) });
    return mod;
  })().catch((e) => { exporters = null; throw e; });
  return (await exporters).exportBank(blobs, format, options);
}

// The LMS exporters: a third wasm module, fetched only by exportBank().
let exporters = null;
