//! Choosing a quiz: filter by difficulty and topic, pin ids, draw a count or a per-difficulty
//! mix, and shuffle questions and choices from one seed, so a seed names one quiz.

use std::fmt;

use crate::bank::BankError;
use crate::model::{Answer, Difficulty, Question, TopicInfo};
use crate::rng::Rng;

/// How many questions to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Count {
    /// Every matching question.
    #[default]
    All,
    /// At most this many, drawn from all matching difficulties.
    Total(u32),
    /// At most this many per difficulty (indexed by [`Difficulty::index`]); overrides the
    /// difficulty filter.
    Mix([u32; 3]),
}

impl Count {
    /// Parses `all`, `10` or `easy:5,medium:3,hard:2`.
    ///
    /// # Errors
    /// A message naming the part that is not understood.
    pub fn parse(s: &str) -> Result<Count, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Ok(Count::All);
        }
        if !s.contains(':') {
            return match s.parse::<u32>() {
                Ok(0) | Err(_) => Err(format!("\"{s}\" is not a positive whole number or \"all\"")),
                Ok(n) => Ok(Count::Total(n)),
            };
        }
        let mut mix = [0u32; 3];
        for part in s.split(',') {
            let (name, n) = part.split_once(':').unwrap_or((part, ""));
            let d = Difficulty::from_slug(name.trim())
                .ok_or_else(|| format!("\"{}\" is not easy, medium or hard", name.trim()))?;
            let n: u32 = n
                .trim()
                .parse()
                .map_err(|_| format!("\"{}\" is not a whole number", n.trim()))?;
            if let Some(slot) = mix.get_mut(d.index()) {
                if *slot != 0 {
                    return Err(format!("{d} is given twice"));
                }
                *slot = n;
            }
        }
        if mix.iter().all(|n| *n == 0) {
            return Err("the mix asks for no questions".into());
        }
        // The total must fit, so every later sum over the mix is safe.
        if mix
            .iter()
            .try_fold(0u32, |a, n| a.checked_add(*n))
            .is_none()
        {
            return Err("the mix adds up to more than 4294967295 questions".into());
        }
        Ok(Count::Mix(mix))
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::All => f.write_str("all"),
            Count::Total(n) => write!(f, "{n}"),
            Count::Mix(mix) => {
                let parts: Vec<String> = Difficulty::ALL
                    .iter()
                    .zip(mix)
                    .filter(|(_, n)| **n > 0)
                    .map(|(d, n)| format!("{d}:{n}"))
                    .collect();
                f.write_str(&parts.join(","))
            }
        }
    }
}

/// What the learner or the host asked for.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    /// Difficulties to keep; empty keeps all.
    pub difficulties: Vec<Difficulty>,
    /// Topic or category slugs to keep; empty keeps all.
    pub topics: Vec<String>,
    /// How many to draw.
    pub count: Count,
    /// Exact question ids, in this order; when set, the filters and count are ignored.
    pub ids: Vec<String>,
    /// The seed of every shuffle.
    pub seed: u32,
}

impl Selection {
    /// Whether questions of `topic` can be in the quiz (so a bank decodes only those topics).
    pub fn wants_topic(&self, topic: &TopicInfo) -> bool {
        self.topics.is_empty()
            || self
                .topics
                .iter()
                .any(|t| *t == topic.slug || *t == topic.category)
    }

    fn wants_difficulty(&self, d: Difficulty) -> bool {
        match self.count {
            Count::Mix(mix) => mix.get(d.index()).is_some_and(|n| *n > 0),
            _ => self.difficulties.is_empty() || self.difficulties.contains(&d),
        }
    }

    /// How many questions of each difficulty match the topic filter, from the index alone.
    pub fn available(&self, topics: &[TopicInfo]) -> [u32; 3] {
        let mut out = [0u32; 3];
        for t in topics.iter().filter(|t| self.wants_topic(t)) {
            for (o, c) in out.iter_mut().zip(t.counts) {
                *o += c;
            }
        }
        out
    }
}

/// A question as it appears in a quiz, with its display order of choices or items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pick {
    /// The question.
    pub question: Question,
    /// Authored indexes of choices (or order items) in display order; empty for kinds
    /// without choices.
    pub order: Vec<usize>,
}

