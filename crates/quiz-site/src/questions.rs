//! `quiz-site questions OUT_DIR`: the question browser's static side, written at build time
//! from the built-in bank.
//!
//! - `OUT/questions/index.html`: every question grouped by category and topic, as links to
//!   its permalink, inside `<div data-site-app="questions">` (the yew browser replaces it; with
//!   JavaScript off it is the page).
//! - `OUT/questions/<id>/index.html`: one page per question, its answer and explanation in a
//!   `<details>` ("Show answer"), with "Quiz me on this topic".
//! - `OUT/questions/bank.json`: the whole bank in the custom-bank JSON format the widget's
//!   `bank` option reads (what `quiz-bank export --format json` writes), for the browser.
//! - `OUT/questions/topics.json`: `[{slug, title, category, count}]` (category: its title).
//!
//! Bank text is Markdown of a small subset (`quiz_core::markdown`); it is rendered here with
//! every character of text escaped, so nothing in a question ever becomes HTML.

use std::fmt::Write as _;
use std::path::Path;

use quiz_core::markdown::{self, Block, Inline};
use quiz_core::parse::{Bank, CategoryInfo, Topic};
use quiz_core::{Answer, Choice, Difficulty, Kind, Question, QuestionBank, TopicInfo};

use crate::render::{NavLink, escape};

/// The whole bank, decoded: what every page is made from.
#[derive(Debug, Clone, Default)]
pub struct SiteBank {
    /// Categories in display order.
    pub categories: Vec<CategoryInfo>,
    /// Topics in bank order, with their questions.
    pub topics: Vec<Topic>,
}

impl SiteBank {
    /// Every topic of `bank`, decoded; a question without tags gets its topic as its tag.
    ///
    /// # Errors
    /// A topic that does not decode.
    pub fn from_bank(bank: &dyn QuestionBank) -> Result<SiteBank, String> {
        let mut topics = Vec::new();
        for info in bank.topics() {
            let mut questions = bank.questions(info).map_err(|e| e.0)?;
            // The embedded bank leaves tags out; a custom bank needs one, so each question is
            // tagged with its topic.
            for q in questions.iter_mut().filter(|q| q.tags.is_empty()) {
                q.tags.push(info.slug.clone());
            }
            topics.push(Topic {
                info: info.clone(),
                questions,
            });
        }
        Ok(SiteBank {
            categories: bank
                .categories()
                .iter()
                .map(|(slug, title)| CategoryInfo {
                    slug: slug.clone(),
                    title: title.clone(),
                })
                .collect(),
            topics,
        })
    }

    fn question_count(&self) -> usize {
        self.topics.iter().map(|t| t.questions.len()).sum()
    }

    fn category_title<'a>(&'a self, slug: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.slug == slug)
            .map_or(slug, |c| c.title.as_str())
    }
}

/// One file to write under `OUT/questions/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative path: `index.html`, `<id>/index.html`, `bank.json`, `topics.json`.
    pub path: String,
    /// Its content.
    pub text: String,
}

