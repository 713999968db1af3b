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

    /// The questions of one topic in outline ([`crate::codec::decode_outline`]): what
    /// [`select`] reads, with every text empty. A bank that stores topics encoded reads only
    /// their headers and ids; by default, the questions themselves.
    ///
    /// # Errors
    /// As [`QuestionBank::questions`].
    fn outline(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        self.questions(topic)
    }

    /// Whether the topic holds a question with one of `ids`: a draw of pinned ids outlines
    /// only the topics that do. A bank that stores topics encoded reads only their ids.
    ///
    /// # Errors
    /// As [`QuestionBank::questions`].
    fn holds_any(&self, topic: &TopicInfo, ids: &[String]) -> Result<bool, BankError> {
        Ok(self.outline(topic)?.iter().any(|q| ids.contains(&q.id)))
    }

    /// Draws a quiz: from the outlines of the topics `sel` can use (pinned ids may be in any
    /// topic), then decodes in full only the topics of the questions drawn. The same quiz as
    /// [`select`] over the full questions, since it reads nothing an outline leaves out.
    ///
    /// # Errors
    /// See [`select`]; [`SelectError::Bank`] when a topic it needs cannot be read, or does
    /// not hold a question its outline has.
    fn draw(&self, sel: &Selection) -> Result<Quiz, SelectError> {
        let mut outlines: Vec<Question> = Vec::new();
        for t in self.topics() {
            let wanted = if sel.ids.is_empty() {
                sel.wants_topic(t)
            } else {
                self.holds_any(t, &sel.ids).map_err(SelectError::Bank)?
            };
            if wanted {
                outlines.extend(self.outline(t).map_err(SelectError::Bank)?);
            }
        }
        let mut quiz = select(&outlines, sel)?;
        for t in self.topics() {
            if !quiz.picks.iter().any(|p| p.question.topic == t.slug) {
                continue;
            }
            let full = self.questions(t).map_err(SelectError::Bank)?;
            for pick in quiz.picks.iter_mut().filter(|p| p.question.topic == t.slug) {
                let question = full
                    .iter()
                    .find(|q| q.id == pick.question.id)
                    .ok_or_else(|| {
                        SelectError::Bank(BankError(format!(
                            "topic \"{}\" has no question \"{}\", which its outline lists",
                            t.slug, pick.question.id
                        )))
                    })?;
                pick.question = question.clone();
            }
        }
        Ok(quiz)
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

/// A bank given at run time as one blob ([`crate::codec::encode_bank`]): the index is decoded
/// once, a topic's questions only when a quiz asks for them. Its version is the blob's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlobBank {
    blob: Box<[u8]>,
    categories: Vec<CategoryEntry>,
    topics: Vec<TopicInfo>,
    /// The byte range of each topic's blob, in `topics` order.
    ranges: Vec<std::ops::Range<usize>>,
    version: u32,
}

impl BlobBank {
    /// Reads the blob's index and checks that every topic's data is there.
    ///
    /// # Errors
    /// A blob that is not a whole compiled bank: the message says so.
    pub fn new(blob: impl Into<Box<[u8]>>) -> Result<BlobBank, BankError> {
        let blob = blob.into();
        let (categories, topics, ranges) = crate::codec::split_bank(&blob).ok_or_else(|| {
            corrupt("it is not a whole compiled bank (truncated, altered or of another version)")
        })?;
        let version = crate::codec::fingerprint(&blob);
        Ok(BlobBank {
            blob,
            categories,
            topics,
            ranges,
            version,
        })
    }

    /// Number of questions, from the index.
    pub fn len(&self) -> usize {
        self.topics
            .iter()
            .map(|t| t.counts.iter().map(|&c| c as usize).sum::<usize>())
            .sum()
    }

    /// Whether the bank has no questions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl BlobBank {
    /// The index entry and the byte range of `topic`.
    fn find(&self, topic: &TopicInfo) -> Result<(&TopicInfo, &std::ops::Range<usize>), BankError> {
        self.topics
            .iter()
            .zip(&self.ranges)
            .find(|(t, _)| t.slug == topic.slug)
            .ok_or_else(|| BankError(format!("the bank has no topic \"{}\"", topic.slug)))
    }
}

fn corrupt(what: &str) -> BankError {
    BankError(format!("the question bank is corrupt: {what}"))
}

impl QuestionBank for BlobBank {
    fn categories(&self) -> &[CategoryEntry] {
        &self.categories
    }

    fn topics(&self) -> &[TopicInfo] {
        &self.topics
    }

    fn outline(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        let (info, range) = self.find(topic)?;
        self.blob
            .get(range.clone())
            .and_then(|b| crate::codec::decode_outline(b, &info.slug, &info.category))
            .ok_or_else(|| corrupt(&format!("topic \"{}\" does not decode", info.slug)))
    }

    fn holds_any(&self, topic: &TopicInfo, ids: &[String]) -> Result<bool, BankError> {
        let (info, range) = self.find(topic)?;
        self.blob
            .get(range.clone())
            .and_then(|bytes| crate::codec::holds_any(bytes, ids))
            .ok_or_else(|| corrupt(&format!("topic \"{}\" does not decode", info.slug)))
    }

    fn questions(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        let (info, range) = self.find(topic)?;
        let questions = self
            .blob
            .get(range.clone())
            .and_then(|b| crate::codec::decode_topic(b, &info.slug, &info.category))
            .ok_or_else(|| corrupt(&format!("topic \"{}\" does not decode", info.slug)))?;
        let mut counts = [0u32; 3];
        for q in &questions {
            if let Some(c) = counts.get_mut(q.difficulty.index()) {
                *c += 1;
            }
        }
        if counts != info.counts {
            return Err(corrupt(&format!(
                "topic \"{}\" does not match the index",
                info.slug
            )));
        }
        Ok(questions)
    }

    fn version(&self) -> u32 {
        self.version
    }
}
