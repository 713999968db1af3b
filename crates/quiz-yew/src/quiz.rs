//! The `Quiz` component: the whole widget. It owns the state machine, draws quizzes from the
//! bank its caller gives it, and reports what happens through `on_event`.

pub mod state;

use std::rc::Rc;

use quiz_core::{Count, Difficulty, Outcome, Pick, QuestionBank, Response, Selection, Session};
use yew::prelude::*;

use crate::components::{FilterBar, QuestionCard, Results};
use crate::event::{QuestionResult, QuizEvent};
use crate::i18n::{Lang, fill};
use state::{Filters, Notice, QuizAction, QuizState, Screen};

/// What the host asked for: presets of the filters and how the widget behaves.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QuizOptions {
    /// Preset difficulties (empty: all).
    pub difficulties: Vec<Difficulty>,
    /// Preset topic or category slugs (empty: all).
    pub topics: Vec<String>,
    /// Preset count.
    pub count: Count,
    /// Pinned question ids, in order.
    pub ids: Vec<String>,
    /// A fixed seed; without one each quiz draws a fresh seed and shows it.
    pub seed: Option<u32>,
    /// Hide the filter bar and start at once with the presets.
    pub filters_hidden: bool,
    /// UI language.
    pub lang: Lang,
    /// Bumped by the host to start over with the same options.
    pub generation: u32,
}

impl QuizOptions {
    fn filters(&self) -> Filters {
        Filters {
            // The chips show "all" as all three on; none on means nothing matches.
            difficulties: if self.difficulties.is_empty() {
                Difficulty::ALL.to_vec()
            } else {
                self.difficulties.clone()
            },
            topics: self.topics.clone(),
            count: self.count,
            ids: self.ids.clone(),
            seed: self.seed,
        }
    }

