//! Golden test: a seed names one quiz. Shared quiz links carry only the seed and the filters,
//! so the same seed must draw the same questions, in the same order, with the same choice
//! order, in every release. If this test fails, the shuffle or the selection changed and every
//! link already shared now opens a different quiz: bump the link format (or the bank version)
//! rather than updating the expectations.
//!
//! The expected values were recorded from the implementation as it was when the test was
//! written (PCG32 seeded by `Rng::new`, Fisher–Yates over the filtered pool in bank order).

use quiz_core::{
    Answer, Choice, Count, Difficulty, MemoryBank, Question, QuestionBank, SelectError, Selection,
    select,
};

/// A fixed bank: 12 questions over 3 topics in 2 categories, every difficulty, with choices
/// and order items so the display order is pinned too. Topic by topic, as banks hold them.
fn bank() -> Vec<Question> {
    let topics = [("alpha", "one"), ("beta", "one"), ("gamma", "two")];
    topics
        .iter()
        .flat_map(|t| std::iter::repeat_n(t, 4))
        .zip(Difficulty::ALL.into_iter().cycle())
        .enumerate()
        .map(|(i, ((topic, category), difficulty))| Question {
            id: format!("{topic}-{i}"),
            topic: (*topic).into(),
            category: (*category).into(),
            difficulty,
            tags: vec!["t".into()],
            prompt: format!("Prompt {i}"),
            code: None,
            explanation: "Because.".into(),
            python: None,
            answer: if i % 4 == 3 {
                Answer::Order {
                    items: (0..4).map(|k| format!("step {k}")).collect(),
                }
            } else {
                Answer::Single {
                    choices: (0..4)
                        .map(|k| Choice {
                            text: format!("choice {k}"),
                            correct: k == 0,
                            why: None,
                        })
                        .collect(),
                }
            },
        })
        .collect()
}

/// Ids and display orders drawn for `sel`, by `select` and by a bank through its trait.
fn draw(sel: &Selection) -> Result<Vec<(String, Vec<usize>)>, SelectError> {
    let quiz = select(&bank(), sel)?;
    let memory = MemoryBank::new(bank(), vec![], &[]);
    assert_eq!(memory.draw(sel), Ok(quiz.clone()));
    Ok(quiz
        .picks
        .into_iter()
        .map(|p| (p.question.id, p.order))
        .collect())
}

fn ids(drawn: &[(String, Vec<usize>)]) -> Vec<&str> {
    drawn.iter().map(|(id, _)| id.as_str()).collect()
}

#[test]
fn seed_to_questions_is_pinned() {
    let cases: [(Selection, &[&str]); 5] = [
        (
            Selection {
                seed: 1,
                ..Selection::default()
            },
            &[
                "alpha-1", "beta-6", "gamma-9", "beta-5", "alpha-0", "gamma-11", "gamma-10",
                "alpha-2", "beta-7", "gamma-8", "beta-4", "alpha-3",
            ],
        ),
        (
            Selection {
                seed: 2024,
                count: Count::Total(5),
                ..Selection::default()
            },
            &["gamma-11", "beta-4", "alpha-0", "alpha-1", "beta-5"],
        ),
        (
            Selection {
                seed: 7,
                count: Count::Mix([1, 2, 1]),
                ..Selection::default()
            },
            &["beta-6", "beta-7", "alpha-1", "gamma-8"],
        ),
        (
            Selection {
                seed: 99,
                topics: vec!["one".into()],
                difficulties: vec![Difficulty::Easy, Difficulty::Hard],
                ..Selection::default()
            },
            &["beta-6", "alpha-2", "alpha-0", "beta-5", "alpha-3"],
        ),
        (
            Selection {
                seed: u32::MAX,
                topics: vec!["gamma".into()],
                count: Count::Total(3),
                ..Selection::default()
            },
            &["gamma-11", "gamma-9", "gamma-8"],
        ),
    ];
    for (sel, want) in cases {
        let drawn = draw(&sel).unwrap();
        assert_eq!(ids(&drawn), want, "seed {}", sel.seed);
    }
}

#[test]
fn seed_to_display_order_is_pinned() {
    let drawn = draw(&Selection {
        seed: 31337,
        ..Selection::default()
    })
    .unwrap();
    let want: Vec<(&str, Vec<usize>)> = vec![
        ("gamma-9", vec![1, 0, 2, 3]),
        ("alpha-0", vec![0, 3, 1, 2]),
        ("gamma-8", vec![2, 0, 3, 1]),
        ("beta-6", vec![0, 1, 2, 3]),
        ("alpha-3", vec![0, 3, 1, 2]),
        ("alpha-1", vec![2, 3, 0, 1]),
        ("beta-5", vec![0, 1, 2, 3]),
        ("gamma-10", vec![1, 3, 2, 0]),
        ("beta-7", vec![0, 3, 1, 2]),
        ("beta-4", vec![1, 2, 3, 0]),
        ("alpha-2", vec![3, 2, 1, 0]),
        ("gamma-11", vec![3, 1, 0, 2]),
    ];
    let got: Vec<(&str, Vec<usize>)> = drawn
        .iter()
        .map(|(id, order)| (id.as_str(), order.clone()))
        .collect();
    assert_eq!(got, want);
}
