//! Questions in and out of learning management systems. Each format has a module with an
//! `export` (bank → bytes, with a report of what was lost) and, where the format can be read
//! back, an `import` (bytes → bank, with every question it could not map). The CLI
//! (`quiz-bank export|import`) and the browser (`exportBank`) call [`export`] and [`import`].
//!
//! Never drop a question silently: every question is exported, exported with a loss (and
//! what was lost), or skipped (and why); every source question is imported or reported.
#![deny(missing_docs)]

pub mod aiken;
pub mod csv;
pub mod gift;
pub mod moodle;
pub mod qti12;
mod xml;

use std::fmt;

use quiz_core::parse::{Bank, CategoryInfo};
use quiz_core::{
    BankError, Count, Difficulty, Options, Question, QuestionBank, Selection, TopicInfo, select,
};

/// A file format of an LMS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// IMS QTI 1.2 content package (zip): Canvas, Blackboard, PrairieLearn.
    Qti12,
    /// Moodle XML.
    MoodleXml,
    /// Moodle's GIFT text format.
    Gift,
    /// Aiken (single choice only).
    Aiken,
    /// Anki notes: front, back, tags (export only).
    AnkiCsv,
    /// Brightspace (D2L) Question Library CSV (export only).
    D2lCsv,
    /// Our documented CSV layout (import only; see [`csv`]).
    Csv,
}

impl Format {
    /// Every format with its command-line name.
    pub const ALL: [(Format, &'static str); 7] = [
        (Format::Qti12, "qti12"),
        (Format::MoodleXml, "moodle-xml"),
        (Format::Gift, "gift"),
        (Format::Aiken, "aiken"),
        (Format::AnkiCsv, "anki-csv"),
        (Format::D2lCsv, "d2l-csv"),
        (Format::Csv, "csv"),
    ];

    /// The format named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
    }

    /// Its command-line name.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, n)| n)
    }
}

/// What an export starts from: the questions to write, in order, with the titles of their
/// topics and categories.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// Categories (slug, title).
    pub categories: Vec<CategoryInfo>,
    /// Topics (slug, title, category).
    pub topics: Vec<TopicInfo>,
    /// The questions, in export order.
    pub questions: Vec<Question>,
}

impl Source {
    /// Every question of `bank`, in bank order.
    pub fn from_bank(bank: &Bank) -> Source {
        Source {
            categories: bank.categories.clone(),
            topics: bank.topics.iter().map(|t| t.info.clone()).collect(),
            questions: bank.questions().cloned().collect(),
        }
    }

    /// Every question of a bank the widget reads (a compiled custom bank, the built-in bank).
    ///
    /// # Errors
    /// A topic whose data cannot be read.
    pub fn from_question_bank(bank: &dyn QuestionBank) -> Result<Source, BankError> {
        let mut questions = Vec::new();
        for t in bank.topics() {
            questions.extend(bank.questions(t)?);
        }
        Ok(Source {
            categories: bank
                .categories()
                .iter()
                .map(|(slug, title)| CategoryInfo {
                    slug: slug.clone(),
                    title: title.clone(),
                })
                .collect(),
            topics: bank.topics().to_vec(),
            questions,
        })
    }

    /// The questions the widget's selection options pick (`difficulty`, `topics`, `count`,
    /// `seed`, read by `get` as attribute strings), in the order the widget would ask them;
    /// every question in bank order when none is given. Choices keep the bank's order.
    ///
    /// # Errors
    /// An invalid option (naming it) or a selection that matches nothing.
    pub fn select(mut self, get: impl Fn(&str) -> Option<String>) -> Result<Source, String> {
        let given = |k: &str| get(k).filter(|v| !v.trim().is_empty());
        let keys = ["difficulty", "topics", "count", "seed"];
        if keys.iter().all(|k| given(k).is_none()) {
            return Ok(self);
        }
        let seeded = given("seed").is_some();
        let read = |key: &str| match key {
            // Unlike the widget (10), an export takes every matching question by default.
            "count" => Some(given("count").unwrap_or_else(|| "all".into())),
            k if keys.contains(&k) => given(k),
            _ => None,
        };
        let options = Options::parse(read, &self.topics, None).map_err(|e| e.to_string())?;
        let sel = Selection {
            difficulties: options.difficulties,
            topics: options.topics,
            count: options.count,
            ids: Vec::new(),
            seed: options.seed.unwrap_or(1),
        };
        let order: Vec<String> = self.questions.iter().map(|q| q.id.clone()).collect();
        let quiz = select(&self.questions, &sel).map_err(|e| e.to_string())?;
        self.questions = quiz.picks.into_iter().map(|p| p.question).collect();
        if matches!(sel.count, Count::All) && !seeded {
            // Without a seed, keep the bank's order.
            self.questions
                .sort_by_key(|q| order.iter().position(|id| *id == q.id));
        }
        Ok(self)
    }

