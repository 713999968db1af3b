//! Moodle XML (<https://docs.moodle.org/en/Moodle_XML_format>): export and import, with the
//! element and attribute names that Moodle's importer (`question/format/xml/format.php`,
//! class `qformat_xml`, and `question/type/ordering/questiontype.php`) reads.
//!
//! Export: `<quiz>` with a `<question type="category">` (`$course$/<category>/<topic>`) before
//! each topic's questions, then one `<question>` per question:
//!
//! | kind | Moodle type |
//! |---|---|
//! | `single` | `multichoice`, `<single>true</single>`, fractions 100 / 0 |
//! | `multiple` | `multichoice`, `<single>false</single>`, right choices share +100, wrong ones share −100 (Moodle gives partial credit: reported as a loss) |
//! | `output` with choices | `multichoice` with the code in the question text as `<pre><code class="language-python">` and each choice as `<pre><code>` |
//! | typed `output` | `shortanswer`, case-sensitive (`usecase` 1); an output of several lines, or with leading spaces, cannot be typed into Moodle's one-line box (reported as a loss) |
//! | `true-false` | `truefalse` |
//! | `text` | `shortanswer`, `usecase` 0, every accepted answer at 100 % (`*` escaped as `\*`) |
//! | `order` | `ordering`, all-or-nothing: a standard question type since Moodle 4.4, the `qtype_ordering` plugin before |
//!
//! `<name>` and `<idnumber>` hold the id; the question text, choices and feedback are HTML (our
//! Markdown rendered, in CDATA); `why` → the choice's `<feedback>`, the explanation →
//! `<generalfeedback>`. Tags: the difficulty (`easy`), `kind:<kind>`, `topic:<slug>`,
//! `python:ge3.12` for a version range (`>=` → `ge`, `<` → `lt`, `<=` → `le`, `==` → `eq`, clauses
//! joined by `-`: Moodle strips `<` and `>` from tags), then the question's own tags.
//!
//! Import reads that back exactly, and hand-written Moodle XML too: categories become topics;
//! `multichoice`, `truefalse`, `shortanswer` and `ordering` become questions; every other type
//! (essay, numerical, matching, cloze, …) is reported as skipped with its path
//! (`/quiz/question[7] (line 40)`) and why. HTML becomes Markdown conservatively.

use quiz_core::parse::{Bank, CategoryInfo, Topic};
use quiz_core::{Answer, Choice, Difficulty, Kind, PythonRange, Question, TopicInfo};

use crate::xml::{self, Element, MdBlock};
use crate::{
    Exported, ImportError, ImportOptions, Imported, Report, Source, difficulty_from_tags, make_id,
};

/// The loss reported for every `multiple` question on export (and import).
const PARTIAL_CREDIT: &str =
    "all-or-nothing scoring (Moodle gives partial credit to multiple-answer questions)";

// ---------------------------------------------------------------------------------------
// Export

/// Writes `source` as a Moodle XML file.
pub fn export(source: &Source) -> Exported {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let mut report = Report::default();
    let mut current: Option<(&str, &str)> = None;
    for q in &source.questions {
        let place = (q.category.as_str(), q.topic.as_str());
        if current != Some(place) {
            current = Some(place);
            category(
                &mut out,
                source.category_title(&q.category),
                source.topic_title(&q.topic),
            );
        }
        let losses = question(&mut out, q);
        if losses.is_empty() {
            report.whole += 1;
        }
        for what in losses {
            report.lose(&q.id, what);
        }
    }
    out.push_str("</quiz>\n");
    Exported {
        bytes: out.into_bytes(),
        report,
    }
}

/// A category path segment as Moodle's `assemble_category_path` writes it: `/` doubled (its
/// importer splits on single `/`), and a space against a `/` at either end.
fn path_segment(title: &str) -> String {
    let mut segment = title.trim().replace('/', "//");
    if segment.starts_with('/') {
        segment.insert(0, ' ');
    }
    if segment.ends_with('/') {
        segment.push(' ');
    }
    segment
}

fn category(out: &mut String, category: &str, topic: &str) {
    let path = format!(
        "$course$/{}/{}",
        path_segment(category),
        path_segment(topic)
    );
    out.push_str("  <question type=\"category\">\n    <category>\n");
    out.push_str(&format!("      <text>{}</text>\n", xml::escape(&path)));
    out.push_str("    </category>\n    <info format=\"html\">\n      <text></text>\n    </info>\n");
    out.push_str("  </question>\n");
}

/// `<tag format="html"><text><![CDATA[html]]></text></tag>` at `indent`.
fn html_field(out: &mut String, indent: &str, tag: &str, html: &str) {
    out.push_str(&format!("{indent}<{tag} format=\"html\">\n"));
    if html.is_empty() {
        out.push_str(&format!("{indent}  <text></text>\n"));
    } else {
        out.push_str(&format!("{indent}  <text>{}</text>\n", xml::cdata(html)));
    }
    out.push_str(&format!("{indent}</{tag}>\n"));
}

/// An element holding escaped text.
fn plain(out: &mut String, indent: &str, tag: &str, text: &str) {
    out.push_str(&format!("{indent}<{tag}>{}</{tag}>\n", xml::escape(text)));
}

