//! Reads a bank and validates it: a folder of TOML files (the built-in bank), or a custom bank in
//! one file, TOML or JSON ([`load_bank_text`]). Every problem is reported, each with
//! `file:line:col` (JSON: `file: /json/pointer`), so an author fixes a whole bank in one pass;
//! nothing here panics on input.

mod json;
mod rules;
mod single;
mod stdlib;
mod write;

pub use single::{
    MAX_BANK_BYTES, MAX_BANK_QUESTIONS, is_json, load_bank_file, load_bank_text, load_path,
};

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::model::{Difficulty, Kind, Question, TopicInfo};

/// Where a problem is: a file and a 1-based line and column, or (JSON) a JSON pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// File path as shown to the author (relative to the folder's label), or the bank's name.
    pub file: String,
    /// 1-based line; 0 when the place is given by `pointer`.
    pub line: usize,
    /// 1-based column, in characters; 0 when the place is given by `pointer`.
    pub col: usize,
    /// The JSON pointer of the value at fault (`/questions/12/choices/1`), in a JSON bank.
    pub pointer: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.pointer {
            Some(pointer) => write!(f, "{}: {pointer}", self.file),
            None => write!(f, "{}:{}:{}", self.file, self.line, self.col),
        }
    }
}

/// One problem in a bank folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// Where it is.
    pub at: Location,
    /// The id of the question it belongs to, when known.
    pub question: Option<String>,
    /// What is wrong, in words an author acts on.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.at)?;
        if let Some(id) = &self.question {
            write!(f, "question \"{id}\": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ContentError {}

/// A [`ContentError`] in parts, for a browser to show (`{message, line?, col?, pointer?, id?}`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ErrorInfo {
    /// What is wrong, without the place or the question id.
    pub message: String,
    /// 1-based line (TOML, and JSON syntax errors).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub line: Option<usize>,
    /// 1-based column, in characters (TOML, and JSON syntax errors).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub col: Option<usize>,
    /// JSON pointer of the value at fault (JSON).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub pointer: Option<String>,
    /// The id of the question, when known.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub id: Option<String>,
}

impl ContentError {
    /// The error in parts; `to_string()` gives the whole line an author reads.
    pub fn info(&self) -> ErrorInfo {
        let located = self.at.pointer.is_none() && self.at.line > 0;
        ErrorInfo {
            message: self.message.clone(),
            line: located.then_some(self.at.line),
            col: located.then_some(self.at.col),
            pointer: self.at.pointer.clone(),
            id: self.question.clone(),
        }
    }
}

/// A category as declared in `categories.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CategoryInfo {
    /// Kebab-case slug; also the folder name of its topics.
    pub slug: String,
    /// Human title.
    pub title: String,
}

/// One topic file, parsed and validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    /// Slug, title, category and counts.
    pub info: TopicInfo,
    /// Its questions, in file order.
    pub questions: Vec<Question>,
}

/// A whole validated bank folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bank {
    /// Categories in declared order.
    pub categories: Vec<CategoryInfo>,
    /// Topics sorted by path.
    pub topics: Vec<Topic>,
}

impl Bank {
    /// Every question, topic by topic.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.topics.iter().flat_map(|t| t.questions.iter())
    }

    /// Number of questions.
    pub fn len(&self) -> usize {
        self.questions().count()
    }

    /// Whether the bank has no questions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lists the files a bank folder consists of (`categories.toml` and every topic file), sorted.
///
/// # Errors
/// Returns the I/O error of a folder that cannot be read.
pub fn bank_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads and validates the bank folder `root`; paths in errors start with `label`
/// (e.g. `content`).
///
/// # Errors
/// Every problem found, in file order.
pub fn load_dir(root: &Path, label: &str) -> Result<Bank, Vec<ContentError>> {
    let files = match bank_files(root) {
        Ok(files) => files,
        Err(e) => return Err(vec![file_error(label, format!("cannot read folder: {e}"))]),
    };
    let mut sources = Vec::new();
    for path in files {
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let shown = Path::new(label)
            .join(rel)
            .to_string_lossy()
            .replace('\\', "/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        match std::fs::read(&path) {
            Ok(bytes) => sources.push(Source { shown, rel, bytes }),
            Err(e) => return Err(vec![file_error(&shown, format!("cannot read file: {e}"))]),
        }
    }
    load_sources(&sources, label)
}

