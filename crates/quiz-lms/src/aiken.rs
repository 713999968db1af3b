//! Aiken, Moodle's one-line multiple-choice format: a question line, option lines `A) text`
//! or `A. text`, then `ANSWER: A`. It holds single-choice questions only, and no feedback,
//! difficulty or categories.
//!
//! Export: `single` questions, and `output` questions with choices, are written; every other
//! kind is skipped with the reason (`multiple` too, even with one right choice: as a
//! single-choice question it would tell the learner that exactly one choice is right, which
//! the bank's multiple-answer questions deliberately leave open). The question must be one
//! line (Moodle's importer starts a new question at every other line), so prompt lines are
//! joined with spaces, and code goes inline in backticks after the prompt when it is one
//! line, or when every line is a simple statement that `;` can join without changing what it
//! does (no indentation, no block statements, no comments, balanced brackets); other code
//! cannot be written and the question is skipped, as is one with a choice of several lines.
//! Markdown stays as written (Moodle shows it as plain text). The explanation, each choice's
//! note, the difficulty, topic, tags and Python version are lost, and reported.
//!
//! Import: the documented syntax, plus question text over several lines (joined) and blank
//! lines anywhere. `ANSWER:` names an option by its letter. A question without an `ANSWER:`
//! line, an `ANSWER:` letter no option has, or an option outside a question stops the import
//! with its line; a question the bank's rules reject (one option, seven options, duplicate
//! options) is skipped with its line. Imported questions are `single`, in one topic named
//! after the import's category, with a placeholder explanation that names the answer.

use quiz_core::{Answer, Choice, Kind, Question};

use crate::csv::{BankBuilder, NO_EXPLANATION, placeholder_explanation, utf8_text};
use crate::{Exported, ImportError, ImportOptions, Imported, Report, Source};

/// What every exported question loses.
const LOST: &str = "explanation, choice notes, difficulty, topic and tags (Aiken holds only the \
                    question, its choices and the answer)";

/// Statements that open a block: a line starting with one cannot be joined with `;`.
const COMPOUND: &[&str] = &[
    "class", "def", "if", "elif", "else", "for", "while", "with", "try", "except", "finally",
    "async", "match", "case",
];

/// `code` on one line, if it can be: one line as it is, or simple statements joined by `; `.
fn one_line(code: &str) -> Option<(String, bool)> {
    let lines: Vec<&str> = code.trim_end_matches('\n').split('\n').collect();
    if code.contains('`') {
        return None;
    }
    if let [only] = lines.as_slice() {
        return Some((only.trim().to_string(), false));
    }
    let open = |l: &str| l.chars().filter(|c| "([{".contains(*c)).count();
    let shut = |l: &str| l.chars().filter(|c| ")]}".contains(*c)).count();
    let simple = |l: &str| {
        let first = l
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        !l.trim().is_empty()
            && !l.starts_with(char::is_whitespace)
            && !l.starts_with('@')
            && !l.contains('#')
            && !l.contains("\"\"\"")
            && !l.contains("'''")
            && !l.trim_end().ends_with([':', ',', '\\', '(', '[', '{'])
            && !COMPOUND.contains(&first)
            && open(l) == shut(l)
    };
    lines.iter().all(|l| simple(l)).then(|| {
        (
            lines
                .iter()
                .map(|l| l.trim_end())
                .collect::<Vec<_>>()
                .join("; "),
            true,
        )
    })
}

/// Whether Moodle's importer would read `line` as an option line (`^[A-Z][).]`).
fn looks_like_option(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('A'..='Z'), Some(')' | '.'))
    )
}

/// Writes the single-choice questions of `source` as Aiken (see the module docs); every
/// other question is reported as skipped, with the reason.
pub fn export(source: &Source) -> Exported {
    let mut out = String::new();
    let mut report = Report::default();
    for q in &source.questions {
        match question(q, &mut report) {
            Ok(text) => {
                out.push_str(&text);
                out.push('\n');
            }
            Err(why) => report.skip(&q.id, &why),
        }
    }
    Exported {
        bytes: out.into_bytes(),
        report,
    }
}

