//! FSRS-6, the spaced-repetition scheduler of study mode: a card's memory (stability and
//! difficulty) after each review, its probability of recall, and the next interval. Pure, in
//! f64, with time passed in as whole days; it matches fsrs-rs 6.6.2 (tests/fsrs_parity.rs).
//! See: <https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm>

/// The 21 default FSRS-6 parameters (one constant, so an optimiser can replace them later).
///
/// w0..w3: initial stability per first rating; w4, w5: initial difficulty; w6: difficulty step;
/// w7: mean reversion; w8..w10: stability after a recall; w11..w14: stability after a lapse;
/// w15, w16: Hard penalty and Easy bonus; w17..w19: same-day reviews; w20: forgetting-curve decay.
pub const PARAMETERS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The desired probability of recall at the due date, unless the page asks for another.
pub const DEFAULT_RETENTION: f64 = 0.9;
/// The lowest desired retention accepted; lower values schedule as this one.
pub const MIN_RETENTION: f64 = 0.70;
/// The highest desired retention accepted; higher values schedule as this one.
pub const MAX_RETENTION: f64 = 0.97;
/// The longest interval, in days (100 years), and the largest stability.
pub const MAX_INTERVAL_DAYS: u32 = 36500;

/// Stability never falls below this many days (fsrs-rs `S_MIN`).
const S_MIN: f64 = 0.001;
/// Stability never exceeds this many days (fsrs-rs `S_MAX`).
const S_MAX: f64 = MAX_INTERVAL_DAYS as f64;
/// The easiest difficulty.
const D_MIN: f64 = 1.0;
/// The hardest difficulty.
const D_MAX: f64 = 10.0;

/// How well the learner recalled a card. The widget only uses Again and Good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    /// Forgotten (or answered after revealing the answer).
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled effortlessly.
    Easy = 4,
}

impl Rating {
    /// The grade as FSRS numbers it, 1 (Again) to 4 (Easy).
    pub fn value(self) -> u8 {
        self as u8
    }
}

/// What FSRS knows about a learner's memory of one card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    /// Days until the probability of recall falls to 90%.
    pub stability: f64,
    /// How hard the card is for this learner, from 1 (easiest) to 10 (hardest).
    pub difficulty: f64,
}

/// The FSRS-6 model with one set of parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fsrs {
    /// The 21 parameters, in the order of [`PARAMETERS`].
    pub w: [f64; 21],
}

impl Default for Fsrs {
    fn default() -> Self {
        Fsrs::DEFAULT
    }
}

impl Fsrs {
    /// The model with the default parameters.
    pub const DEFAULT: Fsrs = Fsrs { w: PARAMETERS };

    /// Memory after a review rated `rating`, `elapsed_days` whole days after the previous one
    /// (`None`: the first review of a new card). elapsed 0 = same-day (short-term) formula.
    pub fn review(&self, memory: Option<Memory>, elapsed_days: u32, rating: Rating) -> Memory {
        let Some(memory) = memory else {
            return Memory {
                stability: self.initial_stability(rating).clamp(S_MIN, S_MAX),
                difficulty: self.initial_difficulty(rating).clamp(D_MIN, D_MAX),
            };
        };
        // A stored state from elsewhere may be out of range; fsrs-rs clamps it the same way.
        let s = memory.stability.clamp(S_MIN, S_MAX);
        let d = memory.difficulty.clamp(D_MIN, D_MAX);
        let g = f64::from(rating.value());
        let stability = if elapsed_days == 0 {
            self.same_day_stability(s, g)
        } else {
            let r = self.recall(f64::from(elapsed_days), s);
            match rating {
                Rating::Again => self.stability_after_lapse(s, d, r),
                _ => self.stability_after_recall(s, d, r, rating),
            }
        };
        Memory {
            stability: stability.clamp(S_MIN, S_MAX),
            difficulty: self.next_difficulty(d, g),
        }
    }

    /// Probability of recall `elapsed_days` (may be fractional) after the last review.
    ///
    /// A negative elapsed time (a clock set back) counts as 0, so the result stays in 0..=1.
    pub fn retrievability(&self, memory: Memory, elapsed_days: f64) -> f64 {
        self.recall(elapsed_days.max(0.0), memory.stability.clamp(S_MIN, S_MAX))
    }

