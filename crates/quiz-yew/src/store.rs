//! Where a learner's progress lives in the browser: the review history shared by every widget
//! on the origin, and each widget's quiz in progress, in `localStorage`. The rules (what a
//! card is, how copies merge, the keys) are quiz-core's `progress` and `Snapshot`; this only
//! moves them in and out of storage as JSON.
//!
//! Storage may throw (disabled, full), hold junk (corrupt, hand-edited), hold an older or a
//! newer version, or change under us (another tab). In every case the widget goes on in
//! memory, keeps the learner's session, and shows at most one quiet notice.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, JSON, Object, Reflect};
use quiz_core::progress::{
    Card, Clock, KEY_PREFIX, PROGRESS_KEY, Progress, ProgressError, Review, STORE_VERSION,
};
use quiz_core::{Response, Snapshot};
use wasm_bindgen::{JsCast, JsValue};

/// Something the learner should know about storage. The widget shows one, quietly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// The browser refuses storage: progress lasts until the page is left.
    Unavailable,
    /// Storage is full: new progress is kept only in memory.
    Full,
    /// Saved data could not be read and was reset.
    Corrupt,
    /// Data of an older version was dropped.
    Old,
    /// Data of a newer version is left alone; this page does not save.
    Newer,
}

/// A listener for changes of the shared progress.
type Listener = Weak<dyn Fn()>;

/// The progress of one page (or of one widget, with `persist` off).
pub struct Store {
    progress: Progress,
    /// The stored history text as last read or written here: unchanged text is not read again
    /// (at 10,000 questions a read costs about 40 ms).
    seen: Option<String>,
    /// When "Forget everything" last ran, here or in another tab (ms since the epoch).
    cleared_ms: f64,
    storage: Option<web_sys::Storage>,
    notice: Option<StoreNotice>,
    listeners: Vec<Listener>,
}

thread_local! {
    static SHARED: RefCell<Option<Rc<RefCell<Store>>>> = const { RefCell::new(None) };
}

/// Ms since the epoch and the start of the local day: the clock every rule is given.
pub fn clock() -> Clock {
    let now = js_sys::Date::now();
    let day = js_sys::Date::new(&JsValue::from_f64(now));
    day.set_hours(0);
    day.set_minutes(0);
    day.set_seconds(0);
    let day_start_ms = day.set_milliseconds(0);
    Clock {
        now_ms: now,
        day_start_ms,
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn field(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(o, &JsValue::from_str(key), &value.into());
}

fn array<T: Into<JsValue>>(items: impl IntoIterator<Item = T>) -> Array {
    items.into_iter().map(Into::into).collect()
}

fn numbers(v: &JsValue) -> Option<Vec<usize>> {
    if !Array::is_array(v) {
        return None;
    }
    Array::from(v)
        .iter()
        .map(|x| {
            let n = x.as_f64()?;
            (n >= 0.0 && n.fract() == 0.0 && n < 10_000.0).then_some(n as usize)
        })
        .collect()
}

/// How a stored item reads back.
enum Read<T> {
    Missing,
    Found(T),
    Corrupt,
    Old,
    Newer,
}

/// Parses stored text and checks its version.
fn read_versioned(text: Option<String>) -> Read<JsValue> {
    let Some(text) = text else {
        return Read::Missing;
    };
    let Ok(value) = JSON::parse(&text) else {
        return Read::Corrupt;
    };
    if !value.is_object() || Array::is_array(&value) {
        return Read::Corrupt;
    }
    match field(&value, "version").as_f64() {
        Some(v) if v == f64::from(STORE_VERSION) => Read::Found(value),
        Some(v) if v > f64::from(STORE_VERSION) => Read::Newer,
        Some(_) => Read::Old,
        None => Read::Corrupt,
    }
}

// ---- the review history ----------------------------------------------------------------

/// The compact stored form: `{ version, cleared, questions: { id: [due, last, first,
/// stability, difficulty, reps, lapses, missed] } }`, times in ms since the epoch; `cleared`
/// is when "Forget everything" last ran.
fn progress_to_js(progress: &Progress, cleared_ms: f64) -> JsValue {
    let questions = Object::new();
    for (id, c) in progress.iter() {
        let row = array([
            c.due_ms,
            c.last_ms,
            c.first_ms,
            c.stability,
            c.difficulty,
            f64::from(c.reps),
            f64::from(c.lapses),
            f64::from(u8::from(c.missed)),
        ]);
        set(&questions, id, row);
    }
    let o = Object::new();
    set(&o, "version", STORE_VERSION);
    set(&o, "cleared", cleared_ms);
    set(&o, "questions", questions);
    o.into()
}

fn progress_from_js(value: &JsValue) -> Result<Progress, ProgressError> {
    let questions = field(value, "questions");
    if !questions.is_object() {
        return Err(ProgressError("\"questions\" must be an object".into()));
    }
    let mut progress = Progress::new();
    for entry in Object::entries(&Object::from(questions)).iter() {
        let entry = Array::from(&entry);
        let id = entry.get(0).as_string().unwrap_or_default();
        let row = entry.get(1);
        let n = |i: u32| {
            if Array::is_array(&row) {
                Array::from(&row).get(i).as_f64().unwrap_or(f64::NAN)
            } else {
                f64::NAN
            }
        };
        let card = Card {
            due_ms: n(0),
            last_ms: n(1),
            first_ms: n(2),
            stability: n(3),
            difficulty: n(4),
            reps: whole(n(5)),
            lapses: whole(n(6)),
            missed: n(7) == 1.0,
        };
        progress.insert(&id, card)?;
    }
    Ok(progress)
}

fn whole(n: f64) -> u32 {
    if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
        n as u32
    } else {
        0
    }
}

fn iso(ms: f64) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_iso_string()
        .into()
}

