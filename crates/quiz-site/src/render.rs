//! Markdown to the docs pages: heading anchors, checked links between docs, scrollable code
//! blocks and tables, and the page around them (navigation, skip link, stylesheet), with
//! relative URLs only so the site works under any sub-path.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The table of contents: `docs/index.md`, rendered to `docs/index.html`.
const INDEX: &str = "index";

/// One Markdown file of the docs folder.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The file name without `.md`: the page's URL segment (`docs/<slug>/`).
    pub slug: String,
    /// The path shown in errors, e.g. `docs/attributes.md`.
    pub display: String,
    /// The Markdown text.
    pub source: String,
}

/// One rendered page: its path under `OUT/docs/` and the whole HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `index.html` or `<slug>/index.html`.
    pub path: String,
    /// The complete HTML document.
    pub html: String,
}

/// A link of the site's own navigation, relative to the site root (`./`, `study/`, `docs/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink {
    /// The href relative to the site root.
    pub href: String,
    /// The link's content (HTML, copied as it is).
    pub label: String,
}

struct Heading {
    level: HeadingLevel,
    text: String,
    id: Option<String>,
    line: usize,
}

struct Parsed<'a> {
    doc: &'a Doc,
    events: Vec<(Event<'a>, Range<usize>)>,
    headings: Vec<Heading>,
    title: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// 1-based line of a byte offset.
fn line_of(source: &str, offset: usize) -> usize {
    source.get(..offset).unwrap_or(source).matches('\n').count() + 1
}

/// A heading's anchor: lower case letters and digits, words joined by `-` (GitHub's style).
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            slug.push(c);
        } else if (c == ' ' || c == '-') && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "section".to_owned()
    } else {
        slug
    }
}

/// Escapes text for an HTML attribute value or text content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn parse(doc: &Doc) -> Result<Parsed<'_>, Vec<String>> {
    let events: Vec<_> = Parser::new_ext(&doc.source, options())
        .into_offset_iter()
        .collect();
    let mut headings = Vec::new();
    let mut used = HashSet::new();
    let mut current: Option<Heading> = None;
    for (event, range) in &events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let line = line_of(&doc.source, range.start);
                current = Some(Heading {
                    level: *level,
                    text: String::new(),
                    id: None,
                    line,
                });
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = current.as_mut() {
                    heading.text.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut heading) = current.take() {
                    if heading.level != HeadingLevel::H1 {
                        let base = slugify(&heading.text);
                        let mut id = base.clone();
                        let mut n = 1;
                        while !used.insert(id.clone()) {
                            id = format!("{base}-{n}");
                            n += 1;
                        }
                        heading.id = Some(id);
                    }
                    headings.push(heading);
                }
            }
            _ => {}
        }
    }
    let mut errors = Vec::new();
    let title = match headings.first() {
        Some(first)
            if first.level == HeadingLevel::H1 && first.line == first_content_line(&doc.source) =>
        {
            first.text.clone()
        }
        _ => {
            errors.push(format!(
                "{}:1: a page starts with its title, a `# Title` heading",
                doc.display
            ));
            String::new()
        }
    };
    for extra in headings
        .iter()
        .skip(1)
        .filter(|h| h.level == HeadingLevel::H1)
    {
        errors.push(format!(
            "{}:{}: a second `# ` title; a page has one, use `## ` for its sections",
            doc.display, extra.line
        ));
    }
    if errors.is_empty() {
        Ok(Parsed {
            doc,
            events,
            headings,
            title,
        })
    } else {
        Err(errors)
    }
}

fn first_content_line(source: &str) -> usize {
    source
        .lines()
        .position(|l| !l.trim().is_empty())
        .map_or(1, |i| i + 1)
}

/// Where a page is: the docs index (`docs/`) or a page (`docs/<slug>/`).
fn depth_prefix(slug: &str) -> &'static str {
    if slug == INDEX { "" } else { "../" }
}

