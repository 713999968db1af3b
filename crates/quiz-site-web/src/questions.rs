//! The question browser (`/questions/`): fetches `bank.json` next to the page, then search by
//! text, facets for difficulty, kind, category and topic (each value with its count under the
//! other filters), results in pages of 20 linking to each question's permalink, the view in the
//! URL query, and "Download selection" as a custom bank (JSON) or an LMS format through the
//! widget's own `exportBank`.
//!
//! Until the bank has loaded, and when it cannot load, the page's static list stays.

mod logic;

use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use logic::{Catalog, Facet, Query};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The loaded bank: indexed for the browser, and as fetched (for the download).
struct Loaded {
    catalog: Catalog,
    raw: JsValue,
}

/// Fetches `bank.json`, then replaces `root`'s static list with the browser. `export_bank` is
/// the widget's `exportBank(format, options)`; without it only JSON can be downloaded.
pub fn mount(root: Element, export_bank: Option<Function>) {
    spawn_local(async move {
        match load().await {
            Ok(loaded) => {
                root.set_inner_html("");
                let props = Props {
                    bank: Rc::new(loaded),
                    export_bank,
                };
                yew::Renderer::<Browser>::with_root_and_props(root, props).render();
            }
            Err(message) => {
                let note = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("p").ok());
                if let Some(note) = note {
                    note.set_class_name("note");
                    note.set_text_content(Some(&format!(
                        "Search could not start ({message}). Every question is listed below."
                    )));
                    let _ = root.prepend_with_node_1(&note);
                }
            }
        }
    });
}

async fn load() -> Result<Loaded, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("bank.json"))
        .await
        .map_err(|_| "bank.json did not load".to_owned())?
        .dyn_into()
        .map_err(|_| "bank.json did not load".to_owned())?;
    if !response.ok() {
        return Err(format!("bank.json: HTTP {}", response.status()));
    }
    let json = response
        .json()
        .map_err(|_| "bank.json is not JSON".to_owned())?;
    let raw = JsFuture::from(json)
        .await
        .map_err(|_| "bank.json is not JSON".to_owned())?;
    let bank: logic::BankJson =
        serde_wasm_bindgen::from_value(raw.clone()).map_err(|e| format!("bank.json: {e}"))?;
    Ok(Loaded {
        catalog: Catalog::new(&bank),
        raw,
    })
}

#[derive(Properties, Clone)]
struct Props {
    bank: Rc<Loaded>,
    export_bank: Option<Function>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank) && self.export_bank == other.export_bank
    }
}

/// The view in the page's URL.
fn read_location() -> Query {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut pairs = Vec::new();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        if let Some(entries) = js_sys::try_iter(&params).ok().flatten() {
            for entry in entries.flatten() {
                let pair = Array::from(&entry);
                if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                    pairs.push((k, v));
                }
            }
        }
    }
    Query::from_pairs(pairs)
}

/// Puts `query` in the URL: a new history entry (`push`) or the current one replaced.
fn write_location(query: &Query, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return;
    };
    for (name, value) in query.to_pairs() {
        params.append(name, &value);
    }
    let search = String::from(params.to_string());
    let url = if search.is_empty() {
        window.location().pathname().unwrap_or_default()
    } else {
        format!("?{search}")
    };
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// The download formats: (format name of `exportBank`, label, file name).
const FORMATS: [(&str, &str, &str); 7] = [
    (
        "json",
        "JSON: a bank for the widget",
        "python-questions.json",
    ),
    (
        "qti12",
        "QTI 1.2: Canvas, Blackboard",
        "python-questions-qti12.zip",
    ),
    ("moodle-xml", "Moodle XML", "python-questions-moodle.xml"),
    ("gift", "GIFT (Moodle)", "python-questions.gift.txt"),
    ("aiken", "Aiken", "python-questions-aiken.txt"),
    ("anki-csv", "Anki CSV", "python-questions-anki.csv"),
    (
        "d2l-csv",
        "Brightspace (D2L) CSV",
        "python-questions-d2l.csv",
    ),
];

