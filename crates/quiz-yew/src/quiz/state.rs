//! The widget's state machine: setup (filters) → taking a quiz → results. Quiz rules are in
//! quiz-core's `Session`; this only keeps what the screens need between renders.

use std::rc::Rc;

use quiz_core::{Count, Difficulty, Quiz, Response, SelectError, Session};
use yew::Reducible;

/// The filters on the setup screen, preset by the host's options.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filters {
    /// Difficulties switched on; empty means all.
    pub difficulties: Vec<Difficulty>,
    /// Topic or category slugs; empty means all.
    pub topics: Vec<String>,
    /// How many questions.
    pub count: Count,
    /// Pinned question ids.
    pub ids: Vec<String>,
    /// A fixed seed, or `None` to draw a fresh one per quiz.
    pub seed: Option<u32>,
}

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Filters and "Start".
    Setup,
    /// A question.
    Taking,
    /// Score, breakdown and review.
    Finished,
}

/// Something the learner should know about the quiz that was (not) drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Fewer questions matched than were asked for.
    Short(usize),
    /// Nothing matched.
    NoMatch,
    /// Pinned ids missing from the bank.
    UnknownIds(Vec<String>),
}

/// Everything the widget remembers.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    /// The setup filters.
    pub filters: Filters,
    /// The current screen.
    pub screen: Screen,
    /// The quiz being taken or just finished.
    pub session: Option<Session>,
    /// A message about the last draw.
    pub notice: Option<Notice>,
    /// When the quiz started (ms since the epoch).
    pub started_ms: f64,
    /// When the current question was shown.
    pub shown_ms: f64,
    /// Whether the last move was the learner's, so focus should follow it.
    pub move_focus: bool,
}

impl QuizState {
    /// The setup screen with `filters`.
    pub fn new(filters: Filters) -> QuizState {
        QuizState {
            filters,
            screen: Screen::Setup,
            session: None,
            notice: None,
            started_ms: 0.0,
            shown_ms: 0.0,
            move_focus: false,
        }
    }
}

/// What can happen to the state.
#[derive(Debug)]
pub enum QuizAction {
    /// New options from the host: back to setup with these filters.
    Reset(Filters),
    /// Toggle one difficulty chip.
    ToggleDifficulty(Difficulty),
    /// Choose topics (empty: all).
    SetTopics(Vec<String>),
    /// Choose a count.
    SetCount(Count),
    /// A quiz was drawn (or could not be).
    Started {
        /// The draw.
        result: Result<Quiz, SelectError>,
        /// Now, in ms.
        now: f64,
        /// Whether the learner asked for it (focus follows).
        by_learner: bool,
    },
    /// Check the current answer.
    Submit(Response, f64),
    /// Go to the next question or the results.
    Next(f64),
    /// Back to the setup screen.
    ToSetup,
    /// Drop the difficulty and topic filters after an empty draw.
    Widen,
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            QuizAction::Reset(filters) => s = QuizState::new(filters),
            QuizAction::ToggleDifficulty(d) => {
                let on = &mut s.filters.difficulties;
                if let Some(i) = on.iter().position(|x| *x == d) {
                    on.remove(i);
                } else {
                    on.push(d);
                    on.sort();
                }
                // A mix overrides the chips; choosing chips drops the mix.
                if matches!(s.filters.count, Count::Mix(_)) {
                    s.filters.count = Count::All;
                }
                s.notice = None;
            }
            QuizAction::SetTopics(topics) => {
                s.filters.topics = topics;
                s.notice = None;
            }
            QuizAction::SetCount(count) => {
                s.filters.count = count;
                s.notice = None;
            }
            QuizAction::Started {
                result,
                now,
                by_learner,
            } => match result {
                Ok(quiz) => {
                    s.notice = quiz.is_short().then_some(Notice::Short(quiz.picks.len()));
                    s.session = Some(Session::new(quiz));
                    s.screen = Screen::Taking;
                    s.started_ms = now;
                    s.shown_ms = now;
                    s.move_focus = by_learner;
                }
                Err(e) => {
                    s.notice = Some(match e {
                        SelectError::NoMatch => Notice::NoMatch,
                        SelectError::UnknownIds(ids) => Notice::UnknownIds(ids),
                    });
                    s.session = None;
                    s.screen = Screen::Setup;
                }
            },
            QuizAction::Submit(response, now) => {
                let ms = (now - s.shown_ms).max(0.0) as u32;
                if let Some(session) = &mut s.session {
                    session.submit(response, ms);
                }
            }
            QuizAction::Next(now) => {
                let moved = s.session.as_mut().is_some_and(Session::advance);
                if moved {
                    s.shown_ms = now;
                    s.move_focus = true;
                    s.notice = None;
                    if s.session.as_ref().is_some_and(Session::is_finished) {
                        s.screen = Screen::Finished;
                    }
                }
            }
            QuizAction::ToSetup => {
                s.screen = Screen::Setup;
                s.session = None;
                s.notice = None;
                s.move_focus = true;
            }
            QuizAction::Widen => {
                s.filters.difficulties = Difficulty::ALL.to_vec();
                s.filters.topics.clear();
                s.filters.ids.clear();
                s.filters.count = match s.filters.count {
                    Count::Mix(mix) => Count::Total(mix.iter().sum()),
                    other => other,
                };
                s.notice = None;
                s.screen = Screen::Setup;
            }
        }
        Rc::new(s)
    }
}
