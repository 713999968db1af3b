//! The built-in Python question bank. `build.rs` validates `content/` and encodes it; this
//! crate embeds the result and decodes a topic only when a quiz asks for it.
#![deny(missing_docs)]

use include_dir::{Dir, include_dir};
use quiz_core::codec::{self, CategoryEntry};
use quiz_core::{BankError, Question, QuestionBank, TopicInfo};

static BANK: Dir<'static> = include_dir!("$OUT_DIR/bank");

// `VERSION`, computed by build.rs from the files in `BANK`.
include!(concat!(env!("OUT_DIR"), "/version.rs"));

/// The embedded bank: its index, decoded once; questions decoded per topic on demand.
#[derive(Debug)]
pub struct Builtin {
    index: &'static [u8],
    categories: Vec<CategoryEntry>,
    topics: Vec<TopicInfo>,
    /// Each topic's encoded blob, in index order.
    files: Vec<&'static [u8]>,
}

impl Builtin {
    /// Decodes the embedded index and checks that every topic it lists is embedded.
    ///
    /// # Errors
    /// The build validated the content, so a failure means a corrupt binary; the error says
    /// what is wrong rather than yielding an empty bank.
    pub fn load() -> Result<Builtin, BankError> {
        Builtin::from_dir(&BANK)
    }

    fn from_dir(dir: &'static Dir<'static>) -> Result<Builtin, BankError> {
        // By name, looked up as strings: `Dir::get_file` compares `Path`s component by
        // component, which cost ~5 ms of a page's first question for 240 topics (issue 21).
        let mut by_name: Vec<(&str, &'static [u8])> = dir
            .files()
            .filter_map(|f| Some((f.path().to_str()?, f.contents())))
            .collect();
        by_name.sort_unstable_by_key(|(name, _)| *name);
        let get = |name: &str| {
            by_name
                .binary_search_by_key(&name, |(n, _)| *n)
                .ok()
                .and_then(|i| by_name.get(i))
                .map(|(_, bytes)| *bytes)
        };
        let index = get("index.bin").ok_or_else(|| corrupt("its index is missing"))?;
        let (categories, topics) =
            codec::decode_index(index).ok_or_else(|| corrupt("its index does not decode"))?;
        let files = topics
            .iter()
            .enumerate()
            .map(|(position, t)| {
                get(&codec::topic_file_name(position, &t.slug))
                    .ok_or_else(|| corrupt(&format!("topic \"{}\" is missing", t.slug)))
            })
            .collect::<Result<_, _>>()?;
        Ok(Builtin {
            index,
            categories,
            topics,
            files,
        })
    }

    /// The embedded bank as one bank blob (`quiz_core::BlobBank` reads it), for the
    /// exporters in the browser.
    pub fn blob(&self) -> Vec<u8> {
        codec::assemble_bank(self.index, &self.files)
    }

    /// The encoded blob of a topic of the index.
    fn file(&self, topic: &TopicInfo) -> Option<&'static [u8]> {
        let position = self.topics.iter().position(|t| t.slug == topic.slug)?;
        self.files.get(position).copied()
    }
}

fn corrupt(what: &str) -> BankError {
    BankError(format!("the built-in question bank is corrupt: {what}"))
}

impl QuestionBank for Builtin {
    fn categories(&self) -> &[CategoryEntry] {
        &self.categories
    }

    fn topics(&self) -> &[TopicInfo] {
        &self.topics
    }

    fn outline(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        self.file(topic)
            .and_then(|bytes| codec::decode_outline(bytes, &topic.slug, &topic.category))
            .ok_or_else(|| corrupt(&format!("topic \"{}\" does not decode", topic.slug)))
    }

    fn holds_any(&self, topic: &TopicInfo, ids: &[String]) -> Result<bool, BankError> {
        self.file(topic)
            .and_then(|bytes| codec::holds_any(bytes, ids))
            .ok_or_else(|| corrupt(&format!("topic \"{}\" does not decode", topic.slug)))
    }

