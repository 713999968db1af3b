//! The setup screen's rules: the filters a learner (or the host's presets) chose, how chips
//! change them, and how they become a drawn quiz. The UI renders [`Filters`] and forwards.

use crate::bank::QuestionBank;
use crate::event::QuizEvent;
use crate::model::Difficulty;
use crate::progress::{Clock, Progress};
use crate::select::{Count, Pick, SelectError, Selection};
use crate::session::Session;

/// The filters of the setup screen.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filters {
    /// Difficulty chips switched on. Unlike [`Selection::difficulties`], empty means none:
    /// a learner who switches every chip off gets "no match", not everything.
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

impl Filters {
    /// The filters for a host's presets, where no difficulty means all of them.
    pub fn preset(
        difficulties: &[Difficulty],
        topics: Vec<String>,
        count: Count,
        ids: Vec<String>,
        seed: Option<u32>,
    ) -> Filters {
        Filters {
            difficulties: if difficulties.is_empty() {
                Difficulty::ALL.to_vec()
            } else {
                difficulties.to_vec()
            },
            topics,
            count,
            ids,
            seed,
        }
    }

    /// Switches one difficulty chip. Chips and a per-difficulty mix exclude each other, so
    /// touching a chip turns a mix into "all".
    pub fn toggle(&mut self, d: Difficulty) {
        if let Some(i) = self.difficulties.iter().position(|x| *x == d) {
            self.difficulties.remove(i);
        } else {
            self.difficulties.push(d);
            // In the fixed order (no sort: one less sort in the wasm).
            self.difficulties = Difficulty::ALL
                .into_iter()
                .filter(|x| self.difficulties.contains(x))
                .collect();
        }
        if matches!(self.count, Count::Mix(_)) {
            self.count = Count::All;
        }
    }

    /// Drops the difficulty, topic and id filters after an empty draw, keeping the size.
    pub fn widen(&mut self) {
        self.difficulties = Difficulty::ALL.to_vec();
        self.topics.clear();
        self.ids.clear();
        self.count = match self.count {
            // Count::parse guarantees the sum fits.
            Count::Mix(mix) => Count::Total(mix.iter().fold(0u32, |a, n| a.saturating_add(*n))),
            other => other,
        };
    }

    /// The selection these filters draw, with `seed`.
    ///
    /// # Errors
    /// [`SelectError::NoMatch`] when every difficulty chip is off (and no mix or ids decide).
    pub fn selection(&self, ids: Option<Vec<String>>, seed: u32) -> Result<Selection, SelectError> {
        let ids = ids.unwrap_or_else(|| self.ids.clone());
        if self.difficulties.is_empty() && ids.is_empty() && !matches!(self.count, Count::Mix(_)) {
            return Err(SelectError::NoMatch);
        }
        Ok(Selection {
            difficulties: self.difficulties.clone(),
            topics: self.topics.clone(),
            count: self.count,
            ids,
            seed,
        })
    }
}

/// Draws a quiz for `filters` (or exactly `ids`, for "retry missed") and starts it.
/// `fresh_seed` is used when neither `seed` nor the filters fix one. Returns the session
/// and its `quiz-start` event.
///
/// # Errors
/// Why nothing could be drawn.
pub fn start(
    bank: &dyn QuestionBank,
    filters: &Filters,
    ids: Option<Vec<String>>,
    seed: Option<u32>,
    fresh_seed: impl FnOnce() -> u32,
) -> Result<(Session, QuizEvent), SelectError> {
    let seed = seed.or(filters.seed).unwrap_or_else(fresh_seed);
    let quiz = bank.draw(&filters.selection(ids, seed)?)?;
    let question_ids: Vec<String> = quiz.picks.iter().map(|p| p.question.id.clone()).collect();
    let event = QuizEvent::QuizStart {
        seed,
        bank_version: bank.version(),
        total: u32::try_from(question_ids.len()).unwrap_or(u32::MAX),
        question_ids,
    };
    Ok((Session::new(quiz), event))
}

/// Which review session to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// Due questions, weakest first, then new ones up to the daily limit.
    Study {
        /// New questions allowed per day.
        new_per_day: u32,
    },
    /// Questions answered wrong and not answered right since.
    Mistakes,
}

/// Every question `filters` allow (whatever the count), shuffled by `seed`.
///
/// # Errors
/// Why nothing matches.
pub fn candidates(
    bank: &dyn QuestionBank,
    filters: &Filters,
    seed: u32,
) -> Result<Vec<Pick>, SelectError> {
    let mut selection = filters.selection(None, seed)?;
    if !matches!(selection.count, Count::Mix(_)) {
        selection.count = Count::All;
    }
    Ok(bank.draw(&selection)?.picks)
}

