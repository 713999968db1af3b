//! The quiz component in a real browser: setup, every kind answered, feedback, results,
//! markdown safety and two widgets keeping separate state.
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

use quiz_core::{Answer, Choice, Count, Difficulty, MemoryBank, Options, Question, QuestionBank};
use quiz_yew::{Quiz, QuizEvent, QuizOptions, QuizProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn q(id: &str, difficulty: Difficulty, answer: Answer) -> Question {
    Question {
        id: id.into(),
        topic: "basics".into(),
        category: "core".into(),
        difficulty,
        tags: vec!["t".into()],
        prompt: format!("Prompt of {id} with `code` and <script>alert(1)</script>"),
        code: Some("def f():\n    return 1".into()),
        explanation: format!("Explanation of {id}."),
        python: None,
        answer,
    }
}

fn choices(texts: &[(&str, bool)]) -> Vec<Choice> {
    texts
        .iter()
        .map(|(t, c)| Choice {
            text: (*t).into(),
            correct: *c,
            why: Some(format!("why {t}")),
        })
        .collect()
}

fn bank() -> Rc<dyn QuestionBank> {
    Rc::new(MemoryBank::new(
        vec![
            q(
                "single-q",
                Difficulty::Easy,
                Answer::Single {
                    choices: choices(&[("right", true), ("wrong", false)]),
                },
            ),
            q(
                "multi-q",
                Difficulty::Medium,
                Answer::Multiple {
                    choices: choices(&[("a", true), ("b", true), ("c", false)]),
                },
            ),
            Question {
                python: Some(quiz_core::PythonRange::parse(">=3.12").unwrap()),
                ..q("tf-q", Difficulty::Hard, Answer::TrueFalse { answer: true })
            },
            q(
                "text-q",
                Difficulty::Easy,
                Answer::Text {
                    accept: vec!["slots".into()],
                },
            ),
            q(
                "order-q",
                Difficulty::Medium,
                Answer::Order {
                    items: vec!["one".into(), "two".into(), "three".into()],
                },
            ),
            q(
                "out-q",
                Difficulty::Hard,
                Answer::Output {
                    output: "6\n".into(),
                    choices: vec![],
                },
            ),
        ],
        vec![("core".into(), "Core".into())],
        &[],
    ))
}

/// Lets yew finish every pending render and effect, then lets queued tasks (the events
/// dispatched with `spawn_local`) run: no fixed delay.
async fn tick() {
    yew::scheduler::flush().await;
    let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
    yew::scheduler::flush().await;
}

fn mount(options: Options) -> (Element, Rc<RefCell<Vec<QuizEvent>>>) {
    mount_with(QuizOptions::new(options))
}

/// Forgets every saved answer: the tests share one page, its storage and its store.
fn clear_storage() {
    quiz_yew::store::Store::shared().borrow_mut().clear();
}

fn mount_with(options: QuizOptions) -> (Element, Rc<RefCell<Vec<QuizEvent>>>) {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    let props = QuizProps {
        bank: bank(),
        options,
        on_event: Callback::from(move |e| sink.borrow_mut().push(e)),
        parked: false,
    };
    Renderer::<Quiz>::with_root_and_props(host.clone(), props).render();
    (host, events)
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

fn buttons(root: &Element) -> Vec<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn button(root: &Element, text: &str) -> HtmlElement {
    buttons(root)
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no button {text:?} in {}", root.inner_html()))
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn ids(options: Options) -> Options {
    Options {
        count: Count::All,
        ..options
    }
}

#[wasm_bindgen_test]
async fn setup_shows_difficulty_counts_and_filters_to_easy() {
    let (root, events) = mount(ids(Options::default()));
    tick().await;
    let chips = root.query_selector_all(".chip").unwrap();
    assert_eq!(chips.length(), 3);
    assert!(text(&root).contains("Easy (2)"), "{}", text(&root));
    assert!(text(&root).contains("6 questions match"));
    // Switch medium and hard off: only the easy questions remain.
    button(&root, "Medium").click();
    tick().await;
    button(&root, "Hard").click();
    tick().await;
    assert!(text(&root).contains("2 questions match"), "{}", text(&root));
    button(&root, "Start quiz").click();
    tick().await;
    assert!(text(&root).contains("Question 1 of 2"));
    match &events.borrow()[0] {
        QuizEvent::QuizStart { total, .. } => assert_eq!(*total, 2),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_quiz_its_presets_fix_opens_on_its_first_question_with_no_setup_screen_before_it() {
    clear_storage();
    let (root, events) = mount(Options {
        ids: vec!["single-q".into()],
        ..Options::default()
    });
    // Every node the renders add or remove, as text, from before the first render on.
    let seen = js_sys::Array::new();
    let watch = js_sys::Function::new_with_args(
        "root, seen",
        "new MutationObserver((records) => { for (const r of records) \
         for (const n of [...r.addedNodes, ...r.removedNodes]) seen.push(n.textContent); })\
         .observe(root, { childList: true, subtree: true });",
    );
    watch.call2(&JsValue::NULL, &root, &seen).unwrap();
    tick().await;
    assert!(text(&root).contains("Question 1 of 1"), "{}", text(&root));
    let flashed: Vec<String> = seen
        .iter()
        .filter_map(|t| t.as_string())
        .filter(|t| t.contains("Start quiz"))
        .collect();
    assert!(
        flashed.is_empty(),
        "the setup screen showed first: {flashed:?}"
    );
    let starts = events
        .borrow()
        .iter()
        .filter(|e| matches!(e, QuizEvent::QuizStart { .. }))
        .count();
    assert_eq!(starts, 1, "one quiz-start");
}

#[wasm_bindgen_test]
async fn the_first_question_on_the_page_sets_one_performance_mark() {
    clear_storage();
    let perf = gloo::utils::window().performance().unwrap();
    perf.clear_marks_with_mark_name("quiz-first-question");
    let marks = || perf.get_entries_by_name("quiz-first-question").length();
    let (root, _) = mount(Options {
        ids: vec!["single-q".into()],
        ..Options::default()
    });
    assert_eq!(marks(), 0, "not before the first render");
    tick().await;
    assert!(text(&root).contains("Question 1 of 1"));
    assert_eq!(marks(), 1);
    let (second, _) = mount(Options {
        ids: vec!["tf-q".into()],
        ..Options::default()
    });
    tick().await;
    assert!(text(&second).contains("Question 1 of 1"));
    assert_eq!(marks(), 1, "once per page");
}

#[wasm_bindgen_test]
async fn single_choice_feedback_shows_verdict_why_and_explanation_and_escapes_html() {
    let (root, events) = mount(Options {
        ids: vec!["single-q".into()],
        ..Options::default()
    });
    tick().await;
    assert!(
        root.query_selector("script").unwrap().is_none(),
        "HTML in a prompt is text"
    );
    assert!(text(&root).contains("<script>alert(1)</script>"));
    assert!(
        root.query_selector(".prompt code").unwrap().is_some(),
        "inline code rendered"
    );
    assert!(
        root.query_selector("pre.code .tok-kw").unwrap().is_some(),
        "code highlighted"
    );
    button(&root, "Check answer").click();
    tick().await;
    assert!(text(&root).contains("Choose an answer first."));
    let wrong = root.query_selector_all("input[type=radio]").unwrap();
    let labels: Vec<HtmlInputElement> = (0..wrong.length())
        .map(|i| wrong.item(i).unwrap().dyn_into().unwrap())
        .collect();
    let wrong_input = labels
        .iter()
        .find(|i| {
            i.parent_element()
                .unwrap()
                .text_content()
                .unwrap()
                .contains("wrong")
        })
        .unwrap();
    wrong_input.click();
    tick().await;
    button(&root, "Check answer").click();
    tick().await;
    let t = text(&root);
    assert!(t.contains("Not quite."), "{t}");
    assert!(t.contains("Right answer:"));
    assert!(t.contains("why wrong") && t.contains("why right"));
    assert!(t.contains("Explanation of single-q."));
    assert!(matches!(
        &events.borrow()[1],
        QuizEvent::QuizAnswer { correct: false, .. }
    ));
    assert!(
        matches!(
            &events.borrow()[2],
            QuizEvent::QuizReview { grade: 1, question_id, .. } if question_id == "single-q"
        ),
        "the wrong answer is scheduled as Again: {:?}",
        events.borrow()
    );
    button(&root, "See results").click();
    tick().await;
    assert!(text(&root).contains("You scored 0 of 1"));
    assert!(matches!(
        &events.borrow()[3],
        QuizEvent::QuizComplete {
            score: 0,
            total: 1,
            ..
        }
    ));
    assert!(text(&root).contains("Retry missed questions"));
}

#[wasm_bindgen_test]
async fn typed_text_and_order_kinds_grade_in_the_browser() {
    let (root, events) = mount(Options {
        ids: vec!["text-q".into(), "order-q".into()],
        ..Options::default()
    });
    tick().await;
    let input: HtmlInputElement = find(&root, "input.typed").dyn_into().unwrap();
    input.set_value("  SLOTS ");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    tick().await;
    button(&root, "Check answer").click();
    tick().await;
    assert!(text(&root).contains("Correct!"), "{}", text(&root));
    button(&root, "Next question").click();
    tick().await;
    // Sort the items with the arrow buttons: bubble "one" to the top, then "two".
    for _ in 0..3 {
        let rows = root.query_selector_all(".order-item").unwrap();
        let order: Vec<String> = (0..rows.length())
            .map(|i| {
                rows.item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .query_selector(".order-text")
                    .unwrap()
                    .unwrap()
                    .text_content()
                    .unwrap()
            })
            .collect();
        if order == ["one", "two", "three"] {
            break;
        }
        let pos = order
            .iter()
            .position(|s| s == "one")
            .filter(|p| *p > 0)
            .or_else(|| order.iter().position(|s| s == "two").filter(|p| *p > 1))
            .unwrap();
        let row: Element = rows.item(pos as u32).unwrap().dyn_into().unwrap();
        row.query_selector(".up")
            .unwrap()
            .unwrap()
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        tick().await;
    }
    button(&root, "Check answer").click();
    tick().await;
    assert!(text(&root).contains("Correct!"), "{}", text(&root));
    let answers: Vec<bool> = events
        .borrow()
        .iter()
        .filter_map(|e| match e {
            QuizEvent::QuizAnswer { correct, .. } => Some(*correct),
            _ => None,
        })
        .collect();
    assert_eq!(answers, vec![true, true]);
}

#[wasm_bindgen_test]
async fn empty_filter_says_so_and_offers_to_widen() {
    let (root, _) = mount(Options {
        topics: vec!["nothing-here".into()],
        ..ids(Options::default())
    });
    tick().await;
    button(&root, "Start quiz").click();
    tick().await;
    assert!(text(&root).contains("No questions match these filters."));
    button(&root, "Show all questions").click();
    tick().await;
    assert!(text(&root).contains("6 questions match"), "{}", text(&root));
}

#[wasm_bindgen_test]
async fn two_quizzes_keep_separate_state() {
    let (a, _) = mount(Options {
        ids: vec!["tf-q".into()],
        ..Options::default()
    });
    let (b, _) = mount(Options {
        ids: vec!["tf-q".into()],
        ..Options::default()
    });
    tick().await;
    let radio: HtmlInputElement = find(&a, "input[type=radio]").dyn_into().unwrap();
    radio.click();
    tick().await;
    button(&a, "Check answer").click();
    tick().await;
    assert!(text(&a).contains("Next") || text(&a).contains("See results"));
    assert!(text(&b).contains("Check answer"), "b is untouched");
    assert!(!text(&b).contains("Correct!") && !text(&b).contains("Not quite."));
}

#[wasm_bindgen_test]
async fn a_question_for_newer_pythons_shows_its_version_badge_and_others_none() {
    let (root, _) = mount(Options {
        ids: vec!["tf-q".into(), "single-q".into()],
        ..Options::default()
    });
    tick().await;
    assert_eq!(
        find(&root, ".badge-python").text_content().unwrap(),
        "Python 3.12+"
    );
    find(&root, "input[type=radio]").click();
    button(&root, "Check").click();
    tick().await;
    button(&root, "Next").click();
    tick().await;
    assert!(text(&root).contains("Question 2 of 2"));
    assert!(root.query_selector(".badge-python").unwrap().is_none());
}

/// Checks the single-choice question with the choice whose text contains `pick`.
async fn answer_single(root: &Element, pick: &str) {
    let inputs = root.query_selector_all("input[type=radio]").unwrap();
    let input: HtmlInputElement = (0..inputs.length())
        .map(|i| {
            inputs
                .item(i)
                .unwrap()
                .dyn_into::<HtmlInputElement>()
                .unwrap()
        })
        .find(|i| {
            i.parent_element()
                .unwrap()
                .text_content()
                .unwrap()
                .contains(pick)
        })
        .unwrap();
    input.click();
    tick().await;
    button(root, "Check answer").click();
    tick().await;
}

#[wasm_bindgen_test]
async fn study_mode_shows_the_dashboard_asks_new_questions_and_says_when_they_return() {
    clear_storage();
    let (root, events) = mount(Options {
        mode: "study",
        ids: vec!["single-q".into(), "tf-q".into(), "text-q".into()],
        new_per_day: 2,
        ..Options::default()
    });
    tick().await;
    let t = text(&root);
    assert!(t.contains("Due now") && t.contains("Learned"), "{t}");
    button(&root, "Study 2 questions").click();
    tick().await;
    assert!(text(&root).contains("Question 1 of 2"), "{}", text(&root));
    let first = match &events.borrow()[0] {
        QuizEvent::QuizStart { question_ids, .. } => question_ids[0].clone(),
        other => panic!("{other:?}"),
    };
    if first == "single-q" {
        answer_single(&root, "wrong").await;
    } else {
        button(&root, "False").click();
        tick().await;
        button(&root, "Check answer").click();
        tick().await;
    }
    tick().await;
    assert!(
        text(&root).contains("You will see this question again tomorrow."),
        "{}",
        text(&root)
    );
    assert!(events.borrow().iter().any(|e| matches!(
        e,
        QuizEvent::QuizReview {
            grade: 1,
            retrievability: None,
            ..
        }
    )));
}

#[wasm_bindgen_test]
async fn a_wrong_answer_in_a_quiz_is_asked_again_in_mistakes_mode_until_answered_right() {
    clear_storage();
    let (quiz, _) = mount(Options {
        ids: vec!["single-q".into()],
        ..Options::default()
    });
    tick().await;
    answer_single(&quiz, "wrong").await;
    tick().await;
    let (mistakes, _) = mount(Options {
        mode: "mistakes",
        ..Options::default()
    });
    tick().await;
    button(&mistakes, "Retry 1 question").click();
    tick().await;
    assert!(text(&mistakes).contains("Question 1 of 1"));
    answer_single(&mistakes, "right").await;
    tick().await;
    button(&mistakes, "See results").click();
    tick().await;
    button(&mistakes, "New quiz").click();
    tick().await;
    assert!(
        text(&mistakes).contains("No mistakes to retry."),
        "{}",
        text(&mistakes)
    );
}

#[wasm_bindgen_test]
async fn a_saved_quiz_resumes_where_it_was_and_persist_off_saves_nothing() {
    clear_storage();
    let options = QuizOptions {
        storage_key: Some("quiz-widget:v1:quiz:#resume-test".into()),
        ..QuizOptions::new(Options {
            ids: vec!["single-q".into(), "tf-q".into()],
            ..Options::default()
        })
    };
    let (first, _) = mount_with(options.clone());
    tick().await;
    answer_single(&first, "right").await;
    tick().await;
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    assert!(
        storage
            .get_item("quiz-widget:v1:quiz:#resume-test")
            .unwrap()
            .is_some()
    );
    // A second widget with the same key (as after a reload) resumes at the answered question.
    let (second, events) = mount_with(options);
    tick().await;
    let t = text(&second);
    assert!(
        t.contains("Question 1 of 2") && t.contains("Correct!"),
        "{t}"
    );
    assert!(
        events.borrow().is_empty(),
        "a resumed quiz is not a new start"
    );

    clear_storage();
    let saved = |key: &str| storage.get_item(key).unwrap();
    let before = (storage.length().unwrap(), saved("quiz-widget:v1:progress"));
    let (off, _) = mount(Options {
        ids: vec!["single-q".into()],
        persist: false,
        ..Options::default()
    });
    tick().await;
    answer_single(&off, "right").await;
    tick().await;
    assert!(text(&off).contains("Correct!"));
    assert_eq!(
        (storage.length().unwrap(), saved("quiz-widget:v1:progress")),
        before,
        "persist off writes nothing"
    );
}
