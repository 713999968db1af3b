//! The compact binary form the bank is embedded in, no field names and no parser in the wasm.
//! A topic is a small binary header (kinds, difficulties, counts, right answers) followed by
//! its text, column by column (all ids, then all prompts, all code, all explanations, …),
//! separated by NUL bytes. Text stays uncompressed on purpose: the wasm is served gzip- or
//! brotli-compressed, and like text next to like text is what those compress best (measured
//! in bench/README.md). Tags are not embedded: the widget does not use them. A question's
//! `python` range is flagged in its header byte and its text kept in a column of its own.
//! Decoding never panics: corrupt input gives `None`.

use crate::model::{Answer, Choice, Difficulty, Kind, Question, TopicInfo};
use crate::python::PythonRange;

/// Format version, first byte of an encoded index.
const VERSION: u8 = 1;
/// Format version, first byte of a whole bank in one blob ([`encode_bank`]).
const BANK_VERSION: u8 = 0xb1;
/// Format version, first byte of an encoded topic.
const TOPIC_VERSION: u8 = 3;
/// Header-byte flag: the question has a `python` range (kind and difficulty use bits 0–4).
const HAS_PYTHON: u8 = 0x80;

/// A category of the index: slug and title.
pub type CategoryEntry = (String, String);

/// Encodes the bank index: categories and topics with their counts.
pub fn encode_index(categories: &[CategoryEntry], topics: &[TopicInfo]) -> Vec<u8> {
    let mut w = Writer(vec![VERSION]);
    w.len(categories.len());
    for (slug, title) in categories {
        w.str(slug);
        w.str(title);
    }
    w.len(topics.len());
    for t in topics {
        w.str(&t.slug);
        w.str(&t.title);
        w.str(&t.category);
        for c in t.counts {
            w.len(c as usize);
        }
    }
    w.0
}

/// Decodes [`encode_index`]'s output.
pub fn decode_index(bytes: &[u8]) -> Option<(Vec<CategoryEntry>, Vec<TopicInfo>)> {
    let mut r = Reader::new(bytes)?;
    let categories = r.list(|r| Some((r.str()?, r.str()?)))?;
    let topics = r.list(|r| {
        Some(TopicInfo {
            slug: r.str()?,
            title: r.str()?,
            category: r.str()?,
            counts: [r.u32()?, r.u32()?, r.u32()?],
        })
    })?;
    r.done()?;
    Some((categories, topics))
}

/// Separates strings in a topic's text section; validated text never contains it.
const SEP: char = '\0';

/// Encodes the questions of one topic (their topic and category are not repeated).
/// Strings must not contain NUL (the validator rejects it).
pub fn encode_topic(questions: &[Question]) -> Vec<u8> {
    let mut w = Writer(vec![TOPIC_VERSION]);
    w.len(questions.len());
    // Header: per question its kind and difficulty, then what the kind needs.
    for q in questions {
        let kind = Kind::ALL.iter().position(|k| *k == q.kind()).unwrap_or(0) as u8;
        let flag = if q.python.is_some() { HAS_PYTHON } else { 0 };
        w.0.push(flag | kind << 2 | q.difficulty as u8);
        match &q.answer {
            Answer::Single { choices }
            | Answer::Multiple { choices }
            | Answer::Output { choices, .. } => {
                w.len(choices.len());
                let mask = choices
                    .iter()
                    .enumerate()
                    .fold(0usize, |m, (i, c)| m | usize::from(c.correct) << i);
                w.len(mask);
            }
            Answer::TrueFalse { answer } => w.0.push(u8::from(*answer)),
            Answer::Text { accept: list } | Answer::Order { items: list } => w.len(list.len()),
        }
    }
    // Text, column by column.
    let python_texts: Vec<String> = questions
        .iter()
        .filter_map(|q| q.python.as_ref().map(ToString::to_string))
        .collect();
    let mut columns: [Vec<&str>; 9] = Default::default();
    let [
        ids,
        prompts,
        codes,
        explanations,
        pythons,
        outputs,
        texts,
        whys,
        lists,
    ] = &mut columns;
    pythons.extend(python_texts.iter().map(String::as_str));
    for q in questions {
        ids.push(&q.id);
        prompts.push(&q.prompt);
        codes.push(q.code.as_deref().unwrap_or(""));
        explanations.push(&q.explanation);
        if let Answer::Output { output, .. } = &q.answer {
            outputs.push(output);
        }
        for c in q.answer.choices() {
            texts.push(&c.text);
            whys.push(c.why.as_deref().unwrap_or(""));
        }
        if let Answer::Text { accept: list } | Answer::Order { items: list } = &q.answer {
            lists.extend(list.iter().map(String::as_str));
        }
    }
    let text: Vec<&str> = columns.iter().flatten().copied().collect();
    let text = text.join(&SEP.to_string());
    // Its length, so a truncated blob is detected rather than decoded short.
    w.len(text.len());
    w.0.extend_from_slice(text.as_bytes());
    w.0
}

