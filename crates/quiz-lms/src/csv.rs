//! CSV in and out: Anki notes ([`export_anki`]), Brightspace's Question Library CSV
//! ([`export_d2l`]), and our own column layout for bringing questions in ([`import`]).
//! Fields are quoted as RFC 4180 says (a field with a comma, a quote or a newline is quoted,
//! quotes doubled), so code keeps its newlines inside one field.
//!
//! # Our CSV layout (import)
//!
//! The first row is this header, and every row has these nine fields:
//!
//! ```text
//! id,topic,difficulty,kind,prompt,code,choices,correct,explanation
//! ```
//!
//! | column        | what it holds                                                                 |
//! |---------------|-------------------------------------------------------------------------------|
//! | `id`          | the question id; empty: made from the prompt (kebab-case, unique)             |
//! | `topic`       | the topic's title (its slug is made from it); empty: the import's category    |
//! | `difficulty`  | `easy`, `medium` or `hard`; empty: `--difficulty` (default `medium`)          |
//! | `kind`        | `single`, `multiple`, `true-false`, `output`, `text` or `order`               |
//! | `prompt`      | the question, Markdown                                                        |
//! | `code`        | Python code shown with the prompt (several lines in one quoted field); or empty |
//! | `choices`     | choices separated by `\|` (a literal `\|` inside a choice is written `\\|`); for `order`, the items in the right order |
//! | `correct`     | per kind, see below                                                           |
//! | `explanation` | shown after answering, Markdown; empty: a placeholder naming the answer       |
//!
//! `correct` by kind: `single` the 1-based number of the right choice (`2`); `multiple` the
//! numbers of every right choice (`1|3`); `true-false` `true` or `false`; `output` with
//! choices the number of the choice that is the printed output, without choices the exact
//! output itself; `text` the accepted answers separated by `|`; `order` empty (the choices
//! are already in order) or the choice numbers in the right order (`3|1|2`).
//!
//! Rows are separated by newlines; a field with a comma, a quote or a newline is quoted
//! (`"a ""quoted"" word"`), as spreadsheets write CSV. Blank lines are ignored. Every
//! question gets the tag `imported`. A row with the wrong number of fields, or a quote
//! that never closes, stops the import with its line; a row that cannot become a question
//! (unknown kind, a choice number out of range, a rule of the bank broken) is skipped and
//! reported with its line.
//!
//! # Anki (`anki-csv`)
//!
//! Three columns, Front, Back and Tags, after the file headers Anki 2.1.55+ reads
//! (`#separator:Comma`, `#html:true`, `#tags column:3`, ...). Fields are HTML (Anki's
//! "allow HTML" on): Markdown becomes `<p>`, `<code>`, `<em>`, `<strong>`, lists, and code
//! `<pre><code>` with `<`, `>` and `&` escaped, so code keeps its indentation (plain-text
//! import would collapse it). The front holds the prompt, the code and the choices (lettered
//! A, B, ...; order items shuffled by a fixed seed); the back the right answer, the
//! explanation and each choice's note; tags are the difficulty, kind, topic, category and
//! the question's own tags.
//!
//! # Brightspace (`d2l-csv`)
//!
//! One block of five-column rows per question (`NewQuestion`, `ID`, `Title`,
//! `QuestionText`, `Points`, `Difficulty`, then per type `Option`, `TRUE`/`FALSE`,
//! `InputBox`/`Answer`, `Scoring`/`Item`, then `Feedback`), ended by an empty row
//! `,,,,`, as in D2L's sample template. Single choice and output with choices → `MC`;
//! multiple → `MS` (all-or-nothing scoring); true-false → `TF`; text and typed output → `SA`;
//! order → `O` (items in the right order, all-or-nothing). Difficulty 1–5: easy 1, medium 3,
//! hard 5. Question text, options and the explanation (the `Feedback` row) are HTML (`HTML`
//! marker) with code in `<pre><code>`; each choice's `why` is its option feedback, as plain
//! text. The title is the topic's title and the start of the prompt; tags have no place.

use std::fmt::Write as _;

use quiz_core::markdown::{self, Block, Inline};
use quiz_core::parse::{Bank, CategoryInfo, Topic};
use quiz_core::{Answer, Choice, Difficulty, Kind, Question, Rng, TopicInfo};

use crate::{Exported, ImportError, ImportOptions, Imported, Report, Source, make_id};

/// The header of our CSV layout, in order.
pub const COLUMNS: [&str; 9] = [
    "id",
    "topic",
    "difficulty",
    "kind",
    "prompt",
    "code",
    "choices",
    "correct",
    "explanation",
];

// ---------------------------------------------------------------------------------------
// Writing CSV

/// `s` as one CSV field: quoted when it holds a comma, a quote, a line break or surrounding
/// spaces, or starts with `#` (a comment line to Anki), with quotes doubled.
fn field(s: &str) -> String {
    let quote = s.contains([',', '"', '\n', '\r'])
        || s.starts_with('#')
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if quote {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Appends one record (fields joined by commas, then `\n`).
fn record(out: &mut String, fields: &[&str]) {
    let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&cells.join(","));
    out.push('\n');
}

// ---------------------------------------------------------------------------------------
// Reading CSV

/// One CSV record and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// 1-based line of its first character.
    pub(crate) line: usize,
    /// Its fields, `\r\n` inside quoted fields turned into `\n`.
    pub(crate) fields: Vec<String>,
}

