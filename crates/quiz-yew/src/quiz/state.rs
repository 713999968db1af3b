//! The widget's state machine: setup (filters) → taking a quiz → results. Quiz rules are in
//! quiz-core (`Filters`, `setup::start`, `Session`); this keeps what the screens need between
//! renders and the events those rules produced, for the component to send.

use std::rc::Rc;

use quiz_core::progress::Review;
use quiz_core::{Count, Difficulty, Filters, QuizEvent, Response, SelectError, Session};
use yew::Reducible;

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
    /// The bank could not be read.
    Broken(String),
}

impl From<SelectError> for Notice {
    fn from(e: SelectError) -> Notice {
        match e {
            SelectError::NoMatch => Notice::NoMatch,
            SelectError::UnknownIds(ids) => Notice::UnknownIds(ids),
            #[allow(unreachable_patterns)]
            other => Notice::Broken(other.to_string()),
        }
    }
}

/// How many produced events the state keeps for the component to send. Each action makes at
/// most two and the component sends them after every render, so this is never reached.
const OUTBOX: usize = 16;

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
    /// Events produced by the rules, numbered; the component sends each number once.
    pub events: Vec<(u64, QuizEvent)>,
    /// The number of the last event produced.
    pub last_event: u64,
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
            events: Vec::new(),
            last_event: 0,
        }
    }

    fn emit(&mut self, event: Option<QuizEvent>) {
        if let Some(event) = event {
            self.last_event += 1;
            self.events.push((self.last_event, event));
            if self.events.len() > OUTBOX {
                self.events.remove(0);
            }
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
    /// A quiz was drawn (with its `quiz-start` event), or could not be.
    Started {
        /// The draw.
        result: Result<(Session, QuizEvent), SelectError>,
        /// Now, in ms.
        now: f64,
        /// Whether the learner asked for it (focus follows).
        by_learner: bool,
    },
    /// A saved quiz was read back.
    Restored {
        /// The quiz as it was.
        session: Session,
        /// Milliseconds spent in it before.
        elapsed_ms: f64,
        /// Now, in ms.
        now: f64,
    },
    /// The scheduler took an answer: report it.
    Reviewed(Review),
    /// Check the current answer.
    Submit(Response, f64),
    /// Go to the next question or the results.
    Next(f64),
    /// Back to the setup screen.
    ToSetup,
    /// Drop the difficulty and topic filters after an empty draw.
    Widen,
}

fn elapsed(now: f64, since: f64) -> u32 {
    (now - since).clamp(0.0, f64::from(u32::MAX)) as u32
}

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            QuizAction::Reset(filters) => {
                s = QuizState {
                    events: s.events,
                    last_event: s.last_event,
                    ..QuizState::new(filters)
                };
            }
            QuizAction::ToggleDifficulty(d) => {
                s.filters.toggle(d);
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
                Ok((session, event)) => {
                    s.notice = session
                        .quiz()
                        .is_short()
                        .then_some(Notice::Short(session.len()));
                    s.session = Some(session);
                    s.screen = Screen::Taking;
                    s.started_ms = now;
                    s.shown_ms = now;
                    s.move_focus = by_learner;
                    s.emit(Some(event));
                }
                Err(e) => {
                    s.notice = Some(e.into());
                    s.session = None;
                    s.screen = Screen::Setup;
                }
            },
            QuizAction::Restored {
                session,
                elapsed_ms,
                now,
            } => {
                s.screen = if session.is_finished() {
                    Screen::Finished
                } else {
                    Screen::Taking
                };
                s.session = Some(session);
                s.notice = None;
                s.started_ms = now - elapsed_ms;
                s.shown_ms = now;
                s.move_focus = false;
            }
            QuizAction::Reviewed(review) => s.emit(Some(QuizEvent::from(&review))),
            QuizAction::Submit(response, now) => {
                let ms = elapsed(now, s.shown_ms);
                let event = s.session.as_mut().and_then(|x| x.answer(response, ms));
                s.emit(event);
            }
            QuizAction::Next(now) => {
                let duration = elapsed(now, s.started_ms);
                let before = s.session.as_ref().map(Session::position);
                let event = s.session.as_mut().and_then(|x| x.next(duration));
                if s.session.as_ref().map(Session::position) != before {
                    s.shown_ms = now;
                    s.move_focus = true;
                    s.notice = None;
                    if s.session.as_ref().is_some_and(Session::is_finished) {
                        s.screen = Screen::Finished;
                    }
                }
                s.emit(event);
            }
            QuizAction::ToSetup => {
                s.screen = Screen::Setup;
                s.session = None;
                s.notice = None;
                s.move_focus = true;
            }
            QuizAction::Widen => {
                s.filters.widen();
                s.notice = None;
                s.screen = Screen::Setup;
            }
        }
        Rc::new(s)
    }
}
