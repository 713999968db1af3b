//! Moodle's GIFT text format (<https://docs.moodle.org/en/GIFT_format>): export, and import of
//! what we export and of GIFT as Moodle documents it, with a line and column for every error.
//!
//! # Export
//!
//! A `$CATEGORY: $course$/<category title>/<topic title>` line before each topic's questions
//! (a `/` inside a title doubled, as Moodle escapes it), one blank line between questions,
//! and per question the comment Moodle reads ID numbers and tags from, the id as the title,
//! the text and the answers, as Moodle's own exporter lays them out (answers indented by a tab):
//!
//! ```text
//! // [id:dict-order] [tag:medium] [tag:kind:single] [tag:topic:dicts] [tag:dict]
//! ::dict-order::[markdown]What does it print?\n\n```python\nprint(list({"b"\: 1}))\n```{
//!     =`['b']`#The keys, in insertion order.
//!     ~`[1]`#Iterating a dict gives its keys.
//!     ####Dicts iterate over their keys.
//! }
//! ```
//!
//! - **`[markdown]`, once, before the question text.** Moodle gives the answers and feedback the
//!   question's format, and renders Markdown with PHP Markdown Extra, which reads our whole
//!   subset: paragraphs, `-`/`1.` lists, ``` fences (with the language as a class), `code`,
//!   *em* and **strong**. So the text goes out as authored, code stays a `<pre><code>` block,
//!   the question stays editable as Markdown in Moodle, and it comes back byte for byte.
//!   `[html]` would mean converting both ways for no gain in what Moodle shows. The one
//!   difference: Markdown Extra reads `__x__` as strong and `<tag>` as HTML where our Markdown
//!   shows text; in the built-in bank neither occurs outside code.
//! - **Escapes:** `\` `~` `=` `#` `{` `}` `:` get a backslash and newlines are written `\n`, as
//!   Moodle's exporter does: each text stays on one line (a blank line would end the question)
//!   and code keeps its indentation.
//! - **Code** follows the prompt as a ```` ```python ```` fence (longer fences when the code holds
//!   backticks).
//! - **Tags and id** (the `// [id:…] [tag:…]` comment; Moodle 3.6+ stores them as the question's
//!   ID number and tags): the difficulty, `kind:<kind>`, `topic:<slug>`, `python:ge3.12` for a
//!   version range (Moodle strips `<` and `>` from tags), then the question's own tags: the
//!   same tags as our Moodle XML.
//! - **Explanation** → general feedback (`####`); **`why`** → the choice's feedback (`#`).
//!
//! | kind | GIFT |
//! |---|---|
//! | `single` | `{=right ~wrong}` |
//! | `multiple` | `{~%50%right ~%50%right ~%-100%wrong}`: right choices share +100 % and wrong ones −100 % (Moodle's grade steps, written to sum to exactly 100); Moodle gives partial credit where we score all-or-nothing (reported as a loss) |
//! | `output` with choices | one-answer multiple choice with the code in the text and every choice a ``` fence |
//! | `output`, typed | short answer `{=output}`, lines joined by spaces (Moodle's answer box is one line); Moodle compares without case (a loss when the output has letters); `*` is written `\*` (Moodle's wildcard) |
//! | `true-false` | `{T}` / `{F}` |
//! | `text` | short answer `{=a =b}` (`*` written `\*`) |
//! | `order` | skipped: GIFT has no ordering question |
//!
//! # Import
//!
//! Questions are separated by blank lines; `//` lines are comments (`[id:…]` and `[tag:…]` in
//! them are read); a question may span lines. `::title::` becomes the id when it is
//! kebab-case, else an id is made from it (or from the text when there is no title).
//! `$CATEGORY:` paths become categories and topics: the first name after the context
//! (`$course$/`, `top/`) is the category, the rest the topic; questions before any
//! `$CATEGORY:` go to the import's category. `[markdown]` and `[plain]` text is kept as it is,
//! `[html]` (and HTML in the default `[moodle]` format) becomes Markdown conservatively. A
//! question whose text ends in a ```` ```python ```` fence after a blank line gets it as its
//! code.
//!
//! Multiple choice with one `=` → `single` (or `output` with the `kind:output` tag and code);
//! weights without `=` → `multiple` (positive = right); true/false → `true-false`; short
//! answer → `text` (or typed `output`); missing-word questions keep `_____` in the text.
//! Numerical, matching, essay and description items, and questions the bank's rules reject,
//! are reported as skipped with their line. An unclosed `{`, a stray `}`, an unclosed
//! `::title`, an answer without `=`/`~` before it, or a weight that is not a number stops
//! the import with the line and column: nothing is written.

use std::fmt::Write as _;

use quiz_core::{Answer, Choice, Difficulty, Kind, Question, text::normalize_output};

use crate::csv::{BankBuilder, NO_EXPLANATION, placeholder_explanation};
use crate::moodle::{python_from_tag, python_tag};
use crate::xml::MdBlock;
use crate::{
    Exported, ImportError, ImportOptions, Imported, Report, Source, difficulty_from_tags, xml,
};

/// The format marker written before every question text.
const MARKDOWN: &str = "[markdown]";

/// Reported for every exported `multiple` question (the same words as Moodle XML's).
const PARTIAL_CREDIT: &str =
    "all-or-nothing scoring (Moodle gives partial credit to multiple-answer questions)";

/// Reported for a typed `output` whose expected output has letters.
const CASE: &str = "case of the typed output (Moodle's short answer ignores case)";

/// Reported for a typed `output` of several lines.
const LINES: &str =
    "line breaks of the typed output (joined with spaces: Moodle's answer box is one line)";

/// Reported when a wrong choice is moved first (see [`first_answer_not_matching`]).
const REORDERED: &str = "choice order (a wrong choice first: GIFT parsers read a first `=… -> …` answer as a matching pair)";

/// Why a short answer with `->` is skipped.
const ARROW: &str = "an accepted answer contains `->`, which GIFT reads as a matching question";

/// Why `order` questions are skipped.
const NO_ORDERING: &str = "GIFT has no ordering question type";

/// 100 % in the units weights are computed in (1/100000 of a percent).
const HUNDRED: i64 = 10_000_000;

// ---------------------------------------------------------------------------------------
// Export

/// Writes `source` as GIFT (see the module docs); `order` questions are skipped with the reason.
pub fn export(source: &Source) -> Exported {
    let mut report = Report::default();
    let mut blocks: Vec<String> = Vec::new();
    let mut place: Option<(&str, &str)> = None;
    for q in &source.questions {
        if q.kind() == Kind::Order {
            report.skip(&q.id, NO_ORDERING);
            continue;
        }
        let typed: &[String] = match &q.answer {
            Answer::Text { accept } => accept,
            Answer::Output { output, choices } if choices.is_empty() => {
                std::slice::from_ref(output)
            }
            _ => &[],
        };
        if typed.iter().any(|a| a.contains("->")) {
            report.skip(&q.id, ARROW);
            continue;
        }
        let here = (q.category.as_str(), q.topic.as_str());
        if place != Some(here) {
            place = Some(here);
            blocks.push(format!(
                "$CATEGORY: $course$/{}/{}\n",
                category_name(source.category_title(&q.category)),
                category_name(source.topic_title(&q.topic))
            ));
        }
        let mut losses: Vec<&str> = Vec::new();
        blocks.push(question(q, &mut losses));
        if losses.is_empty() {
            report.whole += 1;
        }
        for what in losses {
            report.lose(&q.id, what);
        }
    }
    Exported {
        bytes: blocks.join("\n").into_bytes(),
        report,
    }
}