    /// The title of topic `slug` (the slug itself when unknown).
    pub fn topic_title<'a>(&'a self, slug: &'a str) -> &'a str {
        self.topics
            .iter()
            .find(|t| t.slug == slug)
            .map_or(slug, |t| t.title.as_str())
    }

    /// The title of category `slug` (the slug itself when unknown).
    pub fn category_title<'a>(&'a self, slug: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.slug == slug)
            .map_or(slug, |c| c.title.as_str())
    }
}

/// A question written with something lost on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    /// The question id.
    pub id: String,
    /// What the format could not hold (`"per-choice feedback"`, `"code highlighting"`).
    pub what: String,
}

/// A question not written, or not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    /// The question id (export) or its place in the source: `line 12`, `/quiz/question[3]` (import).
    pub at: String,
    /// Why.
    pub why: String,
}

/// What an export or import did with every question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Questions written (or read) whole.
    pub whole: usize,
    /// Questions written (or read) with a loss.
    pub lossy: Vec<Loss>,
    /// Questions not written (or not read).
    pub skipped: Vec<Skip>,
}

impl Report {
    /// Records a loss for `id` (once per question and kind of loss).
    pub fn lose(&mut self, id: &str, what: &str) {
        if !self.lossy.iter().any(|l| l.id == id && l.what == what) {
            self.lossy.push(Loss {
                id: id.to_string(),
                what: what.to_string(),
            });
        }
    }

    /// Records that the question at `at` was skipped.
    pub fn skip(&mut self, at: &str, why: &str) {
        self.skipped.push(Skip {
            at: at.to_string(),
            why: why.to_string(),
        });
    }

    /// How many questions were written or read (whole or with a loss).
    pub fn done(&self) -> usize {
        let mut ids: Vec<&str> = self.lossy.iter().map(|l| l.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        self.whole + ids.len()
    }
}

impl fmt::Display for Report {
    /// The summary printed to stderr: counts, then each loss and skip grouped by reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lossy_ids: Vec<&str> = self.lossy.iter().map(|l| l.id.as_str()).collect();
        lossy_ids.sort_unstable();
        lossy_ids.dedup();
        writeln!(
            f,
            "{} exported, {} converted with loss, {} skipped",
            self.done(),
            lossy_ids.len(),
            self.skipped.len()
        )?;
        let mut whats: Vec<&str> = self.lossy.iter().map(|l| l.what.as_str()).collect();
        whats.sort_unstable();
        whats.dedup();
        for what in whats {
            let ids: Vec<&str> = self
                .lossy
                .iter()
                .filter(|l| l.what == what)
                .map(|l| l.id.as_str())
                .collect();
            writeln!(
                f,
                "  lost {what}: {} question(s): {}",
                ids.len(),
                ids.join(", ")
            )?;
        }
        let mut whys: Vec<&str> = self.skipped.iter().map(|s| s.why.as_str()).collect();
        whys.sort_unstable();
        whys.dedup();
        for why in whys {
            let at: Vec<&str> = self
                .skipped
                .iter()
                .filter(|s| s.why == why)
                .map(|s| s.at.as_str())
                .collect();
            writeln!(
                f,
                "  skipped, {why}: {} question(s): {}",
                at.len(),
                at.join(", ")
            )?;
        }
        Ok(())
    }
}

/// An export: the bytes of the file (a zip for QTI) and what happened to each question.
#[derive(Clone, Debug, Default)]
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Losses and skips.
    pub report: Report,
}

/// Writes `source` in `format`.
///
/// # Errors
/// A format that cannot be written (`csv` is import only).
pub fn export(format: Format, source: &Source) -> Result<Exported, String> {
    match format {
        Format::Qti12 => Ok(qti12::export(source)),
        Format::MoodleXml => Ok(moodle::export(source)),
        Format::Gift => Ok(gift::export(source)),
        Format::Aiken => Ok(aiken::export(source)),
        Format::AnkiCsv => Ok(csv::export_anki(source)),
        Format::D2lCsv => Ok(csv::export_d2l(source)),
        Format::Csv => Err("csv is an import format; export anki-csv or d2l-csv".into()),
    }
}

