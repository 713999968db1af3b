//! What a quiz draws from: an index of topics (for filters and counts) and questions decoded
//! per topic, so a quiz on one topic never decodes the rest of the bank.

use std::fmt;

use crate::codec::CategoryEntry;
use crate::model::{Question, TopicInfo};
use crate::select::{Quiz, SelectError, Selection, select};

/// A source of questions: the built-in bank, or one a host supplies.
pub trait QuestionBank {
    /// Categories (slug, title) in display order.
    fn categories(&self) -> &[CategoryEntry];
    /// Every topic with its counts.
    fn topics(&self) -> &[TopicInfo];
    /// The questions of one topic, in bank order.
    ///
    /// # Errors
    /// A [`BankError`] when the topic's data cannot be read (corrupt embedded data).
    fn questions(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError>;

    /// A fingerprint of the bank's content: a seed replays the same quiz only on the same
    /// version. 0 when unknown.
    fn version(&self) -> u32 {
        0
    }

    /// Draws a quiz, decoding only the topics `sel` can use.
    ///
    /// # Errors
    /// See [`select`]; [`SelectError::Bank`] when a topic it needs cannot be read.
    fn draw(&self, sel: &Selection) -> Result<Quiz, SelectError> {
        let mut questions: Vec<Question> = Vec::new();
        // Pinned ids may be in any topic.
        for t in self
            .topics()
            .iter()
            .filter(|t| !sel.ids.is_empty() || sel.wants_topic(t))
        {
            questions.extend(self.questions(t).map_err(SelectError::Bank)?);
        }
        select(&questions, sel)
    }
}

/// A bank whose data cannot be read: the message says what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankError(pub String);

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BankError {}

/// A bank held fully in memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryBank {
    categories: Vec<CategoryEntry>,
    topics: Vec<TopicInfo>,
    questions: Vec<Question>,
}

impl MemoryBank {
    /// Builds a bank from questions; topics and counts are derived from them, in first-seen
    /// order, titled by slug unless `titles` names them.
    pub fn new(
        questions: Vec<Question>,
        categories: Vec<CategoryEntry>,
        titles: &[(String, String)],
    ) -> MemoryBank {
        let mut topics: Vec<TopicInfo> = Vec::new();
        for q in &questions {
            let idx = match topics.iter().position(|t| t.slug == q.topic) {
                Some(i) => i,
                None => {
                    let title = titles
                        .iter()
                        .find(|(s, _)| *s == q.topic)
                        .map_or(&q.topic, |(_, t)| t);
                    topics.push(TopicInfo {
                        slug: q.topic.clone(),
                        title: title.clone(),
                        category: q.category.clone(),
                        counts: [0; 3],
                    });
                    topics.len() - 1
                }
            };
            if let Some(c) = topics
                .get_mut(idx)
                .and_then(|t| t.counts.get_mut(q.difficulty.index()))
            {
                *c += 1;
            }
        }
        MemoryBank {
            categories,
            topics,
            questions,
        }
    }
}

impl QuestionBank for MemoryBank {
    fn categories(&self) -> &[CategoryEntry] {
        &self.categories
    }

    fn topics(&self) -> &[TopicInfo] {
        &self.topics
    }

    fn questions(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        Ok(self
            .questions
            .iter()
            .filter(|q| q.topic == topic.slug)
            .cloned()
            .collect())
    }
}