/// A category or topic title as a name in a `$CATEGORY:` path.
fn category_name(title: &str) -> String {
    title.trim().replace('/', "//")
}

/// One question (not `order`), ending with a newline; what it loses goes to `losses`.
fn question(q: &Question, losses: &mut Vec<&'static str>) -> String {
    let mut out = String::new();
    let _ = write!(out, "// [id:{}]", q.id.replace(']', "\\]"));
    let mut tags = vec![
        q.difficulty.as_str().to_string(),
        format!("kind:{}", q.kind()),
        format!("topic:{}", q.topic),
    ];
    if let Some(range) = &q.python {
        tags.push(python_tag(range));
    }
    tags.extend(q.tags.iter().cloned());
    for t in &tags {
        let _ = write!(out, " [tag:{}]", t.replace(']', "\\]"));
    }
    out.push('\n');
    let mut stem = q.prompt.trim().to_string();
    if let Some(code) = &q.code {
        stem.push_str("\n\n");
        stem.push_str(&fence("python", code));
    }
    let _ = writeln!(out, "::{}::{MARKDOWN}{}{{", escape(&q.id), escape(&stem));
    match &q.answer {
        Answer::Single { choices } => {
            for c in first_answer_not_matching(choices, losses) {
                choice(&mut out, if c.correct { "=" } else { "~" }, &c.text, c);
            }
        }
        Answer::Multiple { choices } => {
            let right = choices.iter().filter(|c| c.correct).count();
            let mut plus = weights(right).into_iter();
            let mut minus = weights(choices.len() - right).into_iter();
            for c in choices {
                let w = if c.correct {
                    plus.next().unwrap_or(0)
                } else {
                    -minus.next().unwrap_or(0)
                };
                choice(&mut out, &format!("~%{}%", percent(w)), &c.text, c);
            }
            losses.push(PARTIAL_CREDIT);
        }
        Answer::Output { output, choices } if choices.is_empty() => {
            let line = normalize_output(output).replace('\n', " ");
            let _ = writeln!(out, "\t={}", short(&line));
            if output.to_lowercase() != output.to_uppercase() {
                losses.push(CASE);
            }
            if normalize_output(output).contains('\n') {
                losses.push(LINES);
            }
        }
        Answer::Output { choices, .. } => {
            for c in first_answer_not_matching(choices, losses) {
                let marker = if c.correct { "=" } else { "~" };
                choice(&mut out, marker, &fence("", &c.text), c);
            }
        }
        Answer::TrueFalse { answer } => {
            out.push_str(if *answer { "\tT\n" } else { "\tF\n" });
        }
        Answer::Text { accept } => {
            for a in accept {
                let _ = writeln!(out, "\t={}", short(a.trim()));
            }
        }
        // Skipped before this is called.
        Answer::Order { .. } => {}
    }
    let _ = writeln!(out, "\t####{}", rich(&q.explanation));
    out.push_str("}\n");
    out
}

/// `choices` in the order to write them: as authored, unless the first is the right one and
/// holds `->`. GIFT writes a matching pair as `=left -> right`, and parsers that try matching
/// first (gift-pegjs) read such a first answer as one; Moodle tells them apart by the `~`, so
/// it is only the order that changes: the first wrong choice goes first (a loss, though the
/// widget and Moodle both shuffle choices).
fn first_answer_not_matching<'a>(
    choices: &'a [Choice],
    losses: &mut Vec<&'static str>,
) -> Vec<&'a Choice> {
    let mut order: Vec<&Choice> = choices.iter().collect();
    if choices
        .first()
        .is_some_and(|c| c.correct && c.text.contains("->"))
    {
        if let Some(w) = choices.iter().position(|c| !c.correct) {
            let wrong = order.remove(w);
            order.insert(0, wrong);
            losses.push(REORDERED);
        }
    }
    order
}

/// One choice line: the marker (`=`, `~`, `~%50%`), its text and its `why` as feedback.
fn choice(out: &mut String, marker: &str, text: &str, c: &Choice) {
    let _ = write!(out, "\t{marker}{}", rich(text));
    if let Some(why) = c.why.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        let _ = write!(out, "#{}", rich(why));
    }
    out.push('\n');
}

/// Text in an answer or feedback: trimmed and escaped, with the format marker when the text
/// itself starts like a marker (`[html]`) or a weight (`%`), which the importers would read.
fn rich(text: &str) -> String {
    let text = text.trim();
    let looks_marked = text.starts_with('%')
        || ["[html]", "[markdown]", "[plain]", "[moodle]"]
            .iter()
            .any(|m| text.starts_with(m));
    if looks_marked {
        format!("{MARKDOWN}{}", escape(text))
    } else {
        escape(text)
    }
}

/// An accepted short answer: `*` (Moodle's wildcard) written `\*`, then as [`rich`].
fn short(answer: &str) -> String {
    rich(&answer.replace('*', "\\*"))
}

/// `text` with GIFT's special characters escaped and newlines written `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// `body` as a Markdown fence with `info`, longer than any backtick run at a line start in it.
fn fence(info: &str, body: &str) -> String {
    let longest = body
        .lines()
        .map(|l| l.trim_start().chars().take_while(|c| *c == '`').count())
        .max()
        .unwrap_or(0);
    let ticks = "`".repeat(longest.max(2) + 1);
    format!("{ticks}{info}\n{body}\n{ticks}")
}

/// `n` shares of 100 % in 1/100000 percent, from Moodle's grade steps (100, 50, 33.33333,
/// …), the last one adjusted so that they sum to exactly 100.
fn weights(n: usize) -> Vec<i64> {
    let Ok(n) = i64::try_from(n) else {
        return Vec::new();
    };
    if n == 0 {
        return Vec::new();
    }
    let each = (HUNDRED + n / 2) / n;
    let mut out: Vec<i64> = (1..n).map(|_| each).collect();
    out.push(HUNDRED - each * (n - 1));
    out
}

/// A weight in 1/100000 percent as GIFT writes it: `50`, `33.33333`, `-12.5`.
fn percent(units: i64) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let a = units.unsigned_abs();
    let (whole, frac) = (a / 100_000, a % 100_000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:05}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

// ---------------------------------------------------------------------------------------
// Import: reading the text

/// One character of a question after escapes are decoded, with where it came from.
#[derive(Clone, Copy, Debug)]
struct Ch {
    /// The character (`\n` for an escaped `\n` too).
    c: char,
    /// Written with a backslash: never structure.
    esc: bool,
    /// 1-based line.
    line: usize,
    /// 1-based column, in characters.
    col: usize,
}

/// A text format marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fmt {
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// A piece of text with its own format marker, if it has one.
#[derive(Clone, Debug, Default)]
struct Text {
    format: Option<Fmt>,
    text: String,
}