/// `quiz-site questions OUT_DIR`: writes the pages of the built-in bank. Returns the exit code.
pub fn command(args: &[String]) -> std::process::ExitCode {
    let out = match args {
        [out] if !out.starts_with('-') => Path::new(out),
        _ => {
            eprintln!(
                "quiz-site: usage: quiz-site questions OUT_DIR\n  Writes OUT_DIR/questions/ (the question browser and a page per question) from the built-in bank."
            );
            return std::process::ExitCode::from(2);
        }
    };
    match run(out) {
        Ok(count) => {
            println!(
                "quiz-site: wrote {count} question pages into {}",
                out.join("questions").display()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("quiz-site: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(out: &Path) -> Result<usize, String> {
    let builtin = quiz_bank::Builtin::load().map_err(|e| e.0)?;
    let bank = SiteBank::from_bank(&builtin)?;
    let home = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
    let nav = crate::render::site_nav_from_home(&home);
    let files = render_all(&bank, &nav)?;
    let root = out.join("questions");
    for file in &files {
        let path = root.join(&file.path);
        let write = || -> std::io::Result<()> {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, &file.text)
        };
        write().map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(bank.question_count())
}

/// Every file of `OUT/questions/`, or what is wrong (nothing is written then).
///
/// # Errors
/// A question id that cannot be a URL segment (ids are kebab-case).
pub fn render_all(bank: &SiteBank, nav: &[NavLink]) -> Result<Vec<File>, String> {
    let mut files = vec![File {
        path: "index.html".into(),
        text: index_page(bank, nav),
    }];
    for topic in &bank.topics {
        for q in &topic.questions {
            if !is_kebab(&q.id) {
                return Err(format!(
                    "question \"{}\": its id is not kebab-case, so it cannot be a page's URL",
                    q.id
                ));
            }
            files.push(File {
                path: format!("{}/index.html", q.id),
                text: question_page(bank, &topic.info, q, nav),
            });
        }
    }
    files.push(File {
        path: "bank.json".into(),
        text: bank_json(bank)?,
    });
    files.push(File {
        path: "topics.json".into(),
        text: topics_json(bank)?,
    });
    Ok(files)
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The whole bank as a compact custom-bank JSON text (`{categories, topics, questions}`).
fn bank_json(bank: &SiteBank) -> Result<String, String> {
    let whole = Bank {
        categories: bank.categories.clone(),
        topics: bank.topics.clone(),
    };
    let value: serde_json::Value = serde_json::from_str(&whole.to_json())
        .map_err(|e| format!("the bank's JSON does not read back: {e}"))?;
    Ok(value.to_string() + "\n")
}

/// `[{slug, title, category, count}]`: each topic with its category's title and its number of
/// questions, in bank order.
fn topics_json(bank: &SiteBank) -> Result<String, String> {
    let list: Vec<serde_json::Value> = bank
        .topics
        .iter()
        .map(|t| {
            serde_json::json!({
                "slug": t.info.slug,
                "title": t.info.title,
                "category": bank.category_title(&t.info.category),
                "count": t.questions.len(),
            })
        })
        .collect();
    serde_json::to_string(&list)
        .map(|s| s + "\n")
        .map_err(|e| format!("topics.json: {e}"))
}

/// Markdown of the bank's subset as HTML: paragraphs, lists, code blocks, `code`, *em*,
/// **strong**. Every text is escaped.
pub fn markdown_html(src: &str) -> String {
    let mut html = String::new();
    for block in markdown::parse(src) {
        match block {
            Block::Para(inlines) => {
                let _ = write!(html, "<p>{}</p>", inlines_html(&inlines));
            }
            Block::List(ordered, items) => {
                let tag = if ordered { "ol" } else { "ul" };
                let _ = write!(html, "<{tag}>");
                for item in items {
                    let _ = write!(html, "<li>{}</li>", inlines_html(&item));
                }
                let _ = write!(html, "</{tag}>");
            }
            Block::Code(code) => html.push_str(&code_block(&code, "")),
        }
    }
    html
}

fn inlines_html(inlines: &[Inline]) -> String {
    let mut html = String::new();
    for inline in inlines {
        let _ = match inline {
            Inline::Text(t) => write!(html, "{}", escape(t)),
            Inline::Code(t) => write!(html, "<code>{}</code>", escape(t)),
            Inline::Em(t) => write!(html, "<em>{}</em>", escape(t)),
            Inline::Strong(t) => write!(html, "<strong>{}</strong>", escape(t)),
        };
    }
    html
}

/// A `<pre>` that scrolls inside itself, reachable by keyboard.
fn code_block(code: &str, class: &str) -> String {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    format!(
        "<pre tabindex=\"0\"{class}><code>{}</code></pre>",
        escape(code)
    )
}

/// The prompt as one line of plain text (no markup), for link texts, titles and descriptions.
pub fn summary(prompt: &str) -> String {
    let mut parts = Vec::new();
    for block in markdown::parse(prompt) {
        match block {
            Block::Para(inlines) => parts.push(plain(&inlines)),
            Block::List(_, items) => parts.extend(items.iter().map(|i| plain(i))),
            Block::Code(_) => {}
        }
    }
    parts.join(" ")
}

fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Code(s) | Inline::Em(s) | Inline::Strong(s) => s.as_str(),
        })
        .collect()
}

/// `text` cut at a word boundary to at most `max` characters, with `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => cut.get(..space).unwrap_or(&cut).to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// The first line of `code` that says something: not blank, an import or a comment (the
/// first non-blank line when all are). The browser's results show the same.
fn code_line(code: &str) -> Option<&str> {
    let lines = || code.lines().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .find(|l| !(l.starts_with("import ") || l.starts_with("from ") || l.starts_with('#')))
        .or_else(|| lines().next())
}

/// How a question is answered, as the browser's kind facet names it.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Single => "Single choice",
        Kind::Multiple => "Multiple choice",
        Kind::TrueFalse => "True or false",
        Kind::Output => "What does it print?",
        Kind::Text => "Short answer",
        Kind::Order => "Put in order",
    }
}