/// A fraction as Moodle writes it: `100`, `50`, `33.33333`, `-12.5`.
fn fraction(x: f64) -> String {
    let s = format!("{x:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// Moodle's tag for a version range: `>=3.11,<3.13` → `python:ge3.11-lt3.13` (Moodle strips
/// `<` and `>` from tags); GIFT writes the same tags.
pub(crate) fn python_tag(range: &PythonRange) -> String {
    let text = range
        .to_string()
        .replace(">=", "ge")
        .replace("<=", "le")
        .replace("==", "eq")
        .replace('<', "lt")
        .replace(',', "-");
    format!("python:{text}")
}

/// The range of a `python:` tag, if it is one.
pub(crate) fn python_from_tag(tag: &str) -> Option<PythonRange> {
    let body = tag.strip_prefix("python:")?;
    let mut clauses = Vec::new();
    for clause in body.split('-') {
        let (op, rest) = [("ge", ">="), ("le", "<="), ("eq", "=="), ("lt", "<")]
            .iter()
            .find_map(|(word, op)| clause.strip_prefix(word).map(|rest| (*op, rest)))?;
        clauses.push(format!("{op}{rest}"));
    }
    PythonRange::parse(&clauses.join(",")).ok()
}

/// The question text: the prompt, then the code as Python.
fn question_html(q: &Question) -> String {
    let mut html = xml::md_to_html(&q.prompt);
    if let Some(code) = &q.code {
        if !html.is_empty() {
            html.push('\n');
        }
        html.push_str(&xml::code_html(code.trim_end_matches('\n'), Some("python")));
    }
    html
}

/// Writes one question; returns what it lost.
fn question(out: &mut String, q: &Question) -> Vec<&'static str> {
    let mut losses = Vec::new();
    let qtype = match &q.answer {
        Answer::Single { .. } | Answer::Multiple { .. } => "multichoice",
        Answer::Output { choices, .. } if !choices.is_empty() => "multichoice",
        Answer::Output { .. } | Answer::Text { .. } => "shortanswer",
        Answer::TrueFalse { .. } => "truefalse",
        Answer::Order { .. } => "ordering",
    };
    out.push_str(&format!("  <question type=\"{qtype}\">\n"));
    out.push_str("    <name>\n");
    plain(out, "      ", "text", &q.id);
    out.push_str("    </name>\n");
    html_field(out, "    ", "questiontext", &question_html(q));
    html_field(
        out,
        "    ",
        "generalfeedback",
        &xml::md_to_html(&q.explanation),
    );
    plain(out, "    ", "idnumber", &q.id);
    match &q.answer {
        Answer::Single { choices } => multichoice(out, choices, true, false),
        Answer::Multiple { choices } => {
            multichoice(out, choices, false, false);
            losses.push(PARTIAL_CREDIT);
        }
        Answer::Output { choices, .. } if !choices.is_empty() => {
            multichoice(out, choices, true, true);
        }
        Answer::Output { output, .. } => {
            // Moodle trims answers; trailing spaces and blank lines do not count for us either.
            shortanswer(out, true, &[output.trim_end().to_string()]);
            if output.trim_end().contains('\n') || output.starts_with(char::is_whitespace) {
                losses.push(
                    "the exact output (Moodle's short answer is one line, with spaces trimmed)",
                );
            }
        }
        Answer::Text { accept } => shortanswer(out, false, accept),
        Answer::TrueFalse { answer } => {
            for (text, right) in [("true", *answer), ("false", !*answer)] {
                out.push_str(&format!(
                    "    <answer fraction=\"{}\">\n",
                    if right { 100 } else { 0 }
                ));
                plain(out, "      ", "text", text);
                html_field(out, "      ", "feedback", "");
                out.push_str("    </answer>\n");
            }
        }
        Answer::Order { items } => {
            plain(out, "    ", "layouttype", "VERTICAL");
            plain(out, "    ", "selecttype", "ALL");
            plain(out, "    ", "selectcount", &items.len().to_string());
            plain(out, "    ", "gradingtype", "ALL_OR_NOTHING");
            plain(out, "    ", "showgrading", "SHOW");
            plain(out, "    ", "numberingstyle", "none");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&format!(
                    "    <answer fraction=\"{}\" format=\"html\">\n",
                    i + 1
                ));
                out.push_str(&format!(
                    "      <text>{}</text>\n",
                    xml::cdata(&xml::md_inline_html(item))
                ));
                out.push_str("    </answer>\n");
            }
        }
    }
    out.push_str("    <tags>\n");
    let mut tags = vec![
        q.difficulty.as_str().to_string(),
        format!("kind:{}", q.kind()),
        format!("topic:{}", q.topic),
    ];
    if let Some(range) = &q.python {
        tags.push(python_tag(range));
    }
    tags.extend(q.tags.iter().cloned());
    for tag in tags {
        out.push_str(&format!(
            "      <tag><text>{}</text></tag>\n",
            xml::escape(&tag)
        ));
    }
    out.push_str("    </tags>\n");
    out.push_str("  </question>\n");
    losses
}

fn multichoice(out: &mut String, choices: &[Choice], single: bool, output: bool) {
    plain(out, "    ", "single", if single { "true" } else { "false" });
    plain(out, "    ", "shuffleanswers", "true");
    plain(out, "    ", "answernumbering", "abc");
    let right = choices.iter().filter(|c| c.correct).count().max(1);
    let wrong = choices.iter().filter(|c| !c.correct).count().max(1);
    for c in choices {
        let f = match (single, c.correct) {
            (true, true) => 100.0,
            (true, false) => 0.0,
            // Values Moodle accepts: ±100/n for n = 1..=7 are all among its grade options.
            (false, true) => 100.0 / right as f64,
            (false, false) => -100.0 / wrong as f64,
        };
        out.push_str(&format!(
            "    <answer fraction=\"{}\" format=\"html\">\n",
            fraction(f)
        ));
        let html = if output {
            xml::code_html(&c.text, None)
        } else {
            xml::md_inline_html(&c.text)
        };
        out.push_str(&format!("      <text>{}</text>\n", xml::cdata(&html)));
        let why = c
            .why
            .as_deref()
            .map(xml::md_inline_html)
            .unwrap_or_default();
        html_field(out, "      ", "feedback", &why);
        out.push_str("    </answer>\n");
    }
}

/// Moodle's short answers read `*` as a wildcard; `\*` is a literal star.
fn escape_wildcards(s: &str) -> String {
    s.replace('*', "\\*")
}

fn shortanswer(out: &mut String, case_sensitive: bool, answers: &[String]) {
    plain(
        out,
        "    ",
        "usecase",
        if case_sensitive { "1" } else { "0" },
    );
    for a in answers {
        out.push_str("    <answer fraction=\"100\">\n");
        plain(out, "      ", "text", &escape_wildcards(a));
        html_field(out, "      ", "feedback", "");
        out.push_str("    </answer>\n");
    }
}

// ---------------------------------------------------------------------------------------
// Import

/// Reads a Moodle XML file.
///
/// # Errors
/// Input that is not well-formed XML (with its line and column), or whose root element is
/// not `<quiz>`.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let root = xml::parse(bytes)?;
    if root.name != "quiz" {
        return Err(ImportError {
            at: root.at(),
            message: format!(
                "the root element is <{}>: a Moodle XML file has <quiz> around its questions",
                root.name
            ),
        });
    }
    let mut state = State::new(options);
    for (i, q) in root.children_named("question").enumerate() {
        let at = format!("/quiz/question[{}] (line {})", i + 1, q.line);
        match q.attr("type").map(str::trim) {
            Some("category") => state.set_category(q),
            Some(qtype) => {
                if let Err(why) = state.question(qtype, q) {
                    state.report.skip(&at, &why);
                }
            }
            None => state
                .report
                .skip(&at, "the <question> has no type attribute"),
        }
    }
    Ok(state.finish())
}

/// What a Moodle type that we cannot map is, for the skip report.
fn unsupported(qtype: &str) -> String {
    match qtype {
        "essay" => "essay questions are graded by hand; the quiz has no such kind".into(),
        "numerical" => {
            "numerical questions (a number within a tolerance) have no matching kind".into()
        }
        "matching" | "match" => "matching questions have no matching kind".into(),
        "cloze" | "multianswer" => {
            "cloze (embedded answers) questions have no matching kind".into()
        }
        "description" => "a description is text, not a question".into(),
        "calculated" | "calculatedsimple" | "calculatedmulti" => {
            "calculated questions (formulas with random values) have no matching kind".into()
        }
        "random" | "randomsamatch" => {
            "random questions are drawn from a Moodle question bank; there is nothing to import"
                .into()
        }
        "ddwtos" | "gapselect" | "ddimageortext" | "ddmarker" => {
            "drag-and-drop and gap-select questions have no matching kind".into()
        }
        other => format!("the question type \"{other}\" is not supported"),
    }
}