/// One answer of a multiple-choice or short-answer question.
#[derive(Clone, Debug)]
struct Ans {
    /// `=` or `~`.
    marker: char,
    /// `%50%`, if given.
    weight: Option<f64>,
    text: Text,
    feedback: Option<Text>,
}

impl Ans {
    /// The weight in percent: given, or 100 for `=` and 0 for `~`.
    fn fraction(&self) -> f64 {
        self.weight
            .unwrap_or(if self.marker == '=' { 100.0 } else { 0.0 })
    }

    fn full(&self) -> bool {
        self.fraction() >= 99.999
    }
}

/// What is between a question's braces.
#[derive(Clone, Debug)]
enum Body {
    Choices(Vec<Ans>),
    Short(Vec<Ans>),
    TrueFalse { value: bool, feedback: bool },
}

/// A question read from the text, not yet mapped to the bank.
#[derive(Clone, Debug)]
struct Parsed {
    line: usize,
    comments: Vec<String>,
    title: Option<String>,
    format: Fmt,
    stem: String,
    body: Body,
    general: Option<Text>,
}

/// One block of the file (the lines between blank lines).
#[derive(Clone, Debug)]
enum Item {
    Category(String),
    Question(Box<Parsed>),
    Skip(usize, &'static str),
}

fn error_at(ch: Option<&Ch>, message: impl Into<String>) -> ImportError {
    ImportError {
        at: ch.map_or_else(
            || "end of file".to_string(),
            |c| format!("line {}, column {}", c.line, c.col),
        ),
        message: message.into(),
    }
}

/// `bytes` as UTF-8 without a byte-order mark.
fn utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(valid.get(start..).unwrap_or_default())
                .chars()
                .count()
                + 1;
            Err(ImportError {
                at: format!("line {line}, column {col}"),
                message: "not UTF-8 text; save the file as UTF-8".into(),
            })
        }
    }
}

/// The lines of `text` grouped into blocks separated by blank lines: (line number, line).
fn blocks(text: &str) -> Vec<Vec<(usize, &str)>> {
    let mut out = Vec::new();
    let mut block = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !block.is_empty() {
                out.push(std::mem::take(&mut block));
            }
        } else {
            block.push((i + 1, line));
        }
    }
    if !block.is_empty() {
        out.push(block);
    }
    out
}

/// The characters of `lines` joined by newlines, escapes decoded.
fn decode(lines: &[(usize, &str)]) -> Vec<Ch> {
    let mut out = Vec::new();
    for (k, (line, s)) in lines.iter().enumerate() {
        if k > 0 {
            out.push(Ch {
                c: '\n',
                esc: false,
                line: *line,
                col: 0,
            });
        }
        let mut it = s.chars().enumerate().peekable();
        while let Some((i, c)) = it.next() {
            let (line, col) = (*line, i + 1);
            if c == '\\' {
                let decoded = match it.peek() {
                    Some((_, n @ ('\\' | '~' | '=' | '#' | '{' | '}' | ':'))) => Some(*n),
                    Some((_, 'n')) => Some('\n'),
                    _ => None,
                };
                if let Some(d) = decoded {
                    it.next();
                    out.push(Ch {
                        c: d,
                        esc: true,
                        line,
                        col,
                    });
                } else {
                    // A backslash before anything else is text, as in Moodle.
                    out.push(Ch {
                        c,
                        esc: true,
                        line,
                        col,
                    });
                }
            } else {
                out.push(Ch {
                    c,
                    esc: false,
                    line,
                    col,
                });
            }
        }
    }
    out
}

fn sub(s: &[Ch], from: usize, to: usize) -> &[Ch] {
    s.get(from..to).unwrap_or_default()
}

fn after(s: &[Ch], from: usize) -> &[Ch] {
    s.get(from..).unwrap_or_default()
}

fn trim(s: &[Ch]) -> &[Ch] {
    let start = s.iter().position(|c| !c.c.is_whitespace());
    let end = s.iter().rposition(|c| !c.c.is_whitespace());
    match (start, end) {
        (Some(a), Some(b)) => sub(s, a, b + 1),
        _ => &[],
    }
}

/// Whether `s` has the unescaped `pat` at `i`.
fn at(s: &[Ch], i: usize, pat: &str) -> bool {
    let mut n = 0;
    for p in pat.chars() {
        match s.get(i + n) {
            Some(c) if !c.esc && c.c == p => n += 1,
            _ => return false,
        }
    }
    true
}

fn find(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).find(|&i| at(s, i, pat))
}

fn rfind(s: &[Ch], pat: &str) -> Option<usize> {
    (0..s.len()).rev().find(|&i| at(s, i, pat))
}

fn string(s: &[Ch]) -> String {
    s.iter().map(|c| c.c).collect()
}

/// `s` split before every unescaped one of `markers`; the text before the first is first.
fn split_markers<'a>(s: &'a [Ch], markers: &[char]) -> (&'a [Ch], Vec<&'a [Ch]>) {
    let starts: Vec<usize> = s
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.esc && markers.contains(&c.c))
        .map(|(i, _)| i)
        .collect();
    let head = sub(s, 0, starts.first().copied().unwrap_or(s.len()));
    let parts = starts
        .iter()
        .enumerate()
        .map(|(k, &i)| sub(s, i, starts.get(k + 1).copied().unwrap_or(s.len())))
        .collect();
    (head, parts)
}

/// A format marker at the start of trimmed `s`, and the text after it.
fn formatted(s: &[Ch]) -> Text {
    let s = trim(s);
    for (name, fmt) in [
        ("[html]", Fmt::Html),
        ("[markdown]", Fmt::Markdown),
        ("[plain]", Fmt::Plain),
        ("[moodle]", Fmt::Moodle),
    ] {
        if at(s, 0, name) {
            return Text {
                format: Some(fmt),
                text: string(trim(after(s, name.chars().count()))),
            };
        }
    }
    Text {
        format: None,
        text: string(s),
    }
}

/// Reads the answers of a multiple-choice (`=`/`~`) or short-answer (`=`) block.
fn answers(s: &[Ch], markers: &[char]) -> Result<Vec<Ans>, ImportError> {
    let (head, parts) = split_markers(s, markers);
    if let Some(first) = trim(head).first() {
        return Err(error_at(
            Some(first),
            format!(
                "unknown answer marker `{}`: each answer starts with `=` (right) or `~` (wrong); \
                 write `\\=`, `\\~` for the characters themselves",
                first.c
            ),
        ));
    }
    let mut out = Vec::new();
    for part in parts {
        let Some((mark, rest)) = part.split_first() else {
            continue;
        };
        let mut body = trim(rest);
        let mut weight = None;
        if at(body, 0, "%") {
            if let Some(end) = find(after(body, 1), "%") {
                let inner = string(sub(body, 1, end + 1));
                match inner.trim().parse::<f64>() {
                    Ok(w) if (-100.0..=100.0).contains(&w) => weight = Some(w),
                    _ => {
                        return Err(error_at(
                            body.first(),
                            format!(
                                "answer weight `%{inner}%` is not a percentage from -100 to 100"
                            ),
                        ));
                    }
                }
                body = trim(after(body, end + 2));
            }
        }
        let (text, feedback) = match find(body, "#") {
            Some(i) => (sub(body, 0, i), Some(after(body, i + 1))),
            None => (body, None),
        };
        let text = formatted(text);
        if text.text.is_empty() {
            return Err(error_at(
                Some(mark),
                format!("the answer after `{}` has no text", mark.c),
            ));
        }
        out.push(Ans {
            marker: mark.c,
            weight,
            text,
            feedback: feedback.map(formatted).filter(|f| !f.text.is_empty()),
        });
    }
    Ok(out)
}