fn difficulty_label(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "Easy",
        Difficulty::Medium => "Medium",
        Difficulty::Hard => "Hard",
    }
}

/// `<head>` and the site nav. `root` is the path to the site root (`../` or `../../`);
/// `here` says whether the page is the browser itself (`aria-current="page"`) or below it.
fn page_start(title: &str, description: &str, root: &str, nav: &[NavLink], here: bool) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<meta name=\"description\" content=\"{}\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"{root}site.css\">\n\
         <script type=\"module\" src=\"{root}sw-register.js\"></script>\n",
        escape(title),
        escape(description)
    );
    if here {
        let _ = writeln!(
            html,
            "<script type=\"module\" src=\"{root}site-app.js\"></script>"
        );
    }
    let _ = write!(
        html,
        "</head>\n<body class=\"{}\">\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n\
         <nav class=\"site-nav\" aria-label=\"Site\">\n",
        if here {
            "questions-page"
        } else {
            "question-page"
        }
    );
    for link in nav {
        let href = link.href.strip_prefix("./").unwrap_or(&link.href);
        let current = match (link.href == "questions/", here) {
            (true, true) => " aria-current=\"page\"",
            (true, false) => " aria-current=\"true\"",
            _ => "",
        };
        let _ = writeln!(
            html,
            "  <a href=\"{root}{}\"{current}>{}</a>",
            escape(href),
            link.label
        );
    }
    html.push_str("</nav>\n<main id=\"main\" tabindex=\"-1\">\n");
    html
}

const PAGE_END: &str = "</main>\n</body>\n</html>\n";

fn index_page(bank: &SiteBank, nav: &[NavLink]) -> String {
    let total = bank.question_count();
    let mut html = page_start(
        "Python interview questions: search the whole bank · Python interview quiz",
        &format!(
            "Search {total} Python interview questions by topic, category, difficulty and kind, each with its answer and explanation."
        ),
        "../",
        nav,
        true,
    );
    let _ = write!(
        html,
        "<h1>Questions</h1>\n<p class=\"lede\">Every question of the built-in bank, {total} in all, \
         each with its answer and explanation. Search them, filter by topic, difficulty and kind, \
         and download your selection as a bank of your own or for your LMS.</p>\n\
         <div data-site-app=\"questions\" class=\"question-browser\">\n\
         <p class=\"note\">Searching and filtering need JavaScript. Every question is listed \
         here by category and topic.</p>\n"
    );
    for category in &bank.categories {
        let topics: Vec<&Topic> = bank
            .topics
            .iter()
            .filter(|t| t.info.category == category.slug && !t.questions.is_empty())
            .collect();
        if topics.is_empty() {
            continue;
        }
        let _ = writeln!(
            html,
            "<h2 id=\"category-{}\">{}</h2>",
            escape(&category.slug),
            escape(&category.title)
        );
        for topic in topics {
            let _ = writeln!(
                html,
                "<h3 id=\"topic-{}\">{} <span class=\"count\">({} questions)</span></h3>\n<ul class=\"question-list\">",
                escape(&topic.info.slug),
                escape(&topic.info.title),
                topic.questions.len()
            );
            for q in &topic.questions {
                // The first line of the code tells apart prompts that read alike.
                let code = q
                    .code
                    .as_deref()
                    .and_then(code_line)
                    .map(|l| format!(" <code class=\"result-code\">{}</code>", escape(l)))
                    .unwrap_or_default();
                let _ = writeln!(
                    html,
                    "<li><a href=\"{}/\">{}{code}</a> <span class=\"question-meta\">{} · {}</span></li>",
                    escape(&q.id),
                    escape(&truncate(&summary(&q.prompt), 160)),
                    difficulty_label(q.difficulty),
                    kind_label(q.kind())
                );
            }
            html.push_str("</ul>\n");
        }
    }
    html.push_str("</div>\n");
    html.push_str(PAGE_END);
    html
}

