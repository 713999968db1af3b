//! The LMS exporters for the browser: `exportBank(blobs, format, options)` writes compiled
//! banks in an LMS format with quiz-lms. A wasm module of its own, loaded only when a page
//! calls `exportBank`: neither a blog page nor a custom-bank page downloads it otherwise.
#![deny(missing_docs)]

use wasm_bindgen::prelude::*;

/// A plain JS object from key/value pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Writes the questions of `blobs` (compiled banks: custom banks from the parser module's `compileBank`, the
/// built-in bank from the widget's `builtinBankBlob()`; several are joined) in an LMS
/// `format` (`gift`, `moodle-xml`, `qti12`, `aiken`, `anki-csv`, `d2l-csv`, `json`), picked
/// by the widget's selection `options` (`difficulty`, `topics`, `count`, `seed`: attribute
/// strings). Returns `{ bytes, summary }`; throws an `Error` naming a bad format or option.
#[wasm_bindgen(js_name = exportBank)]
pub fn export_bank(
    blobs: js_sys::Array,
    format: &str,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let mut banks: Vec<std::rc::Rc<dyn quiz_core::QuestionBank>> = Vec::new();
    for blob in blobs.iter() {
        let bytes = js_sys::Uint8Array::new(&blob).to_vec();
        let bank = quiz_core::BlobBank::new(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        banks.push(std::rc::Rc::new(bank));
    }
    let bank = quiz_core::combined::Combined::new(banks);
    let get = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let source = quiz_lms::Source::from_question_bank(&bank)
        .map_err(|e| JsError::new(&e.to_string()))?
        .select(get)
        .map_err(|e| JsError::new(&e))?;
    let (bytes, summary) = if format == "json" {
        let questions = source.questions.len();
        let json = quiz_lms::json(&source);
        (
            json.into_bytes(),
            format!("{questions} exported, 0 converted with loss, 0 skipped\n"),
        )
    } else {
        let f = quiz_lms::Format::from_name(format).ok_or_else(|| {
            JsError::new(&format!(
                "unknown format \"{format}\"; formats are qti12, moodle-xml, gift, aiken, anki-csv, d2l-csv, json"
            ))
        })?;
        let exported = quiz_lms::export(f, &source).map_err(|e| JsError::new(&e))?;
        (exported.bytes, exported.report.to_string())
    };
    Ok(object(&[
        ("bytes", js_sys::Uint8Array::from(bytes.as_slice()).into()),
        ("summary", JsValue::from_str(&summary)),
    ]))
}
