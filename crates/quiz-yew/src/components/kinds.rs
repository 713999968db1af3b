//! One input component per question kind. Each keeps the learner's draft and reports it as a
//! `Response` (or `None` while nothing is chosen) through `on_draft`; after checking it shows
//! the outcome. The card around them owns "Check", feedback and "Next".

mod choices;
mod order;
mod true_false;
mod typed;

use std::rc::Rc;

use quiz_core::{Outcome, Pick, Response};
use yew::prelude::*;

pub use choices::ChoiceList;
pub use order::OrderList;
pub use true_false::TrueFalse;
pub use typed::TypedAnswer;

use crate::i18n::Lang;

/// The props every kind's input takes.
#[derive(Properties, PartialEq, Clone)]
pub struct KindProps {
    /// The question with its display order.
    pub pick: Rc<Pick>,
    /// A name unique to this question on the page (radio groups).
    pub name: AttrValue,
    /// The graded answer, once checked.
    pub outcome: Option<Outcome>,
    /// UI language.
    pub lang: Lang,
    /// The learner's current answer, `None` while incomplete.
    pub on_draft: Callback<Option<Response>>,
}

/// How a choice looks after checking: its class and the mark beside it.
pub(crate) fn choice_state(
    answered: bool,
    correct: bool,
    picked: bool,
) -> Option<(&'static str, &'static str)> {
    match (answered, correct, picked) {
        (true, true, _) => Some(("is-right", "✓")),
        (true, false, true) => Some(("is-wrong", "✗")),
        _ => None,
    }
}

/// The mark of a checked choice, hidden from screen readers (the verdict is announced).
pub(crate) fn mark(state: Option<(&'static str, &'static str)>) -> Html {
    match state {
        Some((cls, mark)) => {
            let cls = if cls == "is-right" {
                "mark mark-right"
            } else {
                "mark mark-wrong"
            };
            html! { <span class={cls} aria-hidden="true">{ mark }</span> }
        }
        None => html! {},
    }
}
