//! The wasm entry point and the only `#[wasm_bindgen]` surface: `mount(element, options)`
//! returns a handle the JS wrapper drives. Values and errors are converted here; every quiz
//! rule is in quiz-core, every pixel in quiz-yew.
#![deny(missing_docs)]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use quiz_core::combined::Combined;
use quiz_core::{BlobBank, Options, QuestionBank};
use quiz_yew::{Quiz, QuizEvent, QuizOptions, QuizProps};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback, Renderer};

#[cfg(feature = "bench")]
mod bench;

thread_local! {
    static BANK: RefCell<Option<Rc<dyn QuestionBank>>> = const { RefCell::new(None) };
    static ON_PANIC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

#[cfg(feature = "builtin-bank")]
fn builtin() -> Result<Rc<dyn QuestionBank>, JsError> {
    match quiz_bank::Builtin::load() {
        Ok(bank) => Ok(Rc::new(bank)),
        Err(e) => Err(JsError::new(&e.to_string())),
    }
}

#[cfg(not(feature = "builtin-bank"))]
fn builtin() -> Result<Rc<dyn QuestionBank>, JsError> {
    Err(JsError::new("this build has no built-in question bank"))
}

/// The built-in bank as one compiled bank blob, for `exportBank` (the exporters live in the
/// lazily loaded parser module, which reads blobs).
#[wasm_bindgen(js_name = builtinBankBlob)]
pub fn builtin_bank_blob() -> Result<Vec<u8>, JsError> {
    #[cfg(feature = "builtin-bank")]
    {
        quiz_bank::Builtin::load()
            .map(|b| b.blob())
            .map_err(|e| JsError::new(&e.to_string()))
    }
    #[cfg(not(feature = "builtin-bank"))]
    {
        Err(JsError::new("this build has no built-in question bank"))
    }
}

/// The bank shared by every widget on the page, decoded on first use.
fn bank() -> Result<Rc<dyn QuestionBank>, JsError> {
    BANK.with(|cell| {
        let mut slot = cell.borrow_mut();
        if let Some(bank) = slot.as_ref() {
            return Ok(bank.clone());
        }
        let bank = builtin()?;
        *slot = Some(bank.clone());
        Ok(bank)
    })
}

/// The checked options from the JS object the wrapper passes: every key of
/// `quiz_core::OPTIONS` (strings; absent, null or empty means the default), plus `pageLang`,
/// the host page's language.
fn parse_options(options: &JsValue, bank: &dyn QuestionBank) -> Result<Options, JsError> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(JsError::new("invalid options: expected an object"));
    }
    // Read by hand rather than with serde: serde's error messages pull float formatting
    // into the wasm (see bench/README.md).
    let get = |key: &str| -> Option<String> {
        if !options.is_object() {
            return None;
        }
        js_sys::Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let page_lang = get("pageLang");
    Options::parse(get, bank.topics(), page_lang.as_deref())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The bank a widget asks from: the built-in bank, or the custom bank the wrapper compiled
/// (`options.bank`, a `Uint8Array` from the parser module), with the built-in bank added when
/// `includeBuiltin` is `"true"`.
fn widget_bank(options: &JsValue) -> Result<Rc<dyn QuestionBank>, JsError> {
    let field = |key: &str| js_sys::Reflect::get(options, &JsValue::from_str(key)).ok();
    let blob = field("bank").filter(|v| v.is_instance_of::<js_sys::Uint8Array>());
    let Some(blob) = blob else {
        return bank();
    };
    let custom = BlobBank::new(js_sys::Uint8Array::from(blob).to_vec())
        .map_err(|e| JsError::new(&format!("the question bank cannot be read: {e}")))?;
    let custom: Rc<dyn QuestionBank> = Rc::new(custom);
    if field("includeBuiltin")
        .and_then(|v| v.as_string())
        .as_deref()
        == Some("true")
    {
        Ok(Rc::new(Combined::new(vec![custom, bank()?])))
    } else {
        Ok(custom)
    }
}

/// The widget options, with where its quiz is saved: under the widget's `id` (`widgetId`),
/// else its page path (`pagePath`) and the options that decide the quiz.
fn to_quiz_options(options: &JsValue, bank: &dyn QuestionBank) -> Result<QuizOptions, JsError> {
    let preset = parse_options(options, bank)?;
    let text = |key: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let storage_key = preset.persist.then(|| {
        quiz_core::progress::quiz_key(
            text("widgetId").as_deref(),
            &text("pagePath").unwrap_or_default(),
            &preset,
        )
    });
    Ok(QuizOptions {
        storage_key,
        ..QuizOptions::new(preset)
    })
}

/// A plain JS object from key/value pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn strings(items: &[String]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<js_sys::Array>()
        .into()
}