fn question_page(bank: &SiteBank, topic: &TopicInfo, q: &Question, nav: &[NavLink]) -> String {
    let text = summary(&q.prompt);
    let category = bank.category_title(&topic.category);
    let title = format!(
        "{} · Python interview question",
        truncate(if text.is_empty() { &q.id } else { &text }, 70)
    );
    let description = truncate(
        &format!(
            "{} A {} {} question on {}, with the answer and explanation.",
            text,
            q.difficulty,
            topic.title,
            kind_label(q.kind()).to_lowercase()
        ),
        200,
    );
    let mut html = page_start(&title, &description, "../../", nav, false);
    let _ = writeln!(
        html,
        "<p class=\"breadcrumbs\"><a href=\"../\">Questions</a> › {} › <a href=\"../#topic-{}\">{}</a></p>",
        escape(category),
        escape(&topic.slug),
        escape(&topic.title)
    );
    // A one-paragraph prompt is the heading; a longer one goes under a generic heading.
    let blocks = markdown::parse(&q.prompt);
    match blocks.as_slice() {
        [Block::Para(inlines)] => {
            let _ = writeln!(
                html,
                "<h1 class=\"question-prompt\">{}</h1>",
                inlines_html(inlines)
            );
        }
        _ => {
            let _ = writeln!(
                html,
                "<h1>A question on {}</h1>\n<div class=\"question-prompt\">{}</div>",
                escape(&topic.title),
                markdown_html(&q.prompt)
            );
        }
    }
    let _ = write!(
        html,
        "<dl class=\"question-facts\">\n\
         <div><dt>Topic</dt><dd>{}</dd></div>\n\
         <div><dt>Category</dt><dd>{}</dd></div>\n\
         <div><dt>Difficulty</dt><dd>{}</dd></div>\n\
         <div><dt>Kind</dt><dd>{}</dd></div>\n",
        escape(&topic.title),
        escape(category),
        difficulty_label(q.difficulty),
        kind_label(q.kind())
    );
    if let Some(python) = &q.python {
        let _ = writeln!(
            html,
            "<div><dt>Python</dt><dd>{}</dd></div>",
            escape(&python.to_string())
        );
    }
    html.push_str("</dl>\n");
    if let Some(code) = &q.code {
        html.push_str(&code_block(code, "question-code"));
        html.push('\n');
    }
    html.push_str(&ask_html(&q.answer));
    html.push_str(
        "<details class=\"question-answer\">\n<summary>Show answer</summary>\n<h2>Answer</h2>\n",
    );
    html.push_str(&answer_html(&q.answer));
    let _ = writeln!(
        html,
        "<h2>Why</h2>\n<div class=\"question-explanation\">{}</div>\n</details>",
        markdown_html(&q.explanation)
    );
    let _ = writeln!(
        html,
        "<ul class=\"question-actions\">\n\
         <li><a href=\"../../?topics={}#demo\">Quiz me on this topic</a></li>\n\
         <li><a href=\"../\">All questions</a></li>\n</ul>",
        escape(&topic.slug)
    );
    html.push_str(PAGE_END);
    html
}

