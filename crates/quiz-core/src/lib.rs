//! The quiz model and every quiz rule, shared by the build, the CLI and the widget.
//! Pure: no web dependencies and no embedded content.
#![deny(missing_docs)]

pub mod attrs;
mod bank;
pub mod codec;
pub mod combined;
pub mod element;
pub mod event;
pub mod fsrs;
mod grade;
pub mod highlight;
pub mod markdown;
mod model;
pub mod options;
#[cfg(feature = "parse")]
pub mod parse;
pub mod progress;
mod python;
mod rng;
mod select;
mod session;
pub mod setup;
pub mod stats;
pub mod text;

pub use bank::{BankError, BlobBank, MemoryBank, QuestionBank};
pub use event::{QuestionResult, QuizEvent};
pub use grade::{Response, grade};
pub use model::{Answer, Choice, Difficulty, Kind, Question, TopicInfo};
pub use options::{OPTIONS, OptionSpec, Options};
pub use python::PythonRange;
pub use rng::Rng;
pub use select::{Count, Pick, Quiz, SelectError, Selection, select};
pub use session::{Outcome, RestoreError, Session, Snapshot, Tally, answer_texts};
pub use setup::Filters;