/// A drawn quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    /// The questions, in quiz order.
    pub picks: Vec<Pick>,
    /// How many were asked for (`None` for `all` or pinned ids).
    pub requested: Option<u32>,
    /// The seed it was drawn with.
    pub seed: u32,
}

impl Quiz {
    /// Whether fewer questions matched than were asked for.
    pub fn is_short(&self) -> bool {
        self.requested
            .is_some_and(|r| (self.picks.len() as u32) < r)
    }
}

/// Why no quiz could be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectError {
    /// No question matches the filters.
    NoMatch,
    /// Pinned ids that are not in the bank.
    UnknownIds(Vec<String>),
    /// The bank's data could not be read (corrupt embedded data).
    Bank(BankError),
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::NoMatch => f.write_str("no question matches these filters"),
            SelectError::UnknownIds(ids) => write!(f, "unknown question ids: {}", ids.join(", ")),
            SelectError::Bank(e) => write!(f, "{e}"),
        }
    }
}

/// Draws a quiz from `bank` (questions in bank order) for `sel`.
///
/// # Errors
/// [`SelectError::NoMatch`] when nothing matches; [`SelectError::UnknownIds`] for pinned ids
/// missing from the bank.
pub fn select<'q>(
    bank: impl IntoIterator<Item = &'q Question>,
    sel: &Selection,
) -> Result<Quiz, SelectError> {
    let mut rng = Rng::new(sel.seed);
    let bank: Vec<&Question> = bank.into_iter().collect();
    let (chosen, requested): (Vec<&Question>, Option<u32>) = if !sel.ids.is_empty() {
        let mut missing = Vec::new();
        let mut chosen = Vec::new();
        for id in &sel.ids {
            match bank.iter().find(|q| q.id == *id) {
                Some(q) => chosen.push(*q),
                None => missing.push(id.clone()),
            }
        }
        if !missing.is_empty() {
            return Err(SelectError::UnknownIds(missing));
        }
        (chosen, None)
    } else {
        let mut pool: Vec<&Question> = bank
            .iter()
            .copied()
            .filter(|q| {
                (sel.topics.is_empty()
                    || sel.topics.iter().any(|t| *t == q.topic || *t == q.category))
                    && sel.wants_difficulty(q.difficulty)
            })
            .collect();
        rng.shuffle(&mut pool);
        match sel.count {
            Count::All => (pool, None),
            Count::Total(n) => {
                pool.truncate(n as usize);
                (pool, Some(n))
            }
            // Drawn per difficulty, then served easiest first: a gentle ramp.
            Count::Mix(mix) => {
                let mut chosen = Vec::new();
                for d in Difficulty::ALL {
                    let want = mix.get(d.index()).copied().unwrap_or(0) as usize;
                    chosen.extend(pool.iter().filter(|q| q.difficulty == d).take(want));
                }
                (chosen, Some(mix.iter().sum()))
            }
        }
    };
    if chosen.is_empty() {
        return Err(SelectError::NoMatch);
    }
    let picks = chosen
        .into_iter()
        .map(|q| Pick {
            question: q.clone(),
            order: display_order(&q.answer, &mut rng),
        })
        .collect();
    Ok(Quiz {
        picks,
        requested,
        seed: sel.seed,
    })
}