/// What the learner is asked to do, with the choices (never marking the right one).
fn ask_html(answer: &Answer) -> String {
    let mut html = String::new();
    match answer {
        Answer::Single { choices } => {
            html.push_str("<p class=\"question-ask\">Pick one:</p>\n");
            html.push_str(&choices_html(choices, false, false));
        }
        Answer::Multiple { choices } => {
            html.push_str("<p class=\"question-ask\">Pick every right answer:</p>\n");
            html.push_str(&choices_html(choices, false, false));
        }
        Answer::TrueFalse { .. } => {
            html.push_str("<p class=\"question-ask\">True or false?</p>\n");
        }
        Answer::Output { choices, .. } if !choices.is_empty() => {
            html.push_str("<p class=\"question-ask\">What does it print? Pick one:</p>\n");
            html.push_str(&choices_html(choices, true, false));
        }
        Answer::Output { .. } => {
            html.push_str(
                "<p class=\"question-ask\">What does it print? Type the exact output.</p>\n",
            );
        }
        Answer::Text { .. } => {
            html.push_str("<p class=\"question-ask\">Type the answer.</p>\n");
        }
        Answer::Order { items } => {
            // Shown sorted, so the page does not give the order away.
            let mut sorted: Vec<&String> = items.iter().collect();
            sorted.sort_by_key(|s| s.to_lowercase());
            html.push_str(
                "<p class=\"question-ask\">Put these in order:</p>\n<ul class=\"choices\">\n",
            );
            for item in sorted {
                let _ = writeln!(html, "<li>{}</li>", inlines_html(&markdown::inlines(item)));
            }
            html.push_str("</ul>\n");
        }
    }
    html
}

