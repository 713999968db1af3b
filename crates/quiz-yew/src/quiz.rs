//! The `Quiz` component: the whole widget. It owns the state machine, draws quizzes from the
//! bank its caller gives it, and reports what happens through `on_event`.

pub mod state;

use std::rc::Rc;

use std::cell::RefCell;

use quiz_core::setup::Review;
use quiz_core::{
    Filters, Options, QuestionBank, QuizEvent, Response, RestoreError, Session, setup,
};
use yew::prelude::*;

use crate::components::{Dashboard, FilterBar, QuestionCard, Results, again};
use crate::i18n::{Lang, Strings, fill};
use crate::store::{self, Store, StoreNotice};
use state::{Notice, QuizAction, QuizState, Screen};

/// What the host asked for: its checked options (quiz-core's one definition of them), and two
/// counters the host bumps.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QuizOptions {
    /// The host's options: presets of the filters, language, whether filters show.
    pub preset: Options,
    /// Bumped by the host to reset the widget with the same options (a new mount).
    pub generation: u32,
    /// Bumped by the host's `restart()`: a new quiz with these options starts at once.
    pub restarts: u32,
    /// Where the quiz in progress is saved (`quiz_core::progress::quiz_key`); `None` keeps it
    /// in memory only.
    pub storage_key: Option<String>,
}

impl QuizOptions {
    /// The widget options for the host's parsed and checked `preset`.
    pub fn new(preset: Options) -> QuizOptions {
        QuizOptions {
            preset,
            ..QuizOptions::default()
        }
    }

    fn lang(&self) -> Lang {
        Lang::from_tag(self.preset.lang).unwrap_or_default()
    }

    fn filters(&self) -> Filters {
        let p = &self.preset;
        Filters::preset(
            &p.difficulties,
            p.topics.clone(),
            p.count,
            p.ids.clone(),
            p.seed,
        )
    }

    fn autostart(&self) -> bool {
        self.review().is_none() && (self.preset.filters_hidden || !self.preset.ids.is_empty())
    }

    /// The review session of `mode="study"` or `mode="mistakes"`; `None` for a quiz.
    fn review(&self) -> Option<Review> {
        match self.preset.mode {
            "study" => Some(Review::Study {
                new_per_day: self.preset.new_per_day,
            }),
            "mistakes" => Some(Review::Mistakes),
            _ => None,
        }
    }

    /// What decides the quiz: everything but the look (language, theme) and the restarts.
    fn quiz_key(&self) -> QuizOptions {
        QuizOptions {
            preset: Options {
                lang: "",
                theme: "",
                ..self.preset.clone()
            },
            restarts: 0,
            ..self.clone()
        }
    }
}

/// Props for [`Quiz`].
#[derive(Properties, Clone)]
pub struct QuizProps {
    /// The questions to draw from.
    pub bank: Rc<dyn QuestionBank>,
    /// Presets and behaviour.
    pub options: QuizOptions,
    /// Receives every [`QuizEvent`].
    #[prop_or_default]
    pub on_event: Callback<QuizEvent>,
    /// Parked for reuse by a later mount: render nothing and drop the quiz.
    #[prop_or_default]
    pub parked: bool,
}

impl PartialEq for QuizProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(Rc::as_ptr(&self.bank), Rc::as_ptr(&other.bank))
            && self.options == other.options
            && self.on_event == other.on_event
            && self.parked == other.parked
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn fresh_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// The words for a storage notice.
fn store_message(s: &Strings, notice: StoreNotice) -> &'static str {
    match notice {
        StoreNotice::Unavailable => s.store_unavailable,
        StoreNotice::Full => s.store_full,
        StoreNotice::Corrupt => s.store_corrupt,
        StoreNotice::Old => s.store_old,
        StoreNotice::Newer => s.store_newer,
    }
}

