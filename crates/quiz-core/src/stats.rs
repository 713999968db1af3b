//! What `quiz-bank stats` reports beyond counts: the difficulty mix, the questions limited to
//! some Python versions, and the answer cues a test-wise learner could exploit. The cue
//! definitions are those `tests/bank/cues.py` bounds in `scripts/check-bank`; keep them identical.

use std::collections::BTreeMap;

use crate::model::{Answer, Choice, Difficulty, Question};

/// A cue share over fewer questions than this is not computed (`None`), as in `cues.py`.
pub const MIN_SAMPLE: usize = 10;

/// The choice count whose correct positions are tallied (single-choice questions only).
pub const POSITION_CHOICES: usize = 4;

/// Words that make a true/false statement "absolute", matched as whole words (a word being a
/// maximal run of letters, digits, `_` and `'`) in the prompt with code removed, lower-cased.
pub const ABSOLUTE_WORDS: [&str; 14] = [
    "always",
    "never",
    "only",
    "all",
    "every",
    "everything",
    "none",
    "nothing",
    "cannot",
    "can't",
    "must",
    "guaranteed",
    "guarantees",
    "impossible",
];

/// The mix, version ranges and answer cues of a set of questions.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Profile {
    /// Percent of the questions per difficulty slug (one decimal; 0 for an empty bank).
    pub difficulty_mix: BTreeMap<String, f64>,
    /// Questions with a `python` range.
    pub with_python: usize,
    /// Questions per `python` range, keyed by its canonical text (`>=3.12`).
    pub by_python: BTreeMap<String, usize>,
    /// What the answers reveal without knowing Python.
    pub answer_cues: AnswerCues,
}

impl Profile {
    /// Profiles `questions`.
    pub fn of<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Profile {
        let questions: Vec<&Question> = questions.into_iter().collect();
        let mut by_difficulty = [0usize; 3];
        let mut by_python = BTreeMap::new();
        for q in &questions {
            if let Some(n) = by_difficulty.get_mut(q.difficulty.index()) {
                *n += 1;
            }
            if let Some(range) = &q.python {
                *by_python.entry(range.to_string()).or_insert(0) += 1;
            }
        }
        let difficulty_mix = Difficulty::ALL
            .into_iter()
            .zip(by_difficulty)
            .map(|(d, n)| (d.to_string(), percent(n, questions.len().max(1))))
            .collect();
        Profile {
            difficulty_mix,
            with_python: by_python.values().sum(),
            by_python,
            answer_cues: AnswerCues::of(&questions),
        }
    }
}

/// The answer-cue statistics of `tests/bank/cues.py`. A share is `None` when its sample is
/// smaller than [`MIN_SAMPLE`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AnswerCues {
    /// Is the right choice of a `single` question the longest one?
    pub longest: LongestCue,
    /// How many choices of a `multiple` question are right?
    pub multiple: MultipleCue,
    /// Are true/false statements mostly true or false, and do absolute words give it away?
    pub true_false: TrueFalseCue,
    /// Where the right choice sits in the file, for `single` questions with 4 choices.
    pub position: PositionCue,
}

/// Single-choice questions whose correct choice is strictly longer than every wrong one, in
/// characters as shown: backticks removed, each run of whitespace counted as one space.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LongestCue {
    /// `single` questions.
    pub questions: usize,
    /// Those whose correct choice is the longest.
    pub correct_longest: usize,
    /// `correct_longest` in percent of `questions`.
    pub percent: Option<f64>,
    /// The percent expected if length were random: the mean of 1 / number of choices.
    pub chance_percent: Option<f64>,
}

/// The number of correct choices of `multiple` questions.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MultipleCue {
    /// `multiple` questions.
    pub questions: usize,
    /// Those with exactly one correct choice.
    pub exactly_one: usize,
    /// `exactly_one` in percent of `questions`.
    pub exactly_one_percent: Option<f64>,
    /// Those whose every choice is correct.
    pub all_correct: usize,
    /// `all_correct` in percent of `questions`.
    pub all_correct_percent: Option<f64>,
    /// Questions per number of correct choices.
    pub by_correct: BTreeMap<usize, usize>,
}

/// The answers of `true-false` questions, overall and split by absolute words.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TrueFalseCue {
    /// `true-false` questions.
    pub questions: usize,
    /// Those whose statement is true.
    pub true_count: usize,
    /// `true_count` in percent of `questions`.
    pub true_percent: Option<f64>,
    /// Statements with an absolute word ([`ABSOLUTE_WORDS`]).
    pub with_absolute: usize,
    /// Of those, the false ones.
    pub with_absolute_false: usize,
    /// Statements without one.
    pub without_absolute: usize,
    /// Of those, the false ones.
    pub without_absolute_false: usize,
    /// False rate with an absolute word minus false rate without, in points; `None` unless
    /// both groups reach [`MIN_SAMPLE`].
    pub absolute_gap_points: Option<f64>,
}