/// The href of doc `target` (optionally `#fragment`) as seen from doc `from`.
fn doc_href(from: &str, target: &str) -> String {
    match (from == INDEX, target == INDEX) {
        (true, true) => "./".to_owned(),
        (true, false) => format!("{target}/"),
        (false, true) => "../".to_owned(),
        (false, false) if from == target => "./".to_owned(),
        (false, false) => format!("../{target}/"),
    }
}

/// Checks a link of doc `from` and returns the href to write, or what is wrong with it.
fn resolve_link(
    dest: &str,
    from: &Parsed<'_>,
    anchors: &HashMap<&str, HashSet<&str>>,
) -> Result<String, String> {
    let lower = dest.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        return Ok(dest.to_owned());
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    let target = if path.is_empty() {
        from.doc.slug.as_str()
    } else {
        let slug = path.strip_prefix("./").unwrap_or(path).strip_suffix(".md");
        match slug {
            Some(slug)
                if !slug.is_empty()
                    && slug
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                slug
            }
            _ => {
                return Err(format!(
                    "link to `{dest}`: link to another doc as `name.md` or `name.md#anchor`, to a part of this page as `#anchor`, or to an https:// URL"
                ));
            }
        }
    };
    let Some(target_anchors) = anchors.get(target) else {
        let dir = from.doc.display.rsplit_once('/').map_or("", |(dir, _)| dir);
        let sep = if dir.is_empty() { "" } else { "/" };
        return Err(format!(
            "link to `{dest}`: there is no {dir}{sep}{target}.md"
        ));
    };
    if let Some(fragment) = fragment {
        if !target_anchors.contains(fragment) {
            let page = if path.is_empty() {
                "this page".to_owned()
            } else {
                format!("{target}.md")
            };
            return Err(format!(
                "link to `{dest}`: {page} has no heading with the anchor `#{fragment}`"
            ));
        }
    }
    let base = if path.is_empty() {
        String::new()
    } else {
        doc_href(&from.doc.slug, target)
    };
    Ok(match fragment {
        Some(fragment) => format!("{base}#{fragment}"),
        None => base,
    })
}