/// What a quiz opens with under `options`: its saved copy resumed, a quiz drawn when the
/// presets fix it, or nothing (the setup screen). A saved copy that no longer fits is dropped.
fn opening(
    bank: &dyn QuestionBank,
    store: &RefCell<Store>,
    options: &QuizOptions,
) -> Option<QuizAction> {
    let saved = options.storage_key.as_deref().and_then(|key| {
        let snap = store.borrow_mut().load_quiz(key)?;
        match Session::restore(bank, &snap, &options.preset.identity()) {
            Ok(session) => Some((session, snap.elapsed_ms)),
            Err(e) => {
                let mut store = store.borrow_mut();
                store.drop_quiz(key);
                // New options or a new bank start afresh by design; data that does not fit
                // is corrupt, and the learner is told.
                if matches!(e, RestoreError::Invalid(_)) {
                    store.note(StoreNotice::Corrupt);
                }
                None
            }
        }
    });
    if let Some((session, elapsed_ms)) = saved {
        Some(QuizAction::Restored {
            session,
            elapsed_ms,
            now: now_ms(),
        })
    } else if options.autostart() {
        Some(QuizAction::Started {
            result: setup::start(bank, &options.filters(), None, None, fresh_seed),
            now: now_ms(),
            by_learner: false,
        })
    } else {
        None
    }
}

/// Draws a quiz for `filters` (or exactly `ids`) and hands it to the state.
fn start(
    bank: &dyn QuestionBank,
    filters: &Filters,
    ids: Option<Vec<String>>,
    seed: Option<u32>,
    by_learner: bool,
    dispatch: &UseReducerDispatcher<QuizState>,
) {
    dispatch.dispatch(QuizAction::Started {
        result: setup::start(bank, filters, ids, seed, fresh_seed),
        now: now_ms(),
        by_learner,
    });
}

