//! What the widget tells its host: the payloads of `quiz-start`, `quiz-answer` and
//! `quiz-complete`, made by [`crate::setup::start`] and [`crate::Session`] as the quiz moves.
//! quiz-web turns them into the camelCase objects of index.d.ts.

/// One event of a quiz's life.
#[derive(Clone, Debug, PartialEq)]
pub enum QuizEvent {
    /// A quiz began.
    QuizStart {
        /// Seed it was drawn with.
        seed: u32,
        /// Question ids in order.
        question_ids: Vec<String>,
        /// Number of questions.
        total: u32,
        /// Fingerprint of the question bank (a seed replays a quiz only on the same bank).
        bank_version: u32,
    },
    /// A question was checked.
    QuizAnswer {
        /// The question id.
        question_id: String,
        /// Its topic slug.
        topic: String,
        /// Its difficulty slug.
        difficulty: String,
        /// Its kind slug.
        kind: String,
        /// The learner's answer, as shown text (choices' texts, typed text, items in order).
        answer: Vec<String>,
        /// Whether it was right.
        correct: bool,
        /// Milliseconds from showing the question to checking.
        time_ms: u32,
        /// 0-based position in the quiz.
        index: u32,
    },
    /// An answer was scheduled for review (FSRS-6).
    QuizReview {
        /// The question id.
        question_id: String,
        /// 3 (Good) for a right answer, 1 (Again) for a wrong one.
        grade: u8,
        /// Days until recall falls to 90 %.
        stability: f64,
        /// 1 (easy) to 10 (hard).
        difficulty: f64,
        /// Recall probability just before the answer; `None` the first time.
        retrievability: Option<f64>,
        /// When it is due again, in ms since the epoch.
        due_ms: f64,
    },
    /// The last question was passed.
    QuizComplete {
        /// Right answers.
        score: u32,
        /// Number of questions.
        total: u32,
        /// One entry per question, in order.
        results: Vec<QuestionResult>,
        /// Milliseconds from start to completion.
        duration_ms: u32,
        /// Seed the quiz was drawn with.
        seed: u32,
        /// Whether the score reaches [`PASS_RATIO`] (xAPI's `result.success`).
        passed: bool,
    },
}

/// The share of right answers that passes a quiz.
pub const PASS_RATIO: f64 = 0.5;

/// The result of one question in `quiz-complete`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    /// The question id.
    pub question_id: String,
    /// Its topic slug.
    pub topic: String,
    /// Its difficulty slug.
    pub difficulty: String,
    /// Whether it was answered right.
    pub correct: bool,
    /// Milliseconds spent on it.
    pub time_ms: u32,
}

impl From<&crate::progress::Review> for QuizEvent {
    fn from(r: &crate::progress::Review) -> QuizEvent {
        QuizEvent::QuizReview {
            question_id: r.question_id.clone(),
            grade: r.rating.value(),
            stability: r.card.stability,
            difficulty: r.card.difficulty,
            retrievability: r.retrievability,
            due_ms: r.card.due_ms,
        }
    }
}

impl QuizEvent {
    /// The DOM event name (`quiz-start`, …).
    pub fn name(&self) -> &'static str {
        match self {
            QuizEvent::QuizStart { .. } => "quiz-start",
            QuizEvent::QuizAnswer { .. } => "quiz-answer",
            QuizEvent::QuizReview { .. } => "quiz-review",
            QuizEvent::QuizComplete { .. } => "quiz-complete",
        }
    }
}
