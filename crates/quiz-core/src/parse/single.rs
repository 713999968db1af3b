//! A custom bank in one file, validated with the same rules as a bank folder: TOML
//! (`[[category]]`, `[[topic]]` and `[[question]]` tables, each question naming its
//! `topic = "slug"`) or JSON (`{"categories", "topics", "questions"}`, what
//! `quiz-bank export --format json` writes).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{
    Bank, ContentError, FileCtx, Location, RawCategory, RawQuestion, RawTopic, Source, Str, Topic,
    check_categories, file_error, json, load_dir, rules, utf8,
};
use crate::model::TopicInfo;

/// Most bytes of text a custom bank may have: 5 MB.
pub const MAX_BANK_BYTES: usize = 5_000_000;
/// Most questions a custom bank may have.
pub const MAX_BANK_QUESTIONS: usize = 10_000;

/// Whether `text` is a JSON bank: its first non-blank character is `{` (else it is TOML).
pub fn is_json(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .starts_with('{')
}

/// Reads and validates a custom bank held in one text, TOML or JSON (see [`is_json`]);
/// `name` (a file name or URL) starts every error.
///
/// # Errors
/// Every problem found: TOML ones as `NAME:LINE:COL: question "id": …`, JSON ones as
/// `NAME: /questions/12/choices/1: question "id": …`. A bank over [`MAX_BANK_BYTES`] or
/// [`MAX_BANK_QUESTIONS`] gives that one error.
pub fn load_bank_text(text: &str, name: &str) -> Result<Bank, Vec<ContentError>> {
    if text.len() > MAX_BANK_BYTES {
        return Err(vec![file_error(name, too_big(text.len()))]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_json(text) {
        json::load(text, name)
    } else {
        load_toml(text, name)
    }
}

/// Reads and validates a custom bank file; see [`load_bank_text`].
///
/// # Errors
/// As [`load_bank_text`], plus a file that cannot be read or is not UTF-8.
pub fn load_bank_file(path: &Path, name: &str) -> Result<Bank, Vec<ContentError>> {
    let bytes = std::fs::read(path)
        .map_err(|e| vec![file_error(name, format!("cannot read file: {e}"))])?;
    if bytes.len() > MAX_BANK_BYTES {
        return Err(vec![file_error(name, too_big(bytes.len()))]);
    }
    let src = Source {
        shown: name.to_string(),
        rel: name.to_string(),
        bytes,
    };
    let mut errors = Vec::new();
    match utf8(&src, &mut errors) {
        Some(text) => load_bank_text(text, name),
        None => Err(errors),
    }
}

/// Reads and validates a bank folder ([`load_dir`]) or a custom bank file ([`load_bank_file`]).
///
/// # Errors
/// Every problem found.
pub fn load_path(path: &Path, name: &str) -> Result<Bank, Vec<ContentError>> {
    if path.is_dir() {
        load_dir(path, name)
    } else {
        load_bank_file(path, name)
    }
}

fn too_big(bytes: usize) -> String {
    format!("the bank is {bytes} bytes; the limit is {MAX_BANK_BYTES} bytes (5 MB)")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBankFile {
    #[serde(default)]
    category: Vec<Spanned<RawCategory>>,
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

fn load_toml(text: &str, name: &str) -> Result<Bank, Vec<ContentError>> {
    let file = FileCtx {
        shown: name,
        text,
        rel: name,
        pointers: None,
        line_starts: std::cell::OnceCell::new(),
    };
    let raw: RawBankFile = toml::from_str(text).map_err(|e| {
        // A topic file of a bank folder, given on its own.
        let table = text.lines().position(|l| l.trim() == "[topic]");
        vec![match table {
            Some(line) => ContentError {
                at: Location {
                    file: name.to_string(),
                    line: line + 1,
                    col: 1,
                    pointer: None,
                },
                question: None,
                message: "[topic] is the table of a topic file in a bank folder (check the \
                          folder); a bank in one file declares [[topic]] tables and names each \
                          question's `topic`"
                    .into(),
            },
            None => file.toml_error(&e),
        }]
    })?;
    let count = raw.question.len();
    let ids = raw
        .question
        .iter()
        .filter_map(|q| q.get_ref().id.clone())
        .collect();
    let raw = RawBank {
        ids,
        categories: raw.category,
        topics: raw.topic,
        questions: raw.question,
        count,
        json: false,
    };
    assemble(&file, raw, Vec::new())
}

/// A single-file bank as read, before validation: TOML and JSON both come to this.
pub(super) struct RawBank {
    pub(super) categories: Vec<Spanned<RawCategory>>,
    pub(super) topics: Vec<Spanned<RawTopic>>,
    /// The questions that could be read (a JSON question of the wrong shape is left out,
    /// its errors already reported).
    pub(super) questions: Vec<Spanned<RawQuestion>>,
    /// How many questions the bank has, read or not.
    pub(super) count: usize,
    /// The id of every question, read or not, in bank order.
    pub(super) ids: Vec<Str>,
    /// Whether the bank is JSON (for the wording of some errors).
    pub(super) json: bool,
}

/// Validates a single-file bank; `errors` are the ones found while reading it.
pub(super) fn assemble(
    file: &FileCtx<'_>,
    raw: RawBank,
    mut errors: Vec<ContentError>,
) -> Result<Bank, Vec<ContentError>> {
    if raw.count > MAX_BANK_QUESTIONS {
        return Err(vec![file.err(
            0..0,
            None,
            format!(
                "the bank has {} questions; the limit is {MAX_BANK_QUESTIONS}",
                raw.count
            ),
        )]);
    }
    let (no_category, no_topic, no_question) = if raw.json {
        (
            "`categories` is missing or empty: declare at least one {\"slug\", \"title\"}",
            "`topics` is missing or empty: declare at least one {\"slug\", \"title\", \"category\"}",
            "`questions` is missing or empty: the bank has no questions",
        )
    } else {
        (
            "no [[category]] declared",
            "no [[topic]] declared",
            "no [[question]] in the bank",
        )
    };
    let categories = check_categories(file, raw.categories, no_category, &mut errors);
    if raw.topics.is_empty() {
        errors.push(file.err(0..0, None, no_topic.into()));
    }
    // Every declared slug, valid or not: a question in a broken topic is not "unknown" too.
    let mut declared: Vec<String> = Vec::new();
    let mut topics: Vec<Topic> = Vec::new();
    for t in raw.topics {
        let span = t.span();
        let t = t.into_inner();
        let mut ok = true;
        let mut need = |v: Option<Str>, what: &str, errors: &mut Vec<ContentError>| match v {
            Some(v) if !v.get_ref().trim().is_empty() => Some(v),
            Some(v) => {
                errors.push(file.err(v.span(), None, format!("topic {what} is empty")));
                ok = false;
                None
            }
            None => {
                errors.push(file.err(span.clone(), None, format!("topic is missing `{what}`")));
                ok = false;
                None
            }
        };
        let slug = need(t.slug, "slug", &mut errors);
        let title = need(t.title, "title", &mut errors);
        let category = need(t.category, "category", &mut errors);
        if let Some(slug) = &slug {
            if !rules::is_kebab(slug.get_ref()) {
                errors.push(file.err(slug.span(), None, rules::not_kebab("topic slug", slug)));
                ok = false;
            } else if declared.contains(slug.get_ref()) {
                errors.push(file.err(
                    slug.span(),
                    None,
                    format!("duplicate topic \"{}\"", slug.get_ref()),
                ));
                ok = false;
            }
            declared.push(slug.get_ref().clone());
        }
        if let Some(category) = &category {
            let c = category.get_ref();
            if !categories.iter().any(|k| &k.slug == c) {
                let known: Vec<&str> = categories.iter().map(|k| k.slug.as_str()).collect();
                errors.push(file.err(
                    category.span(),
                    None,
                    format!(
                        "unknown category \"{c}\", expected one of: {}",
                        known.join(", ")
                    ),
                ));
                ok = false;
            }
        }
        if let (true, Some(slug), Some(title), Some(category)) = (ok, slug, title, category) {
            topics.push(Topic {
                info: TopicInfo {
                    slug: slug.into_inner(),
                    title: title.into_inner(),
                    category: category.into_inner(),
                    counts: [0; 3],
                },
                questions: Vec::new(),
            });
        }
    }
    if raw.count == 0 {
        errors.push(file.err(0..0, None, no_question.into()));
    }
    // Unique ids: the second and later uses are the errors.
    let mut ids: HashMap<&str, Location> = HashMap::new();
    for id in &raw.ids {
        let at = file.loc(id.span());
        if let Some(first) = ids.get(id.get_ref().as_str()) {
            // In the same file: a JSON pointer is enough.
            let first = first.pointer.clone().unwrap_or_else(|| first.to_string());
            errors.push(ContentError {
                message: format!("duplicate id: already used at {first}"),
                at,
                question: Some(id.get_ref().clone()),
            });
        } else {
            ids.insert(id.get_ref(), at);
        }
    }
    for q in raw.questions {
        let span = q.span();
        let id = q.get_ref().id.as_ref().map(|i| i.get_ref().clone());
        let mut topic = None;
        match &q.get_ref().topic {
            None => errors.push(file.err(
                span,
                id.as_deref(),
                "missing `topic` (the slug of one of the bank's topics)".into(),
            )),
            Some(t) => {
                topic = topics.iter().position(|x| x.info.slug == *t.get_ref());
                // With no topic declared at all, that one error says it.
                if topic.is_none() && !declared.is_empty() && !declared.contains(t.get_ref()) {
                    errors.push(file.err(
                        t.span(),
                        id.as_deref(),
                        format!(
                            "unknown topic \"{}\", expected one of: {}",
                            t.get_ref(),
                            declared.join(", ")
                        ),
                    ));
                }
            }
        }
        let (slug, category) = topic
            .and_then(|i| topics.get(i))
            .map(|t| (t.info.slug.clone(), t.info.category.clone()))
            .unwrap_or_default();
        if let (Some(_), Some(c)) = (topic, &q.get_ref().category) {
            if *c.get_ref() != category {
                errors.push(file.err(
                    c.span(),
                    id.as_deref(),
                    format!(
                        "category \"{}\" is not the category of topic \"{slug}\" (\"{category}\"); \
                         leave `category` out, it comes from the topic",
                        c.get_ref()
                    ),
                ));
            }
        }
        let Some((question, _)) = rules::question(file, q, &slug, &category, &mut errors) else {
            continue;
        };
        if let Some(t) = topic.and_then(|i| topics.get_mut(i)) {
            if let Some(c) = t.info.counts.get_mut(question.difficulty.index()) {
                *c += 1;
            }
            t.questions.push(question);
        }
    }
    if errors.is_empty() {
        Ok(Bank { categories, topics })
    } else {
        // In the order of the file: by line and column, or (JSON) by item.
        errors.sort_by_key(|e| match &e.at.pointer {
            Some(_) => place(&e.at),
            None => (0, e.at.line, e.at.col),
        });
        Err(errors)
    }
}

/// Sort key of a JSON error: the root, then categories, topics and questions by index.
fn place(at: &Location) -> (usize, usize, usize) {
    let Some(pointer) = &at.pointer else {
        return (0, 0, 0);
    };
    let mut parts = pointer.split('/').skip(1);
    let rank = match parts.next() {
        Some("categories") => 1,
        Some("topics") => 2,
        Some("questions") => 3,
        _ => 4,
    };
    let index = parts.next().and_then(|i| i.parse().ok()).unwrap_or(0);
    (rank, index, 0)
}