/// Where the correct choice of a `single` question with [`POSITION_CHOICES`] choices sits.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PositionCue {
    /// The choice count looked at.
    pub choices: usize,
    /// `single` questions with that many choices and one correct.
    pub questions: usize,
    /// Questions per position of the correct choice, first position first.
    pub counts: Vec<usize>,
    /// `counts` in percent of `questions`.
    pub percent: Option<Vec<f64>>,
}

impl AnswerCues {
    /// The cue statistics of `questions`.
    pub fn of(questions: &[&Question]) -> AnswerCues {
        AnswerCues {
            longest: longest(questions),
            multiple: multiple(questions),
            true_false: true_false(questions),
            position: position(questions),
        }
    }
}

fn longest(questions: &[&Question]) -> LongestCue {
    let mut n = 0;
    let mut hits = 0;
    let mut chance = 0.0;
    for q in questions {
        let Answer::Single { choices } = &q.answer else {
            continue;
        };
        n += 1;
        let right = choices
            .iter()
            .find(|c| c.correct)
            .map(|c| shown_length(&c.text));
        let wrong = choices
            .iter()
            .filter(|c| !c.correct)
            .map(|c| shown_length(&c.text))
            .max();
        if let (Some(right), Some(wrong)) = (right, wrong) {
            hits += usize::from(right > wrong);
        }
        if !choices.is_empty() {
            chance += 1.0 / choices.len() as f64;
        }
    }
    let sampled = n >= MIN_SAMPLE;
    LongestCue {
        questions: n,
        correct_longest: hits,
        percent: sampled.then(|| percent(hits, n)),
        chance_percent: sampled.then(|| round1(100.0 * (chance / n as f64))),
    }
}

fn multiple(questions: &[&Question]) -> MultipleCue {
    let mut cue = MultipleCue {
        questions: 0,
        exactly_one: 0,
        exactly_one_percent: None,
        all_correct: 0,
        all_correct_percent: None,
        by_correct: BTreeMap::new(),
    };
    for q in questions {
        let Answer::Multiple { choices } = &q.answer else {
            continue;
        };
        let right = correct_count(choices);
        cue.questions += 1;
        cue.exactly_one += usize::from(right == 1);
        cue.all_correct += usize::from(right == choices.len());
        *cue.by_correct.entry(right).or_insert(0) += 1;
    }
    if cue.questions >= MIN_SAMPLE {
        cue.exactly_one_percent = Some(percent(cue.exactly_one, cue.questions));
        cue.all_correct_percent = Some(percent(cue.all_correct, cue.questions));
    }
    cue
}

fn true_false(questions: &[&Question]) -> TrueFalseCue {
    let mut cue = TrueFalseCue {
        questions: 0,
        true_count: 0,
        true_percent: None,
        with_absolute: 0,
        with_absolute_false: 0,
        without_absolute: 0,
        without_absolute_false: 0,
        absolute_gap_points: None,
    };
    for q in questions {
        let Answer::TrueFalse { answer } = q.answer else {
            continue;
        };
        cue.questions += 1;
        cue.true_count += usize::from(answer);
        if has_absolute(&q.prompt) {
            cue.with_absolute += 1;
            cue.with_absolute_false += usize::from(!answer);
        } else {
            cue.without_absolute += 1;
            cue.without_absolute_false += usize::from(!answer);
        }
    }
    if cue.questions >= MIN_SAMPLE {
        cue.true_percent = Some(percent(cue.true_count, cue.questions));
    }
    if cue.with_absolute.min(cue.without_absolute) >= MIN_SAMPLE {
        let rate = |false_count: usize, n: usize| false_count as f64 / n as f64;
        let gap = rate(cue.with_absolute_false, cue.with_absolute)
            - rate(cue.without_absolute_false, cue.without_absolute);
        cue.absolute_gap_points = Some(round1(100.0 * gap));
    }
    cue
}

fn position(questions: &[&Question]) -> PositionCue {
    let mut counts = vec![0usize; POSITION_CHOICES];
    let mut n = 0;
    for q in questions {
        let Answer::Single { choices } = &q.answer else {
            continue;
        };
        if choices.len() != POSITION_CHOICES || correct_count(choices) != 1 {
            continue;
        }
        if let Some(slot) = choices
            .iter()
            .position(|c| c.correct)
            .and_then(|at| counts.get_mut(at))
        {
            *slot += 1;
            n += 1;
        }
    }
    PositionCue {
        choices: POSITION_CHOICES,
        questions: n,
        percent: (n >= MIN_SAMPLE).then(|| counts.iter().map(|&c| percent(c, n)).collect()),
        counts,
    }
}

