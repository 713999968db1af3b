//! Grading: the one place that decides whether a learner's response is right, per kind.

use crate::model::{Answer, Question};
use crate::text::{normalize_output, normalize_text};

/// What a learner answered. Choice and item numbers are indexes into the question's
/// authored lists (the display order is a separate permutation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// One picked choice (`single`, or `output` with choices).
    Choice(usize),
    /// The set of picked choices (`multiple`).
    Choices(Vec<usize>),
    /// True or false.
    Bool(bool),
    /// Typed text (`text`, or `output` without choices).
    Text(String),
    /// Authored item indexes in the order the learner put them (`order`).
    Order(Vec<usize>),
}

impl Response {
    /// Whether this is a response `answer` can take at all: the right kind, and choice or
    /// item numbers in range (for data read back from storage, which may be edited).
    pub fn fits(&self, answer: &Answer) -> bool {
        let distinct_below = |is: &[usize], n: usize| {
            is.iter().all(|i| *i < n)
                && is
                    .iter()
                    .enumerate()
                    .all(|(k, i)| !is.iter().take(k).any(|x| x == i))
        };
        match (answer, self) {
            (Answer::Single { choices } | Answer::Output { choices, .. }, Response::Choice(i)) => {
                *i < choices.len()
            }
            (Answer::Multiple { choices }, Response::Choices(is)) => {
                distinct_below(is, choices.len())
            }
            (Answer::TrueFalse { .. }, Response::Bool(_)) => true,
            (Answer::Output { choices, .. }, Response::Text(_)) => choices.is_empty(),
            (Answer::Text { .. }, Response::Text(_)) => true,
            (Answer::Order { items }, Response::Order(is)) => {
                is.len() == items.len() && distinct_below(is, items.len())
            }
            _ => false,
        }
    }
}

/// Whether `response` answers `question` correctly. A response of the wrong shape is wrong.
pub fn grade(question: &Question, response: &Response) -> bool {
    match (&question.answer, response) {
        (Answer::Single { choices } | Answer::Output { choices, .. }, Response::Choice(i)) => {
            choices.get(*i).is_some_and(|c| c.correct)
        }
        (Answer::Multiple { choices }, Response::Choices(picked)) => {
            choices
                .iter()
                .enumerate()
                .all(|(i, c)| c.correct == picked.contains(&i))
                && picked.iter().all(|i| *i < choices.len())
        }
        (Answer::TrueFalse { answer }, Response::Bool(b)) => answer == b,
        (Answer::Output { output, choices }, Response::Text(typed)) if choices.is_empty() => {
            normalize_output(typed) == normalize_output(output)
        }
        (Answer::Text { accept }, Response::Text(typed)) => {
            let typed = normalize_text(typed);
            !typed.is_empty() && accept.iter().any(|a| normalize_text(a) == typed)
        }
        (Answer::Order { items }, Response::Order(order)) => {
            order.len() == items.len() && order.iter().enumerate().all(|(pos, i)| pos == *i)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Difficulty};

    fn q(answer: Answer) -> Question {
        Question {
            id: "q".into(),
            topic: "t".into(),
            category: "c".into(),
            difficulty: Difficulty::Easy,
            tags: vec!["x".into()],
            prompt: "p".into(),
            code: None,
            explanation: "e".into(),
            python: None,
            answer,
        }
    }

    fn choices(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .enumerate()
            .map(|(i, c)| Choice {
                text: format!("c{i}"),
                correct: *c,
                why: None,
            })
            .collect()
    }

    #[test]
    fn single_is_right_only_on_the_correct_choice() {
        let q = q(Answer::Single {
            choices: choices(&[false, true, false]),
        });
        assert!(grade(&q, &Response::Choice(1)));
        assert!(!grade(&q, &Response::Choice(0)));
        assert!(
            !grade(&q, &Response::Choice(9)),
            "out of range is wrong, not a panic"
        );
        assert!(!grade(&q, &Response::Bool(true)), "wrong shape is wrong");
    }

    #[test]
    fn multiple_is_all_or_nothing() {
        let q = q(Answer::Multiple {
            choices: choices(&[true, false, true]),
        });
        assert!(grade(&q, &Response::Choices(vec![2, 0])));
        assert!(
            !grade(&q, &Response::Choices(vec![0])),
            "missing one correct"
        );
        assert!(
            !grade(&q, &Response::Choices(vec![0, 1, 2])),
            "one wrong extra"
        );
        assert!(
            !grade(&q, &Response::Choices(vec![0, 2, 7])),
            "out of range"
        );
    }

    #[test]
    fn typed_output_normalises_line_endings_and_trailing_spaces_but_not_case() {
        let q = q(Answer::Output {
            output: "[1, 2]\nTrue\n".into(),
            choices: vec![],
        });
        assert!(grade(&q, &Response::Text("[1, 2]  \r\nTrue".into())));
        assert!(!grade(&q, &Response::Text("[1, 2]\ntrue".into())));
        assert!(!grade(&q, &Response::Text("[1,2]\nTrue".into())));
    }

    #[test]
    fn text_ignores_case_and_whitespace_and_rejects_empty() {
        let q = q(Answer::Text {
            accept: vec!["__slots__".into(), "slots".into()],
        });
        assert!(grade(&q, &Response::Text("  SLOTS ".into())));
        assert!(!grade(&q, &Response::Text("slot".into())));
        assert!(!grade(&q, &Response::Text("   ".into())));
    }

    #[test]
    fn order_must_be_exact() {
        let q = q(Answer::Order {
            items: vec!["a".into(), "b".into(), "c".into()],
        });
        assert!(grade(&q, &Response::Order(vec![0, 1, 2])));
        assert!(!grade(&q, &Response::Order(vec![1, 0, 2])));
        assert!(!grade(&q, &Response::Order(vec![0, 1])));
    }

    #[test]
    fn true_false() {
        let q = q(Answer::TrueFalse { answer: false });
        assert!(grade(&q, &Response::Bool(false)));
        assert!(!grade(&q, &Response::Bool(true)));
    }
}