/// One question's header: what its kind needs, without its text.
struct Head {
    kind: Kind,
    difficulty: Difficulty,
    python: bool,
    /// Choices, accepted answers or order items.
    count: usize,
    /// Right choices (bit i for choice i); the answer of a true/false question.
    mask: usize,
}

/// Reads a topic's header and returns it with the topic's text section, checked as UTF-8.
fn read_topic(bytes: &[u8]) -> Option<(Vec<Head>, &str)> {
    let (heads, text) = read_topic_bytes(bytes)?;
    Some((heads, std::str::from_utf8(text).ok()?))
}

/// [`read_topic`] without checking the text: a caller reading only the ids checks only them
/// (the whole text of a 10,000-question bank is megabytes).
fn read_topic_bytes(bytes: &[u8]) -> Option<(Vec<Head>, &[u8])> {
    let (&version, rest) = bytes.split_first()?;
    if version != TOPIC_VERSION {
        return None;
    }
    let mut r = Reader { bytes: rest };
    let n = r.len()?;
    let mut heads = Vec::with_capacity(n.min(r.bytes.len()));
    for _ in 0..n {
        let b = r.byte()?;
        let kind = *Kind::ALL.get(usize::from((b & !HAS_PYTHON) >> 2))?;
        let difficulty = *Difficulty::ALL.get(usize::from(b & 3))?;
        let (count, mask) = match kind {
            Kind::Single | Kind::Multiple | Kind::Output => (r.len()?, r.len()?),
            Kind::TrueFalse => (0, usize::from(r.byte()?)),
            Kind::Text | Kind::Order => (r.len()?, 0),
        };
        heads.push(Head {
            kind,
            difficulty,
            python: b & HAS_PYTHON != 0,
            count,
            mask,
        });
    }
    let text_len = r.len()?;
    if r.bytes.len() != text_len {
        return None;
    }
    Some((heads, r.bytes))
}

/// The first `n` strings of a text section (its ids), each checked as UTF-8. NUL never
/// occurs inside a UTF-8 sequence, so splitting the bytes is splitting the text.
fn first_strings(text: &[u8], n: usize) -> Option<Vec<&str>> {
    let ids: Vec<&str> = text
        .split(|b| *b == 0)
        .take(n)
        .map(|id| std::str::from_utf8(id).ok())
        .collect::<Option<_>>()?;
    (ids.len() == n).then_some(ids)
}

/// Whether [`encode_topic`]'s output holds any of `ids`, reading its header and first column
/// (the ids) only; `None` when those do not decode.
pub fn holds_any(bytes: &[u8], ids: &[String]) -> Option<bool> {
    let (heads, text) = read_topic_bytes(bytes)?;
    let held = first_strings(text, heads.len())?;
    Some(held.iter().any(|id| ids.iter().any(|w| w == id)))
}