/// `source` as a JSON bank (`{categories, topics, questions}`), what `quiz-bank export
/// --format json` writes.
pub fn json(source: &Source) -> String {
    let mut bank = Bank {
        categories: source.categories.clone(),
        topics: Vec::new(),
    };
    for info in &source.topics {
        let questions: Vec<Question> = source
            .questions
            .iter()
            .filter(|q| q.topic == info.slug)
            .cloned()
            .collect();
        if !questions.is_empty() {
            bank.topics.push(quiz_core::parse::Topic {
                info: info.clone(),
                questions,
            });
        }
    }
    bank.categories
        .retain(|c| bank.topics.iter().any(|t| t.info.category == c.slug));
    bank.to_json() + "\n"
}

/// How an import fills what the source format does not say.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Difficulty of questions whose source has none (a tag `easy`/`medium`/`hard` wins).
    pub difficulty: Difficulty,
    /// Category slug and title when the source has no categories.
    pub category: (String, String),
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            difficulty: Difficulty::Medium,
            category: ("imported".into(), "Imported".into()),
        }
    }
}

/// Input that cannot be read at all: nothing is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Where: `line 12, column 4`, an XML path, a zip entry.
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// An import: the questions as a bank (not yet validated) and what was not mapped.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// Categories, topics and questions.
    pub bank: Bank,
    /// Questions read with a loss, and questions not read.
    pub report: Report,
}

/// Reads `bytes` of `format`.
///
/// # Errors
/// Input that cannot be read (with its position); nothing of it should be written.
pub fn import(
    format: Format,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    match format {
        Format::Qti12 => qti12::import(bytes, options),
        Format::MoodleXml => moodle::import(bytes, options),
        Format::Gift => gift::import(bytes, options),
        Format::Aiken => aiken::import(bytes, options),
        Format::Csv => csv::import(bytes, options),
        Format::AnkiCsv | Format::D2lCsv => Err(ImportError {
            at: format.name().into(),
            message: "this format is export only; import csv (see quiz-lms's csv module)".into(),
        }),
    }
}

/// A kebab-case id from `text` (at most 60 characters, cut at a word), unique in `taken`,
/// which it joins.
pub fn make_id(text: &str, taken: &mut Vec<String>) -> String {
    let mut id = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        if !id.is_empty() && id.len() + 1 + word.len() > 60 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word);
    }
    if id.is_empty() {
        id.push_str("question");
    }
    let mut unique = id.clone();
    let mut n = 2;
    while taken.contains(&unique) {
        unique = format!("{id}-{n}");
        n += 1;
    }
    taken.push(unique.clone());
    unique
}

/// A difficulty named by one of `tags`, if any.
pub fn difficulty_from_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Difficulty> {
    tags.into_iter()
        .find_map(|t| Difficulty::from_slug(&t.trim().to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case_short_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(
            make_id("What does `x == x` print?", &mut taken),
            "what-does-x-x-print"
        );
        assert_eq!(
            make_id("What does x == x print", &mut taken),
            "what-does-x-x-print-2"
        );
        assert_eq!(make_id("¿¡!", &mut taken), "question");
        let long = make_id(&"word ".repeat(40), &mut taken);
        assert!(long.len() <= 60, "{long}");
    }

    #[test]
    fn the_summary_counts_and_groups_by_reason() {
        let mut r = Report {
            whole: 3,
            ..Report::default()
        };
        r.lose("a", "per-choice feedback");
        r.lose("b", "per-choice feedback");
        r.lose("b", "code highlighting");
        r.skip("c", "the format has no ordering questions");
        let text = r.to_string();
        assert!(
            text.starts_with("5 exported, 2 converted with loss, 1 skipped\n"),
            "{text}"
        );
        assert!(text.contains("  lost per-choice feedback: 2 question(s): a, b\n"));
        assert!(
            text.contains("  skipped, the format has no ordering questions: 1 question(s): c\n")
        );
    }

    #[test]
    fn formats_have_names_both_ways() {
        for (f, n) in Format::ALL {
            assert_eq!(Format::from_name(n), Some(f));
            assert_eq!(f.name(), n);
        }
    }
}