/// Reads one block: a category, a question, something to skip, or nothing (comments only).
fn parse_block(lines: &[(usize, &str)]) -> Result<Option<Item>, ImportError> {
    let mut comments = Vec::new();
    let mut content = Vec::new();
    for &(n, line) in lines {
        match line.trim_start().strip_prefix("//") {
            Some(comment) => comments.push(comment.to_string()),
            None => content.push((n, line)),
        }
    }
    let chars = decode(&content);
    let s = trim(&chars);
    let Some(first) = s.first() else {
        return Ok(None);
    };
    let line = first.line;
    if at(s, 0, "$CATEGORY:") {
        if let Some(next) = s.iter().find(|c| c.c == '\n' && !c.esc) {
            return Err(error_at(
                Some(next),
                "a `$CATEGORY:` line must be followed by a blank line",
            ));
        }
        let raw = content.first().map_or("", |(_, l)| l.trim());
        let path = raw.strip_prefix("$CATEGORY:").unwrap_or(raw).trim();
        return Ok(Some(Item::Category(path.to_string())));
    }
    let mut rest = s;
    let mut title = None;
    if at(rest, 0, "::") {
        let Some(end) = find(after(rest, 2), "::") else {
            return Err(error_at(
                Some(first),
                "the title opened with `::` is not closed with `::` (write `\\:` for a colon)",
            ));
        };
        title = Some(string(trim(sub(rest, 2, end + 2))));
        rest = trim(after(rest, end + 4));
    }
    let open = find(rest, "{");
    let close = find(rest, "}");
    let (open, close) = match (open, close) {
        (None, None) => {
            return Ok(Some(Item::Skip(
                line,
                "a description (text without an answer block) is not a question",
            )));
        }
        (Some(o), None) => {
            return Err(error_at(
                rest.get(o),
                "unclosed brace: this `{` has no `}` before the question ends (at a blank line \
                 or the end of the file); write `\\{` for a literal brace",
            ));
        }
        (None, Some(c)) => {
            return Err(error_at(
                rest.get(c),
                "`}` without an opening `{`; write `\\}` for a literal brace",
            ));
        }
        (Some(o), Some(c)) if c < o => {
            return Err(error_at(
                rest.get(c),
                "`}` without an opening `{`; write `\\}` for a literal brace",
            ));
        }
        (Some(o), Some(c)) => (o, c),
    };
    let tail = after(rest, close + 1);
    if let Some(extra) = tail.iter().find(|c| !c.esc && (c.c == '{' || c.c == '}')) {
        return Err(error_at(
            Some(extra),
            "a second answer block: a question has one `{…}`; write `\\{` and `\\}` for literal \
             braces",
        ));
    }
    let stem = if trim(tail).is_empty() {
        formatted(sub(rest, 0, open))
    } else {
        // Missing word: the answer stands in the text as a blank, as Moodle shows it.
        let mut with_blank = sub(rest, 0, open).to_vec();
        with_blank.extend("_____".chars().map(|c| Ch {
            c,
            esc: true,
            line,
            col: 0,
        }));
        with_blank.extend_from_slice(tail);
        formatted(&with_blank)
    };
    let mut inner = sub(rest, open + 1, close);
    let mut general = None;
    if let Some(i) = rfind(inner, "####") {
        general = Some(formatted(after(inner, i + 4))).filter(|g| !g.text.is_empty());
        inner = sub(inner, 0, i);
    }
    let inner = trim(inner);
    let body = if inner.is_empty() {
        return Ok(Some(Item::Skip(
            line,
            "an essay question has no answer to grade",
        )));
    } else if at(inner, 0, "#") {
        return Ok(Some(Item::Skip(
            line,
            "a numerical question (a number with a tolerance) has no kind in the bank",
        )));
    } else if find(inner, "~").is_some() {
        Body::Choices(answers(inner, &['=', '~'])?)
    } else if find(inner, "=").is_some() && find(inner, "->").is_some() {
        return Ok(Some(Item::Skip(
            line,
            "a matching question has no kind in the bank",
        )));
    } else {
        let head = find(inner, "#").map_or(inner, |i| sub(inner, 0, i));
        match string(trim(head)).as_str() {
            word @ ("T" | "TRUE" | "F" | "FALSE") => Body::TrueFalse {
                value: word.starts_with('T'),
                feedback: find(inner, "#").is_some(),
            },
            _ if find(inner, "=").is_some() => Body::Short(answers(inner, &['='])?),
            _ => Body::Short(vec![Ans {
                marker: '=',
                weight: None,
                text: formatted(inner),
                feedback: None,
            }]),
        }
    };
    Ok(Some(Item::Question(Box::new(Parsed {
        line,
        comments,
        title,
        format: stem.format.unwrap_or(Fmt::Moodle),
        stem: stem.text,
        body,
        general,
    }))))
}

// ---------------------------------------------------------------------------------------
// Import: mapping to the bank