/// The exported and `getProgress()` form, with ISO 8601 dates.
pub fn progress_export(progress: &Progress) -> JsValue {
    let questions = Object::new();
    for (id, c) in progress.iter() {
        let q = Object::new();
        set(&q, "due", iso(c.due_ms));
        set(&q, "stability", c.stability);
        set(&q, "difficulty", c.difficulty);
        set(&q, "reps", c.reps);
        set(&q, "lapses", c.lapses);
        set(&q, "lastReview", iso(c.last_ms));
        set(&q, "firstReview", iso(c.first_ms));
        set(&q, "missed", c.missed);
        set(&questions, id, q);
    }
    let o = Object::new();
    set(&o, "version", STORE_VERSION);
    set(&o, "questions", questions);
    o.into()
}

/// Reads an exported file: every question must be valid, or nothing is taken.
///
/// # Errors
/// What is wrong, naming the question.
pub fn progress_import(text: &str) -> Result<Progress, ProgressError> {
    let bad = |what: &str| ProgressError(what.to_string());
    let value = JSON::parse(text).map_err(|_| bad("it is not JSON"))?;
    if !value.is_object() || Array::is_array(&value) {
        return Err(bad("it is not a progress export"));
    }
    if field(&value, "version").as_f64() != Some(f64::from(STORE_VERSION)) {
        return Err(bad("it is not a version 1 progress export"));
    }
    let questions = field(&value, "questions");
    if !questions.is_object() || Array::is_array(&questions) {
        return Err(bad("\"questions\" must be an object"));
    }
    let date = |q: &JsValue, key: &str| {
        field(q, key)
            .as_string()
            .map_or(f64::NAN, |s| js_sys::Date::parse(&s))
    };
    let mut progress = Progress::new();
    for entry in Object::entries(&Object::from(questions)).iter() {
        let entry = Array::from(&entry);
        let id = entry.get(0).as_string().unwrap_or_default();
        let q = entry.get(1);
        if !q.is_object() {
            return Err(ProgressError(format!(
                "question \"{id}\" must be an object"
            )));
        }
        let last_ms = date(&q, "lastReview");
        let card = Card {
            due_ms: date(&q, "due"),
            last_ms,
            first_ms: if field(&q, "firstReview").is_undefined() {
                last_ms
            } else {
                date(&q, "firstReview")
            },
            stability: field(&q, "stability").as_f64().unwrap_or(f64::NAN),
            difficulty: field(&q, "difficulty").as_f64().unwrap_or(f64::NAN),
            reps: whole(field(&q, "reps").as_f64().unwrap_or(f64::NAN)),
            lapses: whole(field(&q, "lapses").as_f64().unwrap_or(0.0)),
            missed: field(&q, "missed").as_bool().unwrap_or(false),
        };
        progress.insert(&id, card)?;
    }
    Ok(progress)
}

