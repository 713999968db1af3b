//! The per-question rules of the bank format: required fields, per-kind rules, length limits
//! that keep the widget usable on a phone, and `output` code limited to the standard library.

use toml::Spanned;

use super::{ContentError, FileCtx, Location, RawChoice, RawQuestion, Str, StrList, stdlib};
use crate::model::{Answer, Choice, Difficulty, Kind, Question};
use crate::python::PythonRange;
use crate::text::{normalize_output, normalize_text};

/// Longest prompt, in characters.
pub(crate) const MAX_PROMPT: usize = 400;
/// Longest choice, order item or accepted answer, in characters.
pub(crate) const MAX_CHOICE: usize = 160;
/// Longest explanation, in characters.
pub(crate) const MAX_EXPLANATION: usize = 900;
/// Longest per-choice `why`, in characters.
pub(crate) const MAX_WHY: usize = 400;
/// Most lines of code.
pub(crate) const MAX_CODE_LINES: usize = 15;
/// Widest line of code, in characters.
pub(crate) const MAX_CODE_COLS: usize = 72;
/// Modules `output` code may not use although they are standard: they reach the network,
/// the file system or other processes.
const FORBIDDEN: &[&str] = &[
    "socket",
    "urllib",
    "http",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "ssl",
    "subprocess",
    "shutil",
    "tempfile",
    "webbrowser",
    "xmlrpc",
    "socketserver",
];

pub(crate) fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(crate) fn not_kebab(what: &str, s: &Str) -> String {
    format!(
        "{what} \"{}\" is not kebab-case (a-z, 0-9 and single dashes)",
        s.get_ref()
    )
}

/// Collects the errors of one question.
struct Check<'f, 'a> {
    file: &'f FileCtx<'a>,
    id: Option<String>,
    errors: Vec<ContentError>,
}

impl Check<'_, '_> {
    fn at(&mut self, span: std::ops::Range<usize>, message: String) {
        let e = self.file.err(span, self.id.as_deref(), message);
        self.errors.push(e);
    }

    fn text(&mut self, field: &str, v: &Str, max: usize) {
        let chars = v.get_ref().chars().count();
        if v.get_ref().contains('\0') {
            self.at(v.span(), format!("`{field}` contains a NUL character"));
        } else if v.get_ref().trim().is_empty() {
            self.at(v.span(), format!("`{field}` is empty"));
        } else if chars > max {
            self.at(
                v.span(),
                format!("`{field}` is {chars} characters long; the limit is {max}"),
            );
        }
    }