#[function_component]
fn Browser(props: &Props) -> Html {
    let query = use_state(read_location);
    let format = use_state(|| "json".to_owned());
    let status = use_state(String::new);
    let busy = use_state(|| false);
    // On a narrow screen the filters start folded, so the results come first.
    let wide = use_state(|| {
        web_sys::window()
            .and_then(|w| w.match_media("(min-width: 56rem)").ok().flatten())
            .is_none_or(|m| m.matches())
    });

    // Back and Forward restore the view of that history entry.
    {
        let query = query.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || query.set(read_location()));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }

    let navigate = {
        let query = query.clone();
        Callback::from(move |(next, push): (Query, bool)| {
            write_location(&next, push);
            query.set(next);
        })
    };

    let catalog = &props.bank.catalog;
    let results = catalog.results(&query);
    let (shown, page) = logic::page_of(&results, query.page);
    let pages = logic::page_count(results.len());
    let offset = (page - 1) * logic::PAGE_SIZE;

    let on_search = {
        let query = query.clone();
        let navigate = navigate.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            navigate.emit((query.with_text(&input.value()), false));
        })
    };
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());

    let facets = Facet::ALL.iter().map(|facet| {
        let facet = *facet;
        let checked = query.checked(facet);
        let values = catalog
            .facet_counts(&query, facet)
            .into_iter()
            // A topic list this long shows only the topics that have questions in the view.
            .filter(|(v, _, n)| facet != Facet::Topic || *n > 0 || checked.contains(v))
            .map(|(value, label, count)| {
                let is_checked = checked.contains(&value);
                let onchange = {
                    let query = query.clone();
                    let navigate = navigate.clone();
                    let value = value.clone();
                    Callback::from(move |e: Event| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        navigate.emit((query.toggled(facet, &value, input.checked()), true));
                    })
                };
                html! {
                    <li key={value.clone()}>
                        <label>
                            <input type="checkbox" name={facet.param()} value={value.clone()}
                                checked={is_checked} {onchange} />
                            { format!(" {label} ") }
                            <span class="count">{ format!("({count})") }</span>
                        </label>
                    </li>
                }
            });
        html! {
            <fieldset class={classes!("facet", format!("facet-{}", facet.param()))} key={facet.param()}>
                <legend>{ facet.legend() }</legend>
                <ul>{ for values }</ul>
            </fieldset>
        }
    });

    let clear = query.has_filters().then(|| {
        let query = query.clone();
        let navigate = navigate.clone();
        let onclick = Callback::from(move |_| {
            let cleared = Query {
                text: query.text.clone(),
                page: 1,
                ..Query::default()
            };
            navigate.emit((cleared, true));
        });
        html! { <button type="button" class="button" {onclick}>{ "Clear the filters" }</button> }
    });

    let items = shown
        .iter()
        .filter_map(|i| catalog.entries.get(*i))
        .map(|e| {
            html! {
                <li key={e.id.clone()}>
                    <a href={format!("{}/", e.id)}>
                    { &e.summary }
                    if let Some(line) = &e.code_line {
                        { " " }<code class="result-code">{ line }</code>
                    }
                </a>
                    <span class="question-meta">
                        { format!(
                            "{} · {} · {}",
                            catalog.label(Facet::Topic, &e.topic),
                            catalog.label(Facet::Difficulty, &e.difficulty),
                            catalog.label(Facet::Kind, &e.kind)
                        ) }
                    </span>
                </li>
            }
        });

    let go = |to: usize| {
        let query = query.clone();
        let navigate = navigate.clone();
        Callback::from(move |_| navigate.emit((query.on_page(to), true)))
    };

    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            format.set(select.value());
        })
    };
    let on_download = {
        let format = format.clone();
        let status = status.clone();
        let busy = busy.clone();
        let bank = props.bank.clone();
        let export_bank = props.export_bank.clone();
        let results = results.clone();
        Callback::from(move |_| {
            let ids = logic::ids(&bank.catalog, &results);
            let format = (*format).clone();
            let status = status.clone();
            let busy = busy.clone();
            let raw = bank.raw.clone();
            let export_bank = export_bank.clone();
            busy.set(true);
            status.set("Preparing the download…".into());
            spawn_local(async move {
                let outcome = download(&raw, &ids, &format, export_bank.as_ref()).await;
                status.set(match outcome {
                    Ok(message) => message,
                    Err(message) => format!("The download failed: {message}"),
                });
                busy.set(false);
            });
        })
    };
    let formats = FORMATS
        .iter()
        .filter(|(name, _, _)| *name == "json" || props.export_bank.is_some())
        .map(|(name, label, _)| {
            html! { <option value={*name} selected={*format == *name}>{ *label }</option> }
        });

    html! {
        <div class="question-browser-app">
            <form role="search" class="question-search" onsubmit={on_submit}>
                <label for="question-search">{ "Search the questions" }</label>
                <input id="question-search" type="search" value={query.text.clone()}
                    oninput={on_search} autocomplete="off" spellcheck="false" />
            </form>
            <div class="question-layout">
                <details class="facets" open={*wide}>
                    <summary>{ "Filters" }</summary>
                    { for facets }
                    { for clear }
                </details>
                <div class="question-results">
                    <h2 id="results-heading">{ "Questions" }</h2>
                    <p class="results-status" role="status">
                        { format!("{} of {} questions", results.len(), catalog.entries.len()) }
                    </p>
                    if results.is_empty() {
                        <p>{ "No question matches. Try fewer words or filters." }</p>
                    } else {
                        <ol class="result-list" start={(offset + 1).to_string()}
                            aria-labelledby="results-heading">
                            { for items }
                        </ol>
                    }
                    if pages > 1 {
                        <nav class="pager" aria-label="Pages">
                            <button type="button" class="button" disabled={page <= 1}
                                onclick={go(page.saturating_sub(1).max(1))}>{ "Previous page" }</button>
                            <span class="pager-at">{ format!("Page {page} of {pages}") }</span>
                            <button type="button" class="button" disabled={page >= pages}
                                onclick={go((page + 1).min(pages))}>{ "Next page" }</button>
                        </nav>
                    }
                    <section class="download" aria-labelledby="download-heading">
                        <h2 id="download-heading">{ "Download selection" }</h2>
                        <p>{ format!(
                            "The {} questions of this view, as a bank for the widget or for your LMS.",
                            results.len()
                        ) }</p>
                        <div class="download-row">
                            <label for="download-format">{ "Format" }</label>
                            <select id="download-format" onchange={on_format}>{ for formats }</select>
                            <button type="button" class="button" onclick={on_download}
                                disabled={*busy || results.is_empty()}>{ "Download selection" }</button>
                        </div>
                        <p class="download-status" role="status">{ (*status).clone() }</p>
                    </section>
                </div>
            </div>
        </div>
    }
}