/// Reads GIFT (see the module docs) into a bank.
///
/// # Errors
/// Text that is not UTF-8, or not GIFT (an unclosed brace, an unknown answer marker, …),
/// with its line and column; nothing of it should be written.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let text = utf8(bytes)?;
    let mut items = Vec::new();
    for block in blocks(text) {
        if let Some(item) = parse_block(&block)? {
            items.push(item);
        }
    }
    let mut places = Places::new(options);
    let mut builder = BankBuilder::default();
    let mut report = Report::default();
    for item in items {
        match item {
            Item::Category(path) => places.enter(&path),
            Item::Skip(line, why) => report.skip(&format!("line {line}"), why),
            Item::Question(p) => {
                let at = format!("line {}", p.line);
                let mut lost: Vec<String> = Vec::new();
                match map(&p, options, &mut lost) {
                    Err(why) => report.skip(&at, &why),
                    Ok(mapped) => {
                        let topic = places.topic(&mut builder, mapped.topic_hint.as_deref());
                        match builder.add(topic, mapped.question, &mapped.id_from) {
                            Err(why) => {
                                report.skip(&at, &format!("breaks a rule of the bank: {why}"))
                            }
                            Ok(id) => {
                                if lost.is_empty() {
                                    report.whole += 1;
                                }
                                for what in &lost {
                                    report.lose(&id, what);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(Imported {
        bank: builder.finish(),
        report,
    })
}

/// The categories and topics met so far: `$CATEGORY:` paths to topics of the builder.
struct Places {
    default: (String, String),
    /// (category title, topic title) → topic index in the builder, once a question used it.
    seen: Vec<((String, String), usize)>,
    categories: Vec<(String, String)>,
    category_slugs: Vec<String>,
    topic_slugs: Vec<String>,
    current: (String, String),
}

impl Places {
    fn new(options: &ImportOptions) -> Places {
        let default = options.category.clone();
        Places {
            current: (default.1.clone(), default.1.clone()),
            default,
            seen: Vec::new(),
            categories: Vec::new(),
            category_slugs: Vec::new(),
            topic_slugs: Vec::new(),
        }
    }

    /// Moves to the category path `path` (`$course$/top/Python/Loops`).
    fn enter(&mut self, path: &str) {
        let mut rest = path.trim();
        // The context: $course$/, $system$/, $module$/, $cat$/…
        if let Some(ctx) = rest.strip_prefix('$') {
            if let Some(end) = ctx.find('$') {
                rest = ctx
                    .get(end + 1..)
                    .unwrap_or_default()
                    .trim_start_matches('/');
            }
        }
        let mut names: Vec<String> = split_path(rest)
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        if names.first().is_some_and(|n| n.eq_ignore_ascii_case("top")) {
            names.remove(0);
        }
        let default = self.default.1.clone();
        self.current = match names.split_first() {
            None => (default.clone(), default),
            Some((only, [])) => (default, only.clone()),
            Some((category, topic)) => (category.clone(), topic.join(" / ")),
        };
    }

    /// The builder's topic for the current place, made on first use (`hint` as its slug when
    /// it is kebab-case and free).
    fn topic(&mut self, builder: &mut BankBuilder, hint: Option<&str>) -> usize {
        if let Some((_, i)) = self.seen.iter().find(|(k, _)| *k == self.current) {
            return *i;
        }
        let (category_title, topic_title) = self.current.clone();
        let category = match self.categories.iter().find(|(t, _)| *t == category_title) {
            Some((_, slug)) => slug.clone(),
            None => {
                let slug = self.slug(&category_title, true);
                self.categories.push((category_title.clone(), slug.clone()));
                slug
            }
        };
        let slug = match hint {
            Some(h) if is_kebab(h) && !self.topic_slugs.iter().any(|t| t == h) => {
                self.topic_slugs.push(h.to_string());
                h.to_string()
            }
            _ => self.slug(&topic_title, false),
        };
        let i = builder.topic(&slug, &topic_title, (&category, &category_title));
        self.seen.push((self.current.clone(), i));
        i
    }

    /// A fresh slug for a category or topic titled `title` (the import's slug for its title).
    fn slug(&mut self, title: &str, category: bool) -> String {
        let taken = if category {
            &mut self.category_slugs
        } else {
            &mut self.topic_slugs
        };
        if title == self.default.1 && !taken.contains(&self.default.0) {
            taken.push(self.default.0.clone());
            return self.default.0.clone();
        }
        crate::make_id(title, taken)
    }
}

/// Splits a Moodle category path on `/`; `//` is a `/` inside a name.
fn split_path(path: &str) -> Vec<String> {
    let mut names = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '/' {
            if chars.peek() == Some(&'/') {
                chars.next();
                if let Some(n) = names.last_mut() {
                    n.push('/');
                }
            } else {
                names.push(String::new());
            }
        } else if let Some(n) = names.last_mut() {
            n.push(c);
        }
    }
    names.into_iter().map(|n| n.trim().to_string()).collect()
}

/// Whether `s` is kebab-case, as ids, slugs and tags must be.
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

/// The values of `[key:…]` in `comment` (`\]` is a `]` inside).
fn bracketed(comment: &str, key: &str) -> Vec<String> {
    let open = format!("[{key}:");
    let mut out = Vec::new();
    let mut rest = comment;
    while let Some(i) = rest.find(&open) {
        let body = rest.get(i + open.len()..).unwrap_or_default();
        let mut value = String::new();
        let mut end = None;
        let mut chars = body.char_indices().peekable();
        while let Some((j, c)) = chars.next() {
            match c {
                '\\' if chars.peek().map(|(_, n)| *n) == Some(']') => {
                    chars.next();
                    value.push(']');
                }
                ']' => {
                    end = Some(j + 1);
                    break;
                }
                _ => value.push(c),
            }
        }
        let Some(end) = end else { break };
        out.push(value.trim().to_string());
        rest = body.get(end..).unwrap_or_default();
    }
    out
}

/// A question ready for the builder.
struct Mapped {
    question: Question,
    id_from: String,
    topic_hint: Option<String>,
}

/// `text` as Markdown, by its format (its own, else the question's).
fn markdown(text: &Text, question: Fmt, lost: &mut Vec<String>) -> String {
    let html = match text.format.unwrap_or(question) {
        Fmt::Markdown | Fmt::Plain => false,
        Fmt::Html => true,
        // Moodle's auto-format: text, with HTML allowed.
        Fmt::Moodle => has_tag(&text.text),
    };
    if !html {
        return text.text.trim().to_string();
    }
    let converted = xml::html_to_blocks(&text.text);
    for what in converted.lost {
        lose(
            lost,
            &format!("{what} (HTML the bank's Markdown cannot hold)"),
        );
    }
    let mut parts = Vec::new();
    for block in converted.blocks {
        parts.push(match block {
            // Keep the language: a Python block is the question's code (see `split_code`).
            MdBlock::Code(code, lang) => fence(lang.as_deref().unwrap_or(""), &code),
            other => xml::blocks_to_md(&[other]),
        });
    }
    parts.join("\n\n").trim().to_string()
}

/// Whether `s` has something that looks like an HTML tag.
fn has_tag(s: &str) -> bool {
    s.match_indices('<').any(|(i, _)| {
        s.get(i + 1..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
    })
}

/// A Markdown fence's body, when `s` is one fence (` ```\nbody\n``` `).
fn unfence(s: &str) -> Option<String> {
    let ticks = s.chars().take_while(|c| *c == '`').count();
    if ticks < 3 {
        return None;
    }
    let fence = "`".repeat(ticks);
    let (first, rest) = s.split_once('\n')?;
    if first.get(ticks..).is_some_and(|info| info.contains('`')) {
        return None;
    }
    if rest == fence {
        return Some(String::new());
    }
    let body = rest.strip_suffix(fence.as_str())?.strip_suffix('\n')?;
    Some(body.to_string())
}

/// The prompt and the code, when Markdown `md` ends with a ```` ```python ```` fence after a
/// blank line (as the export writes code).
fn split_code(md: &str) -> (String, Option<String>) {
    let whole = (md.to_string(), None);
    let lines: Vec<&str> = md.split('\n').collect();
    let Some((last, body)) = lines.split_last() else {
        return whole;
    };
    if last.len() < 3 || !last.chars().all(|c| c == '`') {
        return whole;
    }
    let opener = format!("{last}python");
    let Some(i) = body.iter().rposition(|l| *l == opener) else {
        return whole;
    };
    let code = body.get(i + 1..).unwrap_or_default();
    let blank = i.checked_sub(1).and_then(|b| body.get(b));
    let prompt = body.get(..i.saturating_sub(1)).unwrap_or_default();
    if blank != Some(&"") || code.iter().any(|l| l == last) || prompt.join("").trim().is_empty() {
        return whole;
    }
    (
        prompt.join("\n").trim_end().to_string(),
        Some(code.join("\n")),
    )
}

/// Whether the weights of `items` are the ones export writes (equal shares of +100 % and
/// −100 %): then scoring all-or-nothing loses nothing that the source said.
fn shares(items: &[Ans]) -> bool {
    let right = items.iter().filter(|a| a.fraction() > 0.0).count();
    let wrong = items.len() - right;
    let share = |n: usize| 100.0 / f64::from(u32::try_from(n.max(1)).unwrap_or(1));
    items.iter().all(|a| {
        let f = a.fraction();
        if f > 0.0 {
            (f - share(right)).abs() < 0.001
        } else {
            (f + share(wrong)).abs() < 0.001
        }
    })
}

/// An accepted short answer: `\*` is a literal `*`; a bare `*` is Moodle's wildcard.
fn accepted(text: &str, lost: &mut Vec<String>) -> String {
    let literal = text.replace("\\*", "\u{0}");
    if literal.contains('*') {
        let what = "Moodle's `*` wildcard in a short answer (read as a literal `*`)".to_string();
        if !lost.contains(&what) {
            lost.push(what);
        }
    }
    literal.replace('\u{0}', "*")
}

fn lose(lost: &mut Vec<String>, what: &str) {
    if !lost.iter().any(|l| l == what) {
        lost.push(what.to_string());
    }
}

/// Maps a parsed question to one of the bank's, or says why it cannot be.
fn map(p: &Parsed, options: &ImportOptions, lost: &mut Vec<String>) -> Result<Mapped, String> {
    let raw_tags: Vec<String> = p
        .comments
        .iter()
        .flat_map(|c| bracketed(c, "tag"))
        .collect();
    let ids: Vec<String> = p.comments.iter().flat_map(|c| bracketed(c, "id")).collect();
    let difficulty: Difficulty =
        difficulty_from_tags(raw_tags.iter().map(String::as_str)).unwrap_or(options.difficulty);
    let (mut kind_hint, mut topic_hint, mut python) = (None, None, None);
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
    let stem = markdown(
        &Text {
            format: Some(p.format),
            text: p.stem.clone(),
        },
        p.format,
        lost,
    );
    let (prompt, code) = split_code(&stem);
    if prompt.trim().is_empty() {
        return Err("the question has no text".into());
    }
    let as_output = kind_hint == Some(Kind::Output) && code.is_some();
    let text_of = |t: &Text, lost: &mut Vec<String>| markdown(t, p.format, lost);
    let answer = match &p.body {
        Body::TrueFalse { value, feedback } => {
            if *feedback {
                lose(
                    lost,
                    "per-answer feedback (a true/false question has only the explanation)",
                );
            }
            Answer::TrueFalse { answer: *value }
        }
        Body::Short(items) => {
            let mut accept: Vec<String> = Vec::new();
            for a in items {
                if !a.full() {
                    lose(lost, "partially right and wrong short answers (dropped)");
                    continue;
                }
                let text = accepted(&a.text.text, lost);
                if !accept.contains(&text) {
                    accept.push(text);
                }
            }
            if items.iter().any(|a| a.feedback.is_some()) {
                lose(lost, "per-answer feedback of a short answer");
            }
            if accept.is_empty() {
                return Err("no short answer is fully right".into());
            }
            if as_output {
                Answer::Output {
                    output: accept.first().cloned().unwrap_or_default(),
                    choices: Vec::new(),
                }
            } else {
                Answer::Text { accept }
            }
        }
        Body::Choices(items) => {
            let single = items.iter().any(|a| a.marker == '=');
            let mut choices = Vec::new();
            for a in items {
                let mut text = text_of(&a.text, lost);
                if as_output && single {
                    text = unfence(&text).unwrap_or(text);
                }
                let why = a
                    .feedback
                    .as_ref()
                    .map(|f| text_of(f, lost))
                    .filter(|w| !w.is_empty());
                let correct = if single { a.full() } else { a.fraction() > 0.0 };
                choices.push(Choice { text, correct, why });
            }
            let right = choices.iter().filter(|c| c.correct).count();
            if single {
                if items.iter().any(|a| a.fraction() > 0.0 && !a.full()) {
                    lose(
                        lost,
                        "partial credit of a one-answer question (read as wrong)",
                    );
                }
                if right != 1 {
                    return Err(format!(
                        "{right} answers are fully right in a one-answer question; the bank's \
                         single-choice questions have exactly one"
                    ));
                }
                if as_output {
                    let output = choices
                        .iter()
                        .find(|c| c.correct)
                        .map(|c| c.text.clone())
                        .unwrap_or_default();
                    Answer::Output { output, choices }
                } else {
                    Answer::Single { choices }
                }
            } else {
                if right == choices.len() {
                    return Err("every answer has a positive weight; a multiple-answer \
                                question needs a wrong one"
                        .into());
                }
                if right == 0 {
                    return Err("no answer has a positive weight".into());
                }
                if !shares(items) {
                    lose(lost, "answer weights (scored all-or-nothing)");
                }
                Answer::Multiple { choices }
            }
        }
    };
    let explanation = match &p.general {
        Some(g) => text_of(g, lost),
        None => String::new(),
    };
    let explanation = if explanation.is_empty() {
        lose(lost, NO_EXPLANATION);
        placeholder_explanation(&answer)
    } else {
        explanation
    };
    let id_from = match (&p.title, ids.first()) {
        (Some(t), _) if is_kebab(t) => t.clone(),
        (_, Some(id)) if is_kebab(id) => id.clone(),
        (Some(t), _) if !kebab(t).is_empty() => t.clone(),
        _ => quiz_core::markdown::plain(&prompt),
    };
    Ok(Mapped {
        question: Question {
            id: String::new(),
            topic: String::new(),
            category: String::new(),
            difficulty,
            tags,
            prompt,
            code,
            explanation,
            python,
            answer,
        },
        id_from,
        topic_hint,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use quiz_core::TopicInfo;
    use quiz_core::parse::CategoryInfo;

    use super::*;
    use crate::csv::tests::{accounted, builtin, sample};

    fn text(e: &Exported) -> String {
        String::from_utf8(e.bytes.clone()).unwrap()
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/lms/gift")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn choice(text: &str, correct: bool, why: Option<&str>) -> Choice {
        Choice {
            text: text.into(),
            correct,
            why: why.map(str::to_string),
        }
    }

    fn q(id: &str, prompt: &str, code: Option<&str>, answer: Answer) -> Question {
        Question {
            id: id.into(),
            topic: "dicts".into(),
            category: "core".into(),
            difficulty: Difficulty::Hard,
            tags: vec!["dict".into()],
            prompt: prompt.into(),
            code: code.map(str::to_string),
            explanation: "Keys keep *insertion* order.".into(),
            python: None,
            answer,
        }
    }

    fn source(questions: Vec<Question>) -> Source {
        Source {
            categories: vec![CategoryInfo {
                slug: "core".into(),
                title: "Core language".into(),
            }],
            topics: vec![TopicInfo {
                slug: "dicts".into(),
                title: "Dicts / sets".into(),
                category: "core".into(),
                counts: [0, 0, 1],
            }],
            questions,
        }
    }

    /// Every question the bank validator would take from an import (what the CLI checks
    /// before writing).
    fn validates(bank: &quiz_core::parse::Bank) {
        let sources: Vec<quiz_core::parse::Source> = bank
            .to_folder()
            .into_iter()
            .map(|(rel, text)| quiz_core::parse::Source {
                shown: format!("import/{rel}"),
                rel,
                bytes: text.into_bytes(),
            })
            .collect();
        if let Err(errors) = quiz_core::parse::load_sources(&sources, "import") {
            panic!("the import does not validate: {}", errors[0]);
        }
    }

    #[test]
    fn a_single_choice_question_with_code_is_written_as_moodle_lays_it_out() {
        let mut one = q(
            "dict-order",
            "What does it print?",
            Some("d = {\"b\": 1, \"a\": 2}\nfor k in d:\n    print(k, end=\"\\n\")"),
            Answer::Single {
                choices: vec![
                    choice("`b a`", true, Some("Insertion order: b=1 first.")),
                    choice("`a b`", false, Some("Not sorted #1.")),
                ],
            },
        );
        one.python = Some(quiz_core::PythonRange::parse(">=3.11,<3.13").unwrap());
        let e = export(&source(vec![one]));
        assert_eq!(
            text(&e),
            "$CATEGORY: $course$/Core language/Dicts // sets\n\
             \n\
             // [id:dict-order] [tag:hard] [tag:kind:single] [tag:topic:dicts] [tag:python:ge3.11-lt3.13] [tag:dict]\n\
             ::dict-order::[markdown]What does it print?\\n\\n```python\\nd \\= \\{\"b\"\\: 1, \"a\"\\: 2\\}\\nfor k in d\\:\\n    print(k, end\\=\"\\\\n\")\\n```{\n\
             \t=`b a`#Insertion order\\: b\\=1 first.\n\
             \t~`a b`#Not sorted \\#1.\n\
             \t####Keys keep *insertion* order.\n\
             }\n"
        );
        assert_eq!(e.report.whole, 1);
    }

    #[test]
    fn multiple_answers_carry_weights_that_sum_to_100_and_are_reported() {
        let choices = vec![
            choice("a", true, None),
            choice("b", true, None),
            choice("c", true, None),
            choice("d", false, None),
            choice("e", false, None),
        ];
        let e = export(&source(vec![q(
            "m",
            "Which?",
            None,
            Answer::Multiple { choices },
        )]));
        let t = text(&e);
        assert!(
            t.contains("\t~%33.33333%a\n\t~%33.33333%b\n\t~%33.33334%c\n\t~%-50%d\n\t~%-50%e\n"),
            "{t}"
        );
        assert_eq!(e.report.whole, 0);
        assert_eq!(e.report.lossy[0].what, PARTIAL_CREDIT);
        for n in 1..=8 {
            assert_eq!(weights(n).iter().sum::<i64>(), HUNDRED, "{n} shares");
        }
        assert_eq!(percent(-1_428_571), "-14.28571");
    }

    #[test]
    fn every_kind_maps_to_its_nearest_gift_type() {
        let e = export(&sample());
        let t = text(&e);
        accounted(&e.report, sample().questions.len());
        // true-false, typed output, text, output choices as fences, order skipped.
        assert!(t.contains("{\n\tT\n") || t.contains("{\n\tF\n"), "{t}");
        assert!(t.contains("\t=```\\n"), "output choices are fences: {t}");
        assert!(
            e.report.skipped.iter().all(|s| s.why == NO_ORDERING),
            "{}",
            e.report
        );
        assert!(!e.report.skipped.is_empty());
        // No line of the file is blank inside a question: blocks are separated by one
        // blank line, and each starts with a comment or a category.
        for block in t.split("\n\n") {
            assert!(
                block.starts_with("// [id:") || block.starts_with("$CATEGORY: "),
                "{block}"
            );
        }
    }

    #[test]
    fn typed_output_becomes_a_short_answer_with_its_losses() {
        let typed = q(
            "typed",
            "What does it print?",
            Some("print('A*')\nprint('b')"),
            Answer::Output {
                output: "A*\nb\n".into(),
                choices: vec![],
            },
        );
        let e = export(&source(vec![typed]));
        assert!(text(&e).contains("{\n\t=A\\\\* b\n"), "{}", text(&e));
        let whats: Vec<&str> = e.report.lossy.iter().map(|l| l.what.as_str()).collect();
        assert_eq!(whats, [CASE, LINES]);
        let back = import(&e.bytes, &ImportOptions::default()).unwrap();
        let q = back.bank.questions().next().unwrap();
        assert_eq!(
            q.answer,
            Answer::Output {
                output: "A* b".into(),
                choices: vec![]
            }
        );
        assert_eq!(q.code.as_deref(), Some("print('A*')\nprint('b')"));
    }

    #[test]
    fn the_built_in_bank_is_accounted_for_and_comes_back_identical() {
        let bank = builtin();
        let src = Source::from_bank(&bank);
        let first = export(&src);
        accounted(&first.report, bank.len());
        let orders = bank.questions().filter(|q| q.kind() == Kind::Order).count();
        assert_eq!(first.report.skipped.len(), orders, "{}", first.report);
        let back = import(&first.bytes, &ImportOptions::default()).unwrap();
        assert!(back.report.skipped.is_empty(), "{}", back.report);
        assert_eq!(back.report.whole, bank.len() - orders, "{}", back.report);
        assert_eq!(back.bank.len(), bank.len() - orders);
        validates(&back.bank);
        let again = export(&Source::from_bank(&back.bank));
        let (a, b) = (text(&first), text(&again));
        if a != b {
            let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
            panic!(
                "the round trip differs at line {line:?}: {:?}",
                line.map(|i| (a.lines().nth(i), b.lines().nth(i)))
            );
        }
        // The questions themselves survive, but for what GIFT cannot hold.
        for (old, new) in bank
            .questions()
            .filter(|q| q.kind() != Kind::Order)
            .zip(back.bank.questions())
        {
            assert_eq!(old.id, new.id);
            assert_eq!(old.topic, new.topic, "{}", old.id);
            assert_eq!(
                (old.difficulty, &old.tags, &old.python),
                (new.difficulty, &new.tags, &new.python)
            );
            assert_eq!(
                (&old.prompt, &old.code, &old.explanation),
                (&new.prompt, &new.code, &new.explanation),
                "{}",
                old.id
            );
            assert_eq!(old.kind(), new.kind(), "{}", old.id);
            let moved = first
                .report
                .lossy
                .iter()
                .any(|l| l.id == old.id && l.what == REORDERED);
            let (mut a, mut b) = (old.answer.choices().to_vec(), new.answer.choices().to_vec());
            if moved {
                // The same choices, a wrong one first.
                assert!(!b[0].correct, "{}", old.id);
                a.sort_by(|x, y| x.text.cmp(&y.text));
                b.sort_by(|x, y| x.text.cmp(&y.text));
            }
            assert_eq!(a, b, "{}", old.id);
        }
    }

    #[test]
    fn arrows_stay_out_of_the_matching_syntax() {
        let arrow = q(
            "arrow",
            "Which signature?",
            None,
            Answer::Single {
                choices: vec![
                    choice("`f() -> int`", true, None),
                    choice("`f() -> str`", false, None),
                    choice("`f()`", false, None),
                ],
            },
        );
        let short = q(
            "short-arrow",
            "Type the annotation.",
            None,
            Answer::Text {
                accept: vec!["-> None".into()],
            },
        );
        let e = export(&source(vec![arrow, short]));
        let t = text(&e);
        assert!(
            t.contains("{\n\t~`f() -> str`\n\t=`f() -> int`\n\t~`f()`\n"),
            "{t}"
        );
        assert_eq!(e.report.lossy[0].what, REORDERED);
        assert_eq!(e.report.skipped[0].at, "short-arrow");
        assert_eq!(e.report.skipped[0].why, ARROW);
        assert!(!t.contains("short-arrow"));
        // Moodle reads `=a -> b` without a `~` as matching; so does the import.
        let got = import(b"::m::Match?{=a -> b =c -> d}\n", &ImportOptions::default()).unwrap();
        assert_eq!(
            got.report.skipped[0].why,
            "a matching question has no kind in the bank"
        );
    }

    #[test]
    fn escapes_round_trip() {
        let nasty = "a\\b ~c =d #e {f} :g\\n `h` \\\\ \\# [x]";
        let one = q(
            "nasty",
            nasty,
            Some("s = '{}:{}'.format(1, 2)  # \\\\\nprint(s == '1:2', end='\\n')"),
            Answer::Single {
                choices: vec![choice(nasty, true, Some(nasty)), choice("%d", false, None)],
            },
        );
        let mut one = one;
        one.explanation = nasty.into();
        let e = export(&source(vec![one.clone()]));
        let back = import(&e.bytes, &ImportOptions::default()).unwrap();
        let got = back.bank.questions().next().unwrap();
        assert_eq!(
            (
                &got.prompt,
                &got.code,
                &got.explanation,
                got.answer.choices()
            ),
            (
                &one.prompt,
                &one.code,
                &one.explanation,
                one.answer.choices()
            )
        );
    }

    #[test]
    fn the_hand_written_fixture_imports_with_the_expected_questions() {
        let got = import(&fixture("moodle-docs.gift"), &ImportOptions::default()).unwrap();
        validates(&got.bank);
        let titles: Vec<(&str, &str)> = got
            .bank
            .topics
            .iter()
            .map(|t| (t.info.category.as_str(), t.info.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("imported", "Imported"),
                ("history", "Presidents"),
                ("python", "Strings / bytes"),
            ]
        );
        let by_id = |id: &str| {
            got.bank
                .questions()
                .find(|q| q.id == id)
                .unwrap_or_else(|| {
                    panic!(
                        "no question {id}: {:?}",
                        got.bank.questions().map(|q| &q.id).collect::<Vec<_>>()
                    )
                })
                .clone()
        };
        // Untitled: the id comes from the text.
        let grant = by_id("who-s-buried-in-grant-s-tomb");
        assert_eq!(grant.kind(), Kind::Single);
        assert_eq!(grant.answer.choices()[2].text, "no one");
        assert!(grant.answer.choices()[2].correct);
        assert_eq!(grant.difficulty, Difficulty::Medium);
        assert_eq!(grant.tags, ["imported"]);
        // Missing word, feedback, general feedback, a title that is not kebab-case.
        let moon = by_id("moon-colour");
        assert_eq!(moon.prompt, "The moon is made of _____ cheese.");
        assert_eq!(
            moon.answer.choices()[1].why.as_deref(),
            Some("Right: it is green.")
        );
        assert!(moon.answer.choices()[1].correct);
        assert_eq!(moon.explanation, "Everyone knows this.");
        // True/false with per-answer feedback, tags and an ID number in the comment.
        let tf = by_id("grant-tomb-tf");
        assert_eq!(tf.answer, Answer::TrueFalse { answer: false });
        assert_eq!(tf.difficulty, Difficulty::Easy);
        assert_eq!(tf.tags, ["trivia", "us-history"]);
        // Short answer: every fully right answer accepted, partial one dropped.
        let short = by_id("two-plus-two");
        assert_eq!(
            short.answer,
            Answer::Text {
                accept: vec!["four".into(), "4".into()]
            }
        );
        // Multiple answers from weights; a question over several lines; escapes.
        let multi = by_id("grants-tomb-two");
        assert_eq!(multi.kind(), Kind::Multiple);
        let right: Vec<&str> = multi
            .answer
            .choices()
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(right, ["Grant", "Grant's wife"]);
        let esc = by_id("escapes");
        assert_eq!(
            esc.prompt,
            "Which is a dict literal: {\"a\": 1} or a set #1?"
        );
        assert_eq!(esc.answer.choices()[0].text, "{\"a\": 1} = dict");
        // HTML text becomes Markdown; the Python fence becomes the code.
        let html = by_id("html-question");
        assert_eq!(html.prompt, "What is **printed**?");
        assert_eq!(html.code.as_deref(), Some("print(b\"a\" + b\"b\")"));
        let md = by_id("markdown-question");
        assert_eq!(md.code.as_deref(), Some("x = [1, 2]\nprint(x * 2)"));
        assert_eq!(md.answer.choices()[0].text, "`[1, 2, 1, 2]`");
        // Skipped with their lines: numerical, matching, essay, description.
        let skipped: Vec<(&str, &str)> = got
            .report
            .skipped
            .iter()
            .map(|s| (s.at.as_str(), s.why.split(' ').nth(1).unwrap_or("")))
            .collect();
        assert_eq!(
            skipped,
            [
                ("line 52", "numerical"),
                ("line 54", "numerical"),
                ("line 59", "matching"),
                ("line 65", "essay"),
                ("line 67", "description"),
            ],
            "{}",
            got.report
        );
        assert_eq!(got.bank.len(), 9, "{}", got.report);
        accounted(&got.report, 9 + 5);
    }

    #[test]
    fn malformed_input_stops_the_import_with_its_position() {
        for (file, at, says) in [
            (
                "malformed/unclosed-brace.gift",
                "line 4, column 26",
                "unclosed brace",
            ),
            (
                "malformed/unknown-marker.gift",
                "line 3, column 3",
                "unknown answer marker `*`",
            ),
            (
                "malformed/stray-brace.gift",
                "line 1, column 19",
                "`}` without an opening `{`",
            ),
            (
                "malformed/unclosed-title.gift",
                "line 2, column 1",
                "title opened with `::`",
            ),
            (
                "malformed/bad-weight.gift",
                "line 3, column 5",
                "answer weight `%lots%`",
            ),
            (
                "malformed/two-answer-blocks.gift",
                "line 1, column 28",
                "a second answer block",
            ),
            ("malformed/not-utf8.gift", "line 3, column 9", "not UTF-8"),
        ] {
            let err = import(&fixture(file), &ImportOptions::default())
                .err()
                .unwrap_or_else(|| panic!("{file} imported"));
            assert_eq!(err.at, at, "{file}: {err}");
            assert!(err.message.contains(says), "{file}: {err}");
        }
    }

    #[test]
    fn unmappable_questions_are_skipped_not_fatal() {
        let gift = "::a::Two right?{=x =y ~z}\n\n::b::All right?{~%50%x ~%50%y}\n\n::c::Fine?{T}\n";
        let got = import(gift.as_bytes(), &ImportOptions::default()).unwrap();
        let at: Vec<&str> = got.report.skipped.iter().map(|s| s.at.as_str()).collect();
        assert_eq!(at, ["line 1", "line 3"], "{}", got.report);
        assert_eq!(got.bank.len(), 1);
        assert_eq!(got.report.lossy[0].what, NO_EXPLANATION);
    }
}
