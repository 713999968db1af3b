//! `mount()` as the JS wrapper calls it, in a real browser, with the built-in bank: events on
//! the host, options as attribute strings, and bad options named in the thrown error.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets yew finish every pending render and effect, then lets queued tasks (the events
/// dispatched with `spawn_local`) run: no fixed delay.
async fn tick() {
    yew::scheduler::flush().await;
    let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
    yew::scheduler::flush().await;
}

/// Waits (up to 3 s) until `el`'s text contains `needle`: rendering is asynchronous, and a
/// debug build decodes the whole bank slowly.
async fn wait_for_text(el: &Element, needle: &str) {
    for _ in 0..100 {
        if el.text_content().unwrap_or_default().contains(needle) {
            return;
        }
        tick().await;
    }
    panic!(
        "never showed {needle:?}: {}",
        el.text_content().unwrap_or_default()
    );
}

/// A fresh host element, on a page with no saved progress (tests share one page).
fn host() -> Element {
    quiz_yew::store::Store::shared().borrow_mut().clear();
    let document = gloo::utils::document();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    o.into()
}

fn record(el: &Element, name: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let e: CustomEvent = e.dyn_into().unwrap();
        assert!(e.bubbles() && e.composed());
        sink.borrow_mut().push(e.detail());
    });
    el.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())
        .unwrap();
    cb.forget();
    seen
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
async fn mount_starts_a_seeded_easy_quiz_and_reports_events_on_the_host() {
    let el = host();
    let starts = record(&el, "quiz-start");
    let handle = quiz_web::mount(
        el.clone(),
        options(&[
            ("difficulty", "easy"),
            ("count", "3"),
            ("seed", "42"),
            ("filters", "hidden"),
        ]),
    )
    .unwrap();
    wait_for_text(&el, "Question 1 of 3").await;
    assert_eq!(starts.borrow().len(), 1);
    let detail = starts.borrow()[0].clone();
    assert_eq!(get(&detail, "seed").as_f64(), Some(42.0));
    assert_eq!(get(&detail, "total").as_f64(), Some(3.0));
    let mut handle = handle;
    handle.destroy();
    tick().await;
    assert_eq!(el.child_element_count(), 0, "destroy empties the host");
}

#[wasm_bindgen_test]
async fn same_seed_same_questions() {
    let a = host();
    let b = host();
    let sa = record(&a, "quiz-start");
    let sb = record(&b, "quiz-start");
    let o = || options(&[("count", "5"), ("seed", "7"), ("filters", "hidden")]);
    let _ha = quiz_web::mount(a, o()).unwrap();
    let _hb = quiz_web::mount(b, o()).unwrap();
    tick().await;
    let ids = |v: &JsValue| {
        js_sys::JSON::stringify(&get(v, "questionIds"))
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(ids(&sa.borrow()[0]), ids(&sb.borrow()[0]));
}

#[wasm_bindgen_test]
fn bad_options_name_the_attribute_and_valid_values() {
    for (key, value, expect) in [
        (
            "difficulty",
            "impossible",
            "difficulty=\"impossible\" is not valid: a comma list of easy, medium, hard",
        ),
        ("count", "-3", "count=\"-3\""),
        (
            "topics",
            "cooking",
            "\"cooking\" is not a topic or category",
        ),
        ("seed", "abc", "seed=\"abc\""),
        ("filters", "sideways", "filters=\"sideways\""),
    ] {
        let err = match quiz_web::mount(host(), options(&[(key, value)])) {
            Ok(_) => panic!("{key}={value} was accepted"),
            Err(e) => JsValue::from(e),
        };
        let message = get(&err, "message").as_string().unwrap();
        assert!(message.contains(expect), "{message}");
    }
}

#[wasm_bindgen_test]
async fn set_options_with_new_lang_keeps_progress_and_new_seed_restarts() {
    let el = host();
    let starts = record(&el, "quiz-start");
    let mut handle = quiz_web::mount(
        el.clone(),
        options(&[("ids", "nan-not-equal-to-itself,list-sort-returns-none")]),
    )
    .unwrap();
    wait_for_text(&el, "Question 1 of 2").await;
    assert_eq!(starts.borrow().len(), 1, "autostarted");
    let radio: HtmlElement = el
        .query_selector("input[type=radio]")
        .unwrap()
        .unwrap_or_else(|| panic!("{}", el.inner_html()))
        .dyn_into()
        .unwrap();
    radio.click();
    tick().await;
    let check: HtmlElement = el
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    check.click();
    tick().await;
    handle
        .set_options(options(&[
            ("ids", "nan-not-equal-to-itself,list-sort-returns-none"),
            ("lang", "de"),
        ]))
        .unwrap();
    tick().await;
    wait_for_text(&el, "Frage 1 von 2").await;
    let t = el.text_content().unwrap();
    assert!(
        t.contains("Nächste Frage"),
        "answer kept across a language change: {t}"
    );
    handle
        .set_options(options(&[
            ("ids", "list-sort-returns-none"),
            ("lang", "de"),
        ]))
        .unwrap();
    wait_for_text(&el, "Frage 1 von 1").await;
}

#[wasm_bindgen_test]
async fn a_destroyed_quiz_is_reused_fresh_by_the_next_mount() {
    let first = host();
    let mut handle = quiz_web::mount(
        first.clone(),
        options(&[("ids", "nan-not-equal-to-itself"), ("lang", "de")]),
    )
    .unwrap();
    wait_for_text(&first, "Frage 1 von 1").await;
    let radio: HtmlElement = first
        .query_selector("input[type=radio]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    radio.click();
    tick().await;
    let check: HtmlElement = first
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    check.click();
    tick().await;
    handle.destroy();
    tick().await;
    assert_eq!(first.child_element_count(), 0);
    // The next mount takes the parked app: it must show its own quiz, not the old answer.
    let second = host();
    let starts = record(&second, "quiz-start");
    let _h2 = quiz_web::mount(
        second.clone(),
        options(&[("ids", "list-sort-returns-none")]),
    )
    .unwrap();
    wait_for_text(&second, "Question 1 of 1").await;
    let t = second.text_content().unwrap();
    assert!(
        t.contains("Question 1 of 1") && t.contains("Check answer"),
        "{t}"
    );
    assert_eq!(starts.borrow().len(), 1);
}