    fn autostart(&self) -> bool {
        self.filters_hidden || !self.ids.is_empty()
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

/// Draws a quiz for `filters` and reports it.
fn start(
    bank: &dyn QuestionBank,
    filters: &Filters,
    ids: Option<Vec<String>>,
    seed: Option<u32>,
    by_learner: bool,
    dispatch: &UseReducerDispatcher<QuizState>,
    on_event: &Callback<QuizEvent>,
) {
    let seed = seed.or(filters.seed).unwrap_or_else(fresh_seed);
    let sel = Selection {
        difficulties: filters.difficulties.clone(),
        topics: filters.topics.clone(),
        count: filters.count,
        ids: ids.unwrap_or_else(|| filters.ids.clone()),
        seed,
    };
    let no_difficulty = filters.difficulties.is_empty()
        && sel.ids.is_empty()
        && !matches!(filters.count, Count::Mix(_));
    let result = if no_difficulty {
        Err(quiz_core::SelectError::NoMatch)
    } else {
        bank.draw(&sel)
    };
    if let Ok(quiz) = &result {
        let question_ids: Vec<String> = quiz.picks.iter().map(|p| p.question.id.clone()).collect();
        on_event.emit(QuizEvent::QuizStart {
            seed,
            bank_version: bank.version(),
            total: question_ids.len() as u32,
            question_ids,
        });
    }
    dispatch.dispatch(QuizAction::Started {
        result,
        now: now_ms(),
        by_learner,
    });
}

/// The learner's answer as the texts they saw, for events and review.
pub(crate) fn answer_texts(pick: &Pick, response: &Response, lang: Lang) -> Vec<String> {
    let q = &pick.question;
    let choice = |i: &usize| {
        q.answer
            .choices()
            .get(*i)
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    match response {
        Response::Choice(i) => vec![choice(i)],
        Response::Choices(is) => is.iter().map(choice).collect(),
        Response::Bool(b) => {
            let s = lang.strings();
            vec![(if *b { s.true_ } else { s.false_ }).to_string()]
        }
        Response::Text(t) => vec![t.clone()],
        Response::Order(order) => match &q.answer {
            quiz_core::Answer::Order { items } => order
                .iter()
                .filter_map(|i| items.get(*i).cloned())
                .collect(),
            _ => Vec::new(),
        },
    }
}

fn answer_event(pick: &Pick, outcome: &Outcome, index: usize, lang: Lang) -> QuizEvent {
    let q = &pick.question;
    QuizEvent::QuizAnswer {
        question_id: q.id.clone(),
        topic: q.topic.clone(),
        difficulty: q.difficulty.to_string(),
        kind: q.kind().to_string(),
        answer: answer_texts(pick, &outcome.response, lang),
        correct: outcome.correct,
        time_ms: outcome.ms,
        index: index as u32,
    }
}

fn complete_event(session: &Session, duration_ms: u32) -> QuizEvent {
    let score = session.score();
    QuizEvent::QuizComplete {
        score: score.right,
        total: score.total,
        results: session
            .results()
            .map(|(p, o)| QuestionResult {
                question_id: p.question.id.clone(),
                topic: p.question.topic.clone(),
                difficulty: p.question.difficulty.to_string(),
                correct: o.is_some_and(|o| o.correct),
                time_ms: o.map_or(0, |o| o.ms),
            })
            .collect(),
        duration_ms,
        seed: session.quiz().seed,
    }
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
    let lang = options.lang;
    let s = lang.strings();
    let state = use_reducer_eq({
        let filters = options.filters();
        move || QuizState::new(filters)
    });

    // New presets (not a new language) start over; presets that fix the quiz start it.
    {
        let dispatch = state.dispatcher();
        let bank = bank.clone();
        let on_event = on_event.clone();
        let key = QuizOptions {
            lang: Lang::En,
            ..options.clone()
        };
        use_effect_with((key, *parked), move |(options, parked)| {
            let filters = options.filters();
            dispatch.dispatch(QuizAction::Reset(filters.clone()));
            if options.autostart() && !parked {
                start(&*bank, &filters, None, None, false, &dispatch, &on_event);
            }
        });
    }

    let on_start = {
        let (state, bank, on_event) = (state.clone(), bank.clone(), on_event.clone());
        Callback::from(move |()| {
            start(
                &*bank,
                &state.filters,
                None,
                None,
                true,
                &state.dispatcher(),
                &on_event,
            );
        })
    };
    let on_submit = {
        let (state, on_event) = (state.clone(), on_event.clone());
        Callback::from(move |response: Response| {
            let now = now_ms();
            if let Some(session) = &state.session {
                let mut after = session.clone();
                let ms = (now - state.shown_ms).max(0.0) as u32;
                let index = after.position();
                let outcome = if after.current_outcome().is_none() {
                    after.submit(response.clone(), ms).cloned()
                } else {
                    None
                };
                if let (Some(outcome), Some(pick)) = (outcome, after.current()) {
                    on_event.emit(answer_event(pick, &outcome, index, lang));
                }
            }
            state.dispatch(QuizAction::Submit(response, now));
        })
    };
    let on_next = {
        let (state, on_event) = (state.clone(), on_event.clone());
        Callback::from(move |()| {
            let now = now_ms();
            if let Some(session) = &state.session {
                let mut after = session.clone();
                if after.advance() && after.is_finished() {
                    let duration = (now - state.started_ms).max(0.0) as u32;
                    on_event.emit(complete_event(&after, duration));
                }
            }
            state.dispatch(QuizAction::Next(now));
        })
    };
    let on_retry = {
        let (state, bank, on_event) = (state.clone(), bank.clone(), on_event.clone());
        Callback::from(move |()| {
            if let Some(session) = &state.session {
                let missed = session.missed();
                let seed = session.quiz().seed;
                if !missed.is_empty() {
                    let d = state.dispatcher();
                    start(
                        &*bank,
                        &state.filters,
                        Some(missed),
                        Some(seed),
                        true,
                        &d,
                        &on_event,
                    );
                }
            }
        })
    };
    // With the filters hidden there is no setup screen: "New quiz" draws again at once.
    let on_new = {
        let (state, bank, on_event) = (state.clone(), bank.clone(), on_event.clone());
        let autostart = options.autostart();
        Callback::from(move |()| {
            if autostart {
                start(
                    &*bank,
                    &state.filters,
                    None,
                    None,
                    true,
                    &state.dispatcher(),
                    &on_event,
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
        None => html! {},
    };

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
                filters_hidden={options.filters_hidden}
            />
        },
        _ if options.filters_hidden => html! {},
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
            { notice }
            { body }
        </section>
    }
}
