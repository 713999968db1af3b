//! The custom-bank parser, a wasm module of its own: `compileBank(text, name)` reads a bank in
//! either spelling (TOML, or the JSON `quiz-bank export --format json` writes), validates it
//! with the build's rules (quiz-core's `parse`), and returns the compact blob the main widget
//! decodes with the decoder it already has. The JS wrapper loads this module only when a page
//! gives a bank, so a page with the built-in bank never downloads a TOML or JSON parser.
//!
//! Nothing here panics on input: every problem is an entry in `errors`.
#![deny(missing_docs)]

use quiz_core::codec;
use quiz_core::parse::{self, ContentError};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** One problem in a custom bank; `message` is the whole line an author reads
 * (`NAME:LINE:COL: question "id": what is wrong`, or `NAME: /json/pointer: ...`). */
export interface BankError {
  message: string;
  line?: number;
  col?: number;
  pointer?: string;
  id?: string;
}
/** What compileBank returns. */
export interface CompiledBank {
  ok: boolean;
  errors: BankError[];
  /** The number of errors. */
  total: number;
  /** The compiled bank, for mount()'s `bank` option; only when `ok`. */
  blob?: Uint8Array;
  /** The number of questions (0 when the bank has errors). */
  questions: number;
}
"#;

/// Validates and compiles a custom bank. `text` is the bank (first non-blank character `{`:
/// JSON, else TOML); `name` names it in errors (a file name or URL).
///
/// Returns `{ ok, errors, total, blob?, questions }` (see `CompiledBank`): on success `ok` is
/// true, `errors` empty and `blob` the bytes for `mount(el, { bank: blob })`; otherwise every
/// error found, with its position.
#[wasm_bindgen(js_name = compileBank, unchecked_return_type = "CompiledBank")]
pub fn compile_bank(text: &str, name: &str) -> JsValue {
    match parse::load_bank_text(text, name) {
        Ok(bank) => {
            let blob = codec::encode_bank(&bank);
            object(&[
                ("ok", JsValue::TRUE),
                ("errors", js_sys::Array::new().into()),
                ("total", JsValue::from_f64(0.0)),
                ("blob", js_sys::Uint8Array::from(blob.as_slice()).into()),
                ("questions", count(bank.len())),
            ])
        }
        Err(errors) => {
            let list: js_sys::Array = errors.iter().map(error_object).collect();
            object(&[
                ("ok", JsValue::FALSE),
                ("errors", list.into()),
                ("total", count(errors.len())),
                ("questions", JsValue::from_f64(0.0)),
            ])
        }
    }
}

/// `{ message, line?, col?, pointer?, id? }` for one error. `message` is the whole line an author
/// reads, place and question id included (the widget's error panel lists it as it is); the
/// parts are there for tools that point at the place.
fn error_object(e: &ContentError) -> JsValue {
    let info = e.info();
    let mut pairs = vec![("message", JsValue::from_str(&e.to_string()))];
    if let Some(line) = info.line {
        pairs.push(("line", count(line)));
    }
    if let Some(col) = info.col {
        pairs.push(("col", count(col)));
    }
    if let Some(pointer) = &info.pointer {
        pairs.push(("pointer", JsValue::from_str(pointer)));
    }
    if let Some(id) = &info.id {
        pairs.push(("id", JsValue::from_str(id)));
    }
    object(&pairs)
}

fn count(n: usize) -> JsValue {
    // Exact: no count here comes near 2^53.
    JsValue::from_f64(n as f64)
}

/// A plain JS object from key/value pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}