/// The questions of `raw` (the fetched bank) whose ids are in `ids`, as a custom bank:
/// `{categories, topics, questions}` with only the topics and categories they use.
fn selection(raw: &JsValue, ids: &std::collections::HashSet<String>) -> Result<String, String> {
    let get = |v: &JsValue, k: &str| Reflect::get(v, &JsValue::from_str(k)).unwrap_or_default();
    let field = |v: &JsValue, k: &str| get(v, k).as_string().unwrap_or_default();
    let questions: Array = Array::from(&get(raw, "questions"))
        .iter()
        .filter(|q| ids.contains(&field(q, "id")))
        .collect();
    let used_topics: std::collections::HashSet<String> =
        questions.iter().map(|q| field(&q, "topic")).collect();
    let topics: Array = Array::from(&get(raw, "topics"))
        .iter()
        .filter(|t| used_topics.contains(&field(t, "slug")))
        .collect();
    let used_categories: std::collections::HashSet<String> =
        topics.iter().map(|t| field(&t, "category")).collect();
    let categories: Array = Array::from(&get(raw, "categories"))
        .iter()
        .filter(|c| used_categories.contains(&field(c, "slug")))
        .collect();
    let bank = Object::new();
    for (key, value) in [
        ("categories", categories),
        ("topics", topics),
        ("questions", questions),
    ] {
        Reflect::set(&bank, &JsValue::from_str(key), &value)
            .map_err(|_| "cannot build the bank".to_owned())?;
    }
    js_sys::JSON::stringify_with_replacer_and_space(&bank, &JsValue::NULL, &JsValue::from(2))
        .map(String::from)
        .map_err(|_| "cannot write the bank".to_owned())
}

/// Builds the file of `format` for the questions `ids` and saves it; says what was saved.
async fn download(
    raw: &JsValue,
    ids: &std::collections::HashSet<String>,
    format: &str,
    export_bank: Option<&Function>,
) -> Result<String, String> {
    let json = selection(raw, ids)?;
    let (_, label, file_name) = FORMATS
        .iter()
        .find(|(name, _, _)| *name == format)
        .copied()
        .unwrap_or(("json", "JSON", "python-questions.json"));
    let count = ids.len();
    let (blob, summary) = if format == "json" {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let parts = Array::of1(&JsValue::from_str(&json));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|_| "cannot make the file".to_owned())?;
        (blob, String::new())
    } else {
        let export_bank = export_bank.ok_or("this format needs the widget")?;
        let options = Object::new();
        Reflect::set(
            &options,
            &JsValue::from_str("bank"),
            &JsValue::from_str(&json),
        )
        .map_err(|_| "cannot pass the bank".to_owned())?;
        let promise: Promise = export_bank
            .call2(&JsValue::NULL, &JsValue::from_str(format), &options)
            .map_err(error_text)?
            .dyn_into()
            .map_err(|_| "exportBank did not return a promise".to_owned())?;
        let value = JsFuture::from(promise).await.map_err(error_text)?;
        let summary = Reflect::get(&value, &JsValue::from_str("summary"))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        let blob: web_sys::Blob = value
            .dyn_into()
            .map_err(|_| "exportBank did not return a file".to_owned())?;
        (blob, summary)
    };
    save(&blob, file_name)?;
    let mut message = format!(
        "Saved {count} question{} as {label} ({file_name}).",
        if count == 1 { "" } else { "s" }
    );
    if !summary.trim().is_empty() {
        message.push(' ');
        message.push_str(summary.trim());
    }
    Ok(message)
}

fn error_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Offers `blob` as a download named `name`.
fn save(blob: &web_sys::Blob, name: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "cannot make a link to the file".to_owned())?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot make a link".to_owned())?
        .dyn_into()
        .map_err(|_| "cannot make a link".to_owned())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Let the download take the file before the URL goes.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}
