//! Benchmark entry points for the progress store and the study queue (issue 18), compiled only
//! with the `bench` feature: never in a release or npm build. `bench/progress.mjs` calls them in
//! Chromium and times them with `performance.now()`; the set-up here is not timed.
//!
//! [`bench_setup`] makes a bank of `n` questions (the built-in questions repeated under new ids,
//! encoded as a [`BlobBank`] like a compiled custom bank) and a review history for every one of
//! them, simulated with FSRS: each question was first answered 1–180 days before today (UTC
//! midnight, so that answers recorded through the store come after the history), 70 % right,
//! then reviewed 0–3 days after each due date and recalled with the probability the model
//! predicts, until the next visit would fall after today.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use quiz_core::codec::encode_bank_parts;
use quiz_core::progress::{Clock, DAY_MS, Progress};
use quiz_core::setup::{Filters, Review, start_review};
use quiz_core::{BlobBank, Count, Question, QuestionBank, Rng, TopicInfo};
use wasm_bindgen::prelude::*;

struct Bench {
    /// The simulated "today": the start of the current UTC day.
    today: f64,
    bank: Rc<dyn QuestionBank>,
    ids: Vec<String>,
    progress: Progress,
    reviews: u32,
}

thread_local! {
    static BENCH: RefCell<Option<Bench>> = const { RefCell::new(None) };
}

fn clock(today: f64, offset_days: f64) -> Clock {
    let now_ms = today + offset_days * DAY_MS;
    Clock {
        now_ms,
        day_start_ms: (now_ms / DAY_MS).floor() * DAY_MS,
    }
}

fn with<T>(f: impl FnOnce(&Bench) -> T) -> Result<T, JsError> {
    BENCH.with(|b| {
        b.borrow()
            .as_ref()
            .map(f)
            .ok_or_else(|| JsError::new("call benchSetup first"))
    })
}

/// `n` questions: the built-in ones repeated with new ids, in the built-in topics.
fn make_bank(n: usize) -> Result<BlobBank, JsError> {
    let builtin = super::bank()?;
    let mut all: Vec<Question> = Vec::new();
    for t in builtin.topics() {
        all.extend(
            builtin
                .questions(t)
                .map_err(|e| JsError::new(&e.to_string()))?,
        );
    }
    if all.is_empty() {
        return Err(JsError::new("the built-in bank is empty"));
    }
    let mut by_topic: BTreeMap<String, Vec<Question>> = BTreeMap::new();
    for i in 0..n {
        let Some(q) = all.get(i % all.len()) else {
            continue;
        };
        let mut q = q.clone();
        q.id = format!("{}-{i}", q.id);
        by_topic.entry(q.topic.clone()).or_default().push(q);
    }
    let topics: Vec<(TopicInfo, Vec<Question>)> = builtin
        .topics()
        .iter()
        .filter_map(|t| {
            let questions = by_topic.remove(t.slug.as_str())?;
            let mut counts = [0u32; 3];
            for q in &questions {
                if let Some(c) = counts.get_mut(q.difficulty.index()) {
                    *c += 1;
                }
            }
            Some((
                TopicInfo {
                    counts,
                    ..t.clone()
                },
                questions,
            ))
        })
        .collect();
    let parts: Vec<(&TopicInfo, &[Question])> =
        topics.iter().map(|(t, qs)| (t, qs.as_slice())).collect();
    BlobBank::new(encode_bank_parts(builtin.categories(), &parts))
        .map_err(|e| JsError::new(&e.to_string()))
}

fn unit(rng: &mut Rng) -> f64 {
    f64::from(rng.next_u32()) / 4_294_967_296.0
}

/// Builds the bank and the history (see the module doc) and keeps them for the other calls.
/// Returns `{ questions, reviews, exportText }`: `exportText` is the history as an "Export
/// progress" file (compact JSON), for `importProgress`.
#[wasm_bindgen(js_name = benchSetup)]
pub fn bench_setup(n: u32, seed: u32) -> Result<JsValue, JsError> {
    let bank = make_bank(n as usize)?;
    let filters = all_filters();
    let ids: Vec<String> = quiz_core::setup::candidates(&bank, &filters, 0)
        .map_err(|e| JsError::new(&e.to_string()))?
        .into_iter()
        .map(|p| p.question.id)
        .collect();
    let today = (js_sys::Date::now() / DAY_MS).floor() * DAY_MS;
    let mut rng = Rng::new(seed);
    let mut progress = Progress::new();
    let mut reviews = 0u32;
    for id in &ids {
        let mut t = today - f64::from(1 + rng.below(180)) * DAY_MS;
        loop {
            let correct = match progress.get(id) {
                None => rng.below(100) < 70,
                Some(card) => unit(&mut rng) < card.retrievability(t),
            };
            let at = Clock {
                now_ms: t,
                day_start_ms: (t / DAY_MS).floor() * DAY_MS,
            };
            let review = progress.record(id, correct, at, 0.9);
            reviews += 1;
            t = review.card.due_ms
                + f64::from(rng.below(4)) * DAY_MS
                + f64::from(rng.below(86_400_000));
            if t > today {
                break;
            }
        }
    }
    let text = js_sys::JSON::stringify(&quiz_yew::store::progress_export(&progress))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let out = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(k), &v);
    let _ = set("questions", JsValue::from(ids.len() as u32));
    let _ = set("reviews", JsValue::from(reviews));
    let _ = set("exportText", JsValue::from_str(&text));
    BENCH.with(|b| {
        *b.borrow_mut() = Some(Bench {
            today,
            bank: Rc::new(bank),
            ids,
            progress,
            reviews,
        });
    });
    Ok(out.into())
}