/// A topic being filled, keyed by the titles of its category path.
struct Slot {
    category_title: String,
    topic_title: String,
    topic: Option<usize>,
}

struct State<'o> {
    options: &'o ImportOptions,
    categories: Vec<CategoryInfo>,
    topics: Vec<Topic>,
    slots: Vec<Slot>,
    current: usize,
    ids: Vec<String>,
    topic_slugs: Vec<String>,
    category_slugs: Vec<String>,
    report: Report,
}

/// A text field read as Markdown.
struct Text {
    /// The Markdown.
    md: String,
    /// The Python code block that ended the question text, taken out of `md`.
    code: Option<String>,
}

/// Whether `s` is kebab-case, as the bank's ids, slugs and tags must be.
fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A tag made kebab-case (`Week 1` → `week-1`); empty when nothing is left.
fn kebab(s: &str) -> String {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// The text of `el`'s `<text>` child, trimmed as Moodle does.
fn text_of(el: Option<&Element>) -> String {
    el.and_then(|e| e.child("text"))
        .map(|t| t.text().trim().to_string())
        .unwrap_or_default()
}

/// Splits a category path (`$course$/top/Python//Rust/Loops`) into its names, as Moodle
/// does: on single `/`, `//` being a literal `/`; the context and `top` are dropped.
fn category_names(path: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut name = String::new();
    let mut chars = path.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c == '/' {
            if chars.peek() == Some(&'/') {
                chars.next();
                name.push('/');
            } else {
                names.push(std::mem::take(&mut name));
            }
        } else {
            name.push(c);
        }
    }
    names.push(name);
    let mut names: Vec<String> = names
        .into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names
        .first()
        .is_some_and(|n| n.starts_with('$') && n.ends_with('$') && n.len() > 1)
    {
        names.remove(0);
    }
    if names.first().is_some_and(|n| n == "top") {
        names.remove(0);
    }
    names
}

