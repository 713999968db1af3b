//! Several banks asked as one: a custom bank with the built-in bank added
//! (`include-builtin`). Categories and topics keep each bank's order, the first bank's first.

use std::rc::Rc;

use crate::bank::{BankError, QuestionBank};
use crate::codec::CategoryEntry;
use crate::model::{Question, TopicInfo};

/// Banks joined: a topic's questions come from the bank that has it.
pub struct Combined {
    banks: Vec<Rc<dyn QuestionBank>>,
    categories: Vec<CategoryEntry>,
    topics: Vec<TopicInfo>,
    /// For each topic, the index of its bank.
    owner: Vec<usize>,
    version: u32,
}

impl Combined {
    /// Joins `banks`.
    ///
    /// # Errors
    /// A topic slug in two banks: a topic filter could not tell them apart.
    pub fn new(banks: Vec<Rc<dyn QuestionBank>>) -> Result<Combined, BankError> {
        let mut categories: Vec<CategoryEntry> = Vec::new();
        let mut topics: Vec<TopicInfo> = Vec::new();
        let mut owner = Vec::new();
        let mut version: u32 = 0x811c_9dc5;
        for (i, bank) in banks.iter().enumerate() {
            for c in bank.categories() {
                if !categories.iter().any(|x| x.0 == c.0) {
                    categories.push(c.clone());
                }
            }
            for t in bank.topics() {
                if topics.iter().any(|x| x.slug == t.slug) {
                    return Err(BankError(format!(
                        "topic \"{}\" is in the custom bank and in the built-in bank; rename it",
                        t.slug
                    )));
                }
                topics.push(t.clone());
                owner.push(i);
            }
            for b in bank.version().to_le_bytes() {
                version = (version ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
        }
        Ok(Combined {
            banks,
            categories,
            topics,
            owner,
            version,
        })
    }
}

impl QuestionBank for Combined {
    fn categories(&self) -> &[CategoryEntry] {
        &self.categories
    }

    fn topics(&self) -> &[TopicInfo] {
        &self.topics
    }

    fn questions(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        let bank = self
            .topics
            .iter()
            .position(|t| t.slug == topic.slug)
            .and_then(|i| self.owner.get(i))
            .and_then(|b| self.banks.get(*b))
            .ok_or_else(|| BankError(format!("no topic \"{}\"", topic.slug)))?;
        bank.questions(topic)
    }

    fn version(&self) -> u32 {
        self.version
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Difficulty};
    use crate::select::{Count, Selection};

    fn bank(topic: &str, n: usize) -> Rc<dyn QuestionBank> {
        let qs = (0..n)
            .map(|i| Question {
                id: format!("{topic}-{i}"),
                topic: topic.into(),
                category: format!("cat-{topic}"),
                difficulty: Difficulty::Easy,
                tags: vec![],
                prompt: "p".into(),
                code: None,
                explanation: "e".into(),
                python: None,
                answer: Answer::TrueFalse { answer: true },
            })
            .collect();
        Rc::new(crate::bank::MemoryBank::new(qs, vec![], &[]))
    }

    #[test]
    fn a_combined_bank_draws_from_both_and_filters_by_either_topic() {
        let both = Combined::new(vec![bank("mine", 2), bank("builtin", 3)]).unwrap();
        assert_eq!(both.topics().len(), 2);
        let all = both
            .draw(&Selection {
                count: Count::All,
                ..Selection::default()
            })
            .unwrap();
        assert_eq!(all.picks.len(), 5);
        let mine = both
            .draw(&Selection {
                topics: vec!["mine".into()],
                count: Count::All,
                ..Selection::default()
            })
            .unwrap();
        assert!(mine.picks.iter().all(|p| p.question.topic == "mine"));
        assert_eq!(mine.picks.len(), 2);
    }

    #[test]
    fn the_same_topic_in_two_banks_is_an_error_naming_it() {
        let Err(e) = Combined::new(vec![bank("loops", 1), bank("loops", 1)]) else {
            panic!("accepted a duplicate topic");
        };
        assert!(e.0.contains("topic \"loops\""));
    }
}