/// The site's navigation, read from the home page's `<nav class="site-nav">`, so the docs
/// pages show the same links as the rest of the site. Without one: Home and Docs.
pub fn site_nav_from_home(home: &str) -> Vec<NavLink> {
    let fallback = || {
        vec![
            NavLink {
                href: "./".into(),
                label: "Home".into(),
            },
            NavLink {
                href: "docs/".into(),
                label: "Docs".into(),
            },
        ]
    };
    let Some(start) = home.find(r#"<nav class="site-nav""#) else {
        return fallback();
    };
    let nav = home.get(start..).unwrap_or_default();
    let nav = nav
        .get(..nav.find("</nav>").unwrap_or(nav.len()))
        .unwrap_or_default();
    let mut links = Vec::new();
    for chunk in nav.split("<a ").skip(1) {
        let Some(href) = chunk
            .split_once("href=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(h, _)| h)
        else {
            continue;
        };
        let Some(label) = chunk
            .split_once('>')
            .and_then(|(_, rest)| rest.split_once("</a>"))
            .map(|(l, _)| l)
        else {
            continue;
        };
        // Only root-relative links can be re-based; anything else is left out.
        if href.starts_with('/') || href.starts_with('#') || href.contains(':') {
            continue;
        }
        links.push(NavLink {
            href: href.to_owned(),
            label: label.trim().to_owned(),
        });
    }
    if !links.iter().any(|l| l.href == "docs/") {
        links.push(NavLink {
            href: "docs/".into(),
            label: "Docs".into(),
        });
    }
    if links.len() < 2 { fallback() } else { links }
}

/// Renders every doc. `docs` must contain `index` (the table of contents); every other doc
/// must be linked from it, and its links give the order of the docs navigation.
pub fn render_docs(docs: &[Doc], site_nav: &[NavLink]) -> Result<Vec<Page>, Vec<String>> {
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for doc in docs {
        if !doc
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || doc.slug.is_empty()
        {
            errors.push(format!("{}:1: a doc's file name is lower-case words joined by `-`, like `getting-started.md`", doc.display));
            continue;
        }
        match parse(doc) {
            Ok(p) => parsed.push(p),
            Err(e) => errors.extend(e),
        }
    }
    if !docs.iter().any(|d| d.slug == INDEX) {
        errors.push("docs/index.md: missing: the docs need an index.md, the table of contents that links every page".into());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let anchors: HashMap<&str, HashSet<&str>> = parsed
        .iter()
        .map(|p| {
            (
                p.doc.slug.as_str(),
                p.headings.iter().filter_map(|h| h.id.as_deref()).collect(),
            )
        })
        .collect();

    // The order of the docs navigation: the order index.md links the pages in.
    let mut order: Vec<&str> = Vec::new();
    if let Some(index) = parsed.iter().find(|p| p.doc.slug == INDEX) {
        for (event, _) in &index.events {
            if let Event::Start(Tag::Link { dest_url, .. }) = event {
                let slug = dest_url.split('#').next().unwrap_or_default();
                let slug = slug
                    .strip_prefix("./")
                    .unwrap_or(slug)
                    .strip_suffix(".md")
                    .unwrap_or_default();
                if let Some((known, _)) = anchors.get_key_value(slug) {
                    if *known != INDEX && !order.contains(known) {
                        order.push(known);
                    }
                }
            }
        }
    }
    for p in &parsed {
        if p.doc.slug != INDEX && !order.contains(&p.doc.slug.as_str()) {
            errors.push(format!(
                "{}:1: not linked from docs/index.md, so no one finds it",
                p.doc.display
            ));
        }
    }
    let titles: HashMap<&str, &str> = parsed
        .iter()
        .map(|p| (p.doc.slug.as_str(), p.title.as_str()))
        .collect();

    let mut pages = Vec::new();
    for p in &parsed {
        match render_body(p, &anchors) {
            Ok(body) => {
                let nav = DocsNav {
                    order: &order,
                    titles: &titles,
                    site: site_nav,
                };
                let path = if p.doc.slug == INDEX {
                    "index.html".to_owned()
                } else {
                    format!("{}/index.html", p.doc.slug)
                };
                pages.push(Page {
                    path,
                    html: page(p, &body, &nav),
                });
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}

/// The page's Markdown as HTML: heading ids, checked links, code blocks and tables that
/// scroll inside themselves, and an "On this page" list after the title of a longer page.
fn render_body(
    p: &Parsed<'_>,
    anchors: &HashMap<&str, HashSet<&str>>,
) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let mut ids = p.headings.iter().map(|h| h.id.clone());
    let sections: Vec<&Heading> = p
        .headings
        .iter()
        .filter(|h| h.level == HeadingLevel::H2)
        .collect();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(p.events.len());
    for (event, range) in &p.events {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = ids.next().flatten().map(CowStr::from);
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id,
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                out.push(event.clone());
                if sections.len() >= 3 {
                    let mut toc = String::from(
                        "<nav class=\"toc\" aria-label=\"On this page\">\n<p>On this page</p>\n<ul>\n",
                    );
                    for h in &sections {
                        let _ = writeln!(
                            toc,
                            "<li><a href=\"#{}\">{}</a></li>",
                            h.id.as_deref().unwrap_or_default(),
                            escape(&h.text)
                        );
                    }
                    toc.push_str("</ul>\n</nav>\n");
                    out.push(Event::Html(toc.into()));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match resolve_link(dest_url, p, anchors) {
                Ok(href) => out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: href.into(),
                    title: title.clone(),
                    id: id.clone(),
                })),
                Err(message) => {
                    errors.push(format!(
                        "{}:{}: {message}",
                        p.doc.display,
                        line_of(&p.doc.source, range.start)
                    ));
                    out.push(event.clone());
                }
            },
            Event::Start(Tag::Image { dest_url, .. }) => {
                errors.push(format!(
                    "{}:{}: image `{dest_url}`: the docs have no images (describe it in words, or add image support to quiz-site)",
                    p.doc.display,
                    line_of(&p.doc.source, range.start)
                ));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                // tabindex: a block wider than the screen scrolls, and keyboard users can scroll it.
                let open = if lang.is_empty() {
                    "<pre tabindex=\"0\"><code>".to_owned()
                } else {
                    format!(
                        "<pre tabindex=\"0\"><code class=\"language-{}\">",
                        escape(&lang)
                    )
                };
                out.push(Event::Html(open.into()));
            }
            Event::End(TagEnd::CodeBlock) => out.push(Event::Html("</code></pre>\n".into())),
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(
                    "<div class=\"table-scroll\" tabindex=\"0\">\n".into(),
                ));
                out.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                out.push(event.clone());
                out.push(Event::Html("</div>\n".into()));
            }
            _ => out.push(event.clone()),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Ok(html)
}

struct DocsNav<'a> {
    order: &'a [&'a str],
    titles: &'a HashMap<&'a str, &'a str>,
    site: &'a [NavLink],
}