fn display_order(answer: &Answer, rng: &mut Rng) -> Vec<usize> {
    let n = match answer {
        Answer::Order { items } => items.len(),
        other => other.choices().len(),
    };
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    // An order question shown already in order would answer itself.
    if matches!(answer, Answer::Order { .. }) && order.iter().enumerate().all(|(i, x)| i == *x) {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn bank() -> Vec<Question> {
        let mut out = Vec::new();
        for (i, d) in Difficulty::ALL.iter().cycle().take(30).enumerate() {
            out.push(Question {
                id: format!("q{i}"),
                topic: if i % 2 == 0 {
                    "even".into()
                } else {
                    "odd".into()
                },
                category: "cat".into(),
                difficulty: *d,
                tags: vec![],
                prompt: "p".into(),
                code: None,
                explanation: "e".into(),
                python: None,
                answer: if i % 5 == 0 {
                    Answer::Order {
                        items: vec!["a".into(), "b".into(), "c".into()],
                    }
                } else {
                    Answer::Single {
                        choices: (0..4)
                            .map(|k| Choice {
                                text: format!("{k}"),
                                correct: k == 0,
                                why: None,
                            })
                            .collect(),
                    }
                },
            });
        }
        out
    }

    fn ids(q: &Quiz) -> Vec<&str> {
        q.picks.iter().map(|p| p.question.id.as_str()).collect()
    }

    #[test]
    fn same_seed_gives_same_questions_and_choice_order() {
        let b = bank();
        let sel = Selection {
            count: Count::Total(10),
            seed: 99,
            ..Selection::default()
        };
        let a = select(&b, &sel).unwrap();
        assert_eq!(a, select(&b, &sel).unwrap());
        let other = select(
            &b,
            &Selection {
                seed: 100,
                ..sel.clone()
            },
        )
        .unwrap();
        assert_ne!(ids(&a), ids(&other));
        assert_eq!(a.picks.len(), 10);
    }

    #[test]
    fn filters_by_difficulty_and_topic_or_category() {
        let b = bank();
        let sel = Selection {
            difficulties: vec![Difficulty::Hard],
            topics: vec!["even".into()],
            ..Selection::default()
        };
        let q = select(&b, &sel).unwrap();
        assert!(!q.picks.is_empty());
        assert!(
            q.picks
                .iter()
                .all(|p| p.question.difficulty == Difficulty::Hard)
        );
        assert!(q.picks.iter().all(|p| p.question.topic == "even"));
        let by_cat = select(
            &b,
            &Selection {
                topics: vec!["cat".into()],
                ..Selection::default()
            },
        );
        assert_eq!(by_cat.unwrap().picks.len(), 30);
    }

    #[test]
    fn mix_draws_per_difficulty_easiest_first_and_overrides_difficulty() {
        let b = bank();
        let sel = Selection {
            difficulties: vec![Difficulty::Hard],
            count: Count::Mix([2, 1, 3]),
            ..Selection::default()
        };
        let q = select(&b, &sel).unwrap();
        let ds: Vec<Difficulty> = q.picks.iter().map(|p| p.question.difficulty).collect();
        use Difficulty::*;
        assert_eq!(ds, vec![Easy, Easy, Medium, Hard, Hard, Hard]);
    }

    #[test]
    fn short_and_empty_results_are_reported() {
        let b = bank();
        let sel = Selection {
            topics: vec!["odd".into()],
            count: Count::Total(50),
            ..Selection::default()
        };
        let q = select(&b, &sel).unwrap();
        assert_eq!(q.picks.len(), 15);
        assert!(q.is_short());
        let none = Selection {
            topics: vec!["nope".into()],
            ..Selection::default()
        };
        assert_eq!(select(&b, &none), Err(SelectError::NoMatch));
    }

    #[test]
    fn pinned_ids_keep_their_order_and_unknown_ones_are_named() {
        let b = bank();
        let sel = Selection {
            ids: vec!["q7".into(), "q2".into()],
            ..Selection::default()
        };
        assert_eq!(ids(&select(&b, &sel).unwrap()), vec!["q7", "q2"]);
        let bad = Selection {
            ids: vec!["q7".into(), "zz".into()],
            ..Selection::default()
        };
        assert_eq!(
            select(&b, &bad),
            Err(SelectError::UnknownIds(vec!["zz".into()]))
        );
    }

    #[test]
    fn order_questions_never_start_solved() {
        let b = bank();
        for seed in 0..200 {
            let q = select(
                &b,
                &Selection {
                    seed,
                    ..Selection::default()
                },
            )
            .unwrap();
            for p in q
                .picks
                .iter()
                .filter(|p| matches!(p.question.answer, Answer::Order { .. }))
            {
                assert_ne!(p.order, vec![0, 1, 2], "seed {seed}");
            }
        }
    }

    #[test]
    fn count_parses_total_all_and_mix() {
        assert_eq!(Count::parse("all"), Ok(Count::All));
        assert_eq!(Count::parse(" 10 "), Ok(Count::Total(10)));
        assert_eq!(Count::parse("easy:5,hard:2"), Ok(Count::Mix([5, 0, 2])));
        assert!(Count::parse("-3").unwrap_err().contains("-3"));
        assert!(Count::parse("0").is_err());
        assert!(Count::parse("easy:x").unwrap_err().contains("\"x\""));
        assert!(Count::parse("expert:2").unwrap_err().contains("expert"));
        assert_eq!(
            Count::parse("easy:5,medium:3").unwrap().to_string(),
            "easy:5,medium:3"
        );
    }
}
