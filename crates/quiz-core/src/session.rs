//! A quiz being taken: which question is current, what was answered and how it scored.
//! Components render a `Session`; every rule of moving through a quiz lives here.

use crate::bank::QuestionBank;
use crate::event::{PASS_RATIO, QuestionResult, QuizEvent};
use crate::grade::{Response, grade};
use crate::model::{Answer, Difficulty};
use crate::select::{Pick, Quiz, Selection};

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

    /// Grades `response` like [`Session::submit`] and returns the `quiz-answer` event, or
    /// `None` when there is nothing new to grade.
    pub fn answer(&mut self, response: Response, ms: u32) -> Option<QuizEvent> {
        if self.current_outcome().is_some() {
            return None;
        }
        let index = self.current;
        let outcome = self.submit(response, ms)?.clone();
        let pick = self.current()?;
        let q = &pick.question;
        Some(QuizEvent::QuizAnswer {
            question_id: q.id.clone(),
            topic: q.topic.clone(),
            difficulty: q.difficulty.to_string(),
            kind: q.kind().to_string(),
            answer: answer_texts(pick, &outcome.response),
            correct: outcome.correct,
            time_ms: outcome.ms,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        })
    }

    /// Moves on like [`Session::advance`]; returns the `quiz-complete` event when that
    /// finished the quiz, `duration_ms` after it started.
    pub fn next(&mut self, duration_ms: u32) -> Option<QuizEvent> {
        (self.advance() && self.is_finished()).then(|| self.complete_event(duration_ms))
    }

    /// The `quiz-complete` event of this session.
    pub fn complete_event(&self, duration_ms: u32) -> QuizEvent {
        let score = self.score();
        QuizEvent::QuizComplete {
            score: score.right,
            total: score.total,
            results: self
                .results()
                .map(|(p, o)| QuestionResult {
                    question_id: p.question.id.clone(),
                    topic: p.question.topic.clone(),
                    difficulty: p.question.difficulty.to_string(),
                    correct: o.is_some_and(|o| o.correct),
                    time_ms: o.map_or(0, |o| o.ms),
                })
                .collect(),
            duration_ms,
            seed: self.quiz.seed,
            passed: score.total > 0
                && f64::from(score.right) >= PASS_RATIO * f64::from(score.total),
        }
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

/// A quiz in progress as it is saved: which questions in which order (with their choice
/// orders), the answers, the position and the time spent, so a reload resumes it exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The seed it was drawn with.
    pub seed: u32,
    /// The bank's version: a saved quiz resumes only on the same bank.
    pub bank_version: u32,
    /// What decided the quiz ([`crate::Options::identity`]): a saved quiz resumes only under
    /// the same options, even when it is saved under the widget's id.
    pub options: String,
    /// Question ids in quiz order, each with its display order of choices or items.
    pub picks: Vec<(String, Vec<usize>)>,
    /// Each question's answer and the milliseconds it took, if answered.
    pub answers: Vec<Option<(Response, u32)>>,
    /// The 0-based current question (the number of questions once finished).
    pub position: usize,
    /// Milliseconds spent in the quiz so far.
    pub elapsed_ms: f64,
    /// When it last changed (ms since the epoch): of two copies, the later answer wins.
    pub updated_ms: f64,
}

impl Snapshot {
    fn same_quiz(&self, other: &Snapshot) -> bool {
        self.seed == other.seed
            && self.bank_version == other.bank_version
            && self.options == other.options
            && self.picks == other.picks
    }

    /// Combines this copy with another tab's: the same quiz keeps every answer either gave
    /// and the furthest position; a different quiz yields to the one answered last.
    pub fn merge(self, other: Snapshot) -> Snapshot {
        if !self.same_quiz(&other) {
            return if other.updated_ms > self.updated_ms {
                other
            } else {
                self
            };
        }
        let answers = self
            .answers
            .iter()
            .zip(&other.answers)
            .map(|(a, b)| a.clone().or_else(|| b.clone()))
            .collect();
        Snapshot {
            answers,
            position: self.position.max(other.position),
            elapsed_ms: self.elapsed_ms.max(other.elapsed_ms),
            updated_ms: self.updated_ms.max(other.updated_ms),
            ..self
        }
    }
}

/// Why a saved quiz cannot be resumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// The bank changed since it was saved.
    BankChanged,
    /// The options that decide the quiz changed since it was saved.
    OptionsChanged,
    /// The saved data does not describe a quiz of this bank.
    Invalid(String),
}

impl Session {
    /// This quiz as saved, `elapsed_ms` into it, at `now_ms`, drawn from a bank of
    /// `bank_version` under `options` (their identity).
    pub fn snapshot(
        &self,
        elapsed_ms: f64,
        now_ms: f64,
        bank_version: u32,
        options: &str,
    ) -> Snapshot {
        Snapshot {
            seed: self.quiz.seed,
            bank_version,
            options: options.to_string(),
            picks: self
                .quiz
                .picks
                .iter()
                .map(|p| (p.question.id.clone(), p.order.clone()))
                .collect(),
            answers: self
                .outcomes
                .iter()
                .map(|o| o.as_ref().map(|o| (o.response.clone(), o.ms)))
                .collect(),
            position: self.current,
            elapsed_ms,
            updated_ms: now_ms,
        }
    }