fn choices_html(choices: &[Choice], output: bool, marked: bool) -> String {
    let mut html = String::from("<ul class=\"choices\">\n");
    for c in choices {
        html.push_str("<li>");
        if marked {
            let _ = write!(
                html,
                "<strong class=\"{}\">{}</strong> ",
                if c.correct { "right" } else { "wrong" },
                if c.correct { "Right:" } else { "Wrong:" }
            );
        }
        if output {
            html.push_str(&code_block(&c.text, "choice-output"));
        } else {
            html.push_str(&inlines_html(&markdown::inlines(&c.text)));
        }
        if marked {
            if let Some(why) = &c.why {
                let _ = write!(
                    html,
                    "<span class=\"why\">{}</span>",
                    inlines_html(&markdown::inlines(why))
                );
            }
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// The right answer, per kind.
fn answer_html(answer: &Answer) -> String {
    match answer {
        Answer::Single { choices } | Answer::Multiple { choices } => {
            choices_html(choices, false, true)
        }
        Answer::TrueFalse { answer } => format!(
            "<p><strong>{}.</strong></p>\n",
            if *answer { "True" } else { "False" }
        ),
        Answer::Output { output, choices } => {
            let mut html = format!(
                "<p>It prints:</p>\n{}\n",
                code_block(output, "question-output")
            );
            let whys: Vec<&Choice> = choices.iter().filter(|c| c.why.is_some()).collect();
            if !whys.is_empty() {
                html.push_str(&choices_html(choices, true, true));
            }
            html
        }
        Answer::Text { accept } => {
            let mut html = String::from(
                "<p>Accepted answers (case and surrounding spaces ignored):</p>\n<ul>\n",
            );
            for a in accept {
                let _ = writeln!(html, "<li><code>{}</code></li>", escape(a));
            }
            html.push_str("</ul>\n");
            html
        }
        Answer::Order { items } => {
            let mut html = String::from("<ol>\n");
            for item in items {
                let _ = writeln!(html, "<li>{}</li>", inlines_html(&markdown::inlines(item)));
            }
            html.push_str("</ol>\n");
            html
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nav() -> Vec<NavLink> {
        ["./", "playground/", "questions/", "study/", "docs/"]
            .iter()
            .zip(["Home", "Playground", "Questions", "Study", "Docs"])
            .map(|(href, label)| NavLink {
                href: (*href).into(),
                label: label.into(),
            })
            .collect()
    }

    const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(2)> \"q\" & 'a'";

    fn hostile_bank() -> SiteBank {
        let choice = |text: &str, correct: bool| Choice {
            text: text.into(),
            correct,
            why: Some(format!("why {HOSTILE}")),
        };
        let question = |id: &str, answer: Answer| Question {
            id: id.into(),
            topic: "evil".into(),
            category: "cat".into(),
            difficulty: Difficulty::Hard,
            tags: vec!["x".into()],
            prompt: format!("Is `{HOSTILE}` *{HOSTILE}* **ok**?"),
            code: Some(format!("print('</code></pre>{HOSTILE}')")),
            explanation: format!("Because {HOSTILE}\n\n- a <b>list</b>\n\n```\n{HOSTILE}\n```"),
            python: None,
            answer,
        };
        let questions = vec![
            question(
                "evil-single",
                Answer::Single {
                    choices: vec![choice(HOSTILE, true), choice("`<i>`", false)],
                },
            ),
            question(
                "evil-output",
                Answer::Output {
                    output: HOSTILE.into(),
                    choices: vec![choice(HOSTILE, true), choice("x", false)],
                },
            ),
            question(
                "evil-text",
                Answer::Text {
                    accept: vec![HOSTILE.into()],
                },
            ),
            question(
                "evil-order",
                Answer::Order {
                    items: vec![HOSTILE.into(), "b".into(), "a".into()],
                },
            ),
        ];
        SiteBank {
            categories: vec![CategoryInfo {
                slug: "cat".into(),
                title: format!("Cat {HOSTILE}"),
            }],
            topics: vec![Topic {
                info: TopicInfo {
                    slug: "evil".into(),
                    title: format!("Evil {HOSTILE}"),
                    category: "cat".into(),
                    counts: [0, 0, 4],
                },
                questions,
            }],
        }
    }

    /// The tags of an HTML text, lower-cased names only.
    fn tag_names(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|rest| {
                rest.trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                    .collect::<String>()
                    .to_lowercase()
            })
            .collect()
    }

    #[test]
    fn the_markdown_subset_renders_and_text_is_escaped() {
        assert_eq!(
            markdown_html(
                "Use `x < y` and *not* **this** & that.\n\n- one\n- two\n\n```python\nif a<b:\n    pass\n```"
            ),
            "<p>Use <code>x &lt; y</code> and <em>not</em> <strong>this</strong> &amp; that.</p>\
             <ul><li>one</li><li>two</li></ul>\
             <pre tabindex=\"0\"><code>if a&lt;b:\n    pass</code></pre>"
        );
        assert_eq!(
            markdown_html(HOSTILE),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &quot;q&quot; &amp; &#39;a&#39;</p>"
        );
    }

    #[test]
    fn hostile_bank_text_never_becomes_html() {
        let files = render_all(&hostile_bank(), &nav()).unwrap();
        let allowed = [
            "!doctype", "html", "head", "meta", "title", "link", "script", "body", "a", "nav",
            "main", "p", "h1", "h2", "h3", "div", "span", "ul", "ol", "li", "dl", "dt", "dd",
            "pre", "code", "em", "strong", "details", "summary",
        ];
        for file in files.iter().filter(|f| f.path.ends_with(".html")) {
            for tag in tag_names(&file.text) {
                assert!(allowed.contains(&tag.as_str()), "<{tag}> in {}", file.path);
            }
            // The only scripts are the site's own two, and no text smuggled in an attribute.
            assert!(file.text.matches("<script").count() <= 2, "{}", file.text);
            assert!(!file.text.contains("<img"), "{}", file.text);
            assert!(!file.text.contains("alert(1)</script>"), "{}", file.text);
            assert!(!file.text.contains("\"q\""), "{}", file.text);
        }
        let page = &files
            .iter()
            .find(|f| f.path == "evil-single/index.html")
            .unwrap()
            .text;
        assert!(
            page.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{page}"
        );
        assert!(
            page.contains("<pre tabindex=\"0\" class=\"question-code\"><code>print(&#39;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;"),
            "{page}"
        );
    }

    #[test]
    fn a_permalink_hides_the_answer_and_links_to_a_quiz_on_its_topic() {
        let files = render_all(&hostile_bank(), &nav()).unwrap();
        let page = &files
            .iter()
            .find(|f| f.path == "evil-order/index.html")
            .unwrap()
            .text;
        let (before, after) = page
            .split_once("<details class=\"question-answer\">")
            .unwrap();
        // The items are shown sorted before the answer, in their right order after it.
        let asked = before.split("Put these in order:").nth(1).unwrap();
        let a = asked.find("<li>a</li>").unwrap();
        let b = asked.find("<li>b</li>").unwrap();
        assert!(a < b);
        assert!(after.starts_with("\n<summary>Show answer</summary>"));
        let answer = after.split("<ol>").nth(1).unwrap();
        assert!(answer.find("<li>b</li>").unwrap() < answer.find("<li>a</li>").unwrap());
        assert!(page.contains(r#"<a href="../../?topics=evil#demo">Quiz me on this topic</a>"#));
        assert!(page.contains(r#"<a href="../../questions/" aria-current="true">Questions</a>"#));
        assert!(page.contains(r#"<link rel="stylesheet" href="../../site.css">"#));
        assert!(page.contains(r#"<script type="module" src="../../sw-register.js"></script>"#));
        assert!(page.contains("<title>Is "), "{page}");
        assert!(page.contains("<meta name=\"description\" content=\"Is "));
    }

    #[test]
    fn the_index_lists_every_question_by_topic_inside_the_app_root() {
        let files = render_all(&hostile_bank(), &nav()).unwrap();
        let index = &files.iter().find(|f| f.path == "index.html").unwrap().text;
        assert!(index.contains(r#"<script type="module" src="../site-app.js"></script>"#));
        assert!(index.contains(r#"<a href="../questions/" aria-current="page">Questions</a>"#));
        let app = index
            .split("<div data-site-app=\"questions\"")
            .nth(1)
            .unwrap();
        for id in ["evil-single", "evil-output", "evil-text", "evil-order"] {
            assert!(app.contains(&format!("<a href=\"{id}/\">")), "{id}");
        }
        assert!(app.contains("<h2 id=\"category-cat\">Cat &lt;script&gt;"));
        assert!(app.contains("<h3 id=\"topic-evil\">Evil &lt;script&gt;"));
    }

    #[test]
    fn bank_json_is_a_custom_bank_the_widget_reads_and_topics_json_has_its_shape() {
        let bank = hostile_bank();
        let files = render_all(&bank, &nav()).unwrap();
        let json = &files.iter().find(|f| f.path == "bank.json").unwrap().text;
        // Compact, one line; whether the widget accepts it is checked on the real bank below.
        assert_eq!(json.lines().count(), 1);
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["questions"].as_array().unwrap().len(), 4);
        assert_eq!(value["questions"][0]["kind"], "single");
        assert_eq!(
            value["questions"][0]["prompt"],
            format!("Is `{HOSTILE}` *{HOSTILE}* **ok**?")
        );
        let topics: serde_json::Value =
            serde_json::from_str(&files.iter().find(|f| f.path == "topics.json").unwrap().text)
                .unwrap();
        assert_eq!(
            topics,
            serde_json::json!([{ "slug": "evil", "title": format!("Evil {HOSTILE}"), "category": format!("Cat {HOSTILE}"), "count": 4 }])
        );
    }

    #[test]
    fn the_builtin_bank_renders_a_page_per_question_and_a_bank_the_widget_accepts() {
        let builtin = quiz_bank::Builtin::load().unwrap();
        let bank = SiteBank::from_bank(&builtin).unwrap();
        let files = render_all(&bank, &nav()).unwrap();
        let total = bank.question_count();
        assert!(total > 100);
        assert_eq!(files.len(), total + 3);
        let json = &files.iter().find(|f| f.path == "bank.json").unwrap().text;
        let back = quiz_core::parse::load_bank_text(json, "bank.json").unwrap();
        assert_eq!(back.len(), total);
        assert_eq!(back.categories, bank.categories);
    }

    #[test]
    fn an_id_that_cannot_be_a_url_is_refused() {
        let mut bank = hostile_bank();
        if let Some(q) = bank
            .topics
            .first_mut()
            .and_then(|t| t.questions.first_mut())
        {
            q.id = "../evil".into();
        }
        assert_eq!(
            render_all(&bank, &nav()),
            Err(
                "question \"../evil\": its id is not kebab-case, so it cannot be a page's URL"
                    .into()
            )
        );
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("one two three four", 12), "one two…");
    }
}