// ---- a quiz in progress ----------------------------------------------------------------

fn response_to_js(r: &Response) -> JsValue {
    let (kind, value): (&str, JsValue) = match r {
        Response::Choice(i) => ("c", JsValue::from_f64(*i as f64)),
        Response::Choices(is) => ("m", array(is.iter().map(|i| *i as f64)).into()),
        Response::Bool(b) => ("b", JsValue::from_bool(*b)),
        Response::Text(t) => ("t", JsValue::from_str(t)),
        Response::Order(is) => ("o", array(is.iter().map(|i| *i as f64)).into()),
    };
    array([JsValue::from_str(kind), value]).into()
}

fn response_from_js(v: &JsValue) -> Option<Response> {
    if !Array::is_array(v) {
        return None;
    }
    let a = Array::from(v);
    let value = a.get(1);
    Some(match a.get(0).as_string()?.as_str() {
        "c" => Response::Choice(numbers(&array([value]).into())?.first().copied()?),
        "m" => Response::Choices(numbers(&value)?),
        "b" => Response::Bool(value.as_bool()?),
        "t" => Response::Text(value.as_string()?),
        "o" => Response::Order(numbers(&value)?),
        _ => return None,
    })
}

fn snapshot_to_js(s: &Snapshot) -> JsValue {
    let o = Object::new();
    set(&o, "version", STORE_VERSION);
    set(&o, "seed", s.seed);
    set(&o, "bank", s.bank_version);
    set(&o, "options", s.options.as_str());
    set(
        &o,
        "ids",
        array(s.picks.iter().map(|(id, _)| JsValue::from_str(id))),
    );
    set(
        &o,
        "orders",
        array(
            s.picks
                .iter()
                .map(|(_, order)| JsValue::from(array(order.iter().map(|i| *i as f64)))),
        ),
    );
    set(
        &o,
        "answers",
        array(s.answers.iter().map(|a| match a {
            Some((r, ms)) => JsValue::from(array([response_to_js(r), JsValue::from(*ms)])),
            None => JsValue::NULL,
        })),
    );
    set(&o, "position", s.position as f64);
    set(&o, "elapsed", s.elapsed_ms);
    set(&o, "updated", s.updated_ms);
    o.into()
}

fn snapshot_from_js(v: &JsValue) -> Option<Snapshot> {
    let u32_of = |key: &str| {
        let n = field(v, key).as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX)).then_some(n as u32)
    };
    let ids = field(v, "ids");
    let orders = field(v, "orders");
    let answers = field(v, "answers");
    if !(Array::is_array(&ids) && Array::is_array(&orders) && Array::is_array(&answers)) {
        return None;
    }
    let picks = Array::from(&ids)
        .iter()
        .zip(Array::from(&orders).iter())
        .map(|(id, order)| Some((id.as_string()?, numbers(&order)?)))
        .collect::<Option<Vec<_>>>()?;
    let answers = Array::from(&answers)
        .iter()
        .map(|a| {
            if a.is_null() {
                return Some(None);
            }
            let pair = Array::from(&a);
            let ms = pair.get(1).as_f64()?;
            Some(Some((response_from_js(&pair.get(0))?, whole(ms))))
        })
        .collect::<Option<Vec<_>>>()?;
    let finite = |key: &str| {
        field(v, key)
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    Some(Snapshot {
        seed: u32_of("seed")?,
        bank_version: u32_of("bank")?,
        options: field(v, "options").as_string()?,
        picks,
        answers,
        position: u32_of("position")? as usize,
        elapsed_ms: finite("elapsed")?,
        updated_ms: finite("updated")?,
    })
}

// ---- page events -------------------------------------------------------------------------

/// A JS callback of no arguments.
type Handler = wasm_bindgen::closure::Closure<dyn FnMut()>;

/// Listeners on the window, removed when dropped.
pub struct PageListener {
    handlers: Vec<(&'static str, Handler)>,
}

impl Drop for PageListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for (name, f) in &self.handlers {
                let _ =
                    window.remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
            }
        }
    }
}

