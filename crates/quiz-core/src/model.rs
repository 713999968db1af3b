//! The question model: what a bank holds once parsed and validated.

use std::fmt;

use crate::python::PythonRange;

/// How much reasoning a question takes: one step, two steps or a trap, internals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "kebab-case")
)]
pub enum Difficulty {
    /// One step from a basic fact.
    Easy,
    /// Two steps, or a common trap.
    Medium,
    /// Internals, two mechanisms interacting, or a bug that only shows at scale.
    Hard,
}

impl Difficulty {
    /// All difficulties, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    /// The slug used in bank files and attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// Parses a slug (`easy`, `medium`, `hard`).
    pub fn from_slug(s: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// Position in [`Difficulty::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a question, which decides how it is answered and graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "kebab-case")
)]
pub enum Kind {
    /// One correct choice among 2–6.
    Single,
    /// Several correct choices among 2–8, scored all-or-nothing.
    Multiple,
    /// A statement that is true or false.
    TrueFalse,
    /// "What does this print?": code plus its exact stdout.
    Output,
    /// A short typed answer.
    Text,
    /// Put 3–8 items in order.
    Order,
}

impl Kind {
    /// All kinds, in the order the format documents them.
    pub const ALL: [Kind; 6] = [
        Kind::Single,
        Kind::Multiple,
        Kind::TrueFalse,
        Kind::Output,
        Kind::Text,
        Kind::Order,
    ];

    /// The slug used in bank files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::TrueFalse => "true-false",
            Kind::Output => "output",
            Kind::Text => "text",
            Kind::Order => "order",
        }
    }

    /// Parses a slug.
    pub fn from_slug(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether questions of this kind carry `choices` (output: when picked, not typed).
    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple | Kind::Output)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One choice of a `single`, `multiple` or `output` question.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Choice {
    /// Markdown text of the choice (for `output`, the printed text, shown as code).
    pub text: String,
    /// Whether picking it is right.
    pub correct: bool,
    /// Why this choice is right or wrong, shown after answering.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub why: Option<String>,
}

/// What makes an answer right, per kind.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "kebab-case")
)]
pub enum Answer {
    /// Exactly one of `choices` is correct.
    Single {
        /// The choices, in authored order.
        choices: Vec<Choice>,
    },
    /// At least one correct and one wrong choice; all-or-nothing.
    Multiple {
        /// The choices, in authored order.
        choices: Vec<Choice>,
    },
    /// The statement in the prompt is `answer`.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// The code prints `output`. With `choices` the learner picks (the right choice's text
    /// equals `output`); without, the learner types it.
    Output {
        /// Exact expected stdout.
        output: String,
        /// Choices to pick from, one of them correct; empty when the answer is typed.
        choices: Vec<Choice>,
    },
    /// Any of `accept` is right (case and surrounding whitespace ignored).
    Text {
        /// Accepted answers; the first is shown as the answer.
        accept: Vec<String>,
    },
    /// `items` in this order is right.
    Order {
        /// Items in the correct order.
        items: Vec<String>,
    },
}

impl Answer {
    /// The kind this answer belongs to.
    pub fn kind(&self) -> Kind {
        match self {
            Answer::Single { .. } => Kind::Single,
            Answer::Multiple { .. } => Kind::Multiple,
            Answer::TrueFalse { .. } => Kind::TrueFalse,
            Answer::Output { .. } => Kind::Output,
            Answer::Text { .. } => Kind::Text,
            Answer::Order { .. } => Kind::Order,
        }
    }

    /// The choices a learner picks from, if this answer has any.
    pub fn choices(&self) -> &[Choice] {
        match self {
            Answer::Single { choices }
            | Answer::Multiple { choices }
            | Answer::Output { choices, .. } => choices,
            _ => &[],
        }
    }
}

/// One validated question.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Question {
    /// Stable, globally unique kebab-case id; progress storage keys on it.
    pub id: String,
    /// Slug of the topic file it comes from.
    pub topic: String,
    /// Slug of the topic's category.
    pub category: String,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// Kebab-case tags.
    pub tags: Vec<String>,
    /// Markdown prompt.
    pub prompt: String,
    /// Python code shown with the prompt.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub code: Option<String>,
    /// Markdown explanation shown after answering.
    pub explanation: String,
    /// The CPython versions the question holds for (`>=3.12`); `None`: every supported one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub python: Option<PythonRange>,
    /// What counts as right.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub answer: Answer,
}

impl Question {
    /// The question's kind.
    pub fn kind(&self) -> Kind {
        self.answer.kind()
    }
}

/// A topic as listed in the bank's index: enough to draw filters without decoding questions.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TopicInfo {
    /// Kebab-case topic slug, unique in the bank.
    pub slug: String,
    /// Human title.
    pub title: String,
    /// Slug of its category.
    pub category: String,
    /// Number of questions per difficulty, indexed by [`Difficulty::index`].
    pub counts: [u32; 3],
}
