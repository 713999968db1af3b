//! Several banks asked as one: a custom bank with the built-in bank added
//! (`include-builtin`). Categories and topics keep each bank's order, the first bank's first;
//! a topic slug in several banks is one topic with the questions of all of them.

use std::rc::Rc;

use crate::bank::{BankError, QuestionBank};
use crate::codec::CategoryEntry;
use crate::model::{Question, TopicInfo};

/// Banks joined: a topic's questions come from the bank that has it.
pub struct Combined {
    banks: Vec<Rc<dyn QuestionBank>>,
    categories: Vec<CategoryEntry>,
    topics: Vec<TopicInfo>,
    /// For each topic, the indexes of the banks that have it.
    owners: Vec<Vec<usize>>,
    version: u32,
}

impl Combined {
    /// Joins `banks`.
    pub fn new(banks: Vec<Rc<dyn QuestionBank>>) -> Combined {
        let mut categories: Vec<CategoryEntry> = Vec::new();
        let mut topics: Vec<TopicInfo> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut version: u32 = 0x811c_9dc5;
        for (i, bank) in banks.iter().enumerate() {
            for c in bank.categories() {
                if !categories.iter().any(|x| x.0 == c.0) {
                    categories.push(c.clone());
                }
            }
            for t in bank.topics() {
                match topics.iter().position(|x| x.slug == t.slug) {
                    Some(j) => {
                        if let (Some(topic), Some(owner)) = (topics.get_mut(j), owners.get_mut(j)) {
                            for (sum, n) in topic.counts.iter_mut().zip(t.counts) {
                                *sum = sum.saturating_add(n);
                            }
                            owner.push(i);
                        }
                    }
                    None => {
                        topics.push(t.clone());
                        owners.push(vec![i]);
                    }
                }
            }
            for b in bank.version().to_le_bytes() {
                version = (version ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
        }
        Combined {
            banks,
            categories,
            topics,
            owners,
            version,
        }
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
        self.gather(topic, |bank, own| bank.questions(own))
    }

    fn outline(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        self.gather(topic, |bank, own| bank.outline(own))
    }

    fn holds_any(&self, topic: &TopicInfo, ids: &[String]) -> Result<bool, BankError> {
        for (bank, own) in self.owners_of(topic)? {
            if bank.holds_any(own, ids)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn version(&self) -> u32 {
        self.version
    }
}

impl Combined {
    /// Each bank that has `topic`, with its own entry for it (its own counts).
    fn owners_of(
        &self,
        topic: &TopicInfo,
    ) -> Result<Vec<(&dyn QuestionBank, &TopicInfo)>, BankError> {
        let owners = self
            .topics
            .iter()
            .position(|t| t.slug == topic.slug)
            .and_then(|i| self.owners.get(i))
            .ok_or_else(|| BankError(format!("no topic \"{}\"", topic.slug)))?;
        Ok(owners
            .iter()
            .filter_map(|b| self.banks.get(*b))
            .filter_map(|bank| {
                let own = bank.topics().iter().find(|t| t.slug == topic.slug)?;
                Some((bank.as_ref(), own))
            })
            .collect())
    }

    /// `read` of each bank that has `topic`, with its own entry for it.
    fn gather(
        &self,
        topic: &TopicInfo,
        read: impl Fn(&dyn QuestionBank, &TopicInfo) -> Result<Vec<Question>, BankError>,
    ) -> Result<Vec<Question>, BankError> {
        let mut out = Vec::new();
        for (bank, own) in self.owners_of(topic)? {
            out.extend(read(bank, own)?);
        }
        Ok(out)
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
        let both = Combined::new(vec![bank("mine", 2), bank("builtin", 3)]);
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
    fn the_same_topic_in_two_banks_is_one_topic_with_both_banks_questions() {
        let mine = bank("loops", 1);
        let theirs = Rc::new(crate::bank::MemoryBank::new(
            vec![Question {
                id: "theirs".into(),
                ..mine.questions(&mine.topics()[0]).unwrap()[0].clone()
            }],
            vec![],
            &[],
        ));
        let both = Combined::new(vec![mine, theirs]);
        assert_eq!(both.topics().len(), 1);
        assert_eq!(both.topics()[0].counts.iter().sum::<u32>(), 2);
        let ids: Vec<String> = both
            .questions(&both.topics()[0])
            .unwrap()
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids, ["loops-0", "theirs"]);
    }
}