fn listen_window(names: &[&'static str], f: impl Fn() + 'static) -> PageListener {
    let f = Rc::new(f);
    let mut handlers = Vec::new();
    if let Some(window) = web_sys::window() {
        for name in names {
            let f = f.clone();
            let closure = Handler::new(move || f());
            let _ = window.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
            handlers.push((*name, closure));
        }
    }
    PageListener { handlers }
}

/// Calls `f` when the page is hidden or left (the last moment to save).
pub fn on_page_hide(f: impl Fn() + 'static) -> PageListener {
    listen_window(&["pagehide", "visibilitychange"], move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            f();
        }
    })
}

// ---- the store ---------------------------------------------------------------------------

impl Store {
    /// The page's store, shared by every widget with `persist` on: opened (and read) once.
    pub fn shared() -> Rc<RefCell<Store>> {
        SHARED.with(|cell| {
            cell.borrow_mut()
                .get_or_insert_with(|| {
                    let store = Rc::new(RefCell::new(Store::open()));
                    // Another tab wrote: take its answers in and refresh the dashboards. One
                    // listener for the page's life.
                    let weak = Rc::downgrade(&store);
                    std::mem::forget(listen_window(&["storage"], move || {
                        let Some(store) = weak.upgrade() else {
                            return;
                        };
                        if let Ok(mut store) = store.try_borrow_mut() {
                            store.reload();
                            store.changed();
                        }
                    }));
                    store
                })
                .clone()
        })
    }

    /// A store that never touches the browser's storage (`persist` off).
    pub fn memory() -> Rc<RefCell<Store>> {
        Rc::new(RefCell::new(Store {
            progress: Progress::new(),
            seen: None,
            cleared_ms: 0.0,
            storage: None,
            notice: None,
            listeners: Vec::new(),
        }))
    }

    fn open() -> Store {
        let mut store = Store {
            progress: Progress::new(),
            seen: None,
            cleared_ms: 0.0,
            storage: local_storage(),
            notice: None,
            listeners: Vec::new(),
        };
        // A storage that throws on reading (disabled, or blocked by the browser's settings).
        match &store.storage {
            None => store.notice = Some(StoreNotice::Unavailable),
            Some(s) if s.get_item(PROGRESS_KEY).is_err() => {
                store.storage = None;
                store.notice = Some(StoreNotice::Unavailable);
            }
            Some(_) => store.reload(),
        }
        store
    }

    /// The notice to show, if any.
    pub fn notice(&self) -> Option<StoreNotice> {
        self.notice
    }

    /// Whether anything is written to the browser's storage.
    pub fn saves(&self) -> bool {
        self.storage.is_some()
    }

    /// The review history.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Records a notice to show; the first one stays.
    pub fn note(&mut self, notice: StoreNotice) {
        self.notice.get_or_insert(notice);
    }

    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    /// Writes `value` under `key`; a failure (quota) keeps everything in memory and says so.
    fn put(&mut self, key: &str, value: &JsValue) {
        let Some(storage) = &self.storage else {
            return;
        };
        let text = JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        if storage.set_item(key, &text).is_err() {
            self.note(StoreNotice::Full);
        } else if key == PROGRESS_KEY {
            self.seen = Some(text);
        }
    }