/// Splits `text` into records (RFC 4180: `,` between fields, `"` quotes a field, `""` is a
/// quote inside quotes, `\n` or `\r\n` ends a record). Blank lines are skipped; a quote
/// inside an unquoted field is kept as text.
///
/// # Errors
/// A quoted field that never closes, or text right after a closing quote.
pub(crate) fn read_records(text: &str) -> Result<Vec<Record>, ImportError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut cur = String::new();
    let (mut line, mut col, mut start) = (1, 0, 1);
    // At the start of a field (a quote opens a quoted field only there).
    let mut field_start = true;
    // The current field was quoted and its closing quote read.
    let mut closed = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        if closed && !matches!(c, ',' | '\n' | '\r') {
            return Err(ImportError {
                at: format!("line {line}, column {col}"),
                message: "text after the closing quote of a field (a quote inside a quoted \
                          field is written \"\")"
                    .into(),
            });
        }
        match c {
            '"' if field_start => {
                let (open_line, open_col) = (line, col);
                loop {
                    match chars.next() {
                        None => {
                            return Err(ImportError {
                                at: format!("line {open_line}, column {open_col}"),
                                message: "a quoted field opens here and never closes".into(),
                            });
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            col += 2;
                            cur.push('"');
                        }
                        Some('"') => {
                            col += 1;
                            break;
                        }
                        Some('\r') if chars.peek() == Some(&'\n') => {}
                        Some('\n') => {
                            line += 1;
                            col = 0;
                            cur.push('\n');
                        }
                        Some(other) => {
                            col += 1;
                            cur.push(other);
                        }
                    }
                }
                field_start = false;
                closed = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut cur));
                field_start = true;
                closed = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                // A blank line (no field begun) is not a record.
                if !(fields.is_empty() && cur.is_empty() && !closed) {
                    fields.push(std::mem::take(&mut cur));
                    records.push(Record {
                        line: start,
                        fields: std::mem::take(&mut fields),
                    });
                }
                line += 1;
                col = 0;
                start = line;
                field_start = true;
                closed = false;
            }
            c => {
                cur.push(c);
                field_start = false;
            }
        }
    }
    if !(fields.is_empty() && cur.is_empty() && !closed) {
        fields.push(cur);
        records.push(Record {
            line: start,
            fields,
        });
    }
    Ok(records)
}

// ---------------------------------------------------------------------------------------
// Markdown → HTML (the bank's subset; see quiz_core::markdown)

/// Text for an HTML text node: `&`, `<` and `>` escaped (quotes need no escape outside
/// attributes, and stay readable in the CSV).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn inline_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(s) => out.push_str(&escape(s)),
            Inline::Code(s) => {
                let _ = write!(out, "<code>{}</code>", escape(s));
            }
            Inline::Em(s) => {
                let _ = write!(out, "<em>{}</em>", escape(s));
            }
            Inline::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", escape(s));
            }
        }
    }
    out
}

/// Python code as a preformatted block, escaped.
fn code_html(code: &str) -> String {
    format!("<pre><code>{}</code></pre>", escape(code))
}

/// Markdown as HTML blocks.
fn html(md: &str) -> String {
    let mut out = String::new();
    for block in markdown::parse(md) {
        match block {
            Block::Para(inlines) => {
                let _ = write!(out, "<p>{}</p>", inline_html(&inlines));
            }
            Block::List(ordered, items) => {
                let tag = if ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{tag}>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", inline_html(&item));
                }
                let _ = write!(out, "</{tag}>");
            }
            Block::Code(code) => out.push_str(&code_html(&code)),
        }
    }
    out
}

/// Short Markdown (a choice, an item) as HTML: inline when it is one paragraph.
fn short_html(md: &str) -> String {
    match markdown::parse(md).as_slice() {
        [Block::Para(inlines)] => inline_html(inlines),
        _ => html(md),
    }
}

/// A choice as HTML: `output` choices are printed text, so preformatted.
fn choice_html(kind: Kind, c: &Choice) -> String {
    if kind == Kind::Output {
        code_html(&c.text)
    } else {
        short_html(&c.text)
    }
}

/// The prompt, the Python version range (when limited) and the code, as HTML.
fn question_html(q: &Question) -> String {
    let mut out = html(&q.prompt);
    if let Some(code) = &q.code {
        out.push_str(&code_html(code));
    }
    if let Some(range) = &q.python {
        let _ = write!(out, "<p><em>Python {}</em></p>", escape(&range.to_string()));
    }
    out
}

/// A, B, C, ... for choice `i` (0-based).
fn letter(i: usize) -> char {
    u8::try_from(i)
        .ok()
        .and_then(|i| b'A'.checked_add(i))
        .map_or('?', char::from)
}

// ---------------------------------------------------------------------------------------
// Anki

/// Writes `source` as Anki notes: Front, Back, Tags (see the module docs). Nothing is lost:
/// every question is written whole.
pub fn export_anki(source: &Source) -> Exported {
    let mut out = String::from(
        "#separator:Comma\n#html:true\n#notetype:Basic\n#columns:Front,Back,Tags\n#tags column:3\n",
    );
    let mut report = Report::default();
    for q in &source.questions {
        let (front, back) = anki_note(q);
        let mut tags: Vec<String> = vec![
            q.difficulty.as_str().to_string(),
            q.kind().as_str().to_string(),
            q.topic.clone(),
            q.category.clone(),
        ];
        for t in &q.tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        // Anki splits tags on whitespace.
        let tags: Vec<String> = tags
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join("-"))
            .filter(|t| !t.is_empty())
            .collect();
        record(&mut out, &[&front, &back, &tags.join(" ")]);
        report.whole += 1;
    }
    Exported {
        bytes: out.into_bytes(),
        report,
    }
}

/// The front and back of `q`'s note, HTML.
fn anki_note(q: &Question) -> (String, String) {
    let kind = q.kind();
    let mut front = question_html(q);
    let mut back = String::new();
    match &q.answer {
        Answer::Single { choices }
        | Answer::Multiple { choices }
        | Answer::Output { choices, .. }
            if !choices.is_empty() =>
        {
            if kind == Kind::Multiple {
                front.push_str("<p><em>Select all that apply.</em></p>");
            }
            front.push_str("<ol type=\"A\">");
            for c in choices {
                let _ = write!(front, "<li>{}</li>", choice_html(kind, c));
            }
            front.push_str("</ol>");
            for (i, c) in choices.iter().enumerate().filter(|(_, c)| c.correct) {
                if kind == Kind::Output {
                    let _ = write!(back, "<p><b>{}.</b></p>{}", letter(i), code_html(&c.text));
                } else {
                    let _ = write!(back, "<p><b>{}.</b> {}</p>", letter(i), short_html(&c.text));
                }
            }
        }
        Answer::Output { output, .. } => {
            front.push_str("<p><em>Type the exact output.</em></p>");
            back.push_str(&code_html(output));
        }
        Answer::TrueFalse { answer } => {
            front.push_str("<p><em>True or false?</em></p>");
            let _ = write!(
                back,
                "<p><b>{}</b></p>",
                if *answer { "True" } else { "False" }
            );
        }
        Answer::Text { accept } => {
            if let Some((first, rest)) = accept.split_first() {
                let _ = write!(back, "<p><b>{}</b></p>", escape(first));
                if !rest.is_empty() {
                    let others: Vec<String> = rest.iter().map(|a| escape(a)).collect();
                    let _ = write!(back, "<p>Also accepted: {}</p>", others.join(", "));
                }
            }
        }
        Answer::Order { items } => {
            front.push_str("<p><em>Put in order:</em></p><ul>");
            for item in shuffled(&q.id, items) {
                let _ = write!(front, "<li>{}</li>", short_html(item));
            }
            front.push_str("</ul>");
            back.push_str("<ol>");
            for item in items {
                let _ = write!(back, "<li>{}</li>", short_html(item));
            }
            back.push_str("</ol>");
        }
        // Unreachable: choice kinds with choices are handled above.
        Answer::Single { .. } | Answer::Multiple { .. } => {}
    }
    back.push_str(&html(&q.explanation));
    let whys: Vec<(usize, &Choice)> = q
        .answer
        .choices()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.why.is_some())
        .collect();
    if !whys.is_empty() {
        back.push_str("<ul>");
        for (i, c) in whys {
            let why = c.why.as_deref().unwrap_or_default();
            let _ = write!(back, "<li><b>{}</b>: {}</li>", letter(i), short_html(why));
        }
        back.push_str("</ul>");
    }
    (front, back)
}