/// One bank file in memory.
#[derive(Clone, Debug)]
pub struct Source {
    /// Path shown in errors.
    pub shown: String,
    /// Path relative to the bank root, `/`-separated (`python/oop/mro.toml`).
    pub rel: String,
    /// Raw bytes (checked for UTF-8 here).
    pub bytes: Vec<u8>,
}

/// Validates a bank held in memory; see [`load_dir`].
///
/// # Errors
/// Every problem found, in file order.
pub fn load_sources(sources: &[Source], label: &str) -> Result<Bank, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut categories = Vec::new();
    let mut found_categories = false;
    for src in sources.iter().filter(|s| s.rel == "categories.toml") {
        found_categories = true;
        if let Some(text) = utf8(src, &mut errors) {
            categories = parse_categories(&src.shown, text, &mut errors);
        }
    }
    if !found_categories {
        errors.push(file_error(
            &format!("{label}/categories.toml"),
            "missing: the bank needs a categories.toml listing its [[category]] slugs and titles"
                .into(),
        ));
    }
    let mut topics = Vec::new();
    let mut ids: HashMap<String, Location> = HashMap::new();
    let mut slugs: HashMap<String, Location> = HashMap::new();
    for src in sources.iter().filter(|s| s.rel != "categories.toml") {
        let Some(text) = utf8(src, &mut errors) else {
            continue;
        };
        let file = FileCtx {
            shown: &src.shown,
            text,
            rel: &src.rel,
            pointers: None,
            line_starts: std::cell::OnceCell::new(),
        };
        let Some((topic, id_locs)) = parse_topic(&file, &categories, found_categories, &mut errors)
        else {
            continue;
        };
        // Unique ids across the bank: the second and later uses are the errors.
        for (q, at) in topic.questions.iter().zip(id_locs) {
            if let Some(first) = ids.get(&q.id) {
                errors.push(ContentError {
                    at,
                    question: Some(q.id.clone()),
                    message: format!("duplicate id: already used at {first}"),
                });
            } else {
                ids.insert(q.id.clone(), at);
            }
        }
        let at = file.loc(0..0);
        if let Some(first) = slugs.insert(topic.info.slug.clone(), at.clone()) {
            errors.push(ContentError {
                at,
                question: None,
                message: format!(
                    "topic slug \"{}\" is already used by {}",
                    topic.info.slug, first.file
                ),
            });
        }
        topics.push(topic);
    }
    if errors.is_empty() {
        Ok(Bank { categories, topics })
    } else {
        Err(errors)
    }
}

fn file_error(file: &str, message: String) -> ContentError {
    ContentError {
        at: Location {
            file: file.to_string(),
            line: 1,
            col: 1,
            pointer: None,
        },
        question: None,
        message,
    }
}

fn utf8<'a>(src: &'a Source, errors: &mut Vec<ContentError>) -> Option<&'a str> {
    match std::str::from_utf8(&src.bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = src.bytes.get(..e.valid_up_to()).unwrap_or_default();
            let text = String::from_utf8_lossy(valid);
            let file = FileCtx {
                shown: &src.shown,
                text: &text,
                rel: &src.rel,
                pointers: None,
                line_starts: std::cell::OnceCell::new(),
            };
            errors.push(ContentError {
                at: file.loc(text.len()..text.len()),
                question: None,
                message: "invalid UTF-8: bank files must be UTF-8 text".into(),
            });
            None
        }
    }
}