    fn remove(&mut self, key: &str) {
        if key == PROGRESS_KEY {
            self.seen = None;
        }
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(key);
        }
    }

    /// Takes in what another tab stored since we last looked.
    fn reload(&mut self) {
        let stored = self.get(PROGRESS_KEY);
        if stored.is_some() && stored == self.seen {
            return;
        }
        let text = stored.clone();
        match read_versioned(stored) {
            Read::Missing => {}
            Read::Found(v) => match progress_from_js(&v) {
                Ok(theirs) => {
                    self.seen = text;
                    let cleared = field(&v, "cleared").as_f64().unwrap_or(0.0);
                    if cleared > self.cleared_ms {
                        self.cleared_ms = cleared;
                        self.progress.forget_until(cleared);
                    }
                    self.progress.merge(&theirs);
                }
                Err(_) => {
                    self.note(StoreNotice::Corrupt);
                    self.remove(PROGRESS_KEY);
                }
            },
            Read::Corrupt => {
                self.note(StoreNotice::Corrupt);
                self.remove(PROGRESS_KEY);
            }
            Read::Old => {
                self.note(StoreNotice::Old);
                self.remove(PROGRESS_KEY);
            }
            Read::Newer => {
                // Never overwrite a newer widget's data: go on in memory.
                self.note(StoreNotice::Newer);
                self.storage = None;
            }
        }
    }

    /// Writes the history; callers take in other tabs' answers first ([`Store::reload`]).
    fn save_progress(&mut self) {
        let value = progress_to_js(&self.progress, self.cleared_ms);
        self.put(PROGRESS_KEY, &value);
        self.changed();
    }

    /// Schedules a question after an answer and saves the history.
    pub fn record(&mut self, id: &str, correct: bool, retention: f64) -> Review {
        self.reload();
        let review = self.progress.record(id, correct, clock(), retention);
        self.save_progress();
        review
    }

    /// Merges an exported file into the history. Returns how many questions it held.
    ///
    /// # Errors
    /// Why the file was refused; nothing changed then.
    pub fn import(&mut self, text: &str) -> Result<usize, ProgressError> {
        let theirs = progress_import(text)?;
        self.reload();
        self.progress.merge(&theirs);
        self.save_progress();
        Ok(theirs.len())
    }

    /// The history with any other tab's answers taken in.
    pub fn current(&mut self) -> &Progress {
        self.reload();
        &self.progress
    }

    /// Forgets the history and every saved quiz of this origin, in every tab: the stored
    /// history keeps when this happened, so another tab's copy does not bring it back.
    pub fn clear(&mut self) {
        self.progress.clear();
        self.cleared_ms = js_sys::Date::now();
        if let Some(storage) = &self.storage {
            let len = storage.length().unwrap_or(0);
            let keys: Vec<String> = (0..len)
                .filter_map(|i| storage.key(i).ok().flatten())
                .filter(|k| k.starts_with(KEY_PREFIX))
                .collect();
            for k in keys {
                let _ = storage.remove_item(&k);
            }
        }
        let value = progress_to_js(&self.progress, self.cleared_ms);
        self.put(PROGRESS_KEY, &value);
        self.changed();
    }

    /// The saved quiz under `key`, merged with nothing; `None` if there is none or it cannot
    /// be read (then it is dropped, with a notice).
    pub fn load_quiz(&mut self, key: &str) -> Option<Snapshot> {
        let stored = self.get(key);
        match read_versioned(stored) {
            Read::Missing => None,
            Read::Found(v) => {
                let snap = snapshot_from_js(&v);
                if snap.is_none() {
                    self.note(StoreNotice::Corrupt);
                    self.remove(key);
                }
                snap
            }
            Read::Corrupt => {
                self.note(StoreNotice::Corrupt);
                self.remove(key);
                None
            }
            Read::Old => {
                self.note(StoreNotice::Old);
                self.remove(key);
                None
            }
            Read::Newer => {
                self.note(StoreNotice::Newer);
                self.storage = None;
                None
            }
        }
    }

    /// Saves a quiz in progress, merged with what another tab saved under the same key.
    pub fn save_quiz(&mut self, key: &str, snap: Snapshot) {
        let merged = match read_versioned(self.get(key)) {
            Read::Found(v) => match snapshot_from_js(&v) {
                Some(theirs) => snap.merge(theirs),
                None => snap,
            },
            Read::Newer => {
                self.note(StoreNotice::Newer);
                self.storage = None;
                return;
            }
            _ => snap,
        };
        self.put(key, &snapshot_to_js(&merged));
    }

    /// Drops the saved quiz under `key` (the learner left it for a new one).
    pub fn drop_quiz(&mut self, key: &str) {
        self.remove(key);
    }

    /// Calls `f` after every change of the history, as long as the returned `Rc` lives.
    pub fn listen(&mut self, f: Rc<dyn Fn()>) {
        self.listeners.retain(|l| l.strong_count() > 0);
        self.listeners.push(Rc::downgrade(&f));
    }

    fn changed(&mut self) {
        let listeners: Vec<Rc<dyn Fn()>> =
            self.listeners.iter().filter_map(Weak::upgrade).collect();
        // After the current task: the caller still holds the store.
        yew::platform::spawn_local(async move {
            for l in listeners {
                l();
            }
        });
    }
}