    /// The unrounded interval in days at which recall falls to `retention`.
    ///
    /// `retention` is clamped to [`MIN_RETENTION`]..=[`MAX_RETENTION`]; at 0.9 the interval is
    /// the stability itself.
    pub fn interval(&self, stability: f64, retention: f64) -> f64 {
        let decay = self.decay();
        let retention = retention.clamp(MIN_RETENTION, MAX_RETENTION);
        stability.clamp(S_MIN, S_MAX) / self.factor() * (retention.powf(1.0 / decay) - 1.0)
    }

    /// Whole days, fuzz off: interval rounded, at least 1, at most MAX_INTERVAL_DAYS.
    pub fn interval_days(&self, stability: f64, retention: f64) -> u32 {
        let days = self.interval(stability, retention).round();
        if days.is_nan() {
            return 1;
        }
        // In range after the clamp, so the cast is exact.
        days.clamp(1.0, f64::from(MAX_INTERVAL_DAYS)) as u32
    }

    /// The forgetting curve's exponent, negative: `-w20`.
    fn decay(&self) -> f64 {
        -self.w[20]
    }

    /// Scales time so that recall is exactly 0.9 after `stability` days.
    fn factor(&self) -> f64 {
        0.9f64.powf(1.0 / self.decay()) - 1.0
    }

    /// The power forgetting curve: recall `t` days after a review, for stability `s`.
    fn recall(&self, t: f64, s: f64) -> f64 {
        (t / s * self.factor() + 1.0).powf(self.decay())
    }

    /// Stability after the first review: one parameter per rating.
    fn initial_stability(&self, rating: Rating) -> f64 {
        match rating {
            Rating::Again => self.w[0],
            Rating::Hard => self.w[1],
            Rating::Good => self.w[2],
            Rating::Easy => self.w[3],
        }
    }

    /// Difficulty after the first review, before clamping: Again is hardest.
    fn initial_difficulty(&self, rating: Rating) -> f64 {
        self.raw_initial_difficulty(f64::from(rating.value()))
    }

    /// `w4 - e^(w5 (g - 1)) + 1`, unclamped: mean reversion pulls towards the value for Easy,
    /// which lies below 1 with the default parameters.
    fn raw_initial_difficulty(&self, g: f64) -> f64 {
        self.w[4] - (self.w[5] * (g - 1.0)).exp() + 1.0
    }

    /// Difficulty after a later review: a step up for Again and Hard, down for Easy, damped as
    /// it nears 10, then pulled slightly back towards the initial difficulty of an Easy card.
    fn next_difficulty(&self, d: f64, g: f64) -> f64 {
        let step = -self.w[6] * (g - 3.0);
        let damped = d + (10.0 - d) * step / 9.0;
        let easy = self.raw_initial_difficulty(4.0);
        (self.w[7] * (easy - damped) + damped).clamp(D_MIN, D_MAX)
    }

    /// Stability after a recall `r` on a later day: grows more for easier cards, lower
    /// stability and lower recall (a harder success teaches more); Hard and Easy scale it.
    fn stability_after_recall(&self, s: f64, d: f64, r: f64, rating: Rating) -> f64 {
        let w = &self.w;
        let hard_penalty = if rating == Rating::Hard { w[15] } else { 1.0 };
        let easy_bonus = if rating == Rating::Easy { w[16] } else { 1.0 };
        let growth = w[8].exp()
            * (11.0 - d)
            * s.powf(-w[9])
            * (((1.0 - r) * w[10]).exp() - 1.0)
            * hard_penalty
            * easy_bonus;
        s * (growth + 1.0)
    }

    /// Stability after a lapse on a later day; never above what a same-day Again would leave
    /// (the FSRS-6 cap `s / e^(w17 w18)`), so forgetting never raises stability.
    fn stability_after_lapse(&self, s: f64, d: f64, r: f64) -> f64 {
        let w = &self.w;
        let relearned =
            w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        relearned.min(s / (w[17] * w[18]).exp())
    }