    fn questions(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
        let questions = self
            .file(topic)
            .and_then(|bytes| codec::decode_topic(bytes, &topic.slug, &topic.category))
            .ok_or_else(|| corrupt(&format!("topic \"{}\" does not decode", topic.slug)))?;
        let mut counts = [0u32; 3];
        for q in &questions {
            if let Some(c) = counts.get_mut(q.difficulty.index()) {
                *c += 1;
            }
        }
        if counts != topic.counts {
            return Err(corrupt(&format!(
                "topic \"{}\" does not match the index",
                topic.slug
            )));
        }
        Ok(questions)
    }

    fn version(&self) -> u32 {
        VERSION
    }
}

/// A short fingerprint of the embedded bank's content, carried in shared quiz links so a
/// seed is only replayed against the bank it was drawn from. Computed at build time.
pub const fn version() -> u32 {
    VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_blob_reads_back_as_the_same_bank() {
        let bank = Builtin::load().unwrap();
        let blob = quiz_core::BlobBank::new(bank.blob()).unwrap();
        assert_eq!(blob.topics(), bank.topics());
        for t in bank.topics().iter().step_by(17) {
            assert_eq!(blob.questions(t).unwrap(), bank.questions(t).unwrap());
        }
    }
    use include_dir::{DirEntry, File};
    use quiz_core::{Count, Difficulty, SelectError, Selection};
    use std::collections::BTreeSet;

    fn load() -> Builtin {
        Builtin::load().unwrap()
    }

    /// Every question of the embedded bank, topic by topic.
    fn all_questions(bank: &Builtin) -> Vec<Question> {
        bank.topics()
            .iter()
            .flat_map(|t| bank.questions(t).unwrap())
            .collect()
    }

    fn drawn_ids(bank: &Builtin, sel: Selection) -> BTreeSet<String> {
        let quiz = bank.draw(&sel).unwrap();
        let ids: BTreeSet<String> = quiz.picks.iter().map(|p| p.question.id.clone()).collect();
        assert_eq!(ids.len(), quiz.picks.len(), "a question was drawn twice");
        ids
    }

    #[test]
    fn a_quiz_drawn_from_outlines_is_the_quiz_drawn_from_the_full_questions() {
        let bank = load();
        let blob = quiz_core::BlobBank::new(bank.blob()).unwrap();
        let all = all_questions(&bank);
        let first = bank.topics().first().unwrap();
        let order = all
            .iter()
            .find(|q| q.kind() == quiz_core::Kind::Order)
            .unwrap();
        let text = all
            .iter()
            .find(|q| q.kind() == quiz_core::Kind::Text)
            .unwrap();
        let pinned = vec![
            order.id.clone(),
            all.last().unwrap().id.clone(),
            text.id.clone(),
            all[0].id.clone(),
        ];
        let selections = [
            Selection {
                count: Count::Total(10),
                ..Selection::default()
            },
            Selection::default(),
            Selection {
                topics: vec![first.slug.clone(), "asyncio".into()],
                difficulties: vec![Difficulty::Hard, Difficulty::Easy],
                count: Count::Total(7),
                ..Selection::default()
            },
            Selection {
                topics: vec![first.category.clone()],
                count: Count::Mix([2, 3, 1]),
                ..Selection::default()
            },
            Selection {
                ids: pinned.clone(),
                ..Selection::default()
            },
        ];
        for sel in selections {
            for seed in 0..40 {
                let sel = Selection {
                    seed,
                    ..sel.clone()
                };
                let expected = quiz_core::select(&all, &sel).unwrap();
                assert_eq!(bank.draw(&sel).unwrap(), expected, "{sel:?}");
                assert_eq!(blob.draw(&sel).unwrap(), expected, "{sel:?}");
            }
        }
        let unknown = Selection {
            ids: vec![pinned[0].clone(), "no-such-id".into()],
            ..Selection::default()
        };
        assert_eq!(
            bank.draw(&unknown),
            Err(SelectError::UnknownIds(vec!["no-such-id".into()]))
        );
    }

    #[test]
    fn holds_any_finds_exactly_the_topics_that_hold_an_id() {
        let bank = load();
        let blob = quiz_core::BlobBank::new(bank.blob()).unwrap();
        let topics = bank.topics();
        for (i, t) in topics.iter().enumerate() {
            let own = bank.outline(t).unwrap().last().unwrap().id.clone();
            let other = &topics[(i + 1) % topics.len()];
            let foreign = bank.outline(other).unwrap()[0].id.clone();
            for b in [&bank as &dyn QuestionBank, &blob] {
                assert!(b.holds_any(t, &[foreign.clone(), own.clone()]).unwrap());
                assert!(
                    !b.holds_any(t, &[foreign.clone(), "no-such-id".into()])
                        .unwrap()
                );
            }
        }
    }

    /// The built-in bank, noting which topics a draw outlines.
    struct Counting {
        bank: Builtin,
        outlined: std::cell::RefCell<Vec<String>>,
    }

    impl QuestionBank for Counting {
        fn categories(&self) -> &[CategoryEntry] {
            self.bank.categories()
        }
        fn topics(&self) -> &[TopicInfo] {
            self.bank.topics()
        }
        fn questions(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
            self.bank.questions(topic)
        }
        fn outline(&self, topic: &TopicInfo) -> Result<Vec<Question>, BankError> {
            self.outlined.borrow_mut().push(topic.slug.clone());
            self.bank.outline(topic)
        }
        fn holds_any(&self, topic: &TopicInfo, ids: &[String]) -> Result<bool, BankError> {
            self.bank.holds_any(topic, ids)
        }
    }

    #[test]
    fn a_draw_of_pinned_ids_outlines_only_the_topics_holding_them() {
        let counting = Counting {
            bank: load(),
            outlined: Default::default(),
        };
        let topics = counting.topics().to_vec();
        let (a, b) = (&topics[3], &topics[topics.len() - 2]);
        let ids = vec![
            counting.bank.outline(b).unwrap()[0].id.clone(),
            counting.bank.outline(a).unwrap()[1].id.clone(),
        ];
        let quiz = counting
            .draw(&Selection {
                ids: ids.clone(),
                ..Selection::default()
            })
            .unwrap();
        let drawn: Vec<_> = quiz.picks.iter().map(|p| p.question.id.clone()).collect();
        assert_eq!(drawn.len(), 2);
        assert!(ids.iter().all(|id| drawn.contains(id)));
        assert_eq!(
            *counting.outlined.borrow(),
            vec![a.slug.clone(), b.slug.clone()]
        );
    }

    #[test]
    fn every_indexed_topic_decodes_with_its_counts() {
        let bank = load();
        assert!(!bank.topics().is_empty());
        for t in bank.topics() {
            let qs = bank.questions(t).unwrap();
            let mut counts = [0u32; 3];
            for q in &qs {
                counts[q.difficulty.index()] += 1;
                assert_eq!(q.topic, t.slug);
                assert_eq!(q.category, t.category);
            }
            assert_eq!(counts, t.counts, "topic {}", t.slug);
        }
    }

    #[test]
    fn the_embedded_bank_decodes_to_the_validated_content_minus_tags() {
        let content = std::path::Path::new(env!("QUIZ_BANK_CONTENT"));
        let parsed = quiz_core::parse::load_dir(content, "content").unwrap();
        let bank = load();
        assert_eq!(bank.topics().len(), parsed.topics.len());
        for (t, p) in bank.topics().iter().zip(&parsed.topics) {
            let mut expected = p.questions.clone();
            for q in &mut expected {
                q.tags.clear();
            }
            assert_eq!(bank.questions(t).unwrap(), expected, "topic {}", t.slug);
        }
    }

    #[test]
    fn every_topic_filter_draws_exactly_its_questions() {
        let bank = load();
        for t in bank.topics() {
            let sel = Selection {
                topics: vec![t.slug.clone()],
                count: Count::All,
                difficulties: Difficulty::ALL.to_vec(),
                ..Selection::default()
            };
            let expected: BTreeSet<String> = bank
                .questions(t)
                .unwrap()
                .into_iter()
                .map(|q| q.id)
                .collect();
            assert_eq!(drawn_ids(&bank, sel), expected, "topic {}", t.slug);
            assert_eq!(expected.len() as u32, t.counts.iter().sum::<u32>());
        }
    }

    #[test]
    fn every_category_is_reachable_and_its_filter_is_exact() {
        let bank = load();
        let all = all_questions(&bank);
        assert!(!bank.categories().is_empty());
        for (slug, title) in bank.categories() {
            let expected: BTreeSet<String> = all
                .iter()
                .filter(|q| q.category == *slug)
                .map(|q| q.id.clone())
                .collect();
            assert!(
                !expected.is_empty(),
                "category {slug} ({title}) has no question"
            );
            let sel = Selection {
                topics: vec![slug.clone()],
                count: Count::All,
                difficulties: Difficulty::ALL.to_vec(),
                ..Selection::default()
            };
            assert_eq!(drawn_ids(&bank, sel.clone()), expected, "category {slug}");
            let available: u32 = sel.available(bank.topics()).iter().sum();
            assert_eq!(available as usize, expected.len(), "category {slug}");
        }
        // And every topic belongs to a declared category.
        for t in bank.topics() {
            assert!(
                bank.categories().iter().any(|(c, _)| *c == t.category),
                "topic {} in undeclared category {}",
                t.slug,
                t.category
            );
        }
    }

    #[test]
    fn each_difficulty_filter_draws_exactly_that_difficulty() {
        let bank = load();
        let all = all_questions(&bank);
        let everything = Selection::default().available(bank.topics());
        for d in Difficulty::ALL {
            let expected: BTreeSet<String> = all
                .iter()
                .filter(|q| q.difficulty == d)
                .map(|q| q.id.clone())
                .collect();
            assert!(!expected.is_empty(), "no {d} question");
            assert_eq!(expected.len() as u32, everything[d.index()], "{d}");
            let sel = Selection {
                difficulties: vec![d],
                count: Count::All,
                ..Selection::default()
            };
            assert_eq!(drawn_ids(&bank, sel), expected, "{d}");
        }
    }

    #[test]
    fn the_version_is_the_fingerprint_of_the_embedded_files() {
        // The run-time computation build.rs replaced: FNV-1a over name then contents.
        let mut files: Vec<_> = BANK.files().collect();
        files.sort_by_key(|f| f.path());
        let mut h: u32 = 0x811c_9dc5;
        for f in files {
            let name = f.path().to_string_lossy().into_owned();
            for b in name.bytes().chain(f.contents().iter().copied()) {
                h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
        }
        assert_eq!(version(), h);
        assert_eq!(load().version(), h);
    }

    /// A bank made of the embedded files, with `change` applied (leaked: tests only).
    fn tampered(change: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> &'static Dir<'static> {
        let mut files: Vec<(String, Vec<u8>)> = BANK
            .files()
            .map(|f| {
                (
                    f.path().to_string_lossy().into_owned(),
                    f.contents().to_vec(),
                )
            })
            .collect();
        change(&mut files);
        let entries: Vec<DirEntry<'static>> = files
            .into_iter()
            .map(|(name, bytes)| {
                DirEntry::File(File::new(
                    Box::leak(name.into_boxed_str()),
                    Box::leak(bytes.into_boxed_slice()),
                ))
            })
            .collect();
        Box::leak(Box::new(Dir::new(
            "",
            Box::leak(entries.into_boxed_slice()),
        )))
    }

    fn file<'a>(files: &'a mut [(String, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
        &mut files.iter_mut().find(|(n, _)| n == name).unwrap().1
    }

    /// The embedded file of a topic, named by its position in the index.
    fn file_name(slug: &str) -> String {
        let position = load().topics().iter().position(|t| t.slug == slug).unwrap();
        codec::topic_file_name(position, slug)
    }

    #[test]
    fn the_topic_files_lie_in_index_order() {
        // include_dir embeds files in name order: the names keep a category's topics
        // together in the wasm, which is what makes the bank compress (issue 21).
        let mut names: Vec<String> = BANK
            .files()
            .map(|f| f.path().to_string_lossy().into_owned())
            .filter(|n| n != "index.bin")
            .collect();
        names.sort();
        let in_index: Vec<String> = load().topics().iter().map(|t| file_name(&t.slug)).collect();
        assert_eq!(names, in_index);
    }

    fn load_error(dir: &'static Dir<'static>) -> String {
        Builtin::from_dir(dir).unwrap_err().to_string()
    }

    #[test]
    fn the_untampered_copy_loads() {
        let bank = Builtin::from_dir(tampered(|_| {})).unwrap();
        assert_eq!(bank.topics(), load().topics());
        assert!(bank.draw(&Selection::default()).is_ok());
    }

    #[test]
    fn a_corrupt_or_missing_index_is_a_load_error() {
        let truncated = tampered(|files| {
            let index = file(files, "index.bin");
            index.truncate(index.len() / 2);
        });
        assert_eq!(
            load_error(truncated),
            "the built-in question bank is corrupt: its index does not decode"
        );
        let wrong_version = tampered(|files| file(files, "index.bin")[0] = 0xff);
        assert!(load_error(wrong_version).contains("index does not decode"));
        let missing = tampered(|files| files.retain(|(n, _)| n != "index.bin"));
        assert_eq!(
            load_error(missing),
            "the built-in question bank is corrupt: its index is missing"
        );
    }

    #[test]
    fn a_missing_topic_is_a_load_error() {
        let slug = load().topics()[0].slug.clone();
        let dir = tampered(|files| files.retain(|(n, _)| *n != file_name(&slug)));
        assert_eq!(
            load_error(dir),
            format!("the built-in question bank is corrupt: topic \"{slug}\" is missing")
        );
    }

    #[test]
    fn a_corrupt_topic_fails_the_draw_with_a_message_not_an_empty_quiz() {
        let topics = load().topics().to_vec();
        let a = &topics[0];
        // Another topic, with other counts (so a swapped blob is detectable).
        let b = topics.iter().find(|t| t.counts != a.counts).unwrap();
        let expected = format!(
            "the built-in question bank is corrupt: topic \"{}\" does not decode",
            a.slug
        );
        let only_a = Selection {
            topics: vec![a.slug.clone()],
            ..Selection::default()
        };
        let b_file = file_name(&b.slug);
        let corruptions: [fn(&mut Vec<u8>); 3] = [
            |bytes| bytes.truncate(bytes.len() - 1),
            |bytes| bytes[0] ^= 0xff,
            |bytes| bytes.push(0),
        ];
        for corrupt in &corruptions {
            let dir = tampered(|files| corrupt(file(files, &file_name(&a.slug))));
            let bank = Builtin::from_dir(dir).unwrap();
            assert_eq!(bank.questions(a).unwrap_err().to_string(), expected);
            // Every draw that needs the topic fails with the message…
            for sel in [only_a.clone(), Selection::default()] {
                match bank.draw(&sel) {
                    Err(SelectError::Bank(e)) => assert_eq!(e.to_string(), expected),
                    other => panic!("expected a bank error, got {other:?}"),
                }
            }
            // …and one that does not still works.
            let only_b = Selection {
                topics: vec![b.slug.clone()],
                ..Selection::default()
            };
            assert!(bank.draw(&only_b).is_ok());
        }
        // A well-formed blob of another topic does not match the index.
        let swapped = tampered(|files| {
            let other = file(files, &b_file).clone();
            *file(files, &file_name(&a.slug)) = other;
        });
        let bank = Builtin::from_dir(swapped).unwrap();
        assert_eq!(
            bank.questions(a).unwrap_err().to_string(),
            format!(
                "the built-in question bank is corrupt: topic \"{}\" does not match the index",
                a.slug
            )
        );
    }
}
