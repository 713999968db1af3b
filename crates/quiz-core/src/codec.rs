//! The compact binary form the bank is embedded in: varint lengths and raw UTF-8, no field
//! names and no parser in the wasm. Text stays uncompressed on purpose: the wasm is served
//! gzip- or brotli-compressed, and compressing twice would only add a decompressor.
//! Decoding never panics: corrupt input gives `None`.

use crate::model::{Answer, Choice, Difficulty, Kind, Question, TopicInfo};

/// Format version, first byte of every encoded blob.
const VERSION: u8 = 1;

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

/// Encodes the questions of one topic (their topic and category are not repeated).
pub fn encode_topic(questions: &[Question]) -> Vec<u8> {
    let mut w = Writer(vec![VERSION]);
    w.len(questions.len());
    for q in questions {
        w.str(&q.id);
        w.0.push(q.difficulty as u8);
        w.0.push(Kind::ALL.iter().position(|k| *k == q.kind()).unwrap_or(0) as u8);
        w.len(q.tags.len());
        for t in &q.tags {
            w.str(t);
        }
        w.str(&q.prompt);
        w.opt(q.code.as_deref());
        w.str(&q.explanation);
        match &q.answer {
            Answer::Single { choices } | Answer::Multiple { choices } => w.choices(choices),
            Answer::TrueFalse { answer } => w.0.push(u8::from(*answer)),
            Answer::Output { output, choices } => {
                w.str(output);
                w.choices(choices);
            }
            Answer::Text { accept: list } | Answer::Order { items: list } => {
                w.len(list.len());
                for s in list {
                    w.str(s);
                }
            }
        }
    }
    w.0
}

/// Decodes [`encode_topic`]'s output for the topic `topic` of `category`.
pub fn decode_topic(bytes: &[u8], topic: &str, category: &str) -> Option<Vec<Question>> {
    let mut r = Reader::new(bytes)?;
    let out = r.list(|r| {
        let id = r.str()?;
        let difficulty = *Difficulty::ALL.get(r.byte()? as usize)?;
        let kind = *Kind::ALL.get(r.byte()? as usize)?;
        let tags = r.list(Reader::str)?;
        let prompt = r.str()?;
        let code = r.opt()?;
        let explanation = r.str()?;
        let answer = match kind {
            Kind::Single => Answer::Single {
                choices: r.choices()?,
            },
            Kind::Multiple => Answer::Multiple {
                choices: r.choices()?,
            },
            Kind::TrueFalse => Answer::TrueFalse {
                answer: r.byte()? != 0,
            },
            Kind::Output => Answer::Output {
                output: r.str()?,
                choices: r.choices()?,
            },
            Kind::Text => Answer::Text {
                accept: r.list(Reader::str)?,
            },
            Kind::Order => Answer::Order {
                items: r.list(Reader::str)?,
            },
        };
        Some(Question {
            id,
            topic: topic.to_string(),
            category: category.to_string(),
            difficulty,
            tags,
            prompt,
            code,
            explanation,
            answer,
        })
    })?;
    r.done()?;
    Some(out)
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

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.len(0),
            Some(s) => {
                self.len(s.len() + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }

    fn choices(&mut self, choices: &[Choice]) {
        self.len(choices.len());
        for c in choices {
            self.str(&c.text);
            self.0.push(u8::from(c.correct));
            self.opt(c.why.as_deref());
        }
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

    fn opt(&mut self) -> Option<Option<String>> {
        match self.len()? {
            0 => Some(None),
            n => self.take(n - 1).map(Some),
        }
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

    fn choices(&mut self) -> Option<Vec<Choice>> {
        self.list(|r| {
            Some(Choice {
                text: r.str()?,
                correct: r.byte()? != 0,
                why: r.opt()?,
            })
        })
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
                answer,
                code: None,
                id: format!("{}-{}", base.id, out.len()),
                ..base.clone()
            });
        }
        out
    }

    #[test]
    fn topic_round_trips() {
        let qs = sample();
        assert_eq!(decode_topic(&encode_topic(&qs), "t", "c"), Some(qs));
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
