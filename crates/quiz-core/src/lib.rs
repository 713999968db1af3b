//! The quiz model and every quiz rule, shared by the build, the CLI and the widget.
//! Pure: no web dependencies and no embedded content.
#![deny(missing_docs)]

pub mod attrs;
mod bank;
pub mod codec;
mod grade;
pub mod highlight;
pub mod markdown;
mod model;
#[cfg(feature = "parse")]
pub mod parse;
mod rng;
mod select;
mod session;
pub mod text;

pub use bank::{MemoryBank, QuestionBank};
pub use grade::{Response, grade};
pub use model::{Answer, Choice, Difficulty, Kind, Question, TopicInfo};
pub use rng::Rng;
pub use select::{Count, Pick, Quiz, SelectError, Selection, select};
pub use session::{Outcome, Session, Tally};
