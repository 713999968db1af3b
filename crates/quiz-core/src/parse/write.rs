//! A validated bank written as a single-file bank, JSON or TOML (`quiz-bank export` and
//! `quiz-bank convert`). Reading what is written gives the same bank back.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Bank, CategoryInfo};
use crate::model::{Answer, Question};

#[derive(Serialize)]
struct JsonBank<'a> {
    categories: &'a [CategoryInfo],
    topics: Vec<JsonTopic<'a>>,
    questions: Vec<&'a Question>,
}

#[derive(Serialize)]
struct JsonTopic<'a> {
    slug: &'a str,
    title: &'a str,
    category: &'a str,
}

impl Bank {
    /// `bank` restricted to `questions` (matched by id), keeping its order; topics and
    /// categories left empty are dropped.
    pub fn from_questions(bank: &Bank, questions: &[Question]) -> Bank {
        let keep = |q: &Question| questions.iter().any(|x| x.id == q.id);
        let topics: Vec<super::Topic> = bank
            .topics
            .iter()
            .filter_map(|t| {
                let qs: Vec<Question> = t.questions.iter().filter(|q| keep(q)).cloned().collect();
                if qs.is_empty() {
                    return None;
                }
                let mut info = t.info.clone();
                info.counts = [0; 3];
                for q in &qs {
                    if let Some(c) = info.counts.get_mut(q.difficulty.index()) {
                        *c += 1;
                    }
                }
                Some(super::Topic {
                    info,
                    questions: qs,
                })
            })
            .collect();
        Bank {
            categories: bank
                .categories
                .iter()
                .filter(|c| topics.iter().any(|t| t.info.category == c.slug))
                .cloned()
                .collect(),
            topics,
        }
    }

    /// The bank as one JSON object, pretty-printed: `{"categories": [{slug, title}],
    /// "topics": [{slug, title, category}], "questions": [...]}`, each question with its
    /// `topic`, `category` and, per kind, `choices`, `answer`, `output`, `accept` or `items`.
    pub fn to_json(&self) -> String {
        let bank = JsonBank {
            categories: &self.categories,
            topics: self
                .topics
                .iter()
                .map(|t| JsonTopic {
                    slug: &t.info.slug,
                    title: &t.info.title,
                    category: &t.info.category,
                })
                .collect(),
            questions: self.questions().collect(),
        };
        // Serializing strings, numbers and lists cannot fail.
        serde_json::to_string_pretty(&bank).unwrap_or_default()
    }

    /// The bank as one TOML file: `[[category]]`, `[[topic]]` and `[[question]]` tables, each
    /// question naming its `topic`.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for c in &self.categories {
            out.push_str("[[category]]\n");
            line(&mut out, "slug", &c.slug);
            line(&mut out, "title", &c.title);
            out.push('\n');
        }
        for t in &self.topics {
            out.push_str("[[topic]]\n");
            line(&mut out, "slug", &t.info.slug);
            line(&mut out, "title", &t.info.title);
            line(&mut out, "category", &t.info.category);
            out.push('\n');
        }
        for q in self.questions() {
            question(&mut out, q, true);
        }
        out
    }

    /// The bank as a folder, like `content/`: `categories.toml` and one
    /// `python/<category>/<topic>.toml` per topic. Returns (relative path, text) pairs.
    pub fn to_folder(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let mut cats = String::new();
        for c in &self.categories {
            cats.push_str("[[category]]\n");
            line(&mut cats, "slug", &c.slug);
            line(&mut cats, "title", &c.title);
            cats.push('\n');
        }
        files.push(("categories.toml".to_string(), cats));
        for t in &self.topics {
            let mut out = String::from("[topic]\n");
            line(&mut out, "slug", &t.info.slug);
            line(&mut out, "title", &t.info.title);
            line(&mut out, "category", &t.info.category);
            out.push('\n');
            for q in &t.questions {
                question(&mut out, q, false);
            }
            files.push((
                format!("python/{}/{}.toml", t.info.category, t.info.slug),
                out,
            ));
        }
        files
    }
}

fn question(out: &mut String, q: &Question, with_topic: bool) {
    out.push_str("[[question]]\n");
    line(out, "id", &q.id);
    if with_topic {
        line(out, "topic", &q.topic);
    }
    line(out, "difficulty", q.difficulty.as_str());
    line(out, "kind", q.kind().as_str());
    list(out, "tags", &q.tags);
    if let Some(p) = &q.python {
        line(out, "python", &p.to_string());
    }
    line(out, "prompt", &q.prompt);
    if let Some(code) = &q.code {
        // Stored without its last newline, which reading drops again.
        let _ = writeln!(out, "code = {}", multiline(&format!("{code}\n")));
    }
    match &q.answer {
        Answer::TrueFalse { answer } => {
            let _ = writeln!(out, "answer = {answer}");
        }
        Answer::Output { output, .. } => line(out, "output", output),
        Answer::Text { accept } => list(out, "accept", accept),
        Answer::Order { items } => list(out, "items", items),
        Answer::Single { .. } | Answer::Multiple { .. } => {}
    }
    line(out, "explanation", &q.explanation);
    for c in q.answer.choices() {
        out.push_str("\n[[question.choices]]\n");
        line(out, "text", &c.text);
        if c.correct {
            out.push_str("correct = true\n");
        }
        if let Some(why) = &c.why {
            line(out, "why", why);
        }
    }
    out.push('\n');
}

/// `key = "value"`, a multi-line string when the value has several lines.
fn line(out: &mut String, key: &str, value: &str) {
    let value = if value.contains('\n') {
        multiline(value)
    } else {
        basic(value)
    };
    let _ = writeln!(out, "{key} = {value}");
}

fn list(out: &mut String, key: &str, values: &[String]) {
    let items: Vec<String> = values.iter().map(|v| basic(v)).collect();
    let _ = writeln!(out, "{key} = [{}]", items.join(", "));
}

/// A TOML basic string: `"…"` with `\`, `"` and control characters escaped.
fn basic(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line basic string; its first newline (dropped by TOML) keeps the text aligned.
fn multiline(s: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}