    /// The saved quiz `snap`, rebuilt from `bank` and graded again, if it was saved under
    /// `options` (their identity).
    ///
    /// # Errors
    /// [`RestoreError::BankChanged`] when the bank is not the one it was saved with;
    /// [`RestoreError::OptionsChanged`] when the options are not;
    /// [`RestoreError::Invalid`] when the data does not fit the bank.
    pub fn restore(
        bank: &dyn QuestionBank,
        snap: &Snapshot,
        options: &str,
    ) -> Result<Session, RestoreError> {
        if snap.bank_version != bank.version() {
            return Err(RestoreError::BankChanged);
        }
        if snap.options != options {
            return Err(RestoreError::OptionsChanged);
        }
        let invalid = |what: &str| RestoreError::Invalid(what.to_string());
        let n = snap.picks.len();
        if n == 0 || snap.answers.len() != n || snap.position > n {
            return Err(invalid(
                "the saved quiz has no questions or mismatched answers",
            ));
        }
        let selection = Selection {
            ids: snap.picks.iter().map(|(id, _)| id.clone()).collect(),
            seed: snap.seed,
            ..Selection::default()
        };
        let mut quiz = bank
            .draw(&selection)
            .map_err(|e| RestoreError::Invalid(e.to_string()))?;
        if quiz.picks.len() != n {
            return Err(invalid("a saved question appears twice"));
        }
        for (pick, (_, order)) in quiz.picks.iter_mut().zip(&snap.picks) {
            // A permutation of the question's choices: each index below their number, once.
            let mut seen = vec![false; pick.order.len()];
            let permutation = order.len() == seen.len()
                && order
                    .iter()
                    .all(|&i| seen.get_mut(i).is_some_and(|s| !std::mem::replace(s, true)));
            if !permutation {
                return Err(invalid("a saved choice order does not fit its question"));
            }
            pick.order.clone_from(order);
        }
        quiz.requested = None;
        let fits = quiz
            .picks
            .iter()
            .zip(&snap.answers)
            .all(|(p, a)| a.as_ref().is_none_or(|(r, _)| r.fits(&p.question.answer)));
        if !fits {
            return Err(invalid("a saved answer does not fit its question"));
        }
        let mut session = Session::new(quiz);
        for (slot, (pick, answer)) in session
            .outcomes
            .iter_mut()
            .zip(session.quiz.picks.iter().zip(&snap.answers))
        {
            *slot = answer.as_ref().map(|(response, ms)| Outcome {
                correct: grade(&pick.question, response),
                response: response.clone(),
                ms: *ms,
            });
        }
        // Every question before the position was answered: resume at the first one that
        // was not.
        let answered = session.outcomes.iter().take_while(|o| o.is_some()).count();
        session.current = snap.position.min(answered);
        Ok(session)
    }
}