/// Draws a study or mistakes session over the questions `filters` allow, from the learner's
/// `progress` at `clock`. `Ok(None)` when nothing is due (or no mistake is left).
///
/// # Errors
/// Why no question matches the filters.
pub fn start_review(
    bank: &dyn QuestionBank,
    filters: &Filters,
    progress: &Progress,
    clock: Clock,
    review: Review,
    fresh_seed: impl FnOnce() -> u32,
) -> Result<Option<(Session, QuizEvent)>, SelectError> {
    let seed = filters.seed.unwrap_or_else(fresh_seed);
    let picks = candidates(bank, filters, seed)?;
    let ids: Vec<String> = picks.iter().map(|p| p.question.id.clone()).collect();
    let queue = match review {
        Review::Study { new_per_day } => progress.study_queue(&ids, clock, new_per_day),
        Review::Mistakes => progress.mistakes(&ids),
    };
    if queue.is_empty() {
        return Ok(None);
    }
    let mut slots: Vec<Option<Pick>> = picks.into_iter().map(Some).collect();
    let ordered: Vec<Pick> = queue
        .iter()
        .filter_map(|i| slots.get_mut(*i).and_then(Option::take))
        .collect();
    let question_ids: Vec<String> = ordered.iter().map(|p| p.question.id.clone()).collect();
    let quiz = crate::select::Quiz {
        picks: ordered,
        requested: None,
        seed,
    };
    let event = QuizEvent::QuizStart {
        seed,
        bank_version: bank.version(),
        total: u32::try_from(question_ids.len()).unwrap_or(u32::MAX),
        question_ids,
    };
    Ok(Some((Session::new(quiz), event)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::MemoryBank;
    use crate::model::{Answer, Question};

    fn bank() -> MemoryBank {
        let qs = (0..6)
            .map(|i| Question {
                id: format!("q{i}"),
                topic: if i < 3 { "t1".into() } else { "t2".into() },
                category: "c".into(),
                difficulty: Difficulty::ALL[i % 3],
                tags: vec![],
                prompt: "p".into(),
                code: None,
                explanation: "e".into(),
                python: None,
                answer: Answer::TrueFalse { answer: true },
            })
            .collect();
        MemoryBank::new(qs, vec![], &[])
    }

    #[test]
    fn all_chips_off_is_no_match_but_a_mix_or_ids_still_draw() {
        let mut f = Filters::preset(&[], vec![], Count::All, vec![], Some(1));
        for d in Difficulty::ALL {
            f.toggle(d);
        }
        assert_eq!(
            start(&bank(), &f, None, None, || 0).unwrap_err(),
            SelectError::NoMatch
        );
        let (s, _) = start(&bank(), &f, Some(vec!["q4".into()]), None, || 0).unwrap();
        assert_eq!(s.len(), 1);
        f.count = Count::Mix([1, 0, 1]);
        assert_eq!(start(&bank(), &f, None, None, || 0).unwrap().0.len(), 2);
    }

    #[test]
    fn toggling_a_chip_drops_a_mix_and_widen_keeps_the_size() {
        let mut f = Filters::preset(
            &[Difficulty::Hard],
            vec!["t1".into()],
            Count::Mix([2, 0, 3]),
            vec![],
            None,
        );
        f.widen();
        assert_eq!(f.count, Count::Total(5));
        assert_eq!(f.difficulties, Difficulty::ALL.to_vec());
        assert!(f.topics.is_empty());
        f.count = Count::Mix([1, 1, 1]);
        f.toggle(Difficulty::Easy);
        assert_eq!(f.count, Count::All);
        assert_eq!(f.difficulties, vec![Difficulty::Medium, Difficulty::Hard]);
    }

    #[test]
    fn a_study_session_asks_due_questions_then_new_ones_and_mistakes_only_missed_ones() {
        let f = Filters::preset(&[], vec!["t1".into()], Count::Total(1), vec![], Some(5));
        let clock = Clock {
            now_ms: 0.0,
            day_start_ms: 0.0,
        };
        let mut progress = Progress::new();
        let study = Review::Study { new_per_day: 2 };
        let (s, _) = start_review(&bank(), &f, &progress, clock, study, || 0)
            .unwrap()
            .unwrap();
        assert_eq!(s.len(), 2, "two new questions, whatever the count");
        progress.record("q0", false, clock, 0.9);
        progress.record("q1", true, clock, 0.9);
        progress.record("q4", false, clock, 0.9);
        let later = Clock {
            now_ms: 86_400_000.0,
            day_start_ms: 86_400_000.0,
        };
        let (s, _) = start_review(&bank(), &f, &progress, later, study, || 0)
            .unwrap()
            .unwrap();
        let asked: Vec<&str> = s
            .quiz()
            .picks
            .iter()
            .map(|p| p.question.id.as_str())
            .collect();
        assert_eq!(
            asked,
            ["q0", "q2"],
            "q0 is due, q1 is not, q2 is new; q4 is not in t1"
        );
        let (m, _) = start_review(&bank(), &f, &progress, later, Review::Mistakes, || 0)
            .unwrap()
            .unwrap();
        assert_eq!(m.len(), 1);
        progress.record("q0", true, later, 0.9);
        assert!(
            start_review(&bank(), &f, &progress, later, Review::Mistakes, || 0)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn start_reports_the_seed_ids_and_bank_version() {
        let f = Filters::preset(&[], vec!["t2".into()], Count::All, vec![], None);
        let (s, event) = start(&bank(), &f, None, None, || 77).unwrap();
        let QuizEvent::QuizStart {
            seed,
            question_ids,
            total,
            ..
        } = event
        else {
            panic!("not a start event");
        };
        assert_eq!(seed, 77, "the fresh seed is used when nothing fixes one");
        assert_eq!(total, 3);
        let mut sorted = question_ids.clone();
        sorted.sort();
        assert_eq!(sorted, ["q3", "q4", "q5"]);
        assert_eq!(s.quiz().seed, 77);
    }
}
