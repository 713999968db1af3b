//! The wasm entry point and the only `#[wasm_bindgen]` surface: `mount(element, options)`
//! returns a handle the JS wrapper drives. Values and errors are converted here; every quiz
//! rule is in quiz-core, every pixel in quiz-yew.
#![deny(missing_docs)]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use quiz_core::{QuestionBank, attrs};
use quiz_yew::{Lang, Quiz, QuizEvent, QuizOptions, QuizProps};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback, Renderer};

/// Options as the JS wrapper passes them: attribute strings, all optional.
#[derive(Default, Clone, Debug)]
struct MountOptions {
    difficulty: Option<String>,
    topics: Option<String>,
    count: Option<String>,
    seed: Option<String>,
    ids: Option<String>,
    filters: Option<String>,
    lang: Option<String>,
}

thread_local! {
    static BANK: RefCell<Option<Rc<dyn QuestionBank>>> = const { RefCell::new(None) };
    static ON_PANIC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

#[cfg(feature = "builtin-bank")]
fn builtin() -> Option<Rc<dyn QuestionBank>> {
    Some(Rc::new(quiz_bank::Builtin::load()))
}

#[cfg(not(feature = "builtin-bank"))]
fn builtin() -> Option<Rc<dyn QuestionBank>> {
    None
}

/// The bank shared by every widget on the page, decoded on first use.
fn bank() -> Result<Rc<dyn QuestionBank>, JsError> {
    BANK.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = builtin();
        }
        slot.clone()
            .ok_or_else(|| JsError::new("this build has no built-in question bank"))
    })
}

fn to_quiz_options(o: &MountOptions, bank: &dyn QuestionBank) -> Result<QuizOptions, JsError> {
    let get = |v: &Option<String>| v.clone().unwrap_or_default();
    let e = |e: attrs::AttrError| JsError::new(&e.to_string());
    Ok(QuizOptions {
        difficulties: attrs::difficulties(&get(&o.difficulty)).map_err(e)?,
        topics: attrs::topics(&get(&o.topics), bank.topics()).map_err(e)?,
        count: attrs::count(&get(&o.count)).map_err(e)?,
        ids: attrs::ids(&get(&o.ids)).map_err(e)?,
        seed: attrs::seed(&get(&o.seed)).map_err(e)?,
        filters_hidden: attrs::filters_hidden(&get(&o.filters)).map_err(e)?,
        lang: o
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or_default(),
        generation: 0,
    })
}

// Read by hand rather than with serde: serde's error messages pull float formatting into
// the wasm (see bench/README.md).
fn parse_options(options: JsValue) -> Result<MountOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(MountOptions::default());
    }
    if !options.is_object() {
        return Err(JsError::new("invalid options: expected an object"));
    }
    let get = |key: &str| -> Result<Option<String>, JsError> {
        let v =
            js_sys::Reflect::get(&options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else {
            v.as_string()
                .map(Some)
                .ok_or_else(|| JsError::new(&format!("invalid options: `{key}` must be a string")))
        }
    };
    Ok(MountOptions {
        difficulty: get("difficulty")?,
        topics: get("topics")?,
        count: get("count")?,
        seed: get("seed")?,
        ids: get("ids")?,
        filters: get("filters")?,
        lang: get("lang")?,
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
        QuizEvent::QuizComplete {
            score,
            total,
            results,
            duration_ms,
            seed,
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

    /// Starts a new quiz with the same options (a fresh seed unless one is set).
    pub fn restart(&mut self) {
        self.props.options.generation = next_generation();
        if let Some(app) = &mut self.app {
            app.update(self.props.clone());
        }
    }

    /// Applies new options. A new language keeps the learner's progress; new filters, seed,
    /// count or ids start a new quiz. Throws `Error` naming a bad option.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
    ) -> Result<(), JsError> {
        let mut opts = to_quiz_options(&parse_options(options)?, &*self.props.bank)?;
        opts.generation = self.props.options.generation;
        self.props.options = opts;
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
    let bank = bank()?;
    let mut options = to_quiz_options(&parse_options(options)?, &*bank)?;
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

/// Registers `callback(message)`, called if the wasm panics. After a panic the instance
/// is unusable: the wrapper shows a "reload" panel in every widget.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(callback: js_sys::Function) {
    ON_PANIC.with(|cell| *cell.borrow_mut() = Some(callback));
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        ON_PANIC.with(|cell| {
            let callback = cell.try_borrow().ok().and_then(|c| c.clone());
            if let Some(f) = callback {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        });
    }));
}