/// The outline of [`encode_topic`]'s output: each question's id, topic, category, difficulty,
/// kind and number of choices or items (choices keep which are right), with every text empty.
/// That is all [`crate::select::select`] reads, so a quiz can be drawn from outlines and only
/// the questions drawn decoded in full. Reads the header and the ids, nothing else.
pub fn decode_outline(bytes: &[u8], topic: &str, category: &str) -> Option<Vec<Question>> {
    let (heads, text) = read_topic_bytes(bytes)?;
    let mut ids = first_strings(text, heads.len())?.into_iter();
    heads
        .iter()
        .map(|h| {
            let choices = || {
                (0..h.count)
                    .map(|c| Choice {
                        text: String::new(),
                        correct: h.mask.checked_shr(c as u32).is_some_and(|m| m & 1 == 1),
                        why: None,
                    })
                    .collect()
            };
            let answer = match h.kind {
                Kind::Single => Answer::Single { choices: choices() },
                Kind::Multiple => Answer::Multiple { choices: choices() },
                Kind::TrueFalse => Answer::TrueFalse {
                    answer: h.mask != 0,
                },
                Kind::Output => Answer::Output {
                    output: String::new(),
                    choices: choices(),
                },
                Kind::Text => Answer::Text {
                    accept: vec![String::new(); h.count],
                },
                Kind::Order => Answer::Order {
                    items: vec![String::new(); h.count],
                },
            };
            Some(Question {
                id: ids.next()?.to_string(),
                topic: topic.to_string(),
                category: category.to_string(),
                difficulty: h.difficulty,
                tags: Vec::new(),
                prompt: String::new(),
                code: None,
                explanation: String::new(),
                python: None,
                answer,
            })
        })
        .collect()
}