/// `q` as Aiken lines (recording its losses), or why it cannot be.
fn question(q: &Question, report: &mut Report) -> Result<String, String> {
    let choices = match &q.answer {
        Answer::Single { choices } => choices,
        Answer::Output { choices, .. } if !choices.is_empty() => choices,
        Answer::Output { .. } => {
            return Err("typed output: Aiken has only multiple-choice questions".into());
        }
        Answer::Multiple { .. } => {
            return Err("multiple answers: Aiken has one right answer per question".into());
        }
        Answer::TrueFalse { .. } => {
            return Err("true-false: Aiken has only multiple-choice questions".into());
        }
        Answer::Text { .. } => {
            return Err("short answer: Aiken has only multiple-choice questions".into());
        }
        Answer::Order { .. } => {
            return Err("ordering: Aiken has only multiple-choice questions".into());
        }
    };
    if q.prompt.contains("```") {
        return Err(
            "the prompt has a code block, which Aiken's one-line question cannot hold".into(),
        );
    }
    let lines: Vec<&str> = q
        .prompt
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut text = lines.join(" ");
    let mut losses: Vec<&str> = vec![LOST];
    if lines.len() > 1 {
        losses.push("line breaks in the prompt");
    }
    if let Some(code) = &q.code {
        let Some((inline, joined)) = one_line(code) else {
            return Err(
                "code of several lines that `;` cannot join (blocks, indentation, \
                        comments) does not fit Aiken's one-line question"
                    .into(),
            );
        };
        text.push_str(&format!(" `{inline}`"));
        losses.push(if joined {
            "code layout (its lines joined with `;` inline in the question)"
        } else {
            "code block (shown inline in the question)"
        });
    }
    if looks_like_option(&text) || text.starts_with("ANSWER:") {
        return Err("the question starts like an Aiken option or answer line".into());
    }
    let mut out = text;
    out.push('\n');
    let mut right = None;
    for (i, c) in choices.iter().enumerate() {
        if c.text.trim().contains('\n') {
            return Err("a choice spans several lines; Aiken's options are one line each".into());
        }
        if c.text.trim() != c.text {
            losses.push("spaces around a choice");
        }
        let letter = char::from(b'A'.saturating_add(u8::try_from(i).unwrap_or(25)));
        out.push_str(&format!("{letter}) {}\n", c.text.trim()));
        if c.correct {
            right = Some(letter);
        }
    }
    let Some(right) = right else {
        return Err("no right choice".into());
    };
    out.push_str(&format!("ANSWER: {right}\n"));
    if q.kind() == Kind::Output {
        losses.push("output shown as code (the choices are plain text)");
    }
    if q.python.is_some() {
        losses.push("the Python version range");
    }
    for what in losses {
        report.lose(&q.id, what);
    }
    Ok(out)
}

/// A question being read: its first line, text lines and options (label, text, line).
struct Pending {
    line: usize,
    text: Vec<String>,
    options: Vec<(char, String, usize)>,
}