/// A file being parsed: turns byte spans into locations.
struct FileCtx<'a> {
    shown: &'a str,
    text: &'a str,
    rel: &'a str,
    /// A JSON bank: its values' spans are `i..i + 1`, `i` an index in this list of pointers.
    pointers: Option<&'a [String]>,
    /// Byte offsets where lines start, found once per file when a location is first needed
    /// (a 10,000-question file asks for thousands).
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl FileCtx<'_> {
    fn loc(&self, span: Range<usize>) -> Location {
        if let Some(pointers) = self.pointers {
            let pointer = pointers.get(span.start).map_or("", String::as_str);
            return pointer_loc(self.shown, pointer);
        }
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let at = span.start.min(self.text.len());
        // The last line start at or before `at`.
        let line = starts.partition_point(|&start| start <= at).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let col = self.text.get(start..at).map_or(0, |s| s.chars().count()) + 1;
        Location {
            file: self.shown.to_string(),
            line,
            col,
            pointer: None,
        }
    }

    fn err(&self, span: Range<usize>, question: Option<&str>, message: String) -> ContentError {
        ContentError {
            at: self.loc(span),
            question: question.map(str::to_string),
            message,
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> ContentError {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().replace('\n', " ");
        self.err(span, None, format!("invalid TOML: {message}"))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategories {
    #[serde(default)]
    category: Vec<Spanned<RawCategory>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    slug: Spanned<String>,
    title: Spanned<String>,
}

/// The location of a JSON pointer; the root (`""`) is the file's first line.
fn pointer_loc(file: &str, pointer: &str) -> Location {
    Location {
        file: file.to_string(),
        line: usize::from(pointer.is_empty()),
        col: usize::from(pointer.is_empty()),
        pointer: (!pointer.is_empty()).then(|| pointer.to_string()),
    }
}

fn parse_categories(shown: &str, text: &str, errors: &mut Vec<ContentError>) -> Vec<CategoryInfo> {
    let file = FileCtx {
        shown,
        text,
        rel: "categories.toml",
        pointers: None,
        line_starts: std::cell::OnceCell::new(),
    };
    let raw: RawCategories = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(file.toml_error(&e));
            return Vec::new();
        }
    };
    check_categories(&file, raw.category, "no [[category]] declared", errors)
}

/// Validates declared categories: kebab-case unique slugs, titles, at least one.
fn check_categories(
    file: &FileCtx<'_>,
    raw: Vec<Spanned<RawCategory>>,
    none: &str,
    errors: &mut Vec<ContentError>,
) -> Vec<CategoryInfo> {
    let mut out: Vec<CategoryInfo> = Vec::new();
    for c in raw {
        let c = c.into_inner();
        if !rules::is_kebab(c.slug.get_ref()) {
            errors.push(file.err(
                c.slug.span(),
                None,
                rules::not_kebab("category slug", &c.slug),
            ));
        } else if out.iter().any(|o| &o.slug == c.slug.get_ref()) {
            errors.push(file.err(
                c.slug.span(),
                None,
                format!("duplicate category \"{}\"", c.slug.get_ref()),
            ));
        }
        if c.title.get_ref().trim().is_empty() {
            errors.push(file.err(c.title.span(), None, "category title is empty".into()));
        }
        out.push(CategoryInfo {
            slug: c.slug.into_inner(),
            title: c.title.into_inner(),
        });
    }
    if out.is_empty() {
        errors.push(file.err(0..0, None, none.into()));
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopicFile {
    topic: Option<Spanned<RawTopic>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    slug: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
}

type Str = Spanned<String>;
type StrList = Spanned<Vec<Str>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<Str>,
    /// Only in a single-file bank: the slug of the question's topic.
    topic: Option<Str>,
    /// Only in a single-file bank (optional there): the topic's category.
    category: Option<Str>,
    difficulty: Option<Str>,
    kind: Option<Str>,
    tags: Option<StrList>,
    prompt: Option<Str>,
    code: Option<Str>,
    explanation: Option<Str>,
    python: Option<Str>,
    choices: Option<Spanned<Vec<Spanned<RawChoice>>>>,
    answer: Option<Spanned<bool>>,
    output: Option<Str>,
    accept: Option<StrList>,
    items: Option<StrList>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    text: Option<Str>,
    correct: Option<Spanned<bool>>,
    why: Option<Str>,
}

fn parse_topic(
    file: &FileCtx<'_>,
    categories: &[CategoryInfo],
    check_category: bool,
    errors: &mut Vec<ContentError>,
) -> Option<(Topic, Vec<Location>)> {
    let raw: RawTopicFile = match toml::from_str(file.text) {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(file.toml_error(&e));
            return None;
        }
    };
    let stem = file
        .rel
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".toml");
    let folder = file.rel.rsplit('/').nth(1).unwrap_or("");
    let Some(topic) = raw.topic else {
        errors.push(file.err(
            0..0,
            None,
            "missing [topic] table (slug, title, category)".into(),
        ));
        return None;
    };
    let span = topic.span();
    let t = topic.into_inner();
    let mut ok = true;
    let mut need = |v: Option<Str>, what: &str, errors: &mut Vec<ContentError>| match v {
        Some(v) if !v.get_ref().trim().is_empty() => Some(v),
        Some(v) => {
            errors.push(file.err(v.span(), None, format!("topic {what} is empty")));
            ok = false;
            None
        }
        None => {
            errors.push(file.err(span.clone(), None, format!("[topic] is missing `{what}`")));
            ok = false;
            None
        }
    };
    let slug = need(t.slug, "slug", errors);
    let title = need(t.title, "title", errors);
    let category = need(t.category, "category", errors);
    if let Some(slug) = &slug {
        if slug.get_ref() != stem {
            errors.push(file.err(
                slug.span(),
                None,
                format!(
                    "topic slug \"{}\" must match the file name \"{stem}.toml\"",
                    slug.get_ref()
                ),
            ));
            ok = false;
        } else if !rules::is_kebab(slug.get_ref()) {
            errors.push(file.err(slug.span(), None, rules::not_kebab("topic slug", slug)));
            ok = false;
        }
    }
    if let Some(category) = &category {
        let c = category.get_ref();
        if check_category && !categories.iter().any(|k| &k.slug == c) {
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
        } else if c != folder {
            errors.push(file.err(
                category.span(),
                None,
                format!("category \"{c}\" must match the folder the file is in (\"{folder}\")"),
            ));
            ok = false;
        }
    }
    let (Some(slug), Some(title), Some(category)) = (slug, title, category) else {
        return None;
    };
    let mut questions = Vec::new();
    let mut id_locs = Vec::new();
    for q in raw.question {
        let id = q.get_ref().id.as_ref().map(|i| i.get_ref().as_str());
        for (field, v) in [
            ("topic", &q.get_ref().topic),
            ("category", &q.get_ref().category),
        ] {
            if let Some(v) = v {
                errors.push(file.err(
                    v.span(),
                    id,
                    format!("`{field}` is set by the file's [topic] table, not by a question"),
                ));
            }
        }
        if let Some((q, at)) = rules::question(file, q, slug.get_ref(), category.get_ref(), errors)
        {
            questions.push(q);
            id_locs.push(at);
        }
    }
    if !ok {
        return None;
    }
    let mut counts = [0u32; 3];
    for q in &questions {
        if let Some(c) = counts.get_mut(q.difficulty.index()) {
            *c += 1;
        }
    }
    let info = TopicInfo {
        slug: slug.into_inner(),
        title: title.into_inner(),
        category: category.into_inner(),
        counts,
    };
    Some((Topic { info, questions }, id_locs))
}