fn page(p: &Parsed<'_>, body: &str, nav: &DocsNav<'_>) -> String {
    let slug = p.doc.slug.as_str();
    let root = if slug == INDEX { "../" } else { "../../" };
    let title = if slug == INDEX {
        "Docs: the Python interview quiz widget".to_owned()
    } else {
        format!("{}: quiz widget docs", p.title)
    };
    let mut html = String::new();
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <link rel=\"stylesheet\" href=\"{root}site.css\">\n\
         <script type=\"module\" src=\"{root}sw-register.js\"></script>\n</head>\n<body class=\"docs\">\n\
         <a class=\"skip\" href=\"#main\">Skip to the content</a>\n<nav class=\"site-nav\" aria-label=\"Site\">\n",
        escape(&title)
    );
    for link in nav.site {
        let href = link.href.strip_prefix("./").unwrap_or(&link.href);
        let current = if link.href == "docs/" && slug == INDEX {
            " aria-current=\"page\""
        } else if link.href == "docs/" {
            " aria-current=\"true\""
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "  <a href=\"{root}{}\"{current}>{}</a>",
            escape(href),
            link.label
        );
    }
    html.push_str(
        "</nav>\n<div class=\"docs-layout\">\n<nav class=\"docs-nav\" aria-label=\"Docs\">\n<ul>\n",
    );
    let prefix = depth_prefix(slug);
    let _ = writeln!(
        html,
        "  <li><a href=\"{}\"{}>Overview</a></li>",
        if slug == INDEX { "./" } else { "../" },
        if slug == INDEX {
            " aria-current=\"page\""
        } else {
            ""
        }
    );
    for target in nav.order {
        let current = if *target == slug {
            " aria-current=\"page\""
        } else {
            ""
        };
        let href = if *target == slug {
            "./".to_owned()
        } else {
            format!("{prefix}{target}/")
        };
        let label = nav.titles.get(target).copied().unwrap_or(target);
        let _ = writeln!(
            html,
            "  <li><a href=\"{href}\"{current}>{}</a></li>",
            escape(label)
        );
    }
    html.push_str("</ul>\n</nav>\n<main id=\"main\" tabindex=\"-1\">\n");
    html.push_str(body);
    html.push_str("</main>\n</div>\n</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(slug: &str, source: &str) -> Doc {
        Doc {
            slug: slug.into(),
            display: format!("docs/{slug}.md"),
            source: source.into(),
        }
    }

    fn site() -> Vec<NavLink> {
        site_nav_from_home("")
    }

    fn render(docs: &[Doc]) -> Result<HashMap<String, String>, Vec<String>> {
        render_docs(docs, &site())
            .map(|pages| pages.into_iter().map(|p| (p.path, p.html)).collect())
    }

    const INDEX_MD: &str =
        "# Docs\n\n- [Getting started](getting-started.md)\n- [Attributes](attributes.md)\n";

    #[test]
    fn slugs_follow_github_style() {
        assert_eq!(slugify("Embed it (bloggers)"), "embed-it-bloggers");
        assert_eq!(
            slugify("`quiz-complete` and xAPI"),
            "quiz-complete-and-xapi"
        );
        assert_eq!(slugify("CSP & Trusted Types"), "csp-trusted-types");
        assert_eq!(slugify("!!!"), "section");
    }

    #[test]
    fn every_h2_and_h3_gets_a_unique_anchor() {
        let pages = render(&[
            doc("index", INDEX_MD),
            doc(
                "getting-started",
                "# Getting started\n\n## Blog\n\n### Options\n\n## npm\n\n### Options\n",
            ),
            doc("attributes", "# Attributes\n"),
        ])
        .unwrap();
        let page = &pages["getting-started/index.html"];
        assert!(page.contains(r#"<h1>Getting started</h1>"#), "{page}");
        assert!(page.contains(r#"<h2 id="blog">Blog</h2>"#), "{page}");
        assert!(page.contains(r#"<h3 id="options">Options</h3>"#), "{page}");
        assert!(page.contains(r#"<h2 id="npm">npm</h2>"#), "{page}");
        assert!(
            page.contains(r#"<h3 id="options-1">Options</h3>"#),
            "{page}"
        );
    }

    #[test]
    fn links_between_docs_become_relative_urls() {
        let pages = render(&[
            doc("index", INDEX_MD),
            doc(
                "getting-started",
                "# Getting started\n\nSee [theme](attributes.md#theme), [below](#more), [docs](index.md), \
                 [here](getting-started.md) and [MDN](https://developer.mozilla.org/).\n\n## More\n",
            ),
            doc("attributes", "# Attributes\n\n## theme\n\nBack to [the start](getting-started.md#more).\n"),
        ])
        .unwrap();
        let start = &pages["getting-started/index.html"];
        assert!(
            start.contains(r#"<a href="../attributes/#theme">theme</a>"#),
            "{start}"
        );
        assert!(start.contains(r##"<a href="#more">below</a>"##), "{start}");
        assert!(start.contains(r#"<a href="../">docs</a>"#), "{start}");
        assert!(start.contains(r#"<a href="./">here</a>"#), "{start}");
        assert!(
            start.contains(r#"<a href="https://developer.mozilla.org/">MDN</a>"#),
            "{start}"
        );
        // The stylesheet and the site's links are relative too: the site works under a sub-path.
        assert!(
            start.contains(r#"<link rel="stylesheet" href="../../site.css">"#),
            "{start}"
        );
        assert!(start.contains(r#"<a href="../../">Home</a>"#), "{start}");
        assert!(!start.contains("href=\"/"), "no root-absolute URL: {start}");
        let index = &pages["index.html"];
        assert!(
            index.contains(r#"<a href="getting-started/">Getting started</a>"#),
            "{index}"
        );
        assert!(
            index.contains(r#"<link rel="stylesheet" href="../site.css">"#),
            "{index}"
        );
        assert!(index.contains(r#"<a href="../">Home</a>"#), "{index}");
    }

    #[test]
    fn a_broken_internal_link_fails_with_file_and_line() {
        let errors = render(&[
            doc("index", INDEX_MD),
            doc("getting-started", "# Getting started\n\nOne [link](attributes.md#colour).\n\nTwo [links](atributes.md).\n"),
            doc("attributes", "# Attributes\n\n## theme\n\nA [path](../README.md) and [a part](#nowhere).\n"),
        ])
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                "docs/getting-started.md:3: link to `attributes.md#colour`: attributes.md has no heading with the anchor `#colour`",
                "docs/getting-started.md:5: link to `atributes.md`: there is no docs/atributes.md",
                "docs/attributes.md:5: link to `../README.md`: link to another doc as `name.md` or `name.md#anchor`, to a part of this page as `#anchor`, or to an https:// URL",
                "docs/attributes.md:5: link to `#nowhere`: this page has no heading with the anchor `#nowhere`",
            ]
        );
    }

    #[test]
    fn a_page_needs_one_title_and_a_place_in_the_index() {
        let errors = render(&[
            doc("index", INDEX_MD),
            doc("getting-started", "Intro first.\n\n# Getting started\n"),
            doc("attributes", "# Attributes\n\n# Again\n"),
            doc("faq", "# FAQ\n"),
            doc("Bad_Name", "# Bad\n"),
        ])
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                "docs/getting-started.md:1: a page starts with its title, a `# Title` heading",
                "docs/attributes.md:3: a second `# ` title; a page has one, use `## ` for its sections",
                "docs/Bad_Name.md:1: a doc's file name is lower-case words joined by `-`, like `getting-started.md`",
            ]
        );
        let errors = render(&[
            doc("index", INDEX_MD),
            doc("getting-started", "# A\n"),
            doc("attributes", "# B\n"),
            doc("faq", "# FAQ\n"),
        ])
        .unwrap_err();
        assert_eq!(
            errors,
            vec!["docs/faq.md:1: not linked from docs/index.md, so no one finds it"]
        );
        let errors = render(&[doc("faq", "# FAQ\n")]).unwrap_err();
        assert_eq!(
            errors,
            vec![
                "docs/index.md: missing: the docs need an index.md, the table of contents that links every page"
            ]
        );
    }

    #[test]
    fn a_page_is_a_complete_accessible_document() {
        let pages = render(&[
            doc("index", INDEX_MD),
            doc(
                "getting-started",
                "# Getting started\n\n## One\n\n```html\n<quiz-widget count=\"5\"></quiz-widget>\n```\n\n## Two\n\n\
                 | a | b |\n|---|---|\n| `x` | y |\n\n## Three\n",
            ),
            doc("attributes", "# Attributes & more\n"),
        ])
        .unwrap();
        let page = &pages["getting-started/index.html"];
        for part in [
            "<!doctype html>\n<html lang=\"en\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>Getting started: quiz widget docs</title>",
            "<a class=\"skip\" href=\"#main\">Skip to the content</a>",
            "<main id=\"main\" tabindex=\"-1\">",
            // Code is escaped, and scrolls inside its block.
            "<pre tabindex=\"0\"><code class=\"language-html\">&lt;quiz-widget count=\"5\"&gt;&lt;/quiz-widget&gt;\n</code></pre>",
            "<div class=\"table-scroll\" tabindex=\"0\">\n<table>",
            "<td><code>x</code></td>",
            // The docs nav: the index's order, the current page marked, titles escaped.
            "<li><a href=\"./\" aria-current=\"page\">Getting started</a></li>\n  <li><a href=\"../attributes/\">Attributes &amp; more</a></li>",
            // A page with three sections lists them.
            "<nav class=\"toc\" aria-label=\"On this page\">\n<p>On this page</p>\n<ul>\n<li><a href=\"#one\">One</a></li>",
        ] {
            assert!(page.contains(part), "missing {part:?} in {page}");
        }
        // The skip link comes before every other link.
        assert!(
            page.find("class=\"skip\"") < page.find("<a href="),
            "{page}"
        );
    }

    #[test]
    fn the_site_nav_is_the_home_page_s_rebased() {
        let home = r#"<nav class="site-nav" aria-label="Site">
    <a href="./" aria-current="page">Home</a>
    <a href="study/">Study</a>
    <a href="docs/">Docs</a>
  </nav>"#;
        let nav = site_nav_from_home(home);
        let hrefs: Vec<_> = nav
            .iter()
            .map(|l| (l.href.as_str(), l.label.as_str()))
            .collect();
        assert_eq!(
            hrefs,
            vec![("./", "Home"), ("study/", "Study"), ("docs/", "Docs")]
        );
        let pages = render_docs(&[doc("index", "# Docs\n")], &nav).unwrap();
        let index = &pages.first().unwrap().html;
        assert!(index.contains("<a href=\"../\">Home</a>\n  <a href=\"../study/\">Study</a>\n  <a href=\"../docs/\" aria-current=\"page\">Docs</a>"), "{index}");
        assert_eq!(site_nav_from_home("<main></main>"), site());
    }
}