/// The embeddable quiz: filters, questions of every kind, feedback, results and review.
#[component]
pub fn Quiz(props: &QuizProps) -> Html {
    let QuizProps {
        bank,
        options,
        on_event,
        parked,
    } = props;
    let lang = options.lang();
    let s = lang.strings();
    // The learner's progress: the page's shared store, or this widget's own with persist off.
    let store = use_memo(options.preset.persist, |persist| {
        if *persist {
            Store::shared()
        } else {
            Store::memory()
        }
    });
    let store: Rc<RefCell<Store>> = (*store).clone();
    // The first render already shows what the quiz opens with (a resumed or drawn quiz), so
    // the first question costs one render, not a render of the empty widget, a yield to the
    // browser and a second render (issue 21).
    let state = use_reducer_eq({
        let (bank, store, options, parked) =
            (bank.clone(), store.clone(), options.clone(), *parked);
        move || {
            let state = Rc::new(QuizState::new(options.filters()));
            // A parked widget opens nothing (and reads no saved quiz).
            match (!parked)
                .then(|| opening(&*bank, &store, &options))
                .flatten()
            {
                Some(action) => Rc::unwrap_or_clone(state.reduce(action)),
                None => Rc::unwrap_or_clone(state),
            }
        }
    });

    // New presets (not a new language) start over: a saved quiz resumes, presets that fix
    // the quiz start it. The first render did that already.
    {
        let dispatch = state.dispatcher();
        let (bank, store) = (bank.clone(), store.clone());
        let opened = use_mut_ref(|| true);
        // A new bank (its version) starts over too.
        use_effect_with(
            (options.quiz_key(), bank.version(), *parked),
            move |(options, _, parked)| {
                if std::mem::take(&mut *opened.borrow_mut()) {
                    return;
                }
                dispatch.dispatch(QuizAction::Reset(options.filters()));
                if *parked {
                    return;
                }
                if let Some(action) = opening(&*bank, &store, options) {
                    dispatch.dispatch(action);
                }
            },
        );
    }
    // Save the quiz after every change, and when the page is hidden or left (so the time on
    // the current question counts too), so a reload resumes it.
    {
        let save = {
            let (store, bank) = (store.clone(), bank.clone());
            let key = options.storage_key.clone();
            let identity = options.preset.identity();
            let (session, started) = (state.session.clone(), state.started_ms);
            move || {
                if let (Some(key), Some(session)) = (&key, &session) {
                    let now = now_ms();
                    let snap = session.snapshot(now - started, now, bank.version(), &identity);
                    store.borrow_mut().save_quiz(key, snap);
                }
            }
        };
        let latest = use_mut_ref(|| None::<Rc<dyn Fn()>>);
        *latest.borrow_mut() = Some(Rc::new(save.clone()));
        use_effect_with(state.session.clone(), move |_| save());
        use_effect_with((), move |()| {
            let on_hide = store::on_page_hide(move || {
                let save = latest.borrow().clone();
                if let Some(save) = save {
                    save();
                }
            });
            move || drop(on_hide)
        });
    }
    // The host's restart(): a new quiz with the host's options, never the setup screen.
    {
        let dispatch = state.dispatcher();
        let (bank, options) = (bank.clone(), options.clone());
        use_effect_with(options.restarts, move |restarts| {
            if *restarts > 0 {
                let filters = options.filters();
                dispatch.dispatch(QuizAction::Reset(filters.clone()));
                // Study and mistakes start from their dashboard.
                if options.review().is_none() {
                    start(&*bank, &filters, None, None, true, &dispatch);
                }
            }
        });
    }
    // Send the events the rules produced, each once, after the render that shows them.
    // Every answer is a review for the scheduler, in every mode.
    {
        let sent = use_mut_ref(|| 0u64);
        let (events, on_event) = (state.events.clone(), on_event.clone());
        let (store, dispatch) = (store.clone(), state.dispatcher());
        let retention = options.preset.retention();
        use_effect_with(state.last_event, move |_| {
            for (n, event) in events {
                if n > *sent.borrow() {
                    *sent.borrow_mut() = n;
                    if let QuizEvent::QuizAnswer {
                        question_id,
                        correct,
                        ..
                    } = &event
                    {
                        let review = store.borrow_mut().record(question_id, *correct, retention);
                        dispatch.dispatch(QuizAction::Reviewed(review));
                    }
                    on_event.emit(event);
                }
            }
        });
    }
    // The questions a study session may ask: every one the filters allow.
    let candidates = use_memo(
        (
            bank.version(),
            state.filters.clone(),
            options.review().is_some(),
        ),
        {
            let bank = bank.clone();
            move |(_, filters, review)| -> Rc<Vec<String>> {
                if !review {
                    return Rc::new(Vec::new());
                }
                let picks = setup::candidates(&*bank, filters, 0).unwrap_or_default();
                Rc::new(picks.into_iter().map(|p| p.question.id).collect())
            }
        },
    );
    let candidates: Rc<Vec<String>> = (*candidates).clone();

    let on_study = {
        let (state, bank, store) = (state.clone(), bank.clone(), store.clone());
        let review = options.review();
        Callback::from(move |()| {
            let Some(review) = review else {
                return;
            };
            let progress = store.borrow_mut().current().clone();
            let drawn = setup::start_review(
                &*bank,
                &state.filters,
                &progress,
                store::clock(),
                review,
                fresh_seed,
            );
            let result = match drawn {
                Ok(Some(started)) => Ok(started),
                // Nothing due: the dashboard already says so.
                Ok(None) => return,
                Err(e) => Err(e),
            };
            state.dispatch(QuizAction::Started {
                result,
                now: now_ms(),
                by_learner: true,
            });
        })
    };
    let on_start = {
        let (state, bank) = (state.clone(), bank.clone());
        Callback::from(move |()| {
            start(
                &*bank,
                &state.filters,
                None,
                None,
                true,
                &state.dispatcher(),
            );
        })
    };
    let on_submit = {
        let state = state.clone();
        Callback::from(move |response: Response| {
            state.dispatch(QuizAction::Submit(response, now_ms()));
        })
    };
    let on_next = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(QuizAction::Next(now_ms())))
    };
    let on_retry = {
        let (state, bank) = (state.clone(), bank.clone());
        Callback::from(move |()| {
            if let Some(session) = &state.session {
                let missed = session.missed();
                if !missed.is_empty() {
                    let seed = Some(session.quiz().seed);
                    start(
                        &*bank,
                        &state.filters,
                        Some(missed),
                        seed,
                        true,
                        &state.dispatcher(),
                    );
                }
            }
        })
    };
    // With the filters hidden there is no setup screen: "New quiz" draws again at once.
    let on_new = {
        let (state, bank, store) = (state.clone(), bank.clone(), store.clone());
        let autostart = options.autostart();
        let key = options.storage_key.clone();
        Callback::from(move |()| {
            // The learner left this quiz: it no longer resumes.
            if let Some(key) = &key {
                store.borrow_mut().drop_quiz(key);
            }
            if autostart {
                start(
                    &*bank,
                    &state.filters,
                    None,
                    None,
                    true,
                    &state.dispatcher(),
                );
            } else {
                state.dispatch(QuizAction::ToSetup);
            }
        })
    };
    let on_widen = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(QuizAction::Widen))
    };

    let notice = match &state.notice {
        Some(Notice::Short(n)) => {
            html! { <p class="notice" role="status">{ fill(s.short, n, n, "") }</p> }
        }
        Some(Notice::NoMatch) => html! {
            <div class="notice notice-empty" role="alert">
                <p>{ s.no_match }</p>
                <button type="button" class="btn" onclick={on_widen}>{ s.widen }</button>
            </div>
        },
        Some(Notice::UnknownIds(ids)) => html! {
            <div class="notice notice-empty" role="alert">
                <p>{ fill(s.unknown_ids, "", "", &ids.join(", ")) }</p>
                <button type="button" class="btn" onclick={on_widen}>{ s.widen }</button>
            </div>
        },
        Some(Notice::Broken(message)) => html! {
            <div class="notice notice-empty" role="alert"><p>{ message }</p></div>
        },
        None => html! {},
    };

    let store_notice = store.borrow().notice().map(|n| {
        html! { <p class="notice notice-store" role="status">{ store_message(s, n) }</p> }
    });
    // In study and mistakes modes, an answered question says when it comes back.
    let note = state
        .session
        .as_ref()
        .filter(|x| options.review().is_some() && x.current_outcome().is_some())
        .and_then(Session::current)
        .and_then(|p| store.borrow().progress().get(&p.question.id).copied())
        .map(|card| AttrValue::from(again(s, card.due_ms)));

    let body = match (state.screen, &state.session) {
        (Screen::Taking, Some(session)) => match session.current() {
            Some(pick) => html! {
                <QuestionCard
                    key={format!("{}-{}", session.position(), pick.question.id)}
                    pick={Rc::new(pick.clone())}
                    position={session.position()}
                    total={session.len()}
                    seed={session.quiz().seed}
                    outcome={session.current_outcome().cloned()}
                    focus={state.move_focus}
                    {lang}
                    {note}
                    on_submit={on_submit}
                    on_next={on_next}
                />
            },
            None => html! {},
        },
        (Screen::Finished, Some(session)) => html! {
            <Results
                session={Rc::new(session.clone())}
                bank={bank.clone()}
                {lang}
                focus={state.move_focus}
                on_retry={on_retry}
                on_new={on_new}
                filters_hidden={options.preset.filters_hidden}
            />
        },
        _ if options.review().is_some() => html! {
            <Dashboard
                candidates={candidates}
                store={store.clone()}
                review={options.review().unwrap_or(Review::Mistakes)}
                {lang}
                focus={state.move_focus}
                on_start={on_study}
            />
        },
        _ if options.preset.filters_hidden => html! {},
        _ => html! {
            <FilterBar
                bank={bank.clone()}
                filters={state.filters.clone()}
                {lang}
                focus={state.move_focus}
                on_toggle={state.dispatcher().to_callback().reform(QuizAction::ToggleDifficulty)}
                on_topics={state.dispatcher().to_callback().reform(QuizAction::SetTopics)}
                on_count={state.dispatcher().to_callback().reform(QuizAction::SetCount)}
                on_start={on_start}
            />
        },
    };

    if *parked {
        return html! {};
    }
    html! {
        <section class="quiz" part="quiz" lang={lang.tag()} aria-label={s.quiz_label}>
            { store_notice.unwrap_or_default() }
            { notice }
            { body }
        </section>
    }
}