fn all_filters() -> Filters {
    Filters::preset(&[], vec![], Count::Total(10), vec![], Some(1))
}

/// Questions due `offset_days` after the simulated today, and the reviews simulated.
#[wasm_bindgen(js_name = benchDue)]
pub fn bench_due(offset_days: f64) -> Result<Vec<u32>, JsError> {
    with(|b| {
        let now = clock(b.today, offset_days).now_ms;
        let due = b.progress.iter().filter(|(_, c)| c.due_ms <= now).count();
        let missed = b.progress.iter().filter(|(_, c)| c.missed).count();
        vec![due as u32, missed as u32, b.reviews]
    })
}

/// `Progress::study_queue` over every question of the bench bank, `offset_days` after the
/// simulated today, 10 new a day. Returns the queue's length.
#[wasm_bindgen(js_name = benchStudyQueue)]
pub fn bench_study_queue(offset_days: f64) -> Result<u32, JsError> {
    with(|b| {
        b.progress
            .study_queue(&b.ids, clock(b.today, offset_days), 10)
            .len() as u32
    })
}

/// `setup::candidates` over the bench bank: every question the filters allow, decoded and
/// shuffled (the study panel computes it once per filter change). Returns how many.
#[wasm_bindgen(js_name = benchCandidates)]
pub fn bench_candidates() -> Result<u32, JsError> {
    with(|b| {
        quiz_core::setup::candidates(&*b.bank, &all_filters(), 1).map_or(0, |p| p.len() as u32)
    })
}

/// `setup::start_review` (study mode, 10 new a day) over the bench bank: every question the
/// filters allow decoded and shuffled, the queue, the session in queue order. Returns the
/// session's length.
#[wasm_bindgen(js_name = benchStartReview)]
pub fn bench_start_review(offset_days: f64) -> Result<u32, JsError> {
    with(|b| {
        match start_review(
            &*b.bank,
            &all_filters(),
            &b.progress,
            clock(b.today, offset_days),
            Review::Study { new_per_day: 10 },
            || 1,
        ) {
            Ok(Some((session, _))) => session.len() as u32,
            _ => 0,
        }
    })
}

/// What the study panel computes on each render, after reading the store: the dashboard and
/// the number of mistakes over every question of the bench bank. Returns `[due now, due this
/// week, learned, mistakes]`.
#[wasm_bindgen(js_name = benchDashboard)]
pub fn bench_dashboard(offset_days: f64) -> Result<Vec<u32>, JsError> {
    with(|b| {
        let d = b
            .progress
            .dashboard(&b.ids, clock(b.today, offset_days), 10);
        let mistakes = b.progress.mistakes(&b.ids).len() as u32;
        vec![d.due_now, d.due_week, d.learned, mistakes]
    })
}

/// The page's store read back from `localStorage` (parse, check every entry, merge), as the
/// study panel does on each render. Returns the number of questions.
#[wasm_bindgen(js_name = benchStoreRead)]
pub fn bench_store_read() -> u32 {
    let store = quiz_yew::store::Store::shared();
    let mut store = store.borrow_mut();
    store.current().len() as u32
}

/// One answer through the page's store, as the widget records it: read and merge, schedule,
/// write back. `i` picks the bench bank's question (past the end: a new question).
#[wasm_bindgen(js_name = benchRecord)]
pub fn bench_record(i: u32, correct: bool) -> Result<f64, JsError> {
    let id = with(|b| {
        b.ids
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| format!("bench-new-question-{i}"))
    })?;
    let store = quiz_yew::store::Store::shared();
    let review = store.borrow_mut().record(&id, correct, 0.9);
    Ok(review.card.stability)
}
