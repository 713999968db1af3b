//! The start screen of `mode="study"` and `mode="mistakes"`: what is due, what is learned, the
//! predicted recall, and the learner's own data (export, import, forget). The numbers come
//! from quiz-core's `Progress`; this renders them and forwards the buttons.

use std::cell::RefCell;
use std::rc::Rc;

use quiz_core::progress::DAY_MS;
use quiz_core::setup::Review;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Strings, fill};
use crate::store::{self, Store};

/// Props for [`Dashboard`].
#[derive(Properties, Clone)]
pub struct DashboardProps {
    /// Ids of the questions the widget's filters allow.
    pub candidates: Rc<Vec<String>>,
    /// The learner's progress.
    pub store: Rc<RefCell<Store>>,
    /// Study or mistakes.
    pub review: Review,
    /// UI language.
    pub lang: Lang,
    /// Whether to move focus to the heading when shown.
    pub focus: bool,
    /// Starts the session.
    pub on_start: Callback<()>,
}

impl PartialEq for DashboardProps {
    fn eq(&self, o: &Self) -> bool {
        self.candidates == o.candidates
            && Rc::ptr_eq(&self.store, &o.store)
            && self.review == o.review
            && self.lang == o.lang
            && self.focus == o.focus
    }
}

/// "in 3 days", "tomorrow" or "later today", from now to `due_ms`.
fn when(s: &Strings, now_ms: f64, day_start_ms: f64, due_ms: f64) -> String {
    let days = ((due_ms - day_start_ms) / DAY_MS).floor();
    if due_ms <= now_ms || days < 1.0 {
        s.later_today.to_string()
    } else if days < 2.0 {
        s.tomorrow.to_string()
    } else {
        fill(s.in_days, days as u32, "", "")
    }
}

/// "You will see this question again in 3 days."
pub fn again(s: &Strings, due_ms: f64) -> String {
    let c = store::clock();
    fill(s.again, "", "", &when(s, c.now_ms, c.day_start_ms, due_ms))
}

/// Downloads `text` as a JSON file named `name`.
fn download(name: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// The study (or mistakes) start screen.
#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let DashboardProps {
        candidates,
        store,
        review,
        lang,
        on_start,
        ..
    } = props;
    let s = lang.strings();
    let heading = use_node_ref();
    let status = use_state(|| None::<String>);
    let confirming = use_state(|| false);
    let update = use_force_update();
    {
        let (heading, focus, store) = (heading.clone(), props.focus, store.clone());
        use_effect_with((), move |()| {
            if focus {
                super::focus(&heading);
            }
            // Re-render when any widget on the page records an answer or imports.
            let listener: Rc<dyn Fn()> = Rc::new(move || update.force_update());
            store.borrow_mut().listen(listener.clone());
            move || drop(listener)
        });
    }

    let clock = store::clock();
    let (board, mistakes) = {
        let mut st = store.borrow_mut();
        let progress = st.current();
        let new_per_day = match review {
            Review::Study { new_per_day } => *new_per_day,
            Review::Mistakes => 0,
        };
        (
            progress.dashboard(candidates, clock, new_per_day),
            progress.mistakes(candidates).len(),
        )
    };

    let on_export = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let value = store::progress_export(store.borrow_mut().current());
            let text = js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &2.into(),
            )
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
            let day: String = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default()
                .chars()
                .take(10)
                .collect();
            download(&format!("quiz-progress-{day}.json"), &text);
        })
    };
    let on_import = {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (store, status) = (store.clone(), status.clone());
            yew::platform::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                let result = store.borrow_mut().import(&text);
                status.set(Some(match result {
                    Ok(n) => fill(s.imported, n, "", ""),
                    Err(e) => fill(s.import_failed, "", "", &e.to_string()),
                }));
            });
        })
    };
    let on_forget = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_confirm = {
        let (store, confirming, status) = (store.clone(), confirming.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            store.borrow_mut().clear();
            confirming.set(false);
            status.set(Some(s.forgotten.to_string()));
        })
    };

    let (title, ready, start_label) = match review {
        Review::Study { .. } => {
            let n = board.due_now + board.new_today;
            let label = if n == 1 {
                s.study_start_one
            } else {
                s.study_start
            };
            (s.study_title, n, fill(label, n, "", ""))
        }
        Review::Mistakes => {
            let n = u32::try_from(mistakes).unwrap_or(u32::MAX);
            let label = if n == 1 {
                s.mistakes_start_one
            } else {
                s.mistakes_start
            };
            (s.mistakes_title, n, fill(label, n, "", ""))
        }
    };
    let start = if ready > 0 {
        html! {
            <button type="button" class="btn btn-primary" part="button" onclick={on_start.reform(|_| ())}>
                { start_label }
            </button>
        }
    } else {
        let text = match (review, board.next_due_ms) {
            (Review::Mistakes, _) => s.no_mistakes.to_string(),
            (Review::Study { .. }, Some(due)) => format!(
                "{} {}",
                s.nothing_due,
                fill(
                    s.next_review,
                    "",
                    "",
                    &when(s, clock.now_ms, clock.day_start_ms, due)
                )
            ),
            (Review::Study { .. }, None) => s.nothing_due.to_string(),
        };
        html! { <p class="nothing-due" role="status">{ text }</p> }
    };
    // Whole percent, formatted as an integer: float formatting would grow the wasm.
    let pct = |r: f64| format!("{} %", (r * 100.0).round() as u32);
    let stats = matches!(review, Review::Study { .. }).then(|| {
        html! {
            <dl class="stats">
                <div><dt>{ s.due_now }</dt><dd>{ board.due_now }</dd></div>
                <div><dt>{ s.due_week }</dt><dd>{ board.due_week }</dd></div>
                <div><dt>{ s.learned }</dt><dd>{ board.learned }</dd></div>
                <div><dt>{ s.predicted }</dt><dd>{ board.retention.map_or_else(|| "–".to_string(), pct) }</dd></div>
            </dl>
        }
    });
    let confirm = if *confirming {
        html! {
            <div class="confirm" role="alertdialog" aria-label={s.forget}>
                <p>{ s.forget_confirm }</p>
                <button type="button" class="btn btn-danger" part="button" onclick={on_confirm}>{ s.forget_yes }</button>
                <button type="button" class="btn" part="button" onclick={on_cancel}>{ s.cancel }</button>
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <div class="dashboard" part="dashboard">
            <h2 class="title" tabindex="-1" ref={heading}>{ title }</h2>
            { stats.unwrap_or_default() }
            { start }
            <section class="own-data" aria-label={s.progress_label}>
                <button type="button" class="btn" part="button" onclick={on_export}>{ s.export_progress }</button>
                <label class="btn file-btn" part="button">
                    { s.import_progress }
                    <input type="file" accept="application/json,.json" class="visually-hidden" onchange={on_import} />
                </label>
                <button type="button" class="btn" part="button" onclick={on_forget}>{ s.forget }</button>
                { confirm }
                if let Some(text) = &*status {
                    <p class="notice" role="status">{ text.clone() }</p>
                }
            </section>
        </div>
    }
}