    /// Stability after another review on the same day: a success never lowers it, and the
    /// gain shrinks as stability grows.
    fn same_day_stability(&self, s: f64, g: f64) -> f64 {
        let w = &self.w;
        let gain = (w[17] * (g - 3.0 + w[18])).exp() * s.powf(-w[19]);
        s * if g >= 2.0 { gain.max(1.0) } else { gain }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Fsrs = Fsrs::DEFAULT;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    /// A new card answered once with `rating`, then the reviews in `then` (days, rating).
    fn history(first: Rating, then: &[(u32, Rating)]) -> Memory {
        let mut m = F.review(None, 0, first);
        for &(days, rating) in then {
            m = F.review(Some(m), days, rating);
        }
        m
    }

    #[test]
    fn rating_values_are_fsrs_grades() {
        let all = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
        assert_eq!(all.map(Rating::value), [1, 2, 3, 4]);
    }

    #[test]
    fn new_card_good_comes_back_in_2_days_and_again_in_1() {
        let good = F.review(None, 0, Rating::Good);
        assert_eq!(good.stability, 2.3065);
        assert_eq!(F.interval_days(good.stability, DEFAULT_RETENTION), 2);
        let again = F.review(None, 0, Rating::Again);
        assert_eq!(again.stability, 0.212);
        // 0.212 days rounds to 0, but an interval is at least a day.
        assert_eq!(F.interval_days(again.stability, DEFAULT_RETENTION), 1);
        assert!(again.difficulty > good.difficulty);
        let easy = F.review(None, 0, Rating::Easy);
        assert_eq!(F.interval_days(easy.stability, DEFAULT_RETENTION), 8);
        assert_eq!(easy.difficulty, 1.0, "clamped to the easiest");
    }

    #[test]
    fn good_again_and_again_grows_the_interval() {
        let mut m = F.review(None, 0, Rating::Good);
        let mut days = F.interval_days(m.stability, DEFAULT_RETENTION);
        let mut seen = vec![days];
        for _ in 0..6 {
            m = F.review(Some(m), days, Rating::Good);
            let next = F.interval_days(m.stability, DEFAULT_RETENTION);
            assert!(next > days, "{seen:?} then {next}");
            days = next;
            seen.push(days);
        }
        assert!(days > 100, "six on-time successes reach months: {seen:?}");
    }

    #[test]
    fn again_after_a_long_interval_drops_stability_and_raises_difficulty() {
        let learned = history(Rating::Good, &[(2, Rating::Good), (10, Rating::Good)]);
        let days = F.interval_days(learned.stability, DEFAULT_RETENTION);
        let lapsed = F.review(Some(learned), days, Rating::Again);
        assert!(
            lapsed.stability < learned.stability / 4.0,
            "{lapsed:?} from {learned:?}"
        );
        assert!(lapsed.difficulty > learned.difficulty);
        // Due again within days, where it had been weeks away.
        assert!(days >= 30, "learned card due in {days} days");
        assert!(
            F.interval_days(lapsed.stability, DEFAULT_RETENTION) <= 3,
            "{lapsed:?}"
        );
    }

    #[test]
    fn a_lapse_never_leaves_more_stability_than_before() {
        for s in [0.01, 0.5, 3.0, 40.0, 900.0, 30000.0] {
            for days in [1, 7, 100, 3650] {
                let m = Memory {
                    stability: s,
                    difficulty: 5.0,
                };
                assert!(
                    F.review(Some(m), days, Rating::Again).stability < s,
                    "{s} {days}"
                );
            }
        }
    }

    #[test]
    fn same_day_reviews_use_the_short_term_formula() {
        let first = F.review(None, 0, Rating::Good);
        let again = F.review(Some(first), 0, Rating::Again);
        let good = F.review(Some(first), 0, Rating::Good);
        assert!(again.stability < first.stability);
        assert!(
            good.stability >= first.stability,
            "a same-day success never lowers it"
        );
        // Not the next-day formula: a success the next day grows stability far more.
        let next_day = F.review(Some(first), 1, Rating::Good);
        assert!(next_day.stability > good.stability);
    }

    #[test]
    fn a_late_success_teaches_more_than_an_early_one() {
        let m = history(Rating::Good, &[]);
        let early = F.review(Some(m), 1, Rating::Good);
        let late = F.review(Some(m), 10, Rating::Good);
        assert!(late.stability > early.stability);
    }

    #[test]
    fn hard_grows_less_than_good_and_easy_more() {
        let m = history(Rating::Good, &[(2, Rating::Good)]);
        let s = |r| F.review(Some(m), 5, r).stability;
        assert!(s(Rating::Hard) < s(Rating::Good));
        assert!(s(Rating::Good) < s(Rating::Easy));
    }

    #[test]
    fn difficulty_stays_between_1_and_10() {
        let mut m = F.review(None, 0, Rating::Again);
        for _ in 0..50 {
            m = F.review(Some(m), 1, Rating::Again);
            assert!((D_MIN..=D_MAX).contains(&m.difficulty));
        }
        assert!(m.difficulty > 9.9);
        for _ in 0..50 {
            m = F.review(Some(m), 1, Rating::Easy);
            assert!((D_MIN..=D_MAX).contains(&m.difficulty));
        }
        assert_eq!(m.difficulty, D_MIN);
    }

    #[test]
    fn stability_stays_in_range_even_from_bad_stored_state() {
        let bad = Memory {
            stability: -5.0,
            difficulty: 50.0,
        };
        let m = F.review(Some(bad), 3, Rating::Good);
        assert!((S_MIN..=S_MAX).contains(&m.stability));
        assert!((D_MIN..=D_MAX).contains(&m.difficulty));
        let huge = Memory {
            stability: 1e9,
            difficulty: 1.0,
        };
        assert_eq!(F.review(Some(huge), 365, Rating::Easy).stability, S_MAX);
        assert_eq!(F.interval_days(1e9, DEFAULT_RETENTION), MAX_INTERVAL_DAYS);
        assert_eq!(F.interval_days(f64::NAN, DEFAULT_RETENTION), 1);
    }

    #[test]
    fn recall_is_90_percent_exactly_one_stability_later() {
        for s in [0.3, 2.3065, 17.0, 400.0] {
            let m = Memory {
                stability: s,
                difficulty: 5.0,
            };
            assert!(close(F.interval(s, 0.9), s));
            assert!(close(F.retrievability(m, F.interval(s, 0.9)), 0.9));
            assert_eq!(F.retrievability(m, 0.0), 1.0);
            assert!(F.retrievability(m, s / 2.0) > 0.9);
            assert!(F.retrievability(m, s * 2.0) < 0.9);
            assert!(close(F.retrievability(m, F.interval(s, 0.8)), 0.8));
        }
    }

    #[test]
    fn a_clock_set_back_counts_as_no_time() {
        let m = Memory {
            stability: 3.0,
            difficulty: 5.0,
        };
        assert_eq!(F.retrievability(m, -2.0), 1.0);
    }

    #[test]
    fn higher_retention_gives_shorter_intervals() {
        let s = 30.0;
        let mut last = f64::INFINITY;
        for r in [0.70, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97] {
            let days = F.interval(s, r);
            assert!(days < last, "{r}: {days} days, not shorter than {last}");
            last = days;
        }
        assert!(F.interval_days(s, MIN_RETENTION) > F.interval_days(s, MAX_RETENTION));
    }

    #[test]
    fn retention_outside_the_bounds_schedules_as_the_bound() {
        let s = 30.0;
        assert_eq!(F.interval(s, 0.2), F.interval(s, MIN_RETENTION));
        assert_eq!(F.interval(s, 1.0), F.interval(s, MAX_RETENTION));
        assert_eq!(
            F.interval(s, f64::NEG_INFINITY),
            F.interval(s, MIN_RETENTION)
        );
        assert!(F.interval_days(s, 1.0) >= 1);
    }

    #[test]
    fn the_default_model_is_the_default_parameters() {
        assert_eq!(Fsrs::default(), Fsrs { w: PARAMETERS });
        assert_eq!(DEFAULT_RETENTION, 0.9);
    }
}
