//! `compileBank` as the JS wrapper calls it, in a real browser: a valid bank in each spelling
//! compiles to a blob the widget's decoder reads, and a malformed one is refused with every
//! error and its position (line:col for TOML, a JSON pointer for JSON).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use quiz_bank_web::compile_bank;
use quiz_core::{BlobBank, QuestionBank};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TOML_BANK: &str = r#"
[[category]]
slug = "basics"
title = "Basics"

[[topic]]
slug = "truthiness"
title = "Truthiness"
category = "basics"

[[question]]
id = "all-of-empty"
topic = "truthiness"
difficulty = "easy"
kind = "true-false"
tags = ["builtins"]
prompt = "`all([])` returns `True`."
answer = true
explanation = "`all` looks for a falsy item and finds none in an empty iterable."

[[question]]
id = "empty-list-falsy"
topic = "truthiness"
difficulty = "medium"
kind = "single"
tags = ["truthiness"]
prompt = "What is `bool([])`?"
explanation = "Empty containers are falsy."

[[question.choices]]
text = "`False`"
correct = true

[[question.choices]]
text = "`True`"
why = "Only non-empty containers are truthy."
"#;

const JSON_BANK: &str = r#"{
  "categories": [{ "slug": "basics", "title": "Basics" }],
  "topics": [{ "slug": "truthiness", "title": "Truthiness", "category": "basics" }],
  "questions": [
    {
      "id": "all-of-empty", "topic": "truthiness", "difficulty": "easy", "kind": "true-false",
      "tags": ["builtins"], "prompt": "`all([])` returns `True`.", "answer": true,
      "explanation": "`all` looks for a falsy item and finds none in an empty iterable."
    },
    {
      "id": "empty-list-falsy", "topic": "truthiness", "difficulty": "medium", "kind": "single",
      "tags": ["truthiness"], "prompt": "What is `bool([])`?",
      "explanation": "Empty containers are falsy.",
      "choices": [
        { "text": "`False`", "correct": true },
        { "text": "`True`", "why": "Only non-empty containers are truthy." }
      ]
    }
  ]
}"#;

fn get(o: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(key)).unwrap()
}

fn num(o: &JsValue, key: &str) -> Option<f64> {
    get(o, key).as_f64()
}

fn string(o: &JsValue, key: &str) -> Option<String> {
    get(o, key).as_string()
}

fn errors(result: &JsValue) -> Vec<JsValue> {
    get(result, "errors")
        .dyn_into::<js_sys::Array>()
        .unwrap()
        .iter()
        .collect()
}

/// A successful result: no errors, and a blob the widget's decoder turns back into the bank.
fn assert_compiled(result: &JsValue) {
    let messages: Vec<String> = errors(result)
        .iter()
        .filter_map(|e| string(e, "message"))
        .collect();
    assert_eq!(messages, Vec::<String>::new());
    assert_eq!(get(result, "ok").as_bool(), Some(true));
    assert_eq!(num(result, "total"), Some(0.0));
    assert_eq!(num(result, "questions"), Some(2.0));
    let blob = get(result, "blob")
        .dyn_into::<js_sys::Uint8Array>()
        .unwrap();
    // BlobBank is what the main widget reads `options.bank` with.
    let bank = BlobBank::new(blob.to_vec()).unwrap();
    assert_eq!(
        bank.categories(),
        [("basics".to_string(), "Basics".to_string())]
    );
    let topics = bank.topics();
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0].slug, "truthiness");
    assert_eq!(topics[0].category, "basics");
    assert_eq!(topics[0].counts, [1, 1, 0]);
    let questions = bank.questions(&topics[0]).unwrap();
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["all-of-empty", "empty-list-falsy"]);
    assert_eq!(
        questions[1].answer.choices()[1].why.as_deref(),
        Some("Only non-empty containers are truthy.")
    );
}

#[wasm_bindgen_test]
fn a_toml_bank_compiles_to_a_blob_the_widget_reads() {
    assert_compiled(&compile_bank(TOML_BANK, "week3.toml"));
}

#[wasm_bindgen_test]
fn a_json_bank_compiles_to_a_blob_the_widget_reads() {
    assert_compiled(&compile_bank(JSON_BANK, "week3.json"));
}

#[wasm_bindgen_test]
fn the_same_bank_in_both_spellings_compiles_to_the_same_blob() {
    let blob = |r: JsValue| {
        get(&r, "blob")
            .dyn_into::<js_sys::Uint8Array>()
            .unwrap()
            .to_vec()
    };
    assert_eq!(
        blob(compile_bank(TOML_BANK, "a.toml")),
        blob(compile_bank(&format!("\n  {JSON_BANK}"), "a.json"))
    );
}

#[wasm_bindgen_test]
fn toml_errors_carry_line_col_and_the_question_id() {
    // Line 21 (1-based, the text starts with a newline): `kind` misspelt; the second
    // question lacks its explanation.
    let bad = TOML_BANK
        .replace("kind = \"true-false\"", "kind = \"yes-no\"")
        .replace("explanation = \"Empty containers are falsy.\"\n", "");
    let result = compile_bank(&bad, "week3.toml");
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    assert!(get(&result, "blob").is_undefined());
    let errs = errors(&result);
    assert_eq!(num(&result, "total"), Some(errs.len() as f64));
    assert!(errs.len() >= 2, "{errs:?}");
    let kind = errs
        .iter()
        .find(|e| string(e, "id").as_deref() == Some("all-of-empty"))
        .expect("an error for all-of-empty");
    assert_eq!(num(kind, "line"), Some(15.0));
    assert_eq!(num(kind, "col"), Some(8.0));
    assert!(get(kind, "pointer").is_undefined());
    let message = string(kind, "message").unwrap();
    assert!(
        message.starts_with("week3.toml:15:8: question \"all-of-empty\": "),
        "{message}"
    );
    assert!(message.contains("yes-no"), "{message}");
    let missing = errs
        .iter()
        .find(|e| string(e, "id").as_deref() == Some("empty-list-falsy"))
        .expect("an error for empty-list-falsy");
    assert!(
        string(missing, "message").unwrap().contains("explanation"),
        "{:?}",
        string(missing, "message")
    );
    assert!(num(missing, "line").is_some());
}

