//! What a learner keeps between visits, as rules with the clock passed in: the review state of
//! every question (scheduled by FSRS-6), how two copies of it merge, the study queue, the
//! mistakes and the dashboard. The widget keeps a [`Progress`] in the browser's storage under
//! [`PROGRESS_KEY`]; nothing here touches storage or reads the clock.

use std::collections::BTreeMap;
use std::fmt;

use crate::fsrs::{Fsrs, MAX_INTERVAL_DAYS, Memory, Rating};
use crate::options::Options;

/// One day in milliseconds.
pub const DAY_MS: f64 = 86_400_000.0;

/// The version of what is stored. Data of an older version is dropped with a notice; data of a
/// newer one is left alone.
pub const STORE_VERSION: u32 = 1;

/// The storage key of the review history, shared by every widget on the origin.
pub const PROGRESS_KEY: &str = "quiz-widget:v1:progress";

/// The prefix of every key this widget stores under, of any version.
pub const KEY_PREFIX: &str = "quiz-widget:";

/// The storage key of a widget's quiz in progress: its `id`, else the page path plus what
/// decides its quiz.
pub fn quiz_key(widget_id: Option<&str>, page_path: &str, options: &Options) -> String {
    match widget_id.map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) => format!("{KEY_PREFIX}v1:quiz:#{id}"),
        None => format!("{KEY_PREFIX}v1:quiz:{page_path}|{}", options.identity()),
    }
}

/// The moment the rules are applied at, in milliseconds since the epoch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    /// Now.
    pub now_ms: f64,
    /// The start of the learner's local day, for the daily limit of new questions.
    pub day_start_ms: f64,
}

/// The review state of one question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Card {
    /// FSRS stability: days until recall falls to 90 %.
    pub stability: f64,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f64,
    /// When it is next due.
    pub due_ms: f64,
    /// When it was last answered.
    pub last_ms: f64,
    /// When it was first answered.
    pub first_ms: f64,
    /// Times answered.
    pub reps: u32,
    /// Times forgotten after having been learned.
    pub lapses: u32,
    /// Answered wrong, and not answered right since.
    pub missed: bool,
}

/// Why stored or imported review data cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressError(pub String);

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProgressError {}

impl Card {
    fn memory(&self) -> Memory {
        Memory {
            stability: self.stability,
            difficulty: self.difficulty,
        }
    }

    /// Recall probability at `now_ms`.
    pub fn retrievability(&self, now_ms: f64) -> f64 {
        Fsrs::DEFAULT.retrievability(self.memory(), ((now_ms - self.last_ms) / DAY_MS).max(0.0))
    }

    /// The card if every field is in range, else what is wrong with it (for data read back
    /// from storage or from an imported file, which may be hand-edited).
    ///
    /// # Errors
    /// The first field out of range.
    pub fn checked(self, id: &str) -> Result<Card, ProgressError> {
        let bad = |what: &str| Err(ProgressError(format!("question \"{id}\": {what}")));
        let times = [self.due_ms, self.last_ms, self.first_ms];
        if id.is_empty() || id.len() > 200 {
            return bad("the id must have 1 to 200 characters");
        }
        if !(0.001..=f64::from(MAX_INTERVAL_DAYS)).contains(&self.stability) {
            return bad("stability must be a number from 0.001 to 36500");
        }
        if !(1.0..=10.0).contains(&self.difficulty) {
            return bad("difficulty must be a number from 1 to 10");
        }
        if times.iter().any(|t| !t.is_finite() || *t < 0.0) {
            return bad("due, lastReview and firstReview must be dates");
        }
        if self.first_ms > self.last_ms || self.last_ms > self.due_ms {
            return bad("the first review, the last review and the due date are out of order");
        }
        if self.reps == 0 || self.lapses >= self.reps {
            return bad("reps must be at least 1 and more than lapses");
        }
        Ok(self)
    }
}

/// One answer as the scheduler saw it: the `quiz-review` event.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The question.
    pub question_id: String,
    /// Good for a right answer, Again for a wrong one.
    pub rating: Rating,
    /// Recall probability just before this answer; `None` the first time.
    pub retrievability: Option<f64>,
    /// The question's new state, with its next due date.
    pub card: Card,
}

impl Review {
    /// Whole days until the question comes back.
    pub fn days(&self) -> u32 {
        ((self.card.due_ms - self.card.last_ms) / DAY_MS).round() as u32
    }
}