/// The `detail` of an event, with the field names of index.d.ts.
fn event_detail(event: &QuizEvent) -> JsValue {
    let n = |v: u32| JsValue::from_f64(f64::from(v));
    let s = |v: &str| JsValue::from_str(v);
    match event {
        QuizEvent::QuizStart {
            seed,
            question_ids,
            total,
            bank_version,
        } => object(&[
            ("type", s("quiz-start")),
            ("seed", n(*seed)),
            ("questionIds", strings(question_ids)),
            ("total", n(*total)),
            ("bankVersion", n(*bank_version)),
        ]),
        QuizEvent::QuizAnswer {
            question_id,
            topic,
            difficulty,
            kind,
            answer,
            correct,
            time_ms,
            index,
        } => object(&[
            ("type", s("quiz-answer")),
            ("questionId", s(question_id)),
            ("topic", s(topic)),
            ("difficulty", s(difficulty)),
            ("kind", s(kind)),
            ("answer", strings(answer)),
            ("correct", JsValue::from_bool(*correct)),
            ("timeMs", n(*time_ms)),
            ("index", n(*index)),
        ]),
        QuizEvent::QuizReview {
            question_id,
            grade,
            stability,
            difficulty,
            retrievability,
            due_ms,
        } => object(&[
            ("type", s("quiz-review")),
            ("questionId", s(question_id)),
            ("grade", JsValue::from_f64(f64::from(*grade))),
            ("stability", JsValue::from_f64(*stability)),
            ("difficulty", JsValue::from_f64(*difficulty)),
            (
                "retrievability",
                retrievability.map_or(JsValue::NULL, JsValue::from_f64),
            ),
            (
                "due",
                js_sys::Date::new(&JsValue::from_f64(*due_ms))
                    .to_iso_string()
                    .into(),
            ),
        ]),
        QuizEvent::QuizComplete {
            score,
            total,
            results,
            duration_ms,
            seed,
            passed,
        } => {
            let results: js_sys::Array = results
                .iter()
                .map(|r| {
                    object(&[
                        ("questionId", s(&r.question_id)),
                        ("topic", s(&r.topic)),
                        ("difficulty", s(&r.difficulty)),
                        ("correct", JsValue::from_bool(r.correct)),
                        ("timeMs", n(r.time_ms)),
                    ])
                })
                .collect();
            object(&[
                ("type", s("quiz-complete")),
                ("score", n(*score)),
                ("total", n(*total)),
                ("results", results.into()),
                ("durationMs", n(*duration_ms)),
                ("seed", n(*seed)),
                ("passed", JsValue::from_bool(*passed)),
            ])
        }
    }
}

/// Dispatches `event` on `target` as a bubbling, composed `CustomEvent`, after the current
/// task: a listener may then call back into the widget (even destroy it) safely.
fn dispatch(target: &Element, event: QuizEvent) {
    let target = target.clone();
    yew::platform::spawn_local(async move {
        let detail = event_detail(&event);
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = target.dispatch_event(&ev);
        }
    });
}

/// A yew app kept for reuse after its quiz was destroyed.
struct Parked {
    app: AppHandle<Quiz>,
    root: Element,
}

/// How many parked apps to keep; more are destroyed.
const POOL_LIMIT: usize = 32;

thread_local! {
    // yew never removes the event listeners it registers on an app's root element (they are
    // `forget`-ten: see yew's dom_bundle/subtree_root.rs), so every new app leaks a little.
    // Destroyed quizzes park their app here and the next mount reuses it, which bounds the
    // leak by the most widgets ever on screen at once.
    static POOL: RefCell<Vec<Parked>> = const { RefCell::new(Vec::new()) };
    static NEXT_GENERATION: Cell<u32> = const { Cell::new(1) };
}

/// A new generation number: a changed generation makes the quiz start over.
fn next_generation() -> u32 {
    NEXT_GENERATION.with(|g| {
        let n = g.get();
        g.set(n.wrapping_add(1));
        n
    })
}

/// A mounted quiz. Call `destroy()` to remove it and free its memory.
#[wasm_bindgen]
pub struct QuizHandle {
    app: Option<AppHandle<Quiz>>,
    root: Element,
    props: QuizProps,
}

#[wasm_bindgen]
impl QuizHandle {
    /// Unmounts the quiz. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        let Some(mut app) = self.app.take() else {
            return;
        };
        // Park the app, emptied, for the next mount to reuse.
        let parked = QuizProps {
            parked: true,
            on_event: Callback::noop(),
            ..self.props.clone()
        };
        app.update(parked);
        self.root.remove();
        POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            if pool.len() < POOL_LIMIT {
                pool.push(Parked {
                    app,
                    root: self.root.clone(),
                });
            } else {
                app.destroy();
            }
        });
    }

    /// Starts a new quiz with the same options (a fresh seed unless one is set), never
    /// the setup screen.
    pub fn restart(&mut self) {
        self.props.options.restarts = self.props.options.restarts.wrapping_add(1).max(1);
        if let Some(app) = &mut self.app {
            app.update(self.props.clone());
        }
    }

    /// Replaces every option (absent ones return to their defaults). A new language or theme
    /// keeps the learner's progress; new filters, seed, count or ids start a new quiz.
    /// Throws `Error` naming a bad option.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
    ) -> Result<(), JsError> {
        let bank = widget_bank(&options)?;
        let mut opts = to_quiz_options(&options, &*bank)?;
        opts.generation = self.props.options.generation;
        opts.restarts = self.props.options.restarts;
        self.props.options = opts;
        self.props.bank = bank;
        if let Some(app) = &mut self.app {
            app.update(self.props.clone());
        }
        Ok(())
    }
}