    fn required<'v>(
        &mut self,
        span: &std::ops::Range<usize>,
        v: &'v Option<Str>,
        field: &str,
        max: usize,
    ) -> Option<&'v Str> {
        match v {
            Some(v) => {
                self.text(field, v, max);
                Some(v)
            }
            None => {
                self.at(span.clone(), format!("missing `{field}`"));
                None
            }
        }
    }

    fn forbid<T>(&mut self, v: &Option<Spanned<T>>, field: &str, kind: &str) {
        if let Some(v) = v {
            self.at(
                v.span(),
                format!("`{field}` does not belong in a {kind} question"),
            );
        }
    }

    fn choices(
        &mut self,
        span: &std::ops::Range<usize>,
        raw: Option<Spanned<Vec<Spanned<RawChoice>>>>,
        kind: Kind,
        min: usize,
        max: usize,
    ) -> Vec<Choice> {
        let Some(raw) = raw else {
            self.at(
                span.clone(),
                format!("a {kind} question needs [[question.choices]]"),
            );
            return Vec::new();
        };
        let list_span = raw.span();
        let raw = raw.into_inner();
        if raw.len() < min || raw.len() > max {
            self.at(
                list_span.clone(),
                format!(
                    "a {kind} question has {min}–{max} choices, found {}",
                    raw.len()
                ),
            );
        }
        let mut out: Vec<Choice> = Vec::new();
        for c in raw {
            let c_span = c.span();
            let c = c.into_inner();
            let Some(text) = c.text else {
                self.at(c_span, "choice is missing `text`".into());
                continue;
            };
            let limit = if kind == Kind::Output {
                MAX_CHOICE * 2
            } else {
                MAX_CHOICE
            };
            self.text("choices.text", &text, limit);
            if let Some(why) = &c.why {
                self.text("choices.why", why, MAX_WHY);
            }
            let key = normalize_text(text.get_ref());
            if out.iter().any(|o| normalize_text(&o.text) == key) {
                self.at(
                    text.span(),
                    format!("duplicate choice \"{}\"", text.get_ref().trim()),
                );
            }
            out.push(Choice {
                text: text.into_inner(),
                correct: c.correct.is_some_and(|b| *b.get_ref()),
                why: c.why.map(Spanned::into_inner),
            });
        }
        let right = out.iter().filter(|c| c.correct).count();
        match kind {
            Kind::Multiple => {
                if right == 0 {
                    self.at(
                        list_span,
                        "multiple-choice question has no correct choice".into(),
                    );
                } else if right == out.len() {
                    self.at(
                        list_span,
                        "multiple-choice question needs at least one wrong choice".into(),
                    );
                }
            }
            _ if right != 1 => {
                let what = if kind == Kind::Single {
                    "single-choice question"
                } else {
                    "output question"
                };
                self.at(
                    list_span,
                    format!("{what} has {right} correct choices; exactly one must be correct"),
                );
            }
            _ => {}
        }
        out
    }

    fn list(&mut self, field: &str, v: &StrList, min: usize, max: usize) -> Vec<String> {
        let items = v.get_ref();
        if items.len() < min || items.len() > max {
            let range = if max == usize::MAX {
                format!("at least {min}")
            } else {
                format!("{min}–{max}")
            };
            self.at(
                v.span(),
                format!("`{field}` needs {range} entries, found {}", items.len()),
            );
        }
        let mut out: Vec<String> = Vec::new();
        for item in items {
            self.text(field, item, MAX_CHOICE);
            let key = normalize_text(item.get_ref());
            if out.iter().any(|o| normalize_text(o) == key) {
                self.at(
                    item.span(),
                    format!("duplicate entry \"{}\" in `{field}`", item.get_ref().trim()),
                );
            }
            out.push(item.get_ref().clone());
        }
        out
    }

    fn code(&mut self, code: &Str, run: bool) {
        let lines: Vec<&str> = code.get_ref().trim_end_matches('\n').split('\n').collect();
        if code.get_ref().trim().is_empty() {
            self.at(code.span(), "`code` is empty".into());
        }
        if lines.len() > MAX_CODE_LINES {
            self.at(
                code.span(),
                format!(
                    "`code` has {} lines; the limit is {MAX_CODE_LINES}",
                    lines.len()
                ),
            );
        }
        if let Some((n, line)) = lines
            .iter()
            .enumerate()
            .find(|(_, l)| l.chars().count() > MAX_CODE_COLS)
        {
            self.at(
                code.span(),
                format!(
                    "`code` line {} is {} columns wide; the limit is {MAX_CODE_COLS}",
                    n + 1,
                    line.chars().count()
                ),
            );
        }
        if code.get_ref().contains('\0') {
            self.at(code.span(), "`code` contains a NUL character".into());
        }
        if code.get_ref().contains('\t') {
            self.at(
                code.span(),
                "`code` contains a tab; indent with spaces".into(),
            );
        }
        if run {
            for module in imported_modules(code.get_ref()) {
                if !stdlib::STDLIB.split_whitespace().any(|m| m == module) {
                    self.at(
                        code.span(),
                        format!(
                            "output code imports `{module}`, which is not in the standard library"
                        ),
                    );
                } else if FORBIDDEN.contains(&module.as_str()) {
                    self.at(code.span(), format!("output code imports `{module}`: output code may not touch the network, files or processes"));
                }
            }
            if code.get_ref().contains("open(") {
                self.at(
                    code.span(),
                    "output code calls open(): output code may not touch files".into(),
                );
            }
        }
    }
}