/// What the study dashboard shows, over the questions a widget's filters allow.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Dashboard {
    /// Questions due now.
    pub due_now: u32,
    /// Questions due within the next seven days, those due now included.
    pub due_week: u32,
    /// Questions answered at least once.
    pub learned: u32,
    /// New questions a study session would add today.
    pub new_today: u32,
    /// Mean predicted recall of the learned questions now; `None` when none is learned.
    pub retention: Option<f64>,
    /// When the next question falls due, if none is due now.
    pub next_due_ms: Option<f64>,
}

/// Orders (key, index) pairs by key, then index: one sort for the study queue and the
/// mistakes list (one copy of the sort in the wasm, issue 21).
fn by_key_then_index(a: &(f64, usize), b: &(f64, usize)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

/// The review history of every question a learner answered on this origin.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    cards: BTreeMap<String, Card>,
}

impl Progress {
    /// No history.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Number of questions with a history.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    /// Whether no question has been answered.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// The state of one question.
    pub fn get(&self, id: &str) -> Option<&Card> {
        self.cards.get(id)
    }

    /// Every question's state, by id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Card)> {
        self.cards.iter().map(|(id, c)| (id.as_str(), c))
    }

    /// Adds a card read back from storage or a file, after checking it.
    ///
    /// # Errors
    /// What is wrong with the card.
    pub fn insert(&mut self, id: &str, card: Card) -> Result<(), ProgressError> {
        self.cards.insert(id.to_string(), card.checked(id)?);
        Ok(())
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.cards.clear();
    }

    /// Forgets every question last answered at or before `ms`: another tab's "Forget
    /// everything" at `ms` must not come back from this tab's copy.
    pub fn forget_until(&mut self, ms: f64) {
        self.cards.retain(|_, c| c.last_ms > ms);
    }

    /// Schedules question `id` after an answer at `clock`: right is Good, wrong (or given after
    /// the answer was revealed) is Again. `retention` is the desired recall at the due date.
    pub fn record(&mut self, id: &str, correct: bool, clock: Clock, retention: f64) -> Review {
        let fsrs = Fsrs::DEFAULT;
        let rating = if correct { Rating::Good } else { Rating::Again };
        let now = clock.now_ms;
        let before = self.cards.get(id).copied();
        let elapsed = before.map_or(0.0, |c| ((now - c.last_ms) / DAY_MS).max(0.0));
        let memory = fsrs.review(before.map(|c| c.memory()), elapsed.floor() as u32, rating);
        let days = fsrs.interval_days(memory.stability, retention);
        let card = Card {
            stability: memory.stability,
            difficulty: memory.difficulty,
            due_ms: now + f64::from(days) * DAY_MS,
            last_ms: now,
            first_ms: before.map_or(now, |c| c.first_ms),
            reps: before.map_or(0, |c| c.reps).saturating_add(1),
            lapses: before.map_or(0, |c| c.lapses) + u32::from(before.is_some() && !correct),
            missed: !correct,
        };
        self.cards.insert(id.to_string(), card);
        Review {
            question_id: id.to_string(),
            rating,
            retrievability: before.map(|c| fsrs.retrievability(c.memory(), elapsed)),
            card,
        }
    }

    /// Takes in another copy of the history (another tab's, or an imported file): for each
    /// question the state with the later last answer wins, so no answer is lost. Returns
    /// whether anything changed.
    pub fn merge(&mut self, other: &Progress) -> bool {
        let mut changed = false;
        for (id, theirs) in &other.cards {
            let newer = self
                .cards
                .get(id)
                .is_none_or(|ours| theirs.last_ms > ours.last_ms);
            if newer {
                self.cards.insert(id.clone(), *theirs);
                changed = true;
            }
        }
        changed
    }

    /// Questions first answered today.
    pub fn new_today(&self, clock: Clock) -> u32 {
        let n = self
            .cards
            .values()
            .filter(|c| c.first_ms >= clock.day_start_ms)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// A study session over `candidates` (the ids a widget's filters allow, in its draw order),
    /// as indexes into `candidates`: the due ones, least likely to be recalled first, then new
    /// ones up to what is left of `new_per_day` today.
    pub fn study_queue(&self, candidates: &[String], clock: Clock, new_per_day: u32) -> Vec<usize> {
        let mut due: Vec<(f64, usize)> = candidates
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let card = self.cards.get(id)?;
                (card.due_ms <= clock.now_ms).then(|| (card.retrievability(clock.now_ms), i))
            })
            .collect();
        due.sort_unstable_by(by_key_then_index);
        let room = new_per_day.saturating_sub(self.new_today(clock)) as usize;
        let fresh = candidates
            .iter()
            .enumerate()
            .filter(|(_, id)| !self.cards.contains_key(*id))
            .map(|(i, _)| i)
            .take(room);
        due.into_iter().map(|(_, i)| i).chain(fresh).collect()
    }

    /// The questions among `candidates` answered wrong and not answered right since, as
    /// indexes into `candidates`, most recent mistake first.
    pub fn mistakes(&self, candidates: &[String]) -> Vec<usize> {
        let mut out: Vec<(f64, usize)> = candidates
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let card = self.cards.get(id)?;
                // Negated: most recent first.
                card.missed.then_some((-card.last_ms, i))
            })
            .collect();
        out.sort_unstable_by(by_key_then_index);
        out.into_iter().map(|(_, i)| i).collect()
    }

    /// The dashboard over `candidates` at `clock`.
    pub fn dashboard(&self, candidates: &[String], clock: Clock, new_per_day: u32) -> Dashboard {
        let now = clock.now_ms;
        let week = now + 7.0 * DAY_MS;
        let mut d = Dashboard::default();
        let mut recall = 0.0;
        let mut fresh = 0u32;
        for id in candidates {
            let Some(card) = self.cards.get(id) else {
                fresh = fresh.saturating_add(1);
                continue;
            };
            d.learned += 1;
            recall += card.retrievability(now);
            if card.due_ms <= now {
                d.due_now += 1;
            }
            if card.due_ms <= week {
                d.due_week += 1;
            }
            if card.due_ms > now {
                d.next_due_ms = Some(
                    d.next_due_ms
                        .map_or(card.due_ms, |n: f64| n.min(card.due_ms)),
                );
            }
        }
        if d.due_now > 0 {
            d.next_due_ms = None;
        }
        d.retention = (d.learned > 0).then(|| recall / f64::from(d.learned));
        d.new_today = fresh.min(new_per_day.saturating_sub(self.new_today(clock)));
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: f64 = 1_780_000_000_000.0;

    fn at(days: f64) -> Clock {
        Clock {
            now_ms: T0 + days * DAY_MS,
            day_start_ms: T0 + days.floor() * DAY_MS,
        }
    }

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("q{i}")).collect()
    }

    #[test]
    fn a_right_answer_comes_back_later_than_a_wrong_one() {
        let mut p = Progress::new();
        let right = p.record("a", true, at(0.0), 0.9);
        let wrong = p.record("b", false, at(0.0), 0.9);
        assert_eq!((right.days(), wrong.days()), (2, 1));
        assert_eq!(
            right.retrievability, None,
            "first answer has no prior recall"
        );
        assert!(p.get("b").unwrap().missed);
        let again = p.record("a", true, at(2.0), 0.9);
        assert!(again.days() > 2, "a second right answer waits longer");
        assert!(again.retrievability.unwrap() > 0.85);
        assert_eq!(p.get("a").unwrap().reps, 2);
    }

    #[test]
    fn forgetting_a_learned_question_is_a_lapse_and_clears_when_answered_right() {
        let mut p = Progress::new();
        p.record("a", true, at(0.0), 0.9);
        p.record("a", false, at(3.0), 0.9);
        let c = *p.get("a").unwrap();
        assert_eq!((c.reps, c.lapses, c.missed), (2, 1, true));
        assert_eq!(p.mistakes(&["b".into(), "a".into()]), [1]);
        p.record("a", true, at(4.0), 0.9);
        assert!(p.mistakes(&["a".into()]).is_empty());
    }

    #[test]
    fn higher_retention_brings_questions_back_sooner() {
        let mut low = Progress::new();
        let mut high = Progress::new();
        for day in [0.0, 3.0, 10.0] {
            low.record("a", true, at(day), 0.7);
            high.record("a", true, at(day), 0.97);
        }
        assert!(low.get("a").unwrap().due_ms > high.get("a").unwrap().due_ms);
    }

    #[test]
    fn study_queue_puts_due_questions_first_weakest_first_then_new_up_to_the_daily_limit() {
        let mut p = Progress::new();
        p.record("q0", true, at(0.0), 0.9);
        p.record("q1", false, at(0.0), 0.9);
        p.record("q2", true, at(0.0), 0.9);
        let all = ids(8);
        // Same day: nothing due, and three of five new questions already introduced today.
        assert_eq!(p.study_queue(&all, at(0.5), 5), [3, 4]);
        // Three days later: all three are due; the one answered wrong is the weakest.
        let q = p.study_queue(&all, at(3.0), 2);
        assert_eq!(q[0], 1);
        assert_eq!(q.len(), 5);
        assert_eq!(&q[3..], [3, 4]);
        assert!(
            p.study_queue(&all, at(3.0), 0)
                .iter()
                .all(|i| p.get(&all[*i]).is_some())
        );
    }

    #[test]
    fn the_dashboard_counts_only_the_widgets_questions() {
        let mut p = Progress::new();
        p.record("q0", true, at(0.0), 0.9);
        p.record("q1", false, at(0.0), 0.9);
        p.record("other", false, at(0.0), 0.9);
        let d = p.dashboard(&ids(4), at(0.1), 10);
        assert_eq!(
            (d.due_now, d.due_week, d.learned, d.new_today),
            (0, 2, 2, 2)
        );
        assert_eq!(
            p.dashboard(&ids(20), at(0.1), 10).new_today,
            7,
            "3 of 10 introduced today"
        );
        assert_eq!(d.next_due_ms, Some(T0 + DAY_MS));
        assert!(d.retention.unwrap() > 0.95);
        let later = p.dashboard(&ids(4), at(1.0), 10);
        assert_eq!((later.due_now, later.next_due_ms), (1, None));
        assert_eq!(
            Progress::new().dashboard(&ids(4), at(0.0), 10).retention,
            None
        );
    }

    #[test]
    fn merging_keeps_the_later_answer_of_each_question() {
        let mut a = Progress::new();
        let mut b = Progress::new();
        a.record("x", true, at(0.0), 0.9);
        b.record("x", false, at(1.0), 0.9);
        b.record("y", true, at(0.0), 0.9);
        a.record("z", true, at(2.0), 0.9);
        let mut merged = a.clone();
        assert!(merged.merge(&b));
        assert!(merged.get("x").unwrap().missed, "tab b answered x later");
        assert_eq!(merged.len(), 3);
        assert!(
            !merged.clone().merge(&a),
            "merging an older copy changes nothing"
        );
    }

    #[test]
    fn forgetting_keeps_only_answers_given_after_it() {
        let mut p = Progress::new();
        p.record("old", true, at(0.0), 0.9);
        p.record("new", true, at(2.0), 0.9);
        p.forget_until(T0 + DAY_MS);
        assert!(p.get("old").is_none() && p.get("new").is_some());
    }

    #[test]
    fn bad_cards_are_refused_naming_the_question_and_field() {
        let mut p = Progress::new();
        let good = p.record("a", true, at(0.0), 0.9).card;
        let e = Progress::new()
            .insert(
                "a",
                Card {
                    difficulty: 11.0,
                    ..good
                },
            )
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "question \"a\": difficulty must be a number from 1 to 10"
        );
        assert!(
            Progress::new()
                .insert(
                    "a",
                    Card {
                        stability: f64::NAN,
                        ..good
                    }
                )
                .is_err()
        );
        assert!(
            Progress::new()
                .insert("a", Card { reps: 0, ..good })
                .is_err()
        );
        assert!(Progress::new().insert("", good).is_err());
        assert!(Progress::new().insert("a", good).is_ok());
    }

    #[test]
    fn quiz_keys_use_the_id_else_the_page_and_what_decides_the_quiz() {
        let o = Options::default();
        assert_eq!(
            quiz_key(Some("intro"), "/a", &o),
            "quiz-widget:v1:quiz:#intro"
        );
        let other = Options {
            seed: Some(3),
            ..Options::default()
        };
        assert_ne!(quiz_key(None, "/a", &o), quiz_key(None, "/a", &other));
        assert_ne!(quiz_key(None, "/a", &o), quiz_key(None, "/b", &o));
        let look = Options {
            theme: "dark",
            lang: "de",
            ..Options::default()
        };
        assert_eq!(quiz_key(None, "/a", &o), quiz_key(None, "/a", &look));
    }
}