/// Renders a quiz into `host` and dispatches `quiz-start`, `quiz-answer` and `quiz-complete`
/// events on it. Throws `Error` naming the first invalid option.
#[wasm_bindgen]
pub fn mount(
    host: Element,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<QuizHandle, JsError> {
    let bank = widget_bank(&options)?;
    let mut options = to_quiz_options(&options, &*bank)?;
    options.generation = next_generation();
    let target = host.clone();
    let on_event = Callback::from(move |e: QuizEvent| dispatch(&target, e));
    let props = QuizProps {
        bank,
        options,
        on_event,
        parked: false,
    };
    let (app, root) = match POOL.with(|pool| pool.borrow_mut().pop()) {
        Some(Parked { mut app, root }) => {
            host.append_child(&root)
                .map_err(|_| JsError::new("cannot attach the quiz"))?;
            app.update(props.clone());
            (app, root)
        }
        None => {
            let document = host
                .owner_document()
                .ok_or_else(|| JsError::new("host has no document"))?;
            let root = document
                .create_element("div")
                .map_err(|_| JsError::new("cannot create the quiz"))?;
            root.set_class_name("quiz-app");
            host.append_child(&root)
                .map_err(|_| JsError::new("cannot attach the quiz"))?;
            let app = Renderer::<Quiz>::with_root_and_props(root.clone(), props.clone()).render();
            (app, root)
        }
    };
    Ok(QuizHandle {
        app: Some(app),
        root,
        props,
    })
}

/// The topics and categories of the built-in bank with their question counts by
/// difficulty, for hosts that build their own pickers.
#[wasm_bindgen(js_name = bankTopics)]
pub fn bank_topics() -> Result<JsValue, JsError> {
    let bank = bank()?;
    let topics: js_sys::Array = bank
        .topics()
        .iter()
        .map(|t| {
            let counts: js_sys::Array = t
                .counts
                .iter()
                .map(|c| JsValue::from_f64(f64::from(*c)))
                .collect();
            object(&[
                ("slug", JsValue::from_str(&t.slug)),
                ("title", JsValue::from_str(&t.title)),
                ("category", JsValue::from_str(&t.category)),
                ("counts", counts.into()),
            ])
        })
        .collect();
    Ok(topics.into())
}

/// The learner's review history on this origin: `{ version, questions: { [id]: { due,
/// stability, difficulty, reps, lapses, lastReview, firstReview, missed } } }`, dates in
/// ISO 8601. Read from the browser's storage (or memory, where storage is refused).
#[wasm_bindgen(js_name = getProgress)]
pub fn get_progress() -> JsValue {
    let store = quiz_yew::store::Store::shared();
    let mut store = store.borrow_mut();
    quiz_yew::store::progress_export(store.current())
}

/// Forgets the review history and every saved quiz of this origin.
#[wasm_bindgen(js_name = clearProgress)]
pub fn clear_progress() {
    quiz_yew::store::Store::shared().borrow_mut().clear();
}

/// Merges an exported progress file (its JSON text) into the history. Returns how many
/// questions it held; throws, changing nothing, when the file is not valid.
#[wasm_bindgen(js_name = importProgress)]
pub fn import_progress(text: &str) -> Result<u32, JsError> {
    quiz_yew::store::Store::shared()
        .borrow_mut()
        .import(text)
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .map_err(|e| JsError::new(&format!("the progress file cannot be imported: {e}")))
}

/// Registers `callback(message)`, called if the wasm panics. After a panic the instance
/// is unusable: the wrapper shows a "reload" panel in every widget.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(callback: js_sys::Function) {
    ON_PANIC.with(|cell| *cell.borrow_mut() = Some(callback));
    // Through yew: a plain std hook is replaced by yew's own at the first render.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("quiz-widget: {message}")));
        ON_PANIC.with(|cell| {
            let callback = cell.try_borrow().ok().and_then(|c| c.clone());
            if let Some(f) = callback {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        });
    }));
}

/// Panics inside the wasm, for the e2e tests of the wrapper's recovery. Only in builds with
/// the `test-panic` feature, never in a release.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = testPanic)]
#[allow(clippy::panic)]
pub fn test_panic() {
    panic!("test panic requested by the e2e tests");
}
