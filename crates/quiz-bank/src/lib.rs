//! The built-in Python question bank. `build.rs` validates `content/` and encodes it; this
//! crate embeds the result and decodes a topic only when a quiz asks for it.
#![deny(missing_docs)]

use include_dir::{Dir, include_dir};
use quiz_core::codec::{self, CategoryEntry};
use quiz_core::{Question, QuestionBank, TopicInfo};

static BANK: Dir<'static> = include_dir!("$OUT_DIR/bank");

/// The embedded bank: its index, decoded once; questions decoded per topic on demand.
#[derive(Debug)]
pub struct Builtin {
    categories: Vec<CategoryEntry>,
    topics: Vec<TopicInfo>,
}

impl Builtin {
    /// Decodes the embedded index. The build validated it, so a failure here means a corrupt
    /// binary; it yields an empty bank rather than a panic.
    pub fn load() -> Builtin {
        let (categories, topics) = BANK
            .get_file("index.bin")
            .and_then(|f| codec::decode_index(f.contents()))
            .unwrap_or_default();
        Builtin { categories, topics }
    }
}

impl QuestionBank for Builtin {
    fn categories(&self) -> &[CategoryEntry] {
        &self.categories
    }

    fn topics(&self) -> &[TopicInfo] {
        &self.topics
    }

    fn questions(&self, topic: &TopicInfo) -> Vec<Question> {
        BANK.get_file(format!("{}.bin", topic.slug))
            .and_then(|f| codec::decode_topic(f.contents(), &topic.slug, &topic.category))
            .unwrap_or_default()
    }

    fn version(&self) -> u32 {
        version()
    }
}

/// A short fingerprint of the embedded bank's content, carried in shared quiz links so a
/// seed is only replayed against the bank it was drawn from.
pub fn version() -> u32 {
    // FNV-1a over every embedded file, in name order.
    let mut files: Vec<_> = BANK.files().collect();
    files.sort_by_key(|f| f.path());
    let mut h: u32 = 0x811c_9dc5;
    for f in files {
        for b in f
            .path()
            .to_string_lossy()
            .bytes()
            .chain(f.contents().iter().copied())
        {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_core::{Count, Selection};

    #[test]
    fn every_indexed_topic_decodes_with_its_counts() {
        let bank = Builtin::load();
        assert!(!bank.topics().is_empty());
        for t in bank.topics() {
            let qs = bank.questions(t);
            let mut counts = [0u32; 3];
            for q in &qs {
                counts[q.difficulty.index()] += 1;
                assert_eq!(q.topic, t.slug);
            }
            assert_eq!(counts, t.counts, "topic {}", t.slug);
        }
    }

    #[test]
    fn the_embedded_bank_decodes_to_the_validated_content_minus_tags() {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let parsed = quiz_core::parse::load_dir(&content, "content").unwrap();
        let bank = Builtin::load();
        assert_eq!(bank.topics().len(), parsed.topics.len());
        for (t, p) in bank.topics().iter().zip(&parsed.topics) {
            let mut expected = p.questions.clone();
            for q in &mut expected {
                q.tags.clear();
            }
            assert_eq!(bank.questions(t), expected, "topic {}", t.slug);
        }
    }

    #[test]
    fn a_topic_quiz_draws_only_from_that_topic() {
        let bank = Builtin::load();
        let t = bank
            .topics()
            .iter()
            .find(|t| t.counts.iter().sum::<u32>() > 0)
            .unwrap()
            .clone();
        let sel = Selection {
            topics: vec![t.slug.clone()],
            count: Count::All,
            ..Selection::default()
        };
        let quiz = bank.draw(&sel).unwrap();
        assert!(quiz.picks.iter().all(|p| p.question.topic == t.slug));
        assert_eq!(quiz.picks.len() as u32, t.counts.iter().sum::<u32>());
    }
}