/// `items` in an order fixed by `id`, never the right one (for at least two distinct items).
fn shuffled<'a>(id: &str, items: &'a [String]) -> Vec<&'a String> {
    let seed = id.bytes().fold(2_166_136_261_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    let mut out: Vec<&String> = items.iter().collect();
    Rng::new(seed).shuffle(&mut out);
    if out.iter().zip(items).all(|(a, b)| *a == b) {
        out.rotate_left(1);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Brightspace (D2L)

/// The D2L difficulty (1–5) of ours: easy 1, medium 3, hard 5.
pub fn d2l_difficulty(d: Difficulty) -> u8 {
    match d {
        Difficulty::Easy => 1,
        Difficulty::Medium => 3,
        Difficulty::Hard => 5,
    }
}

/// Appends a D2L row, padded to five columns.
fn d2l_row(out: &mut String, cells: &[&str]) {
    let mut five: Vec<&str> = cells.iter().copied().take(5).collect();
    five.resize(5, "");
    record(out, &five);
}

/// The first `max` characters of `text`, cut at a word, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max).collect();
    let at = head
        .rfind(' ')
        .filter(|&i| i > max / 2)
        .unwrap_or(head.len());
    format!("{}…", head.get(..at).unwrap_or(&head).trim_end())
}

/// Plain text of Markdown (markup dropped, lines joined), for titles and option feedback.
fn plain(md: &str) -> String {
    md.lines()
        .map(|l| markdown::plain(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `source` as Brightspace Question Library CSV (see the module docs). Each
/// question's tags are lost (the CSV has no place for them; the topic is kept in the title);
/// typed `output` questions become short answer, graded by Brightspace's matching rather
/// than the widget's output rules.
pub fn export_d2l(source: &Source) -> Exported {
    let mut out = String::new();
    d2l_row(
        &mut out,
        &["//Python interview questions from quiz-bank. Difficulty: easy 1 - medium 3 - hard 5"],
    );
    d2l_row(&mut out, &[]);
    let mut report = Report::default();
    for q in &source.questions {
        let lossy = report.lossy.len();
        let kind = q.kind();
        let code = match &q.answer {
            Answer::Single { .. } => "MC",
            Answer::Output { choices, .. } if !choices.is_empty() => "MC",
            Answer::Multiple { .. } => "MS",
            Answer::TrueFalse { .. } => "TF",
            Answer::Text { .. } | Answer::Output { .. } => "SA",
            Answer::Order { .. } => "O",
        };
        d2l_row(&mut out, &["NewQuestion", code]);
        d2l_row(&mut out, &["ID", &q.id]);
        let title = format!("{}: {}", source.topic_title(&q.topic), plain(&q.prompt));
        d2l_row(&mut out, &["Title", &cut(&title, 120)]);
        d2l_row(&mut out, &["QuestionText", &question_html(q), "HTML"]);
        d2l_row(&mut out, &["Points", "1"]);
        let difficulty = d2l_difficulty(q.difficulty).to_string();
        d2l_row(&mut out, &["Difficulty", &difficulty]);
        match &q.answer {
            Answer::Single { choices } | Answer::Output { choices, .. } if !choices.is_empty() => {
                for c in choices {
                    let weight = if c.correct { "100" } else { "0" };
                    let why = c.why.as_deref().map(plain).unwrap_or_default();
                    d2l_row(
                        &mut out,
                        &["Option", weight, &choice_html(kind, c), "HTML", &why],
                    );
                }
            }
            Answer::Multiple { choices } => {
                d2l_row(&mut out, &["Scoring", "AllOrNothing"]);
                for c in choices {
                    let weight = if c.correct { "1" } else { "0" };
                    let why = c.why.as_deref().map(plain).unwrap_or_default();
                    d2l_row(
                        &mut out,
                        &["Option", weight, &choice_html(kind, c), "HTML", &why],
                    );
                }
            }
            Answer::TrueFalse { answer } => {
                d2l_row(&mut out, &["TRUE", if *answer { "100" } else { "0" }]);
                d2l_row(&mut out, &["FALSE", if *answer { "0" } else { "100" }]);
            }
            Answer::Text { accept } => {
                d2l_row(&mut out, &["InputBox", "1", "40"]);
                for a in accept {
                    d2l_row(&mut out, &["Answer", "100", a]);
                }
            }
            Answer::Output { output, .. } => {
                let rows = output.lines().count().max(1).to_string();
                let cols = output
                    .lines()
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0)
                    .max(40)
                    .to_string();
                d2l_row(&mut out, &["InputBox", &rows, &cols]);
                d2l_row(&mut out, &["Answer", "100", output]);
                report.lose(
                    &q.id,
                    "the widget's output matching (typed output is a short answer, graded by \
                     Brightspace's text matching)",
                );
            }
            Answer::Order { items } => {
                d2l_row(&mut out, &["Scoring", "AllOrNothing"]);
                for item in items {
                    d2l_row(&mut out, &["Item", &short_html(item), "HTML"]);
                }
            }
            // Unreachable: the choice kinds are handled above.
            Answer::Single { .. } => {}
        }
        d2l_row(&mut out, &["Feedback", &html(&q.explanation), "HTML"]);
        d2l_row(&mut out, &[]);
        report.lose(
            &q.id,
            "tags (Brightspace's CSV has no tags; the topic is kept in the title)",
        );
        if report.lossy.len() == lossy {
            report.whole += 1;
        }
    }
    Exported {
        bytes: out.into_bytes(),
        report,
    }
}

// ---------------------------------------------------------------------------------------
// Building an imported bank (shared by the text importers)

/// Collects imported questions into a bank: categories, topics (with counts) and questions
/// with unique ids, each checked alone against the bank's rules before it is taken.
#[derive(Debug, Default)]
pub(crate) struct BankBuilder {
    bank: Bank,
    taken: Vec<String>,
}

impl BankBuilder {
    /// Makes sure category `cat` and topic `slug` in it exist; returns the topic's index.
    pub(crate) fn topic(&mut self, slug: &str, title: &str, cat: (&str, &str)) -> usize {
        if !self.bank.categories.iter().any(|c| c.slug == cat.0) {
            self.bank.categories.push(CategoryInfo {
                slug: cat.0.to_string(),
                title: cat.1.to_string(),
            });
        }
        if let Some(i) = self.bank.topics.iter().position(|t| t.info.slug == slug) {
            return i;
        }
        self.bank.topics.push(Topic {
            info: TopicInfo {
                slug: slug.to_string(),
                title: title.to_string(),
                category: cat.0.to_string(),
                counts: [0; 3],
            },
            questions: Vec::new(),
        });
        self.bank.topics.len() - 1
    }

    /// Adds `q` to topic `topic` (an index from [`BankBuilder::topic`]) with an id made from
    /// `id_from`, after checking it alone with the bank's validator.
    ///
    /// # Errors
    /// What the validator says is wrong with the question.
    pub(crate) fn add(
        &mut self,
        topic: usize,
        mut q: Question,
        id_from: &str,
    ) -> Result<String, String> {
        let Some(t) = self.bank.topics.get(topic) else {
            return Err("no such topic".into());
        };
        q.topic = t.info.slug.clone();
        q.category = t.info.category.clone();
        q.id = make_id(id_from, &mut self.taken);
        let one = Bank {
            categories: self
                .bank
                .categories
                .iter()
                .filter(|c| c.slug == q.category)
                .cloned()
                .collect(),
            topics: vec![Topic {
                info: t.info.clone(),
                questions: vec![q.clone()],
            }],
        };
        if let Err(errors) = quiz_core::parse::load_bank_text(&one.to_toml(), "import") {
            self.taken.pop();
            let messages: Vec<String> = errors.into_iter().map(|e| e.message).collect();
            return Err(messages.join("; "));
        }
        let id = q.id.clone();
        if let Some(t) = self.bank.topics.get_mut(topic) {
            if let Some(c) = t.info.counts.get_mut(q.difficulty.index()) {
                *c += 1;
            }
            t.questions.push(q);
        }
        Ok(id)
    }

    /// The bank, without topics and categories left empty.
    pub(crate) fn finish(mut self) -> Bank {
        self.bank.topics.retain(|t| !t.questions.is_empty());
        let topics = &self.bank.topics;
        self.bank
            .categories
            .retain(|c| topics.iter().any(|t| t.info.category == c.slug));
        self.bank
    }
}

/// The explanation of a question whose source has none: it names the right answer.
pub(crate) fn placeholder_explanation(answer: &Answer) -> String {
    let said = match answer {
        Answer::Single { choices }
        | Answer::Multiple { choices }
        | Answer::Output { choices, .. }
            if !choices.is_empty() =>
        {
            choices
                .iter()
                .filter(|c| c.correct)
                .map(|c| c.text.trim().to_string())
                .collect::<Vec<_>>()
                .join("; ")
        }
        Answer::Output { output, .. } => output.clone(),
        Answer::TrueFalse { answer } => answer.to_string(),
        Answer::Text { accept } => accept.first().cloned().unwrap_or_default(),
        Answer::Order { items } => items.join(", then "),
        Answer::Single { .. } | Answer::Multiple { .. } => String::new(),
    };
    cut(
        &format!("The source gave no explanation. The answer: {said}"),
        850,
    )
}

/// What is reported for a question given a placeholder explanation.
pub(crate) const NO_EXPLANATION: &str =
    "explanation (none in the source; a placeholder names the answer)";

/// `bytes` as UTF-8 text without a byte-order mark.
///
/// # Errors
/// Invalid UTF-8, with the line it is on.
pub(crate) fn utf8_text(bytes: &[u8]) -> Result<&str, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            Err(ImportError {
                at: format!("line {line}"),
                message: "not UTF-8 text; save the file as UTF-8".into(),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------
// Import (our layout)

/// Splits a `choices` or `correct` field on `|` (`\|` is a literal `|`), trimming each part
/// and dropping empty ones.
fn split_pipes(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cur.push('|');
            }
            '|' => parts.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The 1-based choice numbers in `s` (separated by `|`, `,` or spaces), as 0-based indexes.
fn numbers(s: &str, n: usize) -> Result<Vec<usize>, String> {
    let mut out = Vec::new();
    for part in s
        .split(|c: char| c == '|' || c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        match part.parse::<usize>() {
            Ok(i) if (1..=n).contains(&i) => {
                if !out.contains(&(i - 1)) {
                    out.push(i - 1);
                }
            }
            _ => {
                return Err(format!(
                    "`correct` \"{part}\" is not a choice number from 1 to {n}"
                ));
            }
        }
    }
    if out.is_empty() {
        return Err("`correct` is empty: give the number of the right choice".into());
    }
    Ok(out)
}

/// One row's question (id, topic and category are set by the builder), pushing what it
/// loses onto `losses`; or why it cannot be one.
fn row_question(
    cells: &[String; 9],
    options: &ImportOptions,
    losses: &mut Vec<&'static str>,
) -> Result<Question, String> {
    let [
        _,
        _,
        difficulty,
        kind,
        prompt,
        code,
        choices,
        correct,
        explanation,
    ] = cells;
    let difficulty = if difficulty.trim().is_empty() {
        options.difficulty
    } else {
        Difficulty::from_slug(&difficulty.trim().to_ascii_lowercase())
            .ok_or_else(|| format!("unknown difficulty \"{difficulty}\" (easy, medium or hard)"))?
    };
    let slug = kind.trim().to_ascii_lowercase();
    let kind = Kind::from_slug(&slug).ok_or_else(|| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind \"{}\" ({})", kind.trim(), all.join(", "))
    })?;
    let texts = split_pipes(choices);
    let make_choices = |right: &[usize]| -> Vec<Choice> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Choice {
                text: t.clone(),
                correct: right.contains(&i),
                why: None,
            })
            .collect()
    };
    let answer = match kind {
        Kind::Single => {
            let right = numbers(correct, texts.len())?;
            if right.len() != 1 {
                return Err("a single-choice question has one `correct` number".into());
            }
            Answer::Single {
                choices: make_choices(&right),
            }
        }
        Kind::Multiple => Answer::Multiple {
            choices: make_choices(&numbers(correct, texts.len())?),
        },
        Kind::TrueFalse => {
            let answer = match correct.trim().to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                other => {
                    return Err(format!(
                        "`correct` of a true-false question is true or false, not \"{other}\""
                    ));
                }
            };
            Answer::TrueFalse { answer }
        }
        Kind::Output if !texts.is_empty() => {
            let right = numbers(correct, texts.len())?;
            if right.len() != 1 {
                return Err("an output question with choices has one `correct` number".into());
            }
            let output = right
                .first()
                .and_then(|&i| texts.get(i))
                .cloned()
                .unwrap_or_default();
            Answer::Output {
                output,
                choices: make_choices(&right),
            }
        }
        Kind::Output => Answer::Output {
            output: correct.trim_end_matches('\n').to_string(),
            choices: Vec::new(),
        },
        Kind::Text => Answer::Text {
            accept: split_pipes(correct),
        },
        Kind::Order => {
            let items = if correct.trim().is_empty() {
                texts.clone()
            } else {
                let order = numbers(correct, texts.len())?;
                if order.len() != texts.len() {
                    return Err(format!(
                        "`correct` of an order question lists all {} choice numbers in order",
                        texts.len()
                    ));
                }
                order
                    .iter()
                    .filter_map(|&i| texts.get(i).cloned())
                    .collect()
            };
            Answer::Order { items }
        }
    };
    if !texts.is_empty() && !kind.has_choices() && kind != Kind::Order {
        losses.push("`choices` (a true-false or text question has none; the column was ignored)");
    }
    let code = code.trim_end_matches('\n');
    let explanation = if explanation.trim().is_empty() {
        losses.push(NO_EXPLANATION);
        placeholder_explanation(&answer)
    } else {
        explanation.trim().to_string()
    };
    Ok(Question {
        id: String::new(),
        topic: String::new(),
        category: String::new(),
        difficulty,
        tags: vec!["imported".into()],
        prompt: prompt.trim().to_string(),
        code: (!code.trim().is_empty()).then(|| code.to_string()),
        explanation,
        python: None,
        answer,
    })
}