#[wasm_bindgen_test]
fn a_toml_syntax_error_has_its_position() {
    let result = compile_bank(
        "[[category]]\nslug = \"basics\ntitle = \"Basics\"\n",
        "bad.toml",
    );
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    let errs = errors(&result);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(num(&errs[0], "line"), Some(2.0));
    let message = string(&errs[0], "message").unwrap();
    assert!(message.starts_with("bad.toml:2:"), "{message}");
}

#[wasm_bindgen_test]
fn json_errors_carry_a_pointer_and_the_question_id() {
    let bad = JSON_BANK.replace(
        "{ \"text\": \"`True`\", \"why\"",
        "{ \"text\": \"\", \"why\"",
    );
    let result = compile_bank(&bad, "week3.json");
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    let errs = errors(&result);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(num(&result, "total"), Some(1.0));
    let e = &errs[0];
    assert_eq!(
        string(e, "pointer").as_deref(),
        Some("/questions/1/choices/1/text")
    );
    assert_eq!(string(e, "id").as_deref(), Some("empty-list-falsy"));
    let message = string(e, "message").unwrap();
    assert!(
        message.starts_with(
            "week3.json: /questions/1/choices/1/text: question \"empty-list-falsy\": "
        ),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn a_json_syntax_error_is_one_clear_error() {
    let result = compile_bank("{ \"questions\": [ }", "broken.json");
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    let errs = errors(&result);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let message = string(&errs[0], "message").unwrap();
    assert!(message.starts_with("broken.json"), "{message}");
}

#[wasm_bindgen_test]
fn a_bank_over_5_mb_is_one_clear_error() {
    let big = format!("{TOML_BANK}\n#{}\n", "x".repeat(5_000_000));
    let result = compile_bank(&big, "huge.toml");
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    let errs = errors(&result);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let message = string(&errs[0], "message").unwrap();
    assert!(message.starts_with("huge.toml"), "{message}");
    assert!(message.contains("5 MB"), "{message}");
}

#[wasm_bindgen_test]
fn a_bank_over_10000_questions_is_one_clear_error() {
    let question = r#"{"id":"q","topic":"truthiness"}"#;
    let questions = vec![question; 10_001].join(",");
    let json = format!(
        r#"{{"categories":[{{"slug":"basics","title":"Basics"}}],"topics":[{{"slug":"truthiness","title":"Truthiness","category":"basics"}}],"questions":[{questions}]}}"#
    );
    let result = compile_bank(&json, "many.json");
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
    let errs = errors(&result);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let message = string(&errs[0], "message").unwrap();
    assert!(message.contains("10001 questions"), "{message}");
}

/// The sample banks of tests/banks, which `quiz-bank check` reads too.
const WEEK3_TOML: &str = include_str!("../../../tests/banks/week3.toml");
const WEEK3_JSON: &str = include_str!("../../../tests/banks/week3.json");

#[wasm_bindgen_test]
fn the_sample_bank_compiles_to_one_blob_in_both_spellings() {
    let toml = compile_bank(WEEK3_TOML, "week3.toml");
    let json = compile_bank(WEEK3_JSON, "week3.json");
    for result in [&toml, &json] {
        assert_eq!(errors(result).len(), 0, "{:?}", errors(result));
        assert_eq!(get(result, "ok").as_bool(), Some(true));
    }
    let questions = num(&toml, "questions").unwrap();
    assert!(questions > 0.0);
    assert_eq!(num(&json, "questions"), Some(questions));
    let blob = |r: &JsValue| {
        get(r, "blob")
            .dyn_into::<js_sys::Uint8Array>()
            .unwrap()
            .to_vec()
    };
    assert_eq!(blob(&toml), blob(&json));
}

/// The malformed samples give, in the browser, the errors `quiz-bank check` prints (the
/// `.txt` next to each), and each error's parts agree with its message.
#[wasm_bindgen_test]
fn the_malformed_samples_give_the_same_errors_as_the_cli() {
    let cases = [
        (
            "malformed.toml",
            include_str!("../../../tests/banks/malformed.toml"),
            include_str!("../../../tests/banks/malformed.toml.txt"),
        ),
        (
            "malformed.json",
            include_str!("../../../tests/banks/malformed.json"),
            include_str!("../../../tests/banks/malformed.json.txt"),
        ),
    ];
    for (name, text, expected) in cases {
        let result = compile_bank(text, name);
        assert_eq!(get(&result, "ok").as_bool(), Some(false));
        let errs = errors(&result);
        let messages: Vec<String> = errs.iter().map(|e| string(e, "message").unwrap()).collect();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(messages, expected);
        assert_eq!(num(&result, "total"), Some(expected.len() as f64));
        for (e, message) in errs.iter().zip(&messages) {
            let place = match string(e, "pointer") {
                Some(pointer) => format!("{name}: {pointer}: "),
                None => format!(
                    "{name}:{}:{}: ",
                    num(e, "line").unwrap(),
                    num(e, "col").unwrap()
                ),
            };
            let id = string(e, "id").map_or(String::new(), |id| format!("question \"{id}\": "));
            assert!(message.starts_with(&format!("{place}{id}")), "{message}");
        }
    }
}