/// Reads Aiken (see the module docs) into a bank: one topic named after `options.category`.
///
/// # Errors
/// Text that is not UTF-8; a question without an `ANSWER:` line; an `ANSWER:` letter that no
/// option has; an option or answer line outside a question; a repeated option letter. Each
/// with its line.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    let text = utf8_text(bytes)?;
    let err = |line: usize, message: String| ImportError {
        at: format!("line {line}"),
        message,
    };
    let mut read: Vec<(Pending, usize)> = Vec::new();
    let mut pending: Option<Pending> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let answer = line
            .get(..7)
            .filter(|h| h.eq_ignore_ascii_case("answer:"))
            .and_then(|_| line.get(7..));
        if let Some(rest) = answer {
            let Some(q) = pending.take() else {
                return Err(err(n, "an ANSWER line outside a question".into()));
            };
            let letter = rest.trim();
            let mut chars = letter.chars();
            let (Some(l), None) = (chars.next(), chars.next()) else {
                return Err(err(
                    n,
                    format!("ANSWER needs one option letter, found \"{letter}\""),
                ));
            };
            let l = l.to_ascii_uppercase();
            if !q.options.iter().any(|(label, _, _)| *label == l) {
                let labels: String = q.options.iter().map(|(label, _, _)| *label).collect();
                return Err(err(
                    n,
                    format!(
                        "ANSWER: {l} names no option of the question at line {} (its options: {})",
                        q.line,
                        if labels.is_empty() {
                            "none".to_string()
                        } else {
                            labels
                        }
                    ),
                ));
            }
            let index = q
                .options
                .iter()
                .position(|(label, _, _)| *label == l)
                .unwrap_or(0);
            read.push((q, index));
        } else if looks_like_option(line) {
            let Some(q) = pending.as_mut() else {
                return Err(err(n, "an option line before any question text".into()));
            };
            let label = line.chars().next().unwrap_or('A');
            if let Some((_, _, first)) = q.options.iter().find(|(l, _, _)| *l == label) {
                return Err(err(
                    n,
                    format!("option {label} is given twice (first at line {first})"),
                ));
            }
            q.options
                .push((label, line.get(2..).unwrap_or("").trim().to_string(), n));
        } else {
            match pending.as_mut() {
                Some(q) if q.options.is_empty() => q.text.push(line.to_string()),
                Some(q) => {
                    return Err(err(
                        q.line,
                        format!(
                            "this question has no `ANSWER:` line after its options (the next \
                             question starts at line {n})"
                        ),
                    ));
                }
                None => {
                    pending = Some(Pending {
                        line: n,
                        text: vec![line.to_string()],
                        options: Vec::new(),
                    });
                }
            }
        }
    }
    if let Some(q) = pending {
        return Err(err(
            q.line,
            "this question has no `ANSWER:` line (the file ends first)".into(),
        ));
    }
    let mut builder = BankBuilder::default();
    let (slug, title) = (&options.category.0, &options.category.1);
    let topic = builder.topic(slug, title, (slug, title));
    let mut report = Report::default();
    for (q, right) in read {
        let choices = q
            .options
            .iter()
            .enumerate()
            .map(|(i, (_, text, _))| Choice {
                text: text.clone(),
                correct: i == right,
                why: None,
            })
            .collect();
        let answer = Answer::Single { choices };
        let prompt = q.text.join("\n");
        let question = Question {
            id: String::new(),
            topic: String::new(),
            category: String::new(),
            difficulty: options.difficulty,
            tags: vec!["imported".into()],
            prompt: prompt.clone(),
            code: None,
            explanation: placeholder_explanation(&answer),
            python: None,
            answer,
        };
        match builder.add(topic, question, &prompt) {
            Ok(id) => report.lose(&id, NO_EXPLANATION),
            Err(why) => report.skip(&format!("line {}", q.line), &why),
        }
    }
    Ok(Imported {
        bank: builder.finish(),
        report,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::csv::tests::{accounted, builtin, sample};

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).unwrap_or_default()
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/lms/aiken")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn imported(bytes: &[u8]) -> Imported {
        match import(bytes, &ImportOptions::default()) {
            Ok(i) => i,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn single_choice_is_written_and_every_other_kind_skipped_with_a_reason() {
        let e = export(&sample());
        accounted(&e.report, 10);
        assert_eq!(
            text(&e.bytes),
            "Which method adds one item to the end of a list?\n\
             A) `append`\nB) `extend`\nC) `insert`\nANSWER: A\n\n\
             What does this print? `a = [1]; b = a; b.append(2); print(a, a is b)`\n\
             A) [1] False\nB) [1, 2] True\nANSWER: B\n\n\
             What is the result? `len([1, 2, 3])`\nA) 3\nB) 2\nANSWER: A\n\n"
        );
        let skipped: Vec<(&str, &str)> = e
            .report
            .skipped
            .iter()
            .map(|s| (s.at.as_str(), s.why.as_str()))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (
                    "default-list-shared",
                    "code of several lines that `;` cannot join (blocks, indentation, comments) \
                     does not fit Aiken's one-line question"
                ),
                (
                    "one-right-multiple",
                    "multiple answers: Aiken has one right answer per question"
                ),
                (
                    "new-lists",
                    "multiple answers: Aiken has one right answer per question"
                ),
                (
                    "tuple-holds-list",
                    "true-false: Aiken has only multiple-choice questions"
                ),
                (
                    "typed-range",
                    "typed output: Aiken has only multiple-choice questions"
                ),
                (
                    "strip-name",
                    "short answer: Aiken has only multiple-choice questions"
                ),
                (
                    "precedence-order",
                    "ordering: Aiken has only multiple-choice questions"
                ),
            ]
        );
        let lost = |id: &str| -> Vec<&str> {
            e.report
                .lossy
                .iter()
                .filter(|l| l.id == id)
                .map(|l| l.what.as_str())
                .collect()
        };
        assert_eq!(
            lost("append-adds-one"),
            vec![LOST, "line breaks in the prompt"]
        );
        assert_eq!(
            lost("alias-append"),
            vec![
                LOST,
                "code layout (its lines joined with `;` inline in the question)",
                "output shown as code (the choices are plain text)"
            ]
        );
        assert_eq!(
            lost("len-one-line"),
            vec![LOST, "code block (shown inline in the question)"]
        );
    }

    #[test]
    fn only_simple_statements_are_joined_onto_one_line() {
        assert_eq!(
            one_line("x = [1]\ny = x\nprint(y)"),
            Some(("x = [1]; y = x; print(y)".into(), true))
        );
        assert_eq!(one_line("f(1)\n"), Some(("f(1)".into(), false)));
        for code in [
            "class A: pass\nclass B: pass",
            "for i in range(3):\n    print(i)",
            "x = 1  # one\nprint(x)",
            "xs = [\n1]\nprint(xs)",
            "@cache\ndef f(): pass",
            "s = \"\"\"a\nb\"\"\"",
            "print(`x`)",
            "x = 1\n\nprint(x)",
        ] {
            assert_eq!(one_line(code), None, "{code}");
        }
    }

    #[test]
    fn the_whole_bank_is_accounted_for() {
        let source = Source::from_bank(&builtin());
        let e = export(&source);
        accounted(&e.report, source.questions.len());
        let out = text(&e.bytes);
        assert_eq!(out.matches("\nANSWER: ").count(), e.report.done());
        // Every question line is one line: the next line is an option.
        for block in out.split("\n\n").filter(|b| !b.is_empty()) {
            let lines: Vec<&str> = block.lines().collect();
            assert!(
                lines.get(1).is_some_and(|l| l.starts_with("A) ")),
                "{block}"
            );
            assert!(
                lines.last().is_some_and(|l| l.starts_with("ANSWER: ")),
                "{block}"
            );
            assert!(
                !lines.first().is_some_and(|l| looks_like_option(l)),
                "{block}"
            );
        }
        let singles = source
            .questions
            .iter()
            .filter(|q| q.kind() == Kind::Single)
            .count();
        assert!(e.report.done() > singles * 3 / 4, "{}", e.report);
    }

    #[test]
    fn export_import_export_is_identical() {
        let mut source = Source::from_bank(&builtin());
        let e = export(&source);
        let skipped: Vec<&str> = e.report.skipped.iter().map(|s| s.at.as_str()).collect();
        source
            .questions
            .retain(|q| !skipped.contains(&q.id.as_str()));
        let first = export(&source);
        let back = imported(&first.bytes);
        assert!(back.report.skipped.is_empty(), "{}", back.report);
        assert_eq!(back.bank.len(), source.questions.len());
        let again = export(&Source::from_bank(&back.bank));
        assert!(again.report.skipped.is_empty());
        assert_eq!(text(&again.bytes), text(&first.bytes));
    }

    #[test]
    fn a_hand_written_file_imports_with_the_expected_questions() {
        let i = imported(&fixture("python-basics.txt"));
        assert!(i.report.skipped.is_empty(), "{}", i.report);
        let got: Vec<(String, Vec<String>, usize)> = i
            .bank
            .questions()
            .map(|q| {
                let choices = q.answer.choices();
                (
                    q.prompt.clone(),
                    choices.iter().map(|c| c.text.clone()).collect(),
                    choices.iter().position(|c| c.correct).unwrap_or(99),
                )
            })
            .collect();
        let want = |p: &str, cs: &[&str], right: usize| {
            (
                p.to_string(),
                cs.iter().map(|c| c.to_string()).collect(),
                right,
            )
        };
        assert_eq!(
            got,
            vec![
                want(
                    "Which built-in returns the number of items in a list?",
                    &["size()", "len()", "count()", "length()"],
                    1
                ),
                want(
                    "What does `type(3 / 2).__name__` evaluate to?",
                    &["int", "float", "Fraction"],
                    1
                ),
                want(
                    "Which keyword hands a value out of a generator and pauses it?",
                    &["return", "yield"],
                    1
                ),
                want(
                    "Which of these built-in types is immutable?",
                    &["list", "dict", "tuple", "set"],
                    2
                ),
            ]
        );
        let q = i.bank.questions().next();
        assert!(q.is_some_and(
            |q| q.id == "which-built-in-returns-the-number-of-items-in-a-list"
                && q.kind() == Kind::Single
                && q.difficulty == quiz_core::Difficulty::Medium
                && q.tags == vec!["imported".to_string()]
                && q.explanation.ends_with("The answer: len()")
        ));
        assert_eq!(i.report.lossy.len(), 4);
        assert!(i.report.lossy.iter().all(|l| l.what == NO_EXPLANATION));
        // Windows line endings read the same.
        let crlf = text(&fixture("python-basics.txt")).replace('\n', "\r\n");
        assert_eq!(imported(crlf.as_bytes()).bank, i.bank);
    }

    #[test]
    fn questions_the_bank_cannot_hold_are_skipped_with_their_line() {
        let i = imported(&fixture("skips.txt"));
        let skipped: Vec<(&str, bool)> = i
            .report
            .skipped
            .iter()
            .map(|s| (s.at.as_str(), s.why.contains("2–6 choices")))
            .collect();
        assert_eq!(
            skipped,
            vec![("line 1", true), ("line 11", true)],
            "{}",
            i.report
        );
        assert_eq!(i.bank.len(), 1);
    }

    #[test]
    fn malformed_files_stop_the_import_with_their_line() {
        let cases = [
            (
                "missing-answer.txt",
                "line 1",
                "no `ANSWER:` line after its options (the next question starts at line 6)",
            ),
            (
                "answer-without-option.txt",
                "line 6",
                "ANSWER: E names no option of the question at line 1 (its options: ABCD)",
            ),
            (
                "ends-without-answer.txt",
                "line 6",
                "no `ANSWER:` line (the file ends first)",
            ),
            (
                "option-before-question.txt",
                "line 1",
                "an option line before any question text",
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
        let repeated = "Q?\nA) a\nA) b\nANSWER: A\n";
        assert_eq!(
            import(repeated.as_bytes(), &ImportOptions::default())
                .err()
                .map(|e| e.to_string()),
            Some("line 3: option A is given twice (first at line 2)".to_string())
        );
        let two_letters = "Q?\nA) a\nB) b\nANSWER: AB\n";
        assert!(
            import(two_letters.as_bytes(), &ImportOptions::default())
                .is_err_and(|e| e.at == "line 4")
        );
    }
}