/// Decodes [`encode_topic`]'s output for the topic `topic` of `category`.
pub fn decode_topic(bytes: &[u8], topic: &str, category: &str) -> Option<Vec<Question>> {
    let (heads, text) = read_topic(bytes)?;
    let n = heads.len();
    let mut parts = text.split(SEP);
    let mut take = |k: usize| -> Option<Vec<&str>> { (0..k).map(|_| parts.next()).collect() };
    let choice_total: usize = heads
        .iter()
        .filter(|h| h.kind.has_choices())
        .map(|h| h.count)
        .sum();
    let list_total: usize = heads
        .iter()
        .filter(|h| matches!(h.kind, Kind::Text | Kind::Order))
        .map(|h| h.count)
        .sum();
    let outputs_total = heads.iter().filter(|h| h.kind == Kind::Output).count();
    let pythons_total = heads.iter().filter(|h| h.python).count();
    let ids = take(n)?;
    let prompts = take(n)?;
    let codes = take(n)?;
    let explanations = take(n)?;
    let mut pythons = take(pythons_total)?.into_iter();
    let mut outputs = take(outputs_total)?.into_iter();
    let mut texts = take(choice_total)?.into_iter();
    let mut whys = take(choice_total)?.into_iter();
    let mut lists = take(list_total)?.into_iter();
    if parts.next().is_some() {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for (i, h) in heads.iter().enumerate() {
        let mut choices = || -> Option<Vec<Choice>> {
            (0..h.count)
                .map(|c| {
                    let why = whys.next()?;
                    Some(Choice {
                        text: texts.next()?.to_string(),
                        correct: h.mask.checked_shr(c as u32).is_some_and(|m| m & 1 == 1),
                        why: (!why.is_empty()).then(|| why.to_string()),
                    })
                })
                .collect()
        };
        let answer = match h.kind {
            Kind::Single => Answer::Single {
                choices: choices()?,
            },
            Kind::Multiple => Answer::Multiple {
                choices: choices()?,
            },
            Kind::TrueFalse => Answer::TrueFalse {
                answer: h.mask != 0,
            },
            Kind::Output => Answer::Output {
                output: outputs.next()?.to_string(),
                choices: choices()?,
            },
            Kind::Text => Answer::Text {
                accept: lists.by_ref().take(h.count).map(str::to_string).collect(),
            },
            Kind::Order => Answer::Order {
                items: lists.by_ref().take(h.count).map(str::to_string).collect(),
            },
        };
        let code = codes.get(i)?;
        let python = if h.python {
            Some(PythonRange::parse(pythons.next()?).ok()?)
        } else {
            None
        };
        out.push(Question {
            id: ids.get(i)?.to_string(),
            topic: topic.to_string(),
            category: category.to_string(),
            difficulty: h.difficulty,
            tags: Vec::new(),
            prompt: prompts.get(i)?.to_string(),
            code: (!code.is_empty()).then(|| code.to_string()),
            explanation: explanations.get(i)?.to_string(),
            python,
            answer,
        });
    }
    Some(out)
}

/// Encodes a whole bank as one blob: its index, then every topic in index order, each
/// length-prefixed. The main widget reads it with [`decode_bank`] (or [`crate::BlobBank`]).
#[cfg(feature = "parse")]
pub fn encode_bank(bank: &crate::parse::Bank) -> Vec<u8> {
    let categories: Vec<CategoryEntry> = bank
        .categories
        .iter()
        .map(|c| (c.slug.clone(), c.title.clone()))
        .collect();
    let topics: Vec<(&TopicInfo, &[Question])> = bank
        .topics
        .iter()
        .map(|t| (&t.info, t.questions.as_slice()))
        .collect();
    encode_bank_parts(&categories, &topics)
}

/// [`encode_bank`] from its parts: categories, and each topic with its questions (the
/// topic's counts must be its questions').
pub fn encode_bank_parts(
    categories: &[CategoryEntry],
    topics: &[(&TopicInfo, &[Question])],
) -> Vec<u8> {
    let infos: Vec<TopicInfo> = topics.iter().map(|(t, _)| (*t).clone()).collect();
    let mut w = Writer(vec![BANK_VERSION]);
    let index = encode_index(categories, &infos);
    w.len(index.len());
    w.0.extend_from_slice(&index);
    for (_, questions) in topics {
        let topic = encode_topic(questions);
        w.len(topic.len());
        w.0.extend_from_slice(&topic);
    }
    w.0
}

/// The file name of the built-in bank's topic at `position` in the index. The position comes
/// first so that the files, embedded in name order, lie in the wasm in index order, where
/// topics of one category sit side by side: gzip then finds ~5 % more to share than in
/// alphabetical order of the slugs (measured in bench/README.md, issue 21).
pub fn topic_file_name(position: usize, slug: &str) -> String {
    format!("{position:04}-{slug}.bin")
}

/// A bank blob (as [`encode_bank_parts`] writes) from an encoded index and each topic's
/// encoded blob, in index order: no decoding, so the built-in bank can hand itself to the
/// exporters in the browser.
pub fn assemble_bank(index: &[u8], topics: &[&[u8]]) -> Vec<u8> {
    let mut w = Writer(vec![BANK_VERSION]);
    w.len(index.len());
    w.0.extend_from_slice(index);
    for topic in topics {
        w.len(topic.len());
        w.0.extend_from_slice(topic);
    }
    w.0
}

/// A decoded bank blob: categories, topics, and each topic's blob for [`decode_topic`].
pub type DecodedBank<'a> = (Vec<CategoryEntry>, Vec<TopicInfo>, Vec<&'a [u8]>);

/// A bank blob's index, with the byte range of each topic's blob.
pub(crate) type SplitBank = (
    Vec<CategoryEntry>,
    Vec<TopicInfo>,
    Vec<std::ops::Range<usize>>,
);

/// Splits [`encode_bank`]'s output into its index and the byte range of each topic's blob.
pub(crate) fn split_bank(bytes: &[u8]) -> Option<SplitBank> {
    let (&version, rest) = bytes.split_first()?;
    if version != BANK_VERSION {
        return None;
    }
    let mut r = Reader { bytes: rest };
    let n = r.len()?;
    let (index, rest) = r.bytes.split_at_checked(n)?;
    let (categories, topics) = decode_index(index)?;
    r.bytes = rest;
    let mut ranges = Vec::with_capacity(topics.len());
    for _ in &topics {
        let n = r.len()?;
        let start = bytes.len() - r.bytes.len();
        r.bytes = r.bytes.get(n..)?;
        ranges.push(start..start + n);
    }
    r.done()?;
    Some((categories, topics, ranges))
}