impl<'o> State<'o> {
    fn new(options: &'o ImportOptions) -> State<'o> {
        State {
            options,
            categories: Vec::new(),
            topics: Vec::new(),
            slots: vec![Slot {
                category_title: options.category.1.clone(),
                topic_title: options.category.1.clone(),
                topic: None,
            }],
            current: 0,
            ids: Vec::new(),
            topic_slugs: Vec::new(),
            category_slugs: Vec::new(),
            report: Report::default(),
        }
    }

    /// A `<question type="category">`: the questions after it go to its topic.
    fn set_category(&mut self, q: &Element) {
        let path = match q.child("category") {
            Some(c) if c.child("text").is_some() => text_of(Some(c)),
            Some(c) => c.text().trim().to_string(),
            None => String::new(),
        };
        let names = category_names(&path);
        let default = &self.options.category.1;
        let (category_title, topic_title) = match names.as_slice() {
            [] => (default.clone(), default.clone()),
            [topic] => (default.clone(), topic.clone()),
            [.., category, topic] => (category.clone(), topic.clone()),
        };
        self.current = match self
            .slots
            .iter()
            .position(|s| s.category_title == category_title && s.topic_title == topic_title)
        {
            Some(i) => i,
            None => {
                self.slots.push(Slot {
                    category_title,
                    topic_title,
                    topic: None,
                });
                self.slots.len() - 1
            }
        };
    }

    /// The topic of the current category, made on first use (`topic:` tag as its slug when
    /// free).
    fn topic(&mut self, slug_hint: Option<&str>) -> Option<usize> {
        let slot = self.slots.get(self.current)?;
        if let Some(t) = slot.topic {
            return Some(t);
        }
        let (category_title, topic_title) = (slot.category_title.clone(), slot.topic_title.clone());
        let default = &self.options.category;
        let category = match self.categories.iter().find(|c| c.title == category_title) {
            Some(c) => c.slug.clone(),
            None => {
                let slug =
                    if category_title == default.1 && !self.category_slugs.contains(&default.0) {
                        self.category_slugs.push(default.0.clone());
                        default.0.clone()
                    } else {
                        make_id(&category_title, &mut self.category_slugs)
                    };
                self.categories.push(CategoryInfo {
                    slug: slug.clone(),
                    title: category_title,
                });
                slug
            }
        };
        let slug = match slug_hint {
            Some(s) if is_kebab(s) && !self.topic_slugs.iter().any(|t| t == s) => {
                self.topic_slugs.push(s.to_string());
                s.to_string()
            }
            _ if topic_title == default.1 && !self.topic_slugs.contains(&default.0) => {
                self.topic_slugs.push(default.0.clone());
                default.0.clone()
            }
            _ => make_id(&topic_title, &mut self.topic_slugs),
        };
        self.topics.push(Topic {
            info: TopicInfo {
                slug,
                title: topic_title,
                category,
                counts: [0; 3],
            },
            questions: Vec::new(),
        });
        let index = self.topics.len() - 1;
        if let Some(slot) = self.slots.get_mut(self.current) {
            slot.topic = Some(index);
        }
        Some(index)
    }

    /// Reads one question into the current topic, or says why not.
    fn question(&mut self, qtype: &str, q: &Element) -> Result<(), String> {
        if !matches!(
            qtype,
            "multichoice" | "truefalse" | "shortanswer" | "ordering"
        ) {
            return Err(unsupported(qtype));
        }
        let mut lost: Vec<String> = Vec::new();
        let mut lose = |what: &str| {
            if !lost.iter().any(|l| l == what) {
                lost.push(what.to_string());
            }
        };
        let question_format = q
            .child("questiontext")
            .and_then(|e| e.attr("format"))
            .unwrap_or("html")
            .to_string();
        let text = rich(q.child("questiontext"), "html", true, &mut lose);
        let (prompt, code) = (text.md, text.code);
        if prompt.trim().is_empty() {
            return Err("the question text is empty".into());
        }
        if [q.child("questiontext"), q.child("generalfeedback")]
            .into_iter()
            .flatten()
            .any(|e| e.child("file").is_some())
            || q.child("image").is_some()
        {
            lose("attached files (images)");
        }
        // Tags: difficulty, kind:, topic:, python:, the rest kept as kebab-case tags.
        let raw_tags: Vec<String> = q
            .find(&["tags"])
            .map(|t| {
                t.children_named("tag")
                    .map(|tag| text_of(Some(tag)))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let difficulty: Difficulty = difficulty_from_tags(raw_tags.iter().map(String::as_str))
            .unwrap_or(self.options.difficulty);
        let mut kind_hint = None;
        let mut topic_hint = None;
        let mut python = None;
        let mut tags: Vec<String> = Vec::new();
        for tag in &raw_tags {
            let lower = tag.to_ascii_lowercase();
            if let Some(k) = lower.strip_prefix("kind:") {
                kind_hint = Kind::from_slug(k.trim());
            } else if let Some(t) = tag.strip_prefix("topic:") {
                topic_hint = Some(t.trim().to_string());
            } else if let Some(range) = python_from_tag(&lower) {
                python = Some(range);
            } else if Difficulty::from_slug(lower.trim()).is_none() {
                let t = kebab(tag);
                if !t.is_empty() && !tags.contains(&t) {
                    tags.push(t);
                }
            }
        }
        if tags.is_empty() {
            tags.push("imported".into());
        }
        let answers = q.children_named("answer").collect::<Vec<_>>();
        let answer = match qtype {
            "multichoice" => {
                let single = q.child("single").is_none_or(|s| single_flag(&s.text()));
                let mut read = Vec::new();
                for a in &answers {
                    let f = fraction_of(a);
                    let as_output = kind_hint == Some(Kind::Output) && single && code.is_some();
                    let text = if as_output {
                        pre_only(a)
                            .unwrap_or_else(|| rich(Some(a), &question_format, false, &mut lose).md)
                    } else {
                        rich(Some(a), &question_format, false, &mut lose).md
                    };
                    let why = rich(a.child("feedback"), &question_format, false, &mut lose).md;
                    read.push((f, text, why));
                }
                multichoice_answer(
                    read,
                    single,
                    kind_hint == Some(Kind::Output) && code.is_some(),
                    &mut lose,
                )?
            }
            "truefalse" => {
                let mut value = None;
                for (i, a) in answers.iter().enumerate() {
                    let label = text_of(Some(a));
                    let is_true = match label.as_str() {
                        "true" => true,
                        "false" => false,
                        // Old files: true first, then false (as Moodle assumes).
                        _ => i == 0,
                    };
                    let full = (fraction_of(a) - 100.0).abs() < 1e-6;
                    value = Some(if is_true { full } else { !full });
                    if !text_of(a.child("feedback")).is_empty() {
                        lose(
                            "per-answer feedback (a true/false question has only the explanation)",
                        );
                    }
                }
                Answer::TrueFalse {
                    answer: value.ok_or("a true/false question without answers")?,
                }
            }
            "shortanswer" => {
                let case_sensitive = q.child("usecase").is_some_and(|u| u.text().trim() == "1");
                let mut accept = Vec::new();
                for a in &answers {
                    let f = fraction_of(a);
                    let raw = text_of(Some(a));
                    if f >= 100.0 - 1e-6 {
                        if wildcard(&raw) {
                            lose("wildcards (*) in answers, kept as literal text");
                        }
                        let text = raw.replace("\\*", "*");
                        if !text.is_empty() && !accept.contains(&text) {
                            accept.push(text);
                        }
                        if !text_of(a.child("feedback")).is_empty() {
                            lose("per-answer feedback");
                        }
                    } else if f > 0.0 {
                        lose("answers with partial credit (dropped)");
                    } else if !text_of(a.child("feedback")).is_empty() {
                        lose("feedback on wrong answers");
                    }
                }
                if accept.is_empty() {
                    return Err("no answer gets full marks".into());
                }
                match (kind_hint, &code, accept.as_slice()) {
                    (Some(Kind::Output), Some(_), [output]) => Answer::Output {
                        output: output.clone(),
                        choices: Vec::new(),
                    },
                    _ => {
                        if case_sensitive {
                            lose(
                                "case-sensitive matching (the quiz ignores case in typed answers)",
                            );
                        }
                        Answer::Text { accept }
                    }
                }
            }
            _ => {
                // ordering: the items in document order (Moodle ignores their fractions).
                let items: Vec<String> = answers
                    .iter()
                    .map(|a| rich(Some(a), &question_format, false, &mut lose).md)
                    .filter(|t| !t.trim().is_empty())
                    .collect();
                if items.is_empty() {
                    return Err("an ordering question without items".into());
                }
                let grading = q.child("gradingtype").map_or("RELATIVE".to_string(), |g| {
                    g.text().trim().to_ascii_uppercase()
                });
                if grading != "ALL_OR_NOTHING" {
                    lose("partial-credit grading (the quiz scores order all-or-nothing)");
                }
                let select = q
                    .child("selecttype")
                    .or_else(|| q.child("logical"))
                    .map_or("RANDOM".to_string(), |s| {
                        s.text().trim().to_ascii_uppercase()
                    });
                let count = q
                    .child("selectcount")
                    .or_else(|| q.child("studentsee"))
                    .and_then(|c| c.text().trim().parse::<usize>().ok())
                    .unwrap_or(6);
                if !matches!(select.as_str(), "ALL" | "EXACT" | "0") && count < items.len() {
                    lose("showing a subset of the items (the quiz shows them all)");
                }
                Answer::Order { items }
            }
        };
        let mut explanation = rich(
            q.child("generalfeedback"),
            &question_format,
            false,
            &mut lose,
        )
        .md;
        if explanation.trim().is_empty() {
            explanation = explain(&answer);
            lose("explanation (none in the source; one was written from the answer)");
        }
        let name = text_of(q.child("name"));
        let idnumber = q
            .child("idnumber")
            .map(|e| e.text().trim().to_string())
            .unwrap_or_default();
        let id = match [idnumber, name]
            .into_iter()
            .find(|n| is_kebab(n) && !self.ids.contains(n))
        {
            Some(id) => {
                self.ids.push(id.clone());
                id
            }
            None => make_id(&prompt, &mut self.ids),
        };
        let topic = self
            .topic(topic_hint.as_deref())
            .ok_or("no topic to put the question in")?;
        let Some(t) = self.topics.get_mut(topic) else {
            return Err("no topic to put the question in".into());
        };
        t.questions.push(Question {
            id: id.clone(),
            topic: t.info.slug.clone(),
            category: t.info.category.clone(),
            difficulty,
            tags,
            prompt,
            code,
            explanation,
            python,
            answer,
        });
        if lost.is_empty() {
            self.report.whole += 1;
        }
        for what in &lost {
            self.report.lose(&id, what);
        }
        Ok(())
    }

    fn finish(mut self) -> Imported {
        for t in &mut self.topics {
            t.info.counts = [0; 3];
            for q in &t.questions {
                if let Some(c) = t.info.counts.get_mut(q.difficulty.index()) {
                    *c += 1;
                }
            }
        }
        Imported {
            bank: Bank {
                categories: self.categories,
                topics: self.topics,
            },
            report: self.report,
        }
    }
}

/// Moodle's reading of `<single>`: `false`, `0` and empty are false.
fn single_flag(s: &str) -> bool {
    let s = s.trim();
    !(s == "false" || s.is_empty() || s == "0")
}

/// An answer's `fraction` attribute, in percent (0 when missing or unreadable).
fn fraction_of(a: &Element) -> f64 {
    a.attr("fraction")
        .and_then(|f| f.trim().parse::<f64>().ok())
        .filter(|f| f.is_finite())
        .unwrap_or(0.0)
}

/// Whether a short answer uses `*` as a wildcard (a star not escaped by `\`).
fn wildcard(s: &str) -> bool {
    let mut escaped = false;
    for c in s.chars() {
        if c == '*' && !escaped {
            return true;
        }
        escaped = c == '\\' && !escaped;
    }
    false
}

/// The text of an answer that is only a `<pre>` block (an output choice).
fn pre_only(a: &Element) -> Option<String> {
    let html = text_of(Some(a));
    match xml::html_to_blocks(&html).blocks.as_slice() {
        [MdBlock::Code(text, _)] => Some(text.clone()),
        _ => None,
    }
}

/// A text field as Markdown. With `split_code`, a final `<pre><code class="language-python">`
/// of HTML becomes the question's code.
fn rich(
    el: Option<&Element>,
    default_format: &str,
    split_code: bool,
    lose: &mut dyn FnMut(&str),
) -> Text {
    let text = text_of(el);
    let format = el
        .and_then(|e| e.attr("format"))
        .unwrap_or(default_format)
        .trim()
        .to_string();
    let is_html = match format.as_str() {
        "plain_text" | "markdown" => false,
        "moodle_auto_format" => text.contains('<'),
        _ => true,
    };
    if !is_html {
        return Text {
            md: text,
            code: None,
        };
    }
    let converted = xml::html_to_blocks(&text);
    for what in &converted.lost {
        lose(what);
    }
    let mut blocks = converted.blocks;
    let mut code = None;
    if split_code && blocks.len() > 1 {
        if let Some(MdBlock::Code(c, Some(lang))) = blocks.last() {
            if lang == "python" {
                code = Some(c.clone());
                blocks.pop();
            }
        }
    }
    Text {
        md: xml::blocks_to_md(&blocks),
        code,
    }
}

/// The answer of a `multichoice`: (fraction, text, feedback) per answer.
fn multichoice_answer(
    read: Vec<(f64, String, String)>,
    single: bool,
    output: bool,
    lose: &mut dyn FnMut(&str),
) -> Result<Answer, String> {
    if read.is_empty() {
        return Err("a multiple-choice question without answers".into());
    }
    let full = |f: f64| f >= 100.0 - 1e-3;
    let choices = |right: &dyn Fn(f64) -> bool| -> Vec<Choice> {
        read.iter()
            .map(|(f, text, why)| Choice {
                text: text.clone(),
                correct: right(*f),
                why: (!why.trim().is_empty()).then(|| why.clone()),
            })
            .collect()
    };
    if single {
        let n = read.iter().filter(|(f, _, _)| full(*f)).count();
        if n == 0 {
            return Err("no answer gets full marks".into());
        }
        if n > 1 {
            return Err(
                "several answers get full marks in a one-answer question (either is right): the quiz has no such kind"
                    .into(),
            );
        }
        if read.iter().any(|(f, _, _)| *f > 0.0 && !full(*f)) {
            lose("answers with partial credit (scored as wrong)");
        }
        let choices = choices(&full);
        if output {
            let right = choices
                .iter()
                .find(|c| c.correct)
                .map(|c| c.text.clone())
                .unwrap_or_default();
            return Ok(Answer::Output {
                output: right,
                choices,
            });
        }
        Ok(Answer::Single { choices })
    } else {
        let right = |f: f64| f > 0.0;
        let n = read.iter().filter(|(f, _, _)| right(*f)).count();
        if n == 0 {
            return Err("no answer gets credit".into());
        }
        if n == read.len() {
            return Err("every answer is right: the quiz needs at least one wrong choice".into());
        }
        lose(PARTIAL_CREDIT);
        Ok(Answer::Multiple {
            choices: choices(&right),
        })
    }
}

/// An explanation written from the answer, for a source without general feedback.
fn explain(answer: &Answer) -> String {
    let right = |choices: &[Choice]| -> Vec<String> {
        choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.clone())
            .collect()
    };
    match answer {
        Answer::Single { choices } => format!("The right answer: {}", right(choices).join("")),
        Answer::Multiple { choices } => format!("The right answers: {}", right(choices).join("; ")),
        Answer::TrueFalse { answer } => format!("The statement is {answer}."),
        Answer::Output { output, .. } => format!("The code prints:\n\n```\n{output}\n```"),
        Answer::Text { accept } => format!("Accepted answers: {}", accept.join("; ")),
        Answer::Order { items } => format!("The right order: {}", items.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::Node;

    // What Moodle's importer reads, written from its source (moodle/moodle,
    // question/format/xml/format.php, class qformat_xml; the ordering type's own
    // question/type/ordering/questiontype.php, import_from_xml). Paths are relative to
    // <question>; `@x` is an attribute.

    /// `import_headers`, for every question type.
    const HEADERS: &[&str] = &[
        "@type",
        "name",
        "name/text",
        "questiontext",
        "questiontext@format",
        "questiontext/text",
        "questiontext/file",
        "image",
        "image_base64",
        "idnumber",
        "generalfeedback",
        "generalfeedback@format",
        "generalfeedback/text",
        "generalfeedback/file",
        "defaultgrade",
        "penalty",
        "tags",
        "tags/tag",
        "tags/tag/text",
        "coursetags",
        "coursetags/tag",
        "coursetags/tag/text",
    ];
    /// `import_answer($answer, true, …)` (multichoice, ordering): HTML answers with files.
    const ANSWER_HTML: &[&str] = &[
        "answer",
        "answer@fraction",
        "answer@format",
        "answer/text",
        "answer/file",
        "answer/feedback",
        "answer/feedback@format",
        "answer/feedback/text",
        "answer/feedback/file",
    ];
    /// `import_answer($answer, false, …)` (shortanswer) and `import_truefalse`: the answer's
    /// text is plain, its `format` attribute is not read.
    const ANSWER_PLAIN: &[&str] = &[
        "answer",
        "answer@fraction",
        "answer/text",
        "answer/feedback",
        "answer/feedback@format",
        "answer/feedback/text",
        "answer/feedback/file",
    ];
    /// `import_combined_feedback` and `import_hints`.
    const FEEDBACK_AND_HINTS: &[&str] = &[
        "correctfeedback",
        "correctfeedback@format",
        "correctfeedback/text",
        "correctfeedback/file",
        "partiallycorrectfeedback",
        "partiallycorrectfeedback@format",
        "partiallycorrectfeedback/text",
        "partiallycorrectfeedback/file",
        "incorrectfeedback",
        "incorrectfeedback@format",
        "incorrectfeedback/text",
        "incorrectfeedback/file",
        "shownumcorrect",
        "hint",
        "hint@format",
        "hint/text",
        "hint/file",
        "hint/shownumcorrect",
        "hint/clearwrong",
        "hint/options",
    ];
    /// `import_multichoice`.
    const MULTICHOICE: &[&str] = &[
        "single",
        "shuffleanswers",
        "answernumbering",
        "showstandardinstruction",
        "correctresponsesfeedback",
    ];
    /// `import_shortanswer`.
    const SHORTANSWER: &[&str] = &["usecase"];
    /// `qtype_ordering::import_from_xml`.
    const ORDERING: &[&str] = &[
        "layouttype",
        "selecttype",
        "selectcount",
        "gradingtype",
        "showgrading",
        "numberingstyle",
        "logical",
        "studentsee",
    ];
    /// `import_category`.
    const CATEGORY: &[&str] = &[
        "@type",
        "category",
        "category/text",
        "info",
        "info@format",
        "info/text",
        "idnumber",
    ];
    /// `question_bank::fraction_options_full()`, in percent: the only fractions Moodle's
    /// import accepts by default ("error" for grades that do not match).
    const GRADES: &[f64] = &[
        100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0,
        20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
    ];

    fn allowed(qtype: &str) -> Vec<&'static str> {
        let parts: &[&[&str]] = match qtype {
            "category" => &[CATEGORY],
            "multichoice" => &[HEADERS, ANSWER_HTML, FEEDBACK_AND_HINTS, MULTICHOICE],
            "truefalse" => &[HEADERS, ANSWER_PLAIN, FEEDBACK_AND_HINTS],
            "shortanswer" => &[HEADERS, ANSWER_PLAIN, FEEDBACK_AND_HINTS, SHORTANSWER],
            "ordering" => &[HEADERS, ANSWER_HTML, FEEDBACK_AND_HINTS, ORDERING],
            other => panic!("exported an unexpected type {other}"),
        };
        parts.iter().flat_map(|p| p.iter().copied()).collect()
    }

    fn paths(e: &Element, prefix: &str, out: &mut Vec<String>) {
        for (a, _) in &e.attrs {
            out.push(format!("{prefix}@{a}"));
        }
        for c in e.elements() {
            let p = if prefix.is_empty() {
                c.name.clone()
            } else {
                format!("{prefix}/{}", c.name)
            };
            out.push(p.clone());
            paths(c, &p, out);
        }
    }

    fn choice(text: &str, correct: bool, why: Option<&str>) -> Choice {
        Choice {
            text: text.into(),
            correct,
            why: why.map(str::to_string),
        }
    }

    fn question(id: &str, topic: &str, category: &str, answer: Answer) -> Question {
        Question {
            id: id.into(),
            topic: topic.into(),
            category: category.into(),
            difficulty: Difficulty::Medium,
            tags: vec!["sample".into()],
            prompt: format!("Prompt of `{id}` with <html> & *emphasis*."),
            code: None,
            explanation: "Because **reasons**:\n\n- one\n- two".into(),
            python: None,
            answer,
        }
    }

    /// A small bank with every kind, code, a version range and characters XML and HTML
    /// must escape.
    fn small() -> Source {
        let mut single = question(
            "single-with-code",
            "names-scope",
            "core-language",
            Answer::Single {
                choices: vec![
                    choice("`x < y`", true, Some("Right: *both* are ints.")),
                    choice("It raises ]]> errors", false, None),
                ],
            },
        );
        single.code = Some("x = 1\nif x < 2 and x > 0:\n    print(\"&amp;\")".into());
        single.python = Some(PythonRange::parse(">=3.11,<3.13").unwrap());
        single.difficulty = Difficulty::Hard;
        let mut output = question(
            "output-choices",
            "names-scope",
            "core-language",
            Answer::Output {
                output: "1\n  2".into(),
                choices: vec![
                    choice("1\n  2", true, None),
                    choice("<1>", false, Some("No angle brackets are printed.")),
                ],
            },
        );
        output.code = Some("print(1)\nprint('  2')".into());
        let mut typed = question(
            "output-typed",
            "printing",
            "input-output",
            Answer::Output {
                output: "a  b\nc".into(),
                choices: Vec::new(),
            },
        );
        typed.code = Some("print('a  b')\nprint('c')".into());
        Source {
            categories: vec![
                CategoryInfo {
                    slug: "core-language".into(),
                    title: "Core language".into(),
                },
                CategoryInfo {
                    slug: "input-output".into(),
                    title: "Input/Output".into(),
                },
            ],
            topics: vec![
                TopicInfo {
                    slug: "names-scope".into(),
                    title: "Names & scope".into(),
                    category: "core-language".into(),
                    counts: [0; 3],
                },
                TopicInfo {
                    slug: "printing".into(),
                    title: "print()".into(),
                    category: "input-output".into(),
                    counts: [0; 3],
                },
            ],
            questions: vec![
                single,
                question(
                    "multiple-three",
                    "names-scope",
                    "core-language",
                    Answer::Multiple {
                        choices: vec![
                            choice("a", true, None),
                            choice("b", true, None),
                            choice("c", false, Some("Not c.")),
                        ],
                    },
                ),
                output,
                typed,
                question(
                    "true-false",
                    "printing",
                    "input-output",
                    Answer::TrueFalse { answer: false },
                ),
                question(
                    "text-answers",
                    "printing",
                    "input-output",
                    Answer::Text {
                        accept: vec!["len".into(), "a*b".into()],
                    },
                ),
                question(
                    "order-items",
                    "printing",
                    "input-output",
                    Answer::Order {
                        items: vec!["first `a`".into(), "second".into(), "third".into()],
                    },
                ),
            ],
        }
    }

    fn import_ok(bytes: &[u8]) -> Imported {
        import(bytes, &ImportOptions::default()).unwrap()
    }

    fn text(bytes: &[u8]) -> &str {
        std::str::from_utf8(bytes).unwrap()
    }

    /// The imported bank written out as a bank folder and read back by quiz-core's validator.
    fn validate(bank: &Bank) {
        let sources: Vec<quiz_core::parse::Source> = bank
            .to_folder()
            .into_iter()
            .map(|(rel, text)| quiz_core::parse::Source {
                shown: format!("imported/{rel}"),
                rel,
                bytes: text.into_bytes(),
            })
            .collect();
        if let Err(errors) = quiz_core::parse::load_sources(&sources, "imported") {
            let shown: Vec<String> = errors.iter().take(10).map(ToString::to_string).collect();
            panic!("the imported bank does not validate:\n{}", shown.join("\n"));
        }
    }

    #[test]
    fn every_kind_maps_to_its_moodle_type() {
        let exported = export(&small());
        let xml = text(&exported.bytes);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"));
        assert!(xml.contains("<text>$course$/Core language/Names &amp; scope</text>"));
        assert!(
            xml.contains("<text>$course$/Input//Output/print()</text>"),
            "{xml}"
        );
        assert!(xml.contains("<single>true</single>") && xml.contains("<single>false</single>"));
        // Multiple: right choices share 100, the wrong one takes -100.
        assert!(xml.contains("<answer fraction=\"50\" format=\"html\">"));
        assert!(xml.contains("<answer fraction=\"-100\" format=\"html\">"));
        // Code as HTML-escaped <pre><code> in CDATA; "]]>" split across CDATA sections.
        assert!(xml.contains(
            "<pre><code class=\"language-python\">x = 1\nif x &lt; 2 and x &gt; 0:\n    print(&quot;&amp;amp;&quot;)</code></pre>]]>"
        ));
        assert!(xml.contains("It raises ]]&gt; errors"));
        assert!(xml.contains("<text><![CDATA[<pre><code>1\n  2</code></pre>]]></text>"));
        assert!(xml.contains("<feedback format=\"html\">\n        <text><![CDATA[Right: <em>both</em> are ints.]]></text>"));
        assert!(xml.contains("<generalfeedback format=\"html\">\n      <text><![CDATA[<p>Because <strong>reasons</strong>:</p>\n<ul><li>one</li><li>two</li></ul>]]></text>"));
        assert!(xml.contains("<question type=\"truefalse\">"));
        assert!(xml.contains("<answer fraction=\"0\">\n      <text>true</text>"));
        assert!(xml.contains("<usecase>0</usecase>") && xml.contains("<text>a\\*b</text>"));
        assert!(
            xml.contains("<usecase>1</usecase>"),
            "typed output is case-sensitive"
        );
        assert!(xml.contains("<question type=\"ordering\">"));
        assert!(xml.contains("<gradingtype>ALL_OR_NOTHING</gradingtype>"));
        for tag in [
            "hard",
            "kind:single",
            "topic:names-scope",
            "python:ge3.11-lt3.13",
            "sample",
        ] {
            assert!(
                xml.contains(&format!("<tag><text>{tag}</text></tag>")),
                "{tag}"
            );
        }
        assert!(xml.contains("<name>\n      <text>single-with-code</text>\n    </name>"));
        let r = &exported.report;
        assert_eq!(r.whole, 5, "{r}");
        assert_eq!(r.done(), 7);
        assert!(r.skipped.is_empty());
        assert!(
            r.lossy
                .iter()
                .any(|l| l.id == "multiple-three" && l.what == PARTIAL_CREDIT)
        );
        assert!(
            r.lossy
                .iter()
                .any(|l| l.id == "output-typed" && l.what.contains("exact output"))
        );
    }

    #[test]
    fn the_export_has_only_what_moodle_reads() {
        let exported = export(&small());
        let root = xml::parse(&exported.bytes).unwrap();
        assert_eq!(root.name, "quiz");
        assert!(root.attrs.is_empty());
        let mut types = Vec::new();
        for q in root.elements() {
            assert_eq!(q.name, "question", "only <question> under <quiz>");
            let qtype = q.attr("type").unwrap();
            types.push(qtype.to_string());
            let allowed = allowed(qtype);
            let mut found = Vec::new();
            paths(q, "", &mut found);
            for p in &found {
                assert!(
                    allowed.contains(&p.as_str()),
                    "<question type={qtype}>: Moodle does not read {p}"
                );
            }
            for a in q.children_named("answer") {
                let f: f64 = a.attr("fraction").unwrap().parse().unwrap();
                if qtype == "ordering" {
                    continue;
                }
                assert!(
                    GRADES.iter().any(|g| (g - f.abs()).abs() < 1e-5),
                    "fraction {f} is not one of Moodle's grades"
                );
            }
            if qtype == "multichoice" && q.child("single").unwrap().text() == "false" {
                let sum: f64 = q
                    .children_named("answer")
                    .map(|a| a.attr("fraction").unwrap().parse::<f64>().unwrap())
                    .filter(|f| *f > 0.0)
                    .sum();
                assert!((sum - 100.0).abs() < 1e-3, "right answers sum to {sum}");
            }
        }
        for t in [
            "category",
            "multichoice",
            "shortanswer",
            "truefalse",
            "ordering",
        ] {
            assert!(types.iter().any(|x| x == t), "{t} exported");
        }
        // Text nodes only inside leaves: no stray text between elements.
        fn no_mixed(e: &Element) {
            if e.elements().next().is_some() {
                for n in &e.children {
                    if let Node::Text(t) = n {
                        assert!(
                            t.trim().is_empty(),
                            "text {t:?} beside elements in <{}>",
                            e.name
                        );
                    }
                }
            }
            e.elements().for_each(no_mixed);
        }
        no_mixed(&root);
    }

    #[test]
    fn the_small_bank_reads_back_unchanged() {
        let source = small();
        let exported = export(&source);
        let imported = import_ok(&exported.bytes);
        let questions: Vec<Question> = imported.bank.questions().cloned().collect();
        assert_eq!(questions, source.questions);
        assert_eq!(
            imported
                .bank
                .topics
                .iter()
                .map(|t| (
                    t.info.slug.as_str(),
                    t.info.title.as_str(),
                    t.info.category.as_str()
                ))
                .collect::<Vec<_>>(),
            vec![
                ("names-scope", "Names & scope", "core-language"),
                ("printing", "print()", "input-output")
            ]
        );
        assert_eq!(imported.bank.categories, source.categories);
        assert!(imported.report.skipped.is_empty());
        let again = export(&Source::from_bank(&imported.bank));
        assert_eq!(text(&again.bytes), text(&exported.bytes));
        validate(&imported.bank);
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn repo(path: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path)
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_built_in_bank_exports_every_question_and_reads_back_identically() {
        let bank = quiz_core::parse::load_dir(&repo("content"), "content").unwrap();
        let source = Source::from_bank(&bank);
        let exported = export(&source);
        let r = &exported.report;
        eprintln!("moodle-xml export of the built-in bank:\n{r}");
        assert_eq!(
            r.done() + r.skipped.len(),
            bank.len(),
            "every question accounted for"
        );
        assert!(r.skipped.is_empty(), "{r}");
        let imported = import_ok(&exported.bytes);
        assert!(imported.report.skipped.is_empty(), "{}", imported.report);
        assert_eq!(imported.bank.len(), bank.len());
        let again = export(&Source::from_bank(&imported.bank));
        if again.bytes != exported.bytes {
            let (a, b) = (text(&exported.bytes), text(&again.bytes));
            let line = a
                .lines()
                .zip(b.lines())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            panic!(
                "the second export differs at line {}:\n{:?}\n{:?}",
                line + 1,
                a.lines().nth(line),
                b.lines().nth(line)
            );
        }
        validate(&imported.bank);
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(repo("tests/lms/moodle").join(name)).unwrap()
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn documented_moodle_xml_imports_with_the_expected_questions() {
        let imported = import_ok(&fixture("documented.xml"));
        let bank = &imported.bank;
        let topics: Vec<(&str, &str, &str)> = bank
            .topics
            .iter()
            .map(|t| {
                (
                    t.info.slug.as_str(),
                    t.info.title.as_str(),
                    t.info.category.as_str(),
                )
            })
            .collect();
        assert_eq!(
            topics,
            vec![
                ("strings-and-lists", "Strings and lists", "python-basics"),
                ("input-output", "Input/output", "python-basics"),
            ]
        );
        assert_eq!(bank.categories.len(), 1);
        let qs: Vec<&Question> = bank.questions().collect();
        assert_eq!(qs.len(), 5);
        let slicing = qs[0];
        assert_eq!(slicing.id, "what-does-python-1-3-give");
        assert_eq!(slicing.prompt, "What does `\"python\"[1:3]` give?");
        assert_eq!(slicing.explanation, "Slices stop *before* the end index.");
        assert_eq!(slicing.difficulty, Difficulty::Medium);
        assert_eq!(slicing.tags, vec!["imported"]);
        assert_eq!(
            slicing.answer,
            Answer::Single {
                choices: vec![
                    choice("\"yt\"", true, Some("Correct!")),
                    choice("\"pyt\"", false, Some("Index 0 is not included.")),
                    choice("\"yth\"", false, Some("The end index is not included.")),
                ]
            }
        );
        assert_eq!(
            qs[1].answer,
            Answer::Multiple {
                choices: vec![
                    choice("list", true, None),
                    choice("dict", true, None),
                    choice(
                        "tuple",
                        false,
                        Some("Tuples cannot change after they are made.")
                    ),
                ]
            }
        );
        assert!(
            qs[1]
                .explanation
                .starts_with("The right answers: list; dict")
        );
        assert_eq!(qs[2].answer, Answer::TrueFalse { answer: true });
        assert_eq!(qs[2].prompt, "Python strings are immutable.");
        assert_eq!(
            qs[3].answer,
            Answer::Text {
                accept: vec!["len".into(), "len()".into()]
            }
        );
        assert_eq!(qs[4].topic, "input-output");
        assert_eq!(
            qs[4].answer,
            Answer::Text {
                accept: vec!["print".into()]
            }
        );
        let r = &imported.report;
        let skipped: Vec<(&str, &str)> = r
            .skipped
            .iter()
            .map(|s| (s.at.as_str(), s.why.as_str()))
            .collect();
        assert_eq!(skipped.len(), 5, "{r}");
        for (i, (path, word)) in [
            ("/quiz/question[6] (line 93)", "essay"),
            ("/quiz/question[7] (line 105)", "numerical"),
            ("/quiz/question[8] (line 118)", "matching"),
            ("/quiz/question[9] (line 135)", "cloze"),
            ("/quiz/question[10] (line 144)", "description"),
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(skipped[i].0, path);
            assert!(skipped[i].1.contains(word), "{}", skipped[i].1);
        }
        let lost =
            |id: &str, what: &str| r.lossy.iter().any(|l| l.id == id && l.what.contains(what));
        assert!(lost("which-of-these-types-are-mutable", "all-or-nothing"));
        assert!(lost("python-strings-are-immutable", "per-answer feedback"));
        assert!(lost(
            "which-built-in-function-gives-the-number-of-items-in-a-list",
            "per-answer feedback"
        ));
        assert!(lost(
            "which-function-writes-text-to-standard-output",
            "partial credit"
        ));
        assert!(lost(
            "which-function-writes-text-to-standard-output",
            "case-sensitive"
        ));
        assert!(lost(
            "which-function-writes-text-to-standard-output",
            "feedback on wrong answers"
        ));
        assert_eq!(r.whole, 1, "only the slicing question has everything: {r}");
        validate(bank);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_moodle_4_export_imports_with_code_ordering_and_tags() {
        let imported = import_ok(&fixture("moodle4-export.xml"));
        let bank = &imported.bank;
        assert_eq!(bank.topics.len(), 1);
        let topic = &bank.topics[0].info;
        assert_eq!(
            (topic.title.as_str(), topic.category.as_str()),
            ("Control flow", "default-for-py101")
        );
        let qs: Vec<&Question> = bank.questions().collect();
        assert_eq!(qs.len(), 3);
        let loop_else = qs[0];
        assert_eq!(loop_else.id, "what-does-this-code-print");
        assert_eq!(loop_else.prompt, "What does this code print?");
        assert_eq!(
            loop_else.code.as_deref(),
            Some("for i in range(3):\n    if i == 5:\n        break\nelse:\n    print(\"done\")")
        );
        assert_eq!(loop_else.difficulty, Difficulty::Hard);
        assert_eq!(loop_else.tags, vec!["loops"]);
        assert_eq!(
            loop_else.explanation,
            "A loop's `else` runs when the loop ends without **break**."
        );
        assert_eq!(
            loop_else.answer,
            Answer::Single {
                choices: vec![
                    choice("done", true, None),
                    choice(
                        "nothing",
                        false,
                        Some("The loop never breaks, so `else` runs.")
                    ),
                ]
            }
        );
        let order = qs[1];
        assert_eq!(order.id, "for-loop-steps", "the idnumber is the id");
        assert_eq!(
            order.answer,
            Answer::Order {
                items: vec![
                    "call `iter()` on the iterable".into(),
                    "call next() on the iterator".into(),
                    "run the body".into(),
                    "stop at StopIteration".into(),
                ]
            }
        );
        let range = qs[2];
        assert_eq!(range.answer, Answer::TrueFalse { answer: false });
        assert_eq!(range.difficulty, Difficulty::Easy);
        assert_eq!(range.tags, vec!["built-in-types"]);
        assert_eq!(
            range.prompt,
            "`range(10**9)` builds a list of a billion numbers."
        );
        let r = &imported.report;
        let lost =
            |id: &str, what: &str| r.lossy.iter().any(|l| l.id == id && l.what.contains(what));
        assert!(lost("for-loop-steps", "partial-credit grading"));
        assert!(lost("for-loop-steps", "explanation (none in the source"));
        assert!(lost(&range.id, "images"));
        assert!(lost(&range.id, "links"));
        assert_eq!(r.skipped.len(), 1);
        assert!(r.skipped[0].at.starts_with("/quiz/question[5]"));
        assert!(r.skipped[0].why.contains("calculated"));
        validate(bank);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn malformed_files_give_positioned_errors() {
        for (name, at, says) in [
            ("mismatched-end.xml", "line 5, column 1", "not well-formed"),
            (
                "unknown-entity.xml",
                "line 5, column 16",
                "unknown entity &nbsp;",
            ),
            (
                "truncated.xml",
                "line 5, column 5",
                "<questiontext> is never closed",
            ),
            (
                "unquoted-attribute.xml",
                "line 4, column 5",
                "not well-formed",
            ),
            (
                "unterminated-cdata.xml",
                "line 5, column 13",
                "not well-formed",
            ),
            ("latin1.xml", "line 4, column 20", "not UTF-8"),
            ("not-moodle.xml", "line 2, column 1", "<quiz>"),
        ] {
            let err = import(
                &fixture(&format!("malformed/{name}")),
                &ImportOptions::default(),
            )
            .err()
            .unwrap_or_else(|| panic!("{name} imported"));
            assert_eq!(err.at, at, "{name}: {err}");
            assert!(err.message.contains(says), "{name}: {err}");
        }
    }

    #[test]
    fn python_ranges_survive_as_tags() {
        for r in [">=3.12", "<3.14", ">=3.11,<3.13", "==3.12", "<=3.13"] {
            let range = PythonRange::parse(r).unwrap();
            let tag = python_tag(&range);
            assert!(!tag.contains(['<', '>', ',']), "{tag}");
            assert_eq!(python_from_tag(&tag), Some(range));
        }
        assert_eq!(python_from_tag("python:banana"), None);
    }

    #[test]
    fn category_paths_split_like_moodle() {
        assert_eq!(category_names("$course$/top/A//B/C"), vec!["A/B", "C"]);
        assert_eq!(category_names("$system$/Only"), vec!["Only"]);
        assert_eq!(category_names(""), Vec::<String>::new());
        let path = format!("$course$/{}/{}", path_segment("/etc"), path_segment("I/O/"));
        assert_eq!(path, "$course$/ //etc/I//O// ");
        assert_eq!(category_names(&path), vec!["/etc", "I/O/"]);
    }
}
