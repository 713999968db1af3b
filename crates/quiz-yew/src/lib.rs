//! The yew components of the quiz widget: the whole quiz ([`Quiz`]) and its screens. They
//! render and forward; every quiz rule is in quiz-core, and the bank comes from the caller.
#![deny(missing_docs)]

mod components;
mod i18n;
mod quiz;
pub mod store;

pub use components::{
    Dashboard, DashboardProps, FilterBar, FilterBarProps, QuestionCard, QuestionCardProps, Results,
    ResultsProps,
};
pub use i18n::{Lang, Strings};
pub use quiz::{Quiz, QuizOptions, QuizProps};
pub use quiz_core::{Filters, QuestionResult, QuizEvent};