fn correct_count(choices: &[Choice]) -> usize {
    choices.iter().filter(|c| c.correct).count()
}

/// The length of a choice as a learner sees it: backticks dropped, runs of whitespace counted
/// as one space, leading and trailing whitespace ignored (Python's `str.split()` whitespace).
pub fn shown_length(text: &str) -> usize {
    let is_space = |c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
    let stripped = text.replace('`', "");
    let words: Vec<&str> = stripped.split(is_space).filter(|w| !w.is_empty()).collect();
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    letters + words.len().saturating_sub(1)
}

/// Whether a true/false prompt holds one of [`ABSOLUTE_WORDS`] outside code: fences and
/// inline code spans are removed first, and `’` counts as `'`.
pub fn has_absolute(prompt: &str) -> bool {
    let prose = remove_delimited(&remove_delimited(prompt, "```"), "`")
        .to_lowercase()
        .replace('\u{2019}', "'");
    prose
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
        .any(|word| ABSOLUTE_WORDS.contains(&word))
}

/// Replaces each `mark … mark` span (shortest, left to right) with a space; an unclosed mark
/// stays as it is. The same matches as the regexes `` ```.*?``` `` (dot-all) and `` `[^`]*` ``.
fn remove_delimited(text: &str, mark: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(mark) {
        let after = open + mark.len();
        let Some(close) = rest.get(after..).and_then(|tail| tail.find(mark)) else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or_default());
        out.push(' ');
        rest = rest.get(after + close + mark.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `count` in percent of `of`, computed and rounded as `cues.py` prints it.
fn percent(count: usize, of: usize) -> f64 {
    round1(100.0 * (count as f64 / of as f64))
}

/// One decimal, rounding the exact binary value half to even, as Python's `f"{x:.1f}"` does.
fn round1(x: f64) -> f64 {
    format!("{x:.1}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PythonRange;

    fn question(id: usize, difficulty: Difficulty, answer: Answer) -> Question {
        Question {
            id: format!("q-{id}"),
            topic: "t".into(),
            category: "c".into(),
            difficulty,
            tags: vec!["t".into()],
            prompt: "Prompt".into(),
            code: None,
            explanation: "Because.".into(),
            python: None,
            answer,
        }
    }

    fn choices(texts: &[&str], correct: &[usize]) -> Vec<Choice> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Choice {
                text: (*t).into(),
                correct: correct.contains(&i),
                why: None,
            })
            .collect()
    }

    fn single(id: usize, texts: &[&str], correct: usize) -> Question {
        let choices = choices(texts, &[correct]);
        question(id, Difficulty::Easy, Answer::Single { choices })
    }

    fn statement(id: usize, prompt: &str, answer: bool) -> Question {
        let mut q = question(id, Difficulty::Medium, Answer::TrueFalse { answer });
        q.prompt = prompt.into();
        q
    }

    fn profile(questions: &[Question]) -> Profile {
        Profile::of(questions)
    }

    #[test]
    fn shown_length_ignores_backticks_and_collapses_whitespace() {
        assert_eq!(shown_length("`a`  b\n\tc "), 5, "\"a b c\"");
        assert_eq!(shown_length("héllo"), 5, "characters, not bytes");
        assert_eq!(
            shown_length("a\u{1f}b"),
            3,
            "Python's split() treats \\x1f as space"
        );
        assert_eq!(shown_length("  "), 0);
    }

    #[test]
    fn absolute_words_count_only_as_whole_words_outside_code() {
        assert!(has_absolute("A set is **always** unordered."));
        assert!(
            has_absolute("You can\u{2019}t pickle a lambda."),
            "curly apostrophe"
        );
        assert!(has_absolute("Everything is an object."), "case-insensitive");
        assert!(
            !has_absolute("`all()` of an empty list is `True`."),
            "inside a span"
        );
        assert!(
            !has_absolute("```\nnever = 1\n```\nThe code prints 1."),
            "inside a fence"
        );
        assert!(
            !has_absolute("The call finally returns."),
            "`all` inside a word"
        );
        assert!(!has_absolute("It is only_once."), "`_` joins words");
        assert!(
            !has_absolute("Don't call it."),
            "\"don't\" is not \"can't\""
        );
        assert!(
            has_absolute("An unclosed ` span is only prose."),
            "an unclosed mark is text"
        );
    }

    #[test]
    fn longest_counts_a_strictly_longest_correct_choice() {
        let mut qs: Vec<Question> = (0..3)
            .map(|i| single(i, &["the long right one", "short", "tiny"], 0))
            .collect();
        qs.push(single(3, &["same", "same!"], 0));
        qs.push(single(4, &["tie1", "tie2", "`x`"], 0));
        qs.extend((5..10).map(|i| single(i, &["a", "bb", "cc", "dd"], 0)));
        let cue = profile(&qs).answer_cues.longest;
        assert_eq!((cue.questions, cue.correct_longest), (10, 3));
        assert_eq!(cue.percent, Some(30.0));
        // Chance: 3 × 1/3 + 1/2 + 1/3 + 5 × 1/4 = 3.0833… of 10 questions.
        assert_eq!(cue.chance_percent, Some(30.8));
    }

    #[test]
    fn small_samples_report_counts_but_no_share() {
        let qs: Vec<Question> = (0..9).map(|i| single(i, &["long one", "s"], 0)).collect();
        let cues = profile(&qs).answer_cues;
        assert_eq!(cues.longest.correct_longest, 9);
        assert_eq!(cues.longest.percent, None);
        assert_eq!(cues.position.percent, None);
        assert_eq!(cues.multiple.exactly_one_percent, None);
        assert_eq!(cues.true_false.true_percent, None);
    }

    #[test]
    fn multiple_counts_exactly_one_and_all_correct() {
        let texts = ["a", "b", "c", "d"];
        let qs: Vec<Question> = [&[0][..], &[0, 1], &[0, 1, 2], &[0, 1, 2, 3]]
            .iter()
            .cycle()
            .take(12)
            .enumerate()
            .map(|(i, right)| {
                let choices = choices(&texts, right);
                question(i, Difficulty::Hard, Answer::Multiple { choices })
            })
            .collect();
        let cue = profile(&qs).answer_cues.multiple;
        assert_eq!(
            (cue.questions, cue.exactly_one, cue.all_correct),
            (12, 3, 3)
        );
        assert_eq!(cue.exactly_one_percent, Some(25.0));
        assert_eq!(cue.all_correct_percent, Some(25.0));
        assert_eq!(
            cue.by_correct,
            BTreeMap::from([(1, 3), (2, 3), (3, 3), (4, 3)])
        );
    }

    #[test]
    fn true_false_share_and_absolute_gap() {
        // 10 with an absolute word (8 false), 12 without (3 false).
        let mut qs = Vec::new();
        for i in 0..10 {
            qs.push(statement(i, "It never fails.", i >= 8));
        }
        for i in 10..22 {
            qs.push(statement(i, "It `never` fails.", i >= 13));
        }
        let cue = profile(&qs).answer_cues.true_false;
        assert_eq!((cue.questions, cue.true_count), (22, 11));
        assert_eq!(cue.true_percent, Some(50.0));
        assert_eq!((cue.with_absolute, cue.with_absolute_false), (10, 8));
        assert_eq!((cue.without_absolute, cue.without_absolute_false), (12, 3));
        assert_eq!(cue.absolute_gap_points, Some(55.0), "80 % - 25 %");

        qs.truncate(19); // 9 without an absolute word: too few to compare
        assert_eq!(
            profile(&qs).answer_cues.true_false.absolute_gap_points,
            None
        );
    }

    #[test]
    fn position_tallies_four_choice_singles_only() {
        let four = ["a", "b", "c", "d"];
        let mut qs: Vec<Question> = (0..12).map(|i| single(i, &four, i % 3)).collect();
        qs.push(single(12, &["a", "b", "c"], 2));
        qs.push(single(13, &["a", "b", "c", "d", "e"], 4));
        let cue = profile(&qs).answer_cues.position;
        assert_eq!((cue.choices, cue.questions), (4, 12));
        assert_eq!(cue.counts, vec![4, 4, 4, 0]);
        assert_eq!(cue.percent, Some(vec![33.3, 33.3, 33.3, 0.0]));
    }

    #[test]
    fn difficulty_mix_and_python_ranges() {
        let mut qs: Vec<Question> = (0..8)
            .map(|i| {
                question(
                    i,
                    Difficulty::ALL[i % 3],
                    Answer::TrueFalse { answer: true },
                )
            })
            .collect();
        let newer = PythonRange::parse(">=3.12").ok();
        qs[0].python = newer.clone();
        qs[1].python = newer;
        qs[2].python = PythonRange::parse(">=3.11,<3.13").ok();
        let p = profile(&qs);
        let mix: Vec<f64> = p.difficulty_mix.values().copied().collect();
        assert_eq!(
            p.difficulty_mix.keys().collect::<Vec<_>>(),
            ["easy", "hard", "medium"]
        );
        assert_eq!(mix, [37.5, 25.0, 37.5]);
        assert_eq!(p.with_python, 3);
        assert_eq!(
            p.by_python,
            BTreeMap::from([(">=3.11,<3.13".to_string(), 1), (">=3.12".to_string(), 2)])
        );
        assert_eq!(profile(&[]).difficulty_mix.get("easy"), Some(&0.0));
    }
}
