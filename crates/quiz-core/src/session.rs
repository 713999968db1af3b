//! A quiz being taken: which question is current, what was answered and how it scored.
//! Components render a `Session`; every rule of moving through a quiz lives here.

use crate::grade::{Response, grade};
use crate::model::Difficulty;
use crate::select::{Pick, Quiz};

/// The graded answer to one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// What the learner answered.
    pub response: Response,
    /// Whether it was right.
    pub correct: bool,
    /// Milliseconds from showing the question to checking the answer.
    pub ms: u32,
}

/// Right and total counts for one group of questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Questions answered right.
    pub right: u32,
    /// Questions in the group.
    pub total: u32,
}

/// A quiz in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    quiz: Quiz,
    current: usize,
    outcomes: Vec<Option<Outcome>>,
}

impl Session {
    /// Starts `quiz` at its first question.
    pub fn new(quiz: Quiz) -> Session {
        let outcomes = vec![None; quiz.picks.len()];
        Session {
            quiz,
            current: 0,
            outcomes,
        }
    }

    /// The quiz being taken.
    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    /// 0-based index of the current question (equals the length once finished).
    pub fn position(&self) -> usize {
        self.current
    }

    /// Number of questions.
    pub fn len(&self) -> usize {
        self.quiz.picks.len()
    }

    /// Whether the quiz has no questions (never true for a drawn quiz).
    pub fn is_empty(&self) -> bool {
        self.quiz.picks.is_empty()
    }

    /// The current question, `None` once finished.
    pub fn current(&self) -> Option<&Pick> {
        self.quiz.picks.get(self.current)
    }

    /// The outcome of the current question, once checked.
    pub fn current_outcome(&self) -> Option<&Outcome> {
        self.outcomes.get(self.current).and_then(Option::as_ref)
    }

    /// Grades `response` for the current question. A question is graded once: a second
    /// submission returns the first outcome unchanged.
    pub fn submit(&mut self, response: Response, ms: u32) -> Option<&Outcome> {
        let pick = self.quiz.picks.get(self.current)?;
        let slot = self.outcomes.get_mut(self.current)?;
        if slot.is_none() {
            let correct = grade(&pick.question, &response);
            *slot = Some(Outcome {
                response,
                correct,
                ms,
            });
        }
        slot.as_ref()
    }

    /// Moves past the current question if it was answered. Returns whether it moved.
    pub fn advance(&mut self) -> bool {
        if self.current < self.len() && self.current_outcome().is_some() {
            self.current += 1;
            true
        } else {
            false
        }
    }

    /// Whether every question has been answered and passed.
    pub fn is_finished(&self) -> bool {
        self.current >= self.len()
    }

    /// Each question with its outcome, in quiz order.
    pub fn results(&self) -> impl Iterator<Item = (&Pick, Option<&Outcome>)> {
        self.quiz
            .picks
            .iter()
            .zip(self.outcomes.iter().map(Option::as_ref))
    }

    /// Right answers over all questions.
    pub fn score(&self) -> Tally {
        self.tally(|_| true)
    }

    /// Tallies per difficulty, indexed by [`Difficulty::index`].
    pub fn by_difficulty(&self) -> [Tally; 3] {
        Difficulty::ALL.map(|d| self.tally(|p| p.question.difficulty == d))
    }

    /// Tallies per topic slug, in order of first appearance.
    pub fn by_topic(&self) -> Vec<(String, Tally)> {
        let mut topics: Vec<String> = Vec::new();
        for p in &self.quiz.picks {
            if !topics.contains(&p.question.topic) {
                topics.push(p.question.topic.clone());
            }
        }
        topics
            .into_iter()
            .map(|t| {
                let tally = self.tally(|p| p.question.topic == t);
                (t, tally)
            })
            .collect()
    }

    /// Ids of the questions answered wrong (or not answered), in quiz order.
    pub fn missed(&self) -> Vec<String> {
        self.results()
            .filter(|(_, o)| !o.is_some_and(|o| o.correct))
            .map(|(p, _)| p.question.id.clone())
            .collect()
    }

    fn tally(&self, keep: impl Fn(&Pick) -> bool) -> Tally {
        let mut t = Tally::default();
        for (_, o) in self.results().filter(|(p, _)| keep(p)) {
            t.total += 1;
            t.right += u32::from(o.is_some_and(|o| o.correct));
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Question};
    use crate::select::Pick;

    fn quiz() -> Quiz {
        let picks = ["a", "b", "c"]
            .iter()
            .zip(Difficulty::ALL)
            .map(|(id, d)| Pick {
                question: Question {
                    id: (*id).into(),
                    topic: if *id == "c" { "t2".into() } else { "t1".into() },
                    category: "c".into(),
                    difficulty: d,
                    tags: vec![],
                    prompt: "p".into(),
                    code: None,
                    explanation: "e".into(),
                    answer: Answer::TrueFalse { answer: true },
                },
                order: vec![],
            })
            .collect();
        Quiz {
            picks,
            requested: None,
            seed: 1,
        }
    }

    #[test]
    fn cannot_advance_before_answering_and_grades_once() {
        let mut s = Session::new(quiz());
        assert!(!s.advance());
        assert!(s.submit(Response::Bool(true), 5).unwrap().correct);
        assert!(
            s.submit(Response::Bool(false), 9).unwrap().correct,
            "first answer stands"
        );
        assert!(s.advance());
        assert_eq!(s.position(), 1);
    }

    #[test]
    fn scores_breakdowns_and_missed() {
        let mut s = Session::new(quiz());
        for answer in [true, false, true] {
            s.submit(Response::Bool(answer), 1);
            s.advance();
        }
        assert!(s.is_finished());
        assert_eq!(s.score(), Tally { right: 2, total: 3 });
        assert_eq!(s.by_difficulty()[1], Tally { right: 0, total: 1 });
        assert_eq!(
            s.by_topic(),
            vec![
                ("t1".to_string(), Tally { right: 1, total: 2 }),
                ("t2".to_string(), Tally { right: 1, total: 1 }),
            ]
        );
        assert_eq!(s.missed(), vec!["b".to_string()]);
        assert!(
            s.submit(Response::Bool(true), 1).is_none(),
            "nothing to answer once finished"
        );
    }
}