/// A response as the texts the learner saw: the chosen choices' texts, the typed text, the
/// items in the learner's order, or `true`/`false`.
pub fn answer_texts(pick: &Pick, response: &Response) -> Vec<String> {
    let q = &pick.question;
    let choice = |i: &usize| {
        q.answer
            .choices()
            .get(*i)
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    match response {
        Response::Choice(i) => vec![choice(i)],
        Response::Choices(is) => is.iter().map(choice).collect(),
        Response::Bool(b) => vec![b.to_string()],
        Response::Text(t) => vec![t.clone()],
        Response::Order(order) => match &q.answer {
            Answer::Order { items } => order
                .iter()
                .filter_map(|i| items.get(*i).cloned())
                .collect(),
            _ => Vec::new(),
        },
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
                    python: None,
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
    fn answering_and_moving_on_report_events_once() {
        let mut s = Session::new(quiz());
        let Some(QuizEvent::QuizAnswer {
            question_id,
            answer,
            correct,
            index,
            time_ms,
            ..
        }) = s.answer(Response::Bool(false), 40)
        else {
            panic!("no answer event");
        };
        assert_eq!(
            (question_id.as_str(), correct, index, time_ms),
            ("a", false, 0, 40)
        );
        assert_eq!(answer, ["false"]);
        assert_eq!(
            s.answer(Response::Bool(true), 1),
            None,
            "graded once, reported once"
        );
        assert_eq!(s.next(100), None, "not finished yet");
        assert!(s.answer(Response::Bool(true), 1).is_some());
        assert_eq!(s.next(100), None);
        assert!(s.answer(Response::Bool(true), 1).is_some());
        let Some(QuizEvent::QuizComplete {
            score,
            total,
            passed,
            duration_ms,
            results,
            ..
        }) = s.next(900)
        else {
            panic!("no complete event");
        };
        assert_eq!((score, total, passed, duration_ms), (2, 3, true, 900));
        assert_eq!(results.len(), 3);
        assert_eq!(s.next(1000), None, "completes once");
    }

    #[test]
    fn passing_needs_half_the_questions_right() {
        let mut s = Session::new(quiz());
        for answer in [true, false, false] {
            s.answer(Response::Bool(answer), 1);
            s.advance();
        }
        let QuizEvent::QuizComplete { score, passed, .. } = s.complete_event(0) else {
            panic!("not a complete event");
        };
        assert_eq!((score, passed), (1, false));
    }

    fn bank() -> crate::MemoryBank {
        let qs = quiz().picks.into_iter().map(|p| p.question).collect();
        crate::MemoryBank::new(qs, vec![], &[])
    }

    #[test]
    fn a_saved_quiz_resumes_at_the_same_question_with_the_same_answers() {
        let bank = bank();
        let mut s = Session::new(quiz());
        s.answer(Response::Bool(false), 40);
        s.advance();
        s.answer(Response::Bool(true), 7);
        let snap = s.snapshot(1234.0, 99.0, bank.version(), "o");
        let back = Session::restore(&bank, &snap, "o").unwrap();
        assert_eq!(
            Session::restore(&bank, &snap, "other"),
            Err(RestoreError::OptionsChanged)
        );
        assert_eq!(back.position(), 1, "at the answered second question");
        assert_eq!(back.current_outcome().map(|o| o.correct), Some(true));
        assert!(!back.results().next().unwrap().1.unwrap().correct);
        assert_eq!(back, s);
        let stale = Snapshot {
            bank_version: bank.version().wrapping_add(1),
            ..snap.clone()
        };
        assert_eq!(
            Session::restore(&bank, &stale, "o"),
            Err(RestoreError::BankChanged)
        );
        let wrong_kind = Snapshot {
            answers: vec![Some((Response::Choice(7), 10)), None, None],
            ..snap.clone()
        };
        assert!(matches!(
            Session::restore(&bank, &wrong_kind, "o"),
            Err(RestoreError::Invalid(_))
        ));
        let unknown = Snapshot {
            picks: vec![("zz".into(), vec![])],
            answers: vec![None],
            ..snap.clone()
        };
        assert!(matches!(
            Session::restore(&bank, &unknown, "o"),
            Err(RestoreError::Invalid(_))
        ));
        let skipped = Snapshot {
            position: 3,
            ..snap
        };
        assert_eq!(
            Session::restore(&bank, &skipped, "o").unwrap().position(),
            2,
            "never past an unanswered question"
        );
    }

    #[test]
    fn a_saved_choice_order_must_be_a_permutation_of_the_choices() {
        let mut q = quiz().picks.remove(0).question;
        q.answer = Answer::Single {
            choices: ["x", "y", "z"]
                .iter()
                .map(|t| crate::model::Choice {
                    text: (*t).into(),
                    correct: *t == "y",
                    why: None,
                })
                .collect(),
        };
        let bank = crate::MemoryBank::new(vec![q.clone()], vec![], &[]);
        let s = Session::new(Quiz {
            picks: vec![Pick {
                question: q,
                order: vec![2, 0, 1],
            }],
            requested: None,
            seed: 1,
        });
        let snap = s.snapshot(0.0, 0.0, bank.version(), "o");
        assert_eq!(Session::restore(&bank, &snap, "o").unwrap(), s);
        for bad in [vec![0, 0, 1], vec![0, 1, 3], vec![0, 1], vec![2, 0, 1, 1]] {
            let order = Snapshot {
                picks: vec![("a".into(), bad.clone())],
                ..snap.clone()
            };
            assert_eq!(
                Session::restore(&bank, &order, "o"),
                Err(RestoreError::Invalid(
                    "a saved choice order does not fit its question".into()
                )),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn two_copies_of_a_quiz_merge_their_answers_and_the_later_quiz_wins_otherwise() {
        let mut a = Session::new(quiz());
        let mut b = a.clone();
        a.answer(Response::Bool(true), 1);
        a.advance();
        b.answer(Response::Bool(true), 1);
        b.advance();
        b.answer(Response::Bool(true), 1);
        let merged = a
            .snapshot(10.0, 5.0, 0, "")
            .merge(b.snapshot(20.0, 4.0, 0, ""));
        assert_eq!(merged.answers.iter().filter(|x| x.is_some()).count(), 2);
        assert_eq!((merged.position, merged.updated_ms), (1, 5.0));
        let other = Snapshot {
            seed: 9,
            updated_ms: 6.0,
            ..a.snapshot(1.0, 1.0, 0, "")
        };
        assert_eq!(a.snapshot(1.0, 5.0, 0, "").merge(other.clone()), other);
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