/// Top-level module names of `import a.b, c` and `from a.b import c` statements.
fn imported_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code.lines().map(str::trim) {
        let names: Vec<&str> = if let Some(rest) = line.strip_prefix("import ") {
            rest.split(',').collect()
        } else if let Some(rest) = line.strip_prefix("from ") {
            rest.split_whitespace().take(1).collect()
        } else {
            continue;
        };
        for name in names {
            let top = name
                .split_whitespace()
                .next()
                .unwrap_or("")
                .split('.')
                .next()
                .unwrap_or("");
            if !top.is_empty() {
                out.push(top.to_string());
            }
        }
    }
    out
}

/// Validates one `[[question]]`; returns it with the location of its id, or pushes its errors.
pub(crate) fn question(
    file: &FileCtx<'_>,
    raw: Spanned<RawQuestion>,
    topic: &str,
    category: &str,
    errors: &mut Vec<ContentError>,
) -> Option<(Question, Location)> {
    let span = raw.span();
    let q = raw.into_inner();
    let mut c = Check {
        file,
        id: q.id.as_ref().map(|i| i.get_ref().clone()),
        errors: Vec::new(),
    };
    let id_loc = file.loc(q.id.as_ref().map_or(span.clone(), Spanned::span));
    match &q.id {
        None => c.at(span.clone(), "missing `id`".into()),
        Some(id) if !is_kebab(id.get_ref()) => c.at(id.span(), not_kebab("id", id)),
        Some(_) => {}
    }
    let difficulty = match &q.difficulty {
        None => {
            c.at(
                span.clone(),
                "missing `difficulty` (easy, medium or hard)".into(),
            );
            None
        }
        Some(d) => Difficulty::from_slug(d.get_ref()).or_else(|| {
            c.at(
                d.span(),
                format!(
                    "unknown difficulty \"{}\", expected easy, medium or hard",
                    d.get_ref()
                ),
            );
            None
        }),
    };
    let kind = match &q.kind {
        None => {
            c.at(span.clone(), "missing `kind`".into());
            None
        }
        Some(k) => Kind::from_slug(k.get_ref()).or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            c.at(
                k.span(),
                format!(
                    "unknown kind \"{}\", expected one of: {}",
                    k.get_ref(),
                    all.join(", ")
                ),
            );
            None
        }),
    };
    let tags = match &q.tags {
        None => {
            c.at(
                span.clone(),
                "missing `tags` (at least one kebab-case tag)".into(),
            );
            Vec::new()
        }
        Some(tags) => {
            if tags.get_ref().is_empty() {
                c.at(tags.span(), "`tags` is empty; give at least one".into());
            }
            for t in tags.get_ref() {
                if !is_kebab(t.get_ref()) {
                    c.at(t.span(), not_kebab("tag", t));
                }
            }
            tags.get_ref().iter().map(|t| t.get_ref().clone()).collect()
        }
    };
    c.required(&span, &q.prompt, "prompt", MAX_PROMPT);
    c.required(&span, &q.explanation, "explanation", MAX_EXPLANATION);
    if let Some(code) = &q.code {
        c.code(code, kind == Some(Kind::Output));
    }
    let python = q.python.as_ref().and_then(|p| {
        PythonRange::parse(p.get_ref())
            .map_err(|e| {
                c.at(
                    p.span(),
                    format!(
                        "`python` \"{}\" is not a valid version range: {e}",
                        p.get_ref()
                    ),
                )
            })
            .ok()
    });
    let answer = kind.map(|kind| {
        let name = kind.as_str();
        match kind {
            Kind::Single | Kind::Multiple => {
                c.forbid(&q.answer, "answer", name);
                c.forbid(&q.output, "output", name);
                c.forbid(&q.accept, "accept", name);
                c.forbid(&q.items, "items", name);
                let (min, max) = if kind == Kind::Single { (2, 6) } else { (2, 8) };
                let choices = c.choices(&span, q.choices, kind, min, max);
                if kind == Kind::Single {
                    Answer::Single { choices }
                } else {
                    Answer::Multiple { choices }
                }
            }
            Kind::TrueFalse => {
                c.forbid(&q.choices, "choices", name);
                c.forbid(&q.output, "output", name);
                c.forbid(&q.accept, "accept", name);
                c.forbid(&q.items, "items", name);
                if q.answer.is_none() {
                    c.at(
                        span.clone(),
                        "a true-false question needs `answer = true` or `answer = false`".into(),
                    );
                }
                Answer::TrueFalse {
                    answer: q.answer.is_some_and(|a| *a.get_ref()),
                }
            }
            Kind::Output => {
                c.forbid(&q.answer, "answer", name);
                c.forbid(&q.accept, "accept", name);
                c.forbid(&q.items, "items", name);
                if q.code.is_none() {
                    c.at(span.clone(), "an output question needs `code`".into());
                }
                let output = match &q.output {
                    None => {
                        c.at(
                            span.clone(),
                            "an output question needs `output`, the exact expected stdout".into(),
                        );
                        String::new()
                    }
                    Some(o) => {
                        if o.get_ref().trim().is_empty() {
                            c.at(o.span(), "`output` is empty".into());
                        } else if o.get_ref().contains('\0') {
                            c.at(o.span(), "`output` contains a NUL character".into());
                        }
                        o.get_ref().clone()
                    }
                };
                let choices = if q.choices.is_some() {
                    let choices = c.choices(&span, q.choices, kind, 2, 6);
                    let want = normalize_output(&output);
                    if choices
                        .iter()
                        .find(|ch| ch.correct)
                        .is_some_and(|right| normalize_output(&right.text) != want)
                    {
                        c.at(
                            span.clone(),
                            "the correct choice's text differs from `output`".into(),
                        );
                    }
                    choices
                } else {
                    Vec::new()
                };
                Answer::Output { output, choices }
            }
            Kind::Text => {
                c.forbid(&q.answer, "answer", name);
                c.forbid(&q.output, "output", name);
                c.forbid(&q.choices, "choices", name);
                c.forbid(&q.items, "items", name);
                let accept = match &q.accept {
                    None => {
                        c.at(
                            span.clone(),
                            "a text question needs `accept`, the list of accepted answers".into(),
                        );
                        Vec::new()
                    }
                    Some(a) => c.list("accept", a, 1, usize::MAX),
                };
                Answer::Text { accept }
            }
            Kind::Order => {
                c.forbid(&q.answer, "answer", name);
                c.forbid(&q.output, "output", name);
                c.forbid(&q.choices, "choices", name);
                c.forbid(&q.accept, "accept", name);
                let items = match &q.items {
                    None => {
                        c.at(
                            span.clone(),
                            "an order question needs `items`, in the right order".into(),
                        );
                        Vec::new()
                    }
                    Some(i) => c.list("items", i, 3, 8),
                };
                Answer::Order { items }
            }
        }
    });
    let failed = !c.errors.is_empty();
    errors.append(&mut c.errors);
    if failed {
        return None;
    }
    let (Some(id), Some(difficulty), Some(prompt), Some(explanation), Some(answer)) =
        (q.id, difficulty, q.prompt, q.explanation, answer)
    else {
        return None;
    };
    let question = Question {
        id: id.into_inner(),
        topic: topic.to_string(),
        category: category.to_string(),
        difficulty,
        tags,
        prompt: prompt.into_inner(),
        code: q
            .code
            .map(|c| c.into_inner().trim_end_matches('\n').to_string()),
        explanation: explanation.into_inner(),
        python,
        answer,
    };
    Some((question, id_loc))
}