/// Decodes [`encode_bank`]'s output: categories, topics and each topic's blob (for
/// [`decode_topic`]), in index order. `None` when the blob is not a whole, well-formed bank.
pub fn decode_bank(bytes: &[u8]) -> Option<DecodedBank<'_>> {
    let (categories, topics, ranges) = split_bank(bytes)?;
    let blobs = ranges
        .into_iter()
        .map(|r| bytes.get(r))
        .collect::<Option<Vec<&[u8]>>>()?;
    Some((categories, topics, blobs))
}

/// FNV-1a (32 bits) of `bytes`: the version of a bank given as a blob.
pub fn fingerprint(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h: u32, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn len(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Option<Reader<'a>> {
        let (&version, rest) = bytes.split_first()?;
        (version == VERSION).then_some(Reader { bytes: rest })
    }

    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    fn len(&mut self) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.len()?).ok()
    }

    fn take(&mut self, n: usize) -> Option<String> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        String::from_utf8(head.to_vec()).ok()
    }

    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        self.take(n)
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        // A corrupt length must not reserve gigabytes: every item takes at least one byte.
        let mut out = Vec::with_capacity(n.min(self.bytes.len()));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }

    fn done(&self) -> Option<()> {
        self.bytes.is_empty().then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Question> {
        let base = Question {
            id: "a-b".into(),
            topic: "t".into(),
            category: "c".into(),
            difficulty: Difficulty::Hard,
            tags: vec!["x".into(), "y-z".into()],
            prompt: "Wh\u{e4}t `x`?".repeat(30),
            code: Some("print(1)\n".into()),
            explanation: "Because.".into(),
            python: PythonRange::parse(">=3.11,<3.13").ok(),
            answer: Answer::Single {
                choices: vec![
                    Choice {
                        text: "1".into(),
                        correct: true,
                        why: Some("w".into()),
                    },
                    Choice {
                        text: "2".into(),
                        correct: false,
                        why: None,
                    },
                ],
            },
        };
        let mut out = vec![base.clone()];
        for answer in [
            Answer::TrueFalse { answer: true },
            Answer::Output {
                output: "1\n".into(),
                choices: vec![],
            },
            Answer::Text {
                accept: vec!["a".into(), "b".into()],
            },
            Answer::Order {
                items: vec!["1".into(), "2".into(), "3".into()],
            },
            Answer::Multiple { choices: vec![] },
        ] {
            out.push(Question {
                // Every other question has a range, so the column is read in step.
                python: (out.len() % 2 == 0)
                    .then(|| PythonRange::parse("==3.13").ok())
                    .flatten(),
                answer,
                code: None,
                id: format!("{}-{}", base.id, out.len()),
                ..base.clone()
            });
        }
        out
    }

    #[test]
    fn topic_round_trips_without_tags() {
        let mut qs = sample();
        let decoded = decode_topic(&encode_topic(&qs), "t", "c");
        for q in &mut qs {
            q.tags.clear();
        }
        assert_eq!(decoded, Some(qs));
    }

    #[test]
    fn index_round_trips() {
        let cats = vec![("c".to_string(), "C".to_string())];
        let topics = vec![TopicInfo {
            slug: "t".into(),
            title: "T".into(),
            category: "c".into(),
            counts: [1, 200, 3],
        }];
        assert_eq!(
            decode_index(&encode_index(&cats, &topics)),
            Some((cats, topics))
        );
    }

    #[test]
    fn every_truncation_and_corruption_is_none_not_a_panic() {
        let bytes = encode_topic(&sample());
        for cut in 0..bytes.len() {
            assert_eq!(decode_topic(&bytes[..cut], "t", "c"), None, "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            let _ = decode_topic(&b, "t", "c");
        }
    }
}