/// Reads our CSV layout (see the module docs) into a bank under `options.category`, one topic
/// per distinct `topic` value.
///
/// # Errors
/// Text that is not UTF-8, a quote that never closes, a missing or different header, or a
/// row with the wrong number of fields: each with its line.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let text = utf8_text(bytes)?;
    let records = read_records(text)?;
    let Some((header, rows)) = records.split_first() else {
        return Err(ImportError {
            at: "line 1".into(),
            message: format!(
                "the file is empty; it needs the header {}",
                COLUMNS.join(",")
            ),
        });
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    if names != COLUMNS {
        return Err(ImportError {
            at: format!("line {}", header.line),
            message: format!(
                "the first row must be the header {} (comma-separated), found {}",
                COLUMNS.join(","),
                header.fields.join(",")
            ),
        });
    }
    for (n, r) in rows.iter().enumerate() {
        if r.fields.len() != COLUMNS.len() {
            return Err(ImportError {
                at: format!("line {}", r.line),
                message: format!(
                    "row {} has {} fields; every row has {} ({})",
                    n + 2,
                    r.fields.len(),
                    COLUMNS.len(),
                    COLUMNS.join(",")
                ),
            });
        }
    }
    let mut builder = BankBuilder::default();
    let mut report = Report::default();
    let (cat_slug, cat_title) = (&options.category.0, &options.category.1);
    for r in rows {
        let at = format!("line {}", r.line);
        let Ok(cells) = <[String; 9]>::try_from(r.fields.clone()) else {
            continue;
        };
        let mut losses = Vec::new();
        let q = match row_question(&cells, options, &mut losses) {
            Ok(q) => q,
            Err(why) => {
                report.skip(&at, &why);
                continue;
            }
        };
        let [id, topic, ..] = &cells;
        let topic = topic.trim();
        let t = if topic.is_empty() {
            builder.topic(cat_slug, cat_title, (cat_slug, cat_title))
        } else {
            let slug = make_id(topic, &mut Vec::new());
            builder.topic(&slug, topic, (cat_slug, cat_title))
        };
        let id_from = if id.trim().is_empty() {
            q.prompt.clone()
        } else {
            id.trim().to_string()
        };
        match builder.add(t, q, &id_from) {
            Ok(id) => {
                for what in &losses {
                    report.lose(&id, what);
                }
                if losses.is_empty() {
                    report.whole += 1;
                }
            }
            Err(why) => report.skip(&at, &why),
        }
    }
    Ok(Imported {
        bank: builder.finish(),
        report,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use quiz_core::PythonRange;
    use quiz_core::parse::Bank;

    use super::*;

    fn choice(text: &str, correct: bool, why: Option<&str>) -> Choice {
        Choice {
            text: text.into(),
            correct,
            why: why.map(str::to_string),
        }
    }

    fn question(id: &str, prompt: &str, code: Option<&str>, answer: Answer) -> Question {
        Question {
            id: id.into(),
            topic: "lists".into(),
            category: "core".into(),
            difficulty: Difficulty::Medium,
            tags: vec!["mutability".into()],
            prompt: prompt.into(),
            code: code.map(str::to_string),
            explanation: "Because **lists** are `mutable`.".into(),
            python: None,
            answer,
        }
    }

    /// A small bank with every kind (and the shapes the exporters treat differently).
    pub(crate) fn sample() -> Source {
        let mut with_block = question(
            "default-list-shared",
            "What does the second call return?",
            Some("def f(xs=[]):\n    xs.append(1)\n    return xs\n\nf()\nf()"),
            Answer::Single {
                choices: vec![
                    choice(
                        "`[1]`",
                        false,
                        Some("That would need a fresh list per call."),
                    ),
                    choice("`[1, 1]`", true, Some("The default is built once.")),
                ],
            },
        );
        with_block.difficulty = Difficulty::Hard;
        with_block.python = PythonRange::parse(">=3.12").ok();
        let questions = vec![
            with_block,
            question(
                "append-adds-one",
                "Which method adds one item\nto the end of a list?",
                None,
                Answer::Single {
                    choices: vec![
                        choice("`append`", true, None),
                        choice("`extend`", false, None),
                        choice("`insert`", false, None),
                    ],
                },
            ),
            question(
                "one-right-multiple",
                "Which of these copy a list?",
                None,
                Answer::Multiple {
                    choices: vec![
                        choice("`xs[:]`", true, None),
                        choice("`ys = xs`", false, None),
                    ],
                },
            ),
            question(
                "new-lists",
                "Which return a new list?",
                None,
                Answer::Multiple {
                    choices: vec![
                        choice("`sorted(xs)`", true, None),
                        choice("`xs.sort()`", false, Some("It sorts in place.")),
                        choice("`list(xs)`", true, None),
                    ],
                },
            ),
            question(
                "tuple-holds-list",
                "A tuple can hold a list.",
                None,
                Answer::TrueFalse { answer: true },
            ),
            question(
                "alias-append",
                "What does this print?",
                Some("a = [1]\nb = a\nb.append(2)\nprint(a, a is b)"),
                Answer::Output {
                    output: "[1, 2] True".into(),
                    choices: vec![
                        choice("[1] False", false, None),
                        choice("[1, 2] True", true, None),
                    ],
                },
            ),
            question(
                "typed-range",
                "Type what this prints.",
                Some("for i in range(2):\n    print(i, \"<&>\")"),
                Answer::Output {
                    output: "0 <&>\n1 <&>".into(),
                    choices: Vec::new(),
                },
            ),
            question(
                "strip-name",
                "Which method removes surrounding whitespace?",
                None,
                Answer::Text {
                    accept: vec!["strip".into(), "str.strip".into()],
                },
            ),
            question(
                "precedence-order",
                "Order from lowest to highest precedence.",
                None,
                Answer::Order {
                    items: vec!["`or`".into(), "`and`".into(), "`not`".into()],
                },
            ),
            question(
                "len-one-line",
                "What is the result?",
                Some("len([1, 2, 3])"),
                Answer::Single {
                    choices: vec![choice("3", true, None), choice("2", false, None)],
                },
            ),
        ];
        Source {
            categories: vec![CategoryInfo {
                slug: "core".into(),
                title: "Core".into(),
            }],
            topics: vec![TopicInfo {
                slug: "lists".into(),
                title: "Lists, and copies".into(),
                category: "core".into(),
                counts: [0, 9, 1],
            }],
            questions,
        }
    }

    pub(crate) fn builtin() -> Bank {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        match quiz_core::parse::load_dir(&root, "content") {
            Ok(bank) => bank,
            Err(errors) => panic!("the built-in bank does not load: {:?}", errors.first()),
        }
    }

    /// Every question is counted once: whole, with a loss, or skipped.
    pub(crate) fn accounted(report: &Report, total: usize) {
        let mut lossy: Vec<&str> = report.lossy.iter().map(|l| l.id.as_str()).collect();
        lossy.sort_unstable();
        lossy.dedup();
        assert_eq!(
            report.whole + lossy.len() + report.skipped.len(),
            total,
            "{report}"
        );
        for s in &report.skipped {
            assert!(
                !lossy.contains(&s.at.as_str()),
                "{} both skipped and lossy",
                s.at
            );
        }
    }

    fn text(e: &Exported) -> String {
        String::from_utf8(e.bytes.clone()).unwrap_or_default()
    }

    fn records(text: &str) -> Vec<Record> {
        match read_records(text) {
            Ok(r) => r,
            Err(e) => panic!("our own CSV does not read back: {e}"),
        }
    }

    fn fields(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn reads_rfc_4180_quoting_and_positions() {
        let text = "a,\"b,\"\"c\"\"\",\r\n\n\"multi\nline\",,x\n\"\",\"\"\nlast";
        let got = records(text);
        let lines: Vec<usize> = got.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 3, 5, 6]);
        let got: Vec<Vec<String>> = got.into_iter().map(|r| r.fields).collect();
        assert_eq!(
            got,
            fields(&[
                &["a", "b,\"c\"", ""],
                &["multi\nline", "", "x"],
                &["", ""],
                &["last"]
            ])
        );
        assert_eq!(
            read_records("a,b\nc,\"open\nstill open").map_err(|e| e.at),
            Err("line 2, column 3".to_string())
        );
        let after = read_records("a,\"b\"c\n").map_err(|e| e.to_string());
        assert!(
            after
                .as_ref()
                .is_err_and(|e| e.starts_with("line 1, column 6: text after the closing quote")),
            "{after:?}"
        );
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let mut out = String::new();
        record(
            &mut out,
            &["plain", "a,b", "say \"hi\"", "two\nlines", "#x", ""],
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"#x\",\n"
        );
        let back: Vec<Vec<String>> = records(&out).into_iter().map(|r| r.fields).collect();
        assert_eq!(
            back,
            fields(&[&["plain", "a,b", "say \"hi\"", "two\nlines", "#x", ""]])
        );
    }

    #[test]
    fn anki_notes_hold_prompt_code_choices_answer_and_tags() {
        let e = export_anki(&sample());
        assert_eq!(e.report.whole, 10, "{}", e.report);
        assert!(e.report.lossy.is_empty() && e.report.skipped.is_empty());
        let out = text(&e);
        assert!(out.starts_with("#separator:Comma\n#html:true\n"), "{out}");
        assert!(out.contains("#tags column:3\n"));
        let body: String = out
            .lines()
            .skip_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let notes = records(&body);
        assert_eq!(notes.len(), 10);
        assert!(notes.iter().all(|n| n.fields.len() == 3));
        let first = &notes.first().map(|n| n.fields.clone()).unwrap_or_default();
        let [front, back, tags] = first.as_slice() else {
            panic!("three fields")
        };
        // Code keeps its newlines and indentation inside <pre>, escaped.
        assert!(
            front.contains(
                "<pre><code>def f(xs=[]):\n    xs.append(1)\n    return xs\n\nf()\nf()</code></pre>"
            ),
            "{front}"
        );
        assert!(front.contains("<li><code>[1, 1]</code></li>"));
        assert!(front.contains("<p><em>Python &gt;=3.12</em></p>"));
        assert!(
            back.starts_with("<p><b>B.</b> <code>[1, 1]</code></p>"),
            "{back}"
        );
        assert!(back.contains("<p>Because <strong>lists</strong> are <code>mutable</code>.</p>"));
        assert!(back.contains("<li><b>A</b>: That would need a fresh list per call.</li>"));
        assert_eq!(tags, "hard single lists core mutability");
        let typed = notes.get(6).map(|n| n.fields.clone()).unwrap_or_default();
        assert!(
            typed
                .first()
                .is_some_and(|f| f.contains("print(i, \"&lt;&amp;&gt;\")")),
            "{typed:?}"
        );
        assert!(typed.get(1).is_some_and(|b| {
            b.starts_with("<pre><code>0 &lt;&amp;&gt;\n1 &lt;&amp;&gt;</code></pre>")
        }));
        let order = notes.get(8).map(|n| n.fields.clone()).unwrap_or_default();
        let front = order.first().cloned().unwrap_or_default();
        assert!(front.contains("Put in order"), "{front}");
        assert!(
            !front.contains(
                "<li><code>or</code></li><li><code>and</code></li><li><code>not</code></li>"
            ),
            "the front must not show the right order: {front}"
        );
        assert!(order.get(1).is_some_and(|b| b.starts_with(
            "<ol><li><code>or</code></li><li><code>and</code></li><li><code>not</code></li></ol>"
        )));
    }

    #[test]
    fn d2l_rows_per_type_with_difficulty_feedback_and_html() {
        let e = export_d2l(&sample());
        accounted(&e.report, 10);
        assert!(e.report.skipped.is_empty());
        let out = text(&e);
        let rows = records(&out);
        assert!(rows.iter().all(|r| r.fields.len() == 5), "{out}");
        let has = |cells: &[&str]| {
            let mut want: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
            want.resize(5, String::new());
            rows.iter().any(|r| r.fields == want)
        };
        assert!(has(&["NewQuestion", "MC"]));
        assert!(has(&["ID", "default-list-shared"]));
        assert!(has(&["Difficulty", "5"]), "hard is 5");
        assert!(has(&["Difficulty", "3"]), "medium is 3");
        assert!(has(&[
            "Option",
            "100",
            "<code>[1, 1]</code>",
            "HTML",
            "The default is built once."
        ]));
        assert!(has(&["NewQuestion", "MS"]));
        assert!(has(&["Scoring", "AllOrNothing"]));
        assert!(has(&[
            "Option",
            "0",
            "<code>xs.sort()</code>",
            "HTML",
            "It sorts in place."
        ]));
        assert!(has(&["NewQuestion", "TF"]));
        assert!(has(&["TRUE", "100"]) && has(&["FALSE", "0"]));
        assert!(has(&["NewQuestion", "SA"]));
        assert!(has(&["Answer", "100", "str.strip"]));
        assert!(has(&["InputBox", "2", "40"]));
        assert!(
            has(&["Answer", "100", "0 <&>\n1 <&>"]),
            "typed output kept exactly"
        );
        assert!(has(&["NewQuestion", "O"]));
        assert!(has(&["Item", "<code>or</code>", "HTML"]));
        assert!(has(&[
            "Option",
            "100",
            "<pre><code>[1, 2] True</code></pre>",
            "HTML"
        ]));
        assert!(has(&[
            "Title",
            "Lists, and copies: Which method adds one item to the end of a list?"
        ]));
        assert!(has(&[
            "Feedback",
            "<p>Because <strong>lists</strong> are <code>mutable</code>.</p>",
            "HTML"
        ]));
        let question_text = rows
            .iter()
            .find(|r| r.fields.first().is_some_and(|f| f == "QuestionText"))
            .and_then(|r| r.fields.get(1).cloned())
            .unwrap_or_default();
        assert!(
            question_text.contains("<pre><code>def f(xs=[]):\n    xs.append(1)"),
            "{question_text}"
        );
        // Tags are the loss of every question; typed output also loses output matching.
        assert!(
            e.report
                .lossy
                .iter()
                .any(|l| l.id == "typed-range" && l.what.contains("output matching"))
        );
        assert_eq!(e.report.whole, 0);
    }

    /// Runs tests/lms/check_csv.py (Python's csv module) on `bytes`.
    fn python_check(kind: &str, bytes: &[u8], expect: usize) {
        let dir = std::env::temp_dir().join(format!("quiz-lms-{}-{kind}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("export.csv");
        if let Err(e) = std::fs::write(&file, bytes) {
            panic!("cannot write {}: {e}", file.display());
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lms/check_csv.py");
        let out = std::process::Command::new("python3")
            .arg(&script)
            .arg(kind)
            .arg(&file)
            .arg("--expect")
            .arg(expect.to_string())
            .output();
        let _ = std::fs::remove_dir_all(&dir);
        match out {
            Ok(o) => assert!(
                o.status.success(),
                "check_csv.py {kind} failed:\n{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => panic!("python3 is needed for the CSV check: {e}"),
        }
    }

    #[test]
    fn the_whole_bank_exports_to_anki_and_d2l_and_pythons_csv_reads_it() {
        let bank = builtin();
        let source = Source::from_bank(&bank);
        let total = source.questions.len();
        let anki = export_anki(&source);
        accounted(&anki.report, total);
        assert_eq!(anki.report.whole, total, "Anki holds every question whole");
        python_check("anki", &anki.bytes, total);
        let d2l = export_d2l(&source);
        accounted(&d2l.report, total);
        assert!(
            d2l.report.skipped.is_empty(),
            "Brightspace has every kind: {}",
            d2l.report
        );
        python_check("d2l", &d2l.bytes, total);
        let out = text(&d2l);
        let ids: Vec<String> = records(&out)
            .into_iter()
            .filter(|r| r.fields.first().is_some_and(|f| f == "ID"))
            .filter_map(|r| r.fields.get(1).cloned())
            .collect();
        assert_eq!(ids.len(), total);
        assert!(source.questions.iter().all(|q| ids.contains(&q.id)));
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/lms/csv")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn imported(name: &str) -> Imported {
        match import(&fixture(name), &ImportOptions::default()) {
            Ok(i) => i,
            Err(e) => panic!("{name}: {e}"),
        }
    }

    /// The bank an import wrote validates as a whole, as the CLI checks it before writing.
    fn validates(bank: &Bank) {
        let sources: Vec<quiz_core::parse::Source> = bank
            .to_folder()
            .into_iter()
            .map(|(rel, text)| quiz_core::parse::Source {
                shown: format!("out/{rel}"),
                rel,
                bytes: text.into_bytes(),
            })
            .collect();
        if let Err(errors) = quiz_core::parse::load_sources(&sources, "out") {
            panic!("imported bank does not validate: {:?}", errors.first());
        }
    }

    #[test]
    fn the_documented_layout_imports_every_kind() {
        let i = imported("questions.csv");
        assert!(i.report.skipped.is_empty(), "{}", i.report);
        validates(&i.bank);
        let qs: Vec<&Question> = i.bank.questions().collect();
        assert_eq!(qs.len(), 9);
        let topics: Vec<(&str, &str, [u32; 3])> = i
            .bank
            .topics
            .iter()
            .map(|t| (t.info.slug.as_str(), t.info.title.as_str(), t.info.counts))
            .collect();
        assert_eq!(
            topics,
            vec![
                ("lists", "Lists", [1, 2, 0]),
                ("scopes", "Scopes", [0, 1, 1]),
                ("strings", "Strings", [1, 1, 0]),
                ("operators", "Operators", [1, 1, 0]),
            ]
        );
        let by = |id: &str| qs.iter().find(|q| q.id == id).copied();
        let Some(single) = by("which-method-adds-one-item-to-the-end-of-a-list") else {
            panic!(
                "ids are made from prompts: {:?}",
                qs.iter().map(|q| &q.id).collect::<Vec<_>>()
            )
        };
        assert_eq!(single.category, "imported");
        assert_eq!(single.tags, vec!["imported".to_string()]);
        assert!(matches!(&single.answer, Answer::Single { choices }
            if choices.len() == 4 && choices.get(1).is_some_and(|c| c.correct && c.text == "append()")));
        let Some(multiple) = by("sorted-vs-sort") else {
            panic!("the given id is kept")
        };
        let right: Vec<&str> = multiple
            .answer
            .choices()
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(right, vec!["sorted(xs)", "xs[:]"]);
        let tf = qs.iter().find(|q| q.kind() == Kind::TrueFalse);
        assert!(tf.is_some_and(|q| q.difficulty == Difficulty::Medium
            && q.answer == Answer::TrueFalse { answer: true }));
        let Some(output) = by("what-does-this-print") else {
            panic!("output")
        };
        assert_eq!(
            output.code.as_deref(),
            Some("def f(xs=[]):\n    xs.append(1)\n    return xs\n\nf()\nprint(f())")
        );
        assert!(
            matches!(&output.answer, Answer::Output { output, choices } if output == "[1, 1]" && choices.len() == 3)
        );
        let Some(typed) = by("type-what-this-prints") else {
            panic!("typed")
        };
        assert_eq!(
            typed.answer,
            Answer::Output {
                output: "\nab\nabab".into(),
                choices: Vec::new()
            }
        );
        assert_eq!(
            typed.explanation,
            "The first line is empty: `0 * \"ab\"` is the empty string."
        );
        let text = qs.iter().find(|q| q.kind() == Kind::Text);
        assert!(text.is_some_and(|q| q.answer
            == Answer::Text {
                accept: vec!["strip".into(), "str.strip".into(), "strip()".into()]
            }));
        let orders: Vec<&Answer> = qs
            .iter()
            .filter(|q| q.kind() == Kind::Order)
            .map(|q| &q.answer)
            .collect();
        assert_eq!(
            orders,
            vec![
                &Answer::Order {
                    items: vec!["a".into(), "b".into(), "c".into()]
                },
                &Answer::Order {
                    items: vec!["or".into(), "not".into(), "==".into(), "+".into()]
                },
            ]
        );
        let Some(pipe) = by("what-is-1-2") else {
            panic!("pipe")
        };
        let texts: Vec<&str> = pipe
            .answer
            .choices()
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            texts,
            vec!["{1|2}", "{1, 2}", "{2}"],
            "\\| is a literal pipe"
        );
        // The order question without an explanation gets a placeholder, reported.
        assert_eq!(i.report.lossy.len(), 1, "{}", i.report);
        assert!(i.report.lossy.iter().all(|l| l.what == NO_EXPLANATION));
        assert_eq!(i.report.whole, 8);
    }

    #[test]
    fn the_readme_example_imports() {
        let readme = String::from_utf8(fixture("README.md")).unwrap_or_default();
        let example = readme
            .rsplit("```csv\n")
            .next()
            .and_then(|rest| rest.split("```").next())
            .unwrap_or_default();
        let i = match import(example.as_bytes(), &ImportOptions::default()) {
            Ok(i) => i,
            Err(e) => panic!("README example: {e}"),
        };
        assert_eq!((i.bank.len(), i.report.whole), (2, 2), "{}", i.report);
        validates(&i.bank);
    }

    #[test]
    fn rows_that_cannot_be_questions_are_skipped_with_their_line() {
        let i = imported("skips.csv");
        let skipped: Vec<(&str, &str)> = i
            .report
            .skipped
            .iter()
            .map(|s| (s.at.as_str(), s.why.as_str()))
            .collect();
        let at: Vec<&str> = skipped.iter().map(|s| s.0).collect();
        assert_eq!(
            at,
            vec!["line 2", "line 3", "line 4", "line 5", "line 6"],
            "{}",
            i.report
        );
        let why = |n: usize| skipped.get(n).map_or("", |s| s.1);
        assert!(why(0).starts_with("unknown kind \"essay\""), "{}", why(0));
        assert!(
            why(1).contains("\"4\" is not a choice number from 1 to 3"),
            "{}",
            why(1)
        );
        assert!(
            why(2).contains("2–6 choices, found 1"),
            "the bank's own rule: {}",
            why(2)
        );
        assert!(why(3).contains("true or false, not \"no\""), "{}", why(3));
        assert!(
            why(4).starts_with("unknown difficulty \"extreme\""),
            "{}",
            why(4)
        );
        assert_eq!(i.bank.len(), 2);
        let lost: Vec<&str> = i.report.lossy.iter().map(|l| l.what.as_str()).collect();
        assert_eq!(
            lost,
            vec!["`choices` (a true-false or text question has none; the column was ignored)"]
        );
        validates(&i.bank);
    }

    #[test]
    fn malformed_files_stop_the_import_with_their_position() {
        let cases = [
            (
                "wrong-column-count.csv",
                "line 4",
                "row 3 has 11 fields; every row has 9",
            ),
            ("unclosed-quote.csv", "line 3, column 37", "never closes"),
            (
                "bad-header.csv",
                "line 1",
                "the first row must be the header id,topic,",
            ),
            (
                "text-after-quote.csv",
                "line 2, column 30",
                "text after the closing quote",
            ),
        ];
        for (name, at, message) in cases {
            match import(&fixture(name), &ImportOptions::default()) {
                Ok(_) => panic!("{name} imported"),
                Err(e) => {
                    assert_eq!(e.at, at, "{name}: {e}");
                    assert!(e.message.contains(message), "{name}: {e}");
                }
            }
        }
        let latin1 = b"id,topic,difficulty,kind,prompt,code,choices,correct,explanation\n,,,single,caf\xe9,,a|b,1,x\n";
        assert_eq!(
            import(latin1, &ImportOptions::default())
                .err()
                .map(|e| e.at),
            Some("line 2".to_string())
        );
        assert!(import(b"", &ImportOptions::default()).is_err());
    }
}