/// Counts of a bank by category, topic, difficulty and kind (`quiz-bank stats`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Stats {
    /// Number of questions.
    pub questions: usize,
    /// Number of topics.
    pub topics: usize,
    /// Questions with a `code` block.
    pub with_code: usize,
    /// Questions per difficulty slug.
    pub by_difficulty: BTreeMap<String, usize>,
    /// Questions per kind slug.
    pub by_kind: BTreeMap<String, usize>,
    /// Questions per category slug.
    pub by_category: BTreeMap<String, usize>,
    /// Questions per topic slug.
    pub by_topic: BTreeMap<String, usize>,
}

impl Bank {
    /// Counts questions every way an author needs.
    pub fn stats(&self) -> Stats {
        let mut s = Stats {
            topics: self.topics.len(),
            ..Stats::default()
        };
        for d in Difficulty::ALL {
            s.by_difficulty.insert(d.to_string(), 0);
        }
        for k in Kind::ALL {
            s.by_kind.insert(k.to_string(), 0);
        }
        for c in &self.categories {
            s.by_category.insert(c.slug.clone(), 0);
        }
        for t in &self.topics {
            s.by_topic.insert(t.info.slug.clone(), t.questions.len());
            *s.by_category.entry(t.info.category.clone()).or_default() += t.questions.len();
            for q in &t.questions {
                s.questions += 1;
                s.with_code += usize::from(q.code.is_some());
                *s.by_difficulty.entry(q.difficulty.to_string()).or_default() += 1;
                *s.by_kind.entry(q.kind().to_string()).or_default() += 1;
            }
        }
        s
    }
}
