//! Helpers shared by the XML formats (Moodle XML, QTI 1.2):
//!
//! - [`parse`]: a whole XML document as a tree of [`Element`]s (text, CDATA sections and
//!   entity references merged into text; line endings normalised to `\n`), or an
//!   [`ImportError`] at `line L, column C` of the first fault;
//! - [`escape`] and [`cdata`]: escaping for writers;
//! - [`md_to_html`], [`md_inline_html`], [`code_html`]: our Markdown subset (see
//!   `quiz_core::markdown`) as HTML, every text HTML-escaped;
//! - [`html_to_blocks`] / [`blocks_to_md`] / [`html_to_md`]: HTML back to Markdown,
//!   conservatively: paragraphs, lists, `<pre>` → fences, `<code>` → backticks, `<em>`/`<i>`,
//!   `<strong>`/`<b>`; other tags are dropped with their text kept, and what that loses
//!   (links, images, tables) is reported.
//!
//! Element names are matched by local name (`qti:item` matches `item`).

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use quiz_core::markdown::{self, Block, Inline};

use crate::ImportError;

/// An XML element with its attributes (unescaped) and children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    /// The name as written, prefix included.
    pub(crate) name: String,
    /// Attributes in document order: (name as written, unescaped value).
    pub(crate) attrs: Vec<(String, String)>,
    /// Child elements and text, in document order.
    pub(crate) children: Vec<Node>,
    /// 1-based line of the start tag.
    pub(crate) line: usize,
    /// 1-based column (in characters) of the start tag.
    pub(crate) col: usize,
}

/// A child of an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Text: character data, CDATA sections and references, merged.
    Text(String),
}

/// `name` without its namespace prefix.
pub(crate) fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl Element {
    /// The local name (without a namespace prefix).
    pub(crate) fn local_name(&self) -> &str {
        local(&self.name)
    }

    /// The value of attribute `name` (matched by local name).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| local(n) == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements named `name`.
    pub(crate) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.local_name() == name)
    }

    /// The first child element named `name`.
    pub(crate) fn child<'a>(&'a self, name: &'a str) -> Option<&'a Element> {
        self.children_named(name).next()
    }

    /// The element at `path` below this one (`["questiontext", "text"]`), first match at
    /// each step.
    pub(crate) fn find<'a>(&'a self, path: &[&'a str]) -> Option<&'a Element> {
        let mut at = self;
        for name in path {
            at = at.child(name)?;
        }
        Some(at)
    }

    /// All text inside this element, descendants included, in document order.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        collect_text(self, &mut out);
        out
    }

    /// Where its start tag is: `line L, column C`.
    pub(crate) fn at(&self) -> String {
        format!("line {}, column {}", self.line, self.col)
    }
}

fn collect_text(e: &Element, out: &mut String) {
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => collect_text(c, out),
        }
    }
}

/// 1-based line and column (in characters) of byte `pos` of `text`.
pub(crate) fn line_col(text: &[u8], pos: usize) -> (usize, usize) {
    let before = text.get(..pos).unwrap_or(text);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let col = before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, col)
}

/// Lines and columns of byte positions met in increasing order, counted once (a document
/// has tens of thousands of elements: rescanning from the start would be quadratic).
#[derive(Default)]
struct Cursor {
    pos: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    fn at(&mut self, text: &[u8], pos: usize) -> (usize, usize) {
        if pos < self.pos || self.line == 0 {
            *self = Cursor {
                pos: 0,
                line: 1,
                col: 0,
            };
        }
        let pos = pos.min(text.len());
        for b in text.get(self.pos..pos).unwrap_or_default() {
            if *b == b'\n' {
                self.line += 1;
                self.col = 0;
            } else if (*b & 0xC0) != 0x80 {
                self.col += 1;
            }
        }
        self.pos = pos;
        (self.line, self.col + 1)
    }
}

fn error_at(text: &[u8], pos: usize, message: String) -> ImportError {
    let (line, col) = line_col(text, pos);
    ImportError {
        at: format!("line {line}, column {col}"),
        message,
    }
}

fn normalize_eol(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Parses a whole XML document (UTF-8, with or without a byte-order mark) into its root
/// element.
///
/// # Errors
/// Input that is not UTF-8 or not well-formed XML, with the line and column of the fault.
pub(crate) fn parse(bytes: &[u8]) -> Result<Element, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        error_at(
            bytes,
            e.valid_up_to(),
            "the file is not UTF-8 text (save it as UTF-8)".into(),
        )
    })?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut cursor = Cursor::default();
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let pos = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            error_at(bytes, pos, format!("not well-formed XML: {e}"))
        })?;
        match event {
            Event::Start(e) => stack.push(element(&e, bytes, start, &mut cursor)?),
            Event::Empty(e) => {
                let el = element(&e, bytes, start, &mut cursor)?;
                attach(el, &mut stack, &mut root, bytes, start)?;
            }
            Event::End(_) => {
                let Some(el) = stack.pop() else {
                    return Err(error_at(
                        bytes,
                        start,
                        "not well-formed XML: a closing tag without an opening tag".into(),
                    ));
                };
                attach(el, &mut stack, &mut root, bytes, start)?;
            }
            Event::Text(t) => {
                let s = t
                    .decode()
                    .map_err(|e| error_at(bytes, start, format!("not well-formed XML: {e}")))?;
                push_text(&normalize_eol(&s), &mut stack, bytes, start)?;
            }
            Event::CData(t) => {
                let s = t
                    .decode()
                    .map_err(|e| error_at(bytes, start, format!("not well-formed XML: {e}")))?;
                push_text(&normalize_eol(&s), &mut stack, bytes, start)?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.decode().map_err(|e| {
                            error_at(bytes, start, format!("not well-formed XML: {e}"))
                        })?;
                        match &*name {
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "amp" => "&".into(),
                            "apos" => "'".into(),
                            "quot" => "\"".into(),
                            other => {
                                return Err(error_at(
                                    bytes,
                                    start,
                                    format!(
                                        "not well-formed XML: unknown entity &{other}; \
                                         (XML knows only &lt; &gt; &amp; &apos; &quot; and &#N;)"
                                    ),
                                ));
                            }
                        }
                    }
                    Err(e) => {
                        return Err(error_at(bytes, start, format!("not well-formed XML: {e}")));
                    }
                };
                push_text(&resolved, &mut stack, bytes, start)?;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(ImportError {
            at: open.at(),
            message: format!(
                "not well-formed XML: <{}> is never closed (the file ends first)",
                open.name
            ),
        });
    }
    root.ok_or_else(|| ImportError {
        at: "line 1, column 1".into(),
        message: "not an XML document: no root element".into(),
    })
}

fn element(
    e: &BytesStart<'_>,
    bytes: &[u8],
    start: usize,
    cursor: &mut Cursor,
) -> Result<Element, ImportError> {
    let (line, col) = cursor.at(bytes, start);
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| {
            error_at(
                bytes,
                start,
                format!("not well-formed XML: in <{name}>: {err}"),
            )
        })?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|err| {
            error_at(
                bytes,
                start,
                format!("not well-formed XML: attribute {key} of <{name}>: {err}"),
            )
        })?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        line,
        col,
    })
}

fn attach(
    el: Element,
    stack: &mut [Element],
    root: &mut Option<Element>,
    bytes: &[u8],
    start: usize,
) -> Result<(), ImportError> {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(Node::Element(el));
        Ok(())
    } else if root.is_some() {
        Err(error_at(
            bytes,
            start,
            format!(
                "not well-formed XML: a second root element <{}> after the first one closed",
                el.name
            ),
        ))
    } else {
        *root = Some(el);
        Ok(())
    }
}

fn push_text(
    s: &str,
    stack: &mut [Element],
    bytes: &[u8],
    start: usize,
) -> Result<(), ImportError> {
    match stack.last_mut() {
        Some(parent) => {
            if let Some(Node::Text(t)) = parent.children.last_mut() {
                t.push_str(s);
            } else {
                parent.children.push(Node::Text(s.to_string()));
            }
            Ok(())
        }
        None if s.trim().is_empty() => Ok(()),
        None => Err(error_at(
            bytes,
            start,
            "not well-formed XML: text outside the root element".into(),
        )),
    }
}

/// Whether `c` may appear in an XML 1.0 document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// `s` escaped for XML text and attribute values (characters XML cannot hold are dropped).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as a CDATA section (a `]]>` inside is split across two sections; characters XML
/// cannot hold are dropped).
pub(crate) fn cdata(s: &str) -> String {
    let clean: String = s.chars().filter(|c| xml_char(*c)).collect();
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

// ---------------------------------------------------------------------------------------
// Markdown → HTML

/// `s` escaped for HTML text (`& < > "`; control characters as numeric references, which
/// keeps the HTML valid inside XML).
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' => out.push(c),
            c if !xml_char(c) || c == '\r' => out.push_str(&format!("&#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

fn inlines_html(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(s) => out.push_str(&escape_html(s)),
            Inline::Code(s) => {
                out.push_str("<code>");
                out.push_str(&escape_html(s));
                out.push_str("</code>");
            }
            Inline::Em(s) => {
                out.push_str("<em>");
                out.push_str(&escape_html(s));
                out.push_str("</em>");
            }
            Inline::Strong(s) => {
                out.push_str("<strong>");
                out.push_str(&escape_html(s));
                out.push_str("</strong>");
            }
        }
    }
}

/// Markdown (our subset) as HTML blocks: `<p>`, `<ul>`/`<ol>`, `<pre><code>`.
pub(crate) fn md_to_html(md: &str) -> String {
    let mut out = String::new();
    for block in markdown::parse(md) {
        match block {
            Block::Para(inlines) => {
                out.push_str("<p>");
                inlines_html(&inlines, &mut out);
                out.push_str("</p>");
            }
            Block::List(ordered, items) => {
                out.push_str(if ordered { "<ol>" } else { "<ul>" });
                for item in items {
                    out.push_str("<li>");
                    inlines_html(&item, &mut out);
                    out.push_str("</li>");
                }
                out.push_str(if ordered { "</ol>" } else { "</ul>" });
            }
            Block::Code(code) => out.push_str(&code_html(&code, None)),
        }
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// Markdown as HTML, without the `<p>` when it is a single paragraph (choices, feedback).
pub(crate) fn md_inline_html(md: &str) -> String {
    let blocks = markdown::parse(md);
    match blocks.as_slice() {
        [Block::Para(inlines)] => {
            let mut out = String::new();
            inlines_html(inlines, &mut out);
            out
        }
        _ => md_to_html(md),
    }
}

/// Code as `<pre><code>`, HTML-escaped, with `class="language-LANG"` when given.
pub(crate) fn code_html(code: &str, lang: Option<&str>) -> String {
    let class = lang.map_or(String::new(), |l| format!(" class=\"language-{l}\""));
    format!("<pre><code{class}>{}</code></pre>", escape_html(code))
}

// ---------------------------------------------------------------------------------------
// HTML → Markdown

/// A Markdown block read from HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MdBlock {
    /// A paragraph of inline Markdown.
    Para(String),
    /// A list (numbered when `true`) of inline Markdown items.
    List(bool, Vec<String>),
    /// Preformatted text, with the language of a `class="language-…"`, if any. The text
    /// has no trailing line breaks (a code field that ended with `\n` comes back without it).
    Code(String, Option<String>),
}

/// HTML converted to Markdown blocks, with what the conversion dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct HtmlMd {
    /// The blocks.
    pub(crate) blocks: Vec<MdBlock>,
    /// What was dropped (`"links"`, `"images"`, `"tables"`, `"nested lists"`), each once.
    pub(crate) lost: Vec<&'static str>,
}

impl HtmlMd {
    fn lose(&mut self, what: &'static str) {
        if !self.lost.contains(&what) {
            self.lost.push(what);
        }
    }
}

/// One token of HTML.
#[derive(Debug)]
enum Tok {
    Open(String, Vec<(String, String)>, bool),
    Close(String),
    Text(String),
}

/// Decodes HTML character references (named ones for the usual characters, numeric ones).
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i..).unwrap_or_default();
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| {
            let name = after.get(1..j)?;
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)?
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)?
            } else {
                match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" | "#39" => '\'',
                    "nbsp" => ' ',
                    "ndash" => '–',
                    "mdash" => '—',
                    "hellip" => '…',
                    "lsquo" => '‘',
                    "rsquo" => '’',
                    "ldquo" => '“',
                    "rdquo" => '”',
                    "laquo" => '«',
                    "raquo" => '»',
                    "times" => '×',
                    "copy" => '©',
                    _ => return None,
                }
            };
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(if c == '\u{a0}' { ' ' } else { c });
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn tokenize(html: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        text.push_str(rest.get(..i).unwrap_or_default());
        let at = rest.get(i..).unwrap_or_default();
        let next = at.chars().nth(1);
        if at.starts_with("<!--") {
            let end = at.find("-->").map_or(at.len(), |j| j + 3);
            rest = at.get(end..).unwrap_or_default();
            continue;
        }
        let is_tag =
            matches!(next, Some(c) if c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        if !is_tag {
            text.push('<');
            rest = at.get(1..).unwrap_or_default();
            continue;
        }
        let Some(end) = tag_end(at) else {
            // An unclosed `<`: the rest is text.
            text.push_str(at);
            rest = "";
            break;
        };
        let inner = at.get(1..end).unwrap_or_default();
        rest = at.get(end + 1..).unwrap_or_default();
        if !text.is_empty() {
            toks.push(Tok::Text(decode_entities(&std::mem::take(&mut text))));
        }
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        if let Some(name) = inner.strip_prefix('/') {
            toks.push(Tok::Close(name.trim().to_ascii_lowercase()));
            continue;
        }
        let self_closing = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let name_len = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = inner
            .get(..name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let attrs = parse_attrs(inner.get(name_len..).unwrap_or_default());
        // Raw text elements: their content is not HTML.
        if matches!(name.as_str(), "script" | "style") && !self_closing {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let end = lower.find(&close).unwrap_or(rest.len());
            let after = rest.get(end..).unwrap_or_default();
            rest = after
                .find('>')
                .map_or("", |j| after.get(j + 1..).unwrap_or_default());
            continue;
        }
        toks.push(Tok::Open(name, attrs, self_closing));
    }
    text.push_str(rest);
    if !text.is_empty() {
        toks.push(Tok::Text(decode_entities(&text)));
    }
    toks
}

/// The index of the `>` closing the tag that `at` starts with (quotes respected).
fn tag_end(at: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in at.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, _) => {}
        }
    }
    None
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = rest
            .get(..name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        rest = rest.get(name_len..).unwrap_or_default().trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = after.get(1..).unwrap_or_default();
                let end = body.find(q).unwrap_or(body.len());
                value = decode_entities(body.get(..end).unwrap_or_default());
                rest = body.get(end + 1..).unwrap_or_default();
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                value = decode_entities(after.get(..end).unwrap_or_default());
                rest = after.get(end..).unwrap_or_default();
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        } else {
            // A stray character: skip it.
            let mut chars = rest.chars();
            chars.next();
            rest = chars.as_str();
        }
        rest = rest.trim_start();
    }
    attrs
}

/// An inline span being collected: `code`, `em` or `strong`, or a list item.
struct Span {
    kind: &'static str,
    text: String,
}

/// Collapses whitespace that contains a line break or tab into one space (plain spaces are
/// kept as written: they are what an author typed).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(if c == '\u{a0}' { ' ' } else { c });
        } else {
            if !run.is_empty() {
                if run.chars().all(|r| r == ' ') {
                    out.push_str(&run);
                } else {
                    out.push(' ');
                }
                run.clear();
            }
            out.push(c);
        }
    }
    if !run.is_empty() {
        out.push(' ');
    }
    out
}

/// Wraps `inner` in `mark` when our Markdown reads it back as that span; else plain text.
/// Surrounding spaces move outside the marks.
fn marked(mark: &str, inner: &str) -> String {
    let span = |s: &str| match mark {
        "`" => Inline::Code(s.to_string()),
        "**" => Inline::Strong(s.to_string()),
        _ => Inline::Em(s.to_string()),
    };
    // Exactly as written when our Markdown reads it back (code spans keep their spaces).
    let exact = format!("{mark}{inner}{mark}");
    if markdown::inlines(&exact) == vec![span(inner)] {
        return exact;
    }
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let core = inner.trim();
    if core.is_empty() {
        return inner.to_string();
    }
    let candidate = format!("{mark}{core}{mark}");
    let text = if markdown::inlines(&candidate) == vec![span(core)] {
        candidate
    } else {
        core.to_string()
    };
    format!(
        "{}{text}{}",
        " ".repeat(lead.min(1)),
        " ".repeat(trail.min(1))
    )
}

/// Converts HTML to Markdown blocks (see the module docs for what is kept).
pub(crate) fn html_to_blocks(html: &str) -> HtmlMd {
    let mut out = HtmlMd::default();
    let mut para = String::new();
    // Open lists: (ordered, items); the item being written is in `item`.
    let mut lists: Vec<(bool, Vec<String>)> = Vec::new();
    let mut item: Option<String> = None;
    let mut spans: Vec<Span> = Vec::new();
    // Inside <pre>: the text so far and the language.
    let mut pre: Option<(String, Option<String>)> = None;

    fn flush_para(para: &mut String, out: &mut HtmlMd) {
        let text = para.trim().to_string();
        para.clear();
        if !text.is_empty() {
            out.blocks.push(MdBlock::Para(text));
        }
    }
    // Where inline text goes: the innermost span, the list item, or the paragraph.
    fn sink<'a>(
        spans: &'a mut [Span],
        item: &'a mut Option<String>,
        para: &'a mut String,
    ) -> &'a mut String {
        if let Some(s) = spans.last_mut() {
            &mut s.text
        } else if let Some(i) = item.as_mut() {
            i
        } else {
            para
        }
    }

    for tok in tokenize(html) {
        if let Some((text, lang)) = pre.as_mut() {
            match tok {
                Tok::Text(t) => text.push_str(&normalize_eol(&t)),
                Tok::Open(name, attrs, _) => match name.as_str() {
                    "br" => text.push('\n'),
                    "code" if lang.is_none() => {
                        *lang = language(&attrs);
                    }
                    _ => {}
                },
                Tok::Close(name) if name == "pre" => {
                    let (text, lang) = pre.take().unwrap_or_default();
                    out.blocks.push(MdBlock::Code(pre_text(&text), lang));
                }
                Tok::Close(_) => {}
            }
            continue;
        }
        match tok {
            Tok::Text(t) => {
                // Kept as written (only line breaks and tabs collapse): leading and trailing
                // spaces of paragraphs and items are trimmed when they end.
                sink(&mut spans, &mut item, &mut para).push_str(&collapse(&t));
            }
            Tok::Open(name, attrs, self_closing) => match name.as_str() {
                "pre" => {
                    close_spans(&mut spans, &mut item, &mut para);
                    flush_para(&mut para, &mut out);
                    if !self_closing {
                        pre = Some((String::new(), language(&attrs)));
                    }
                }
                "ul" | "ol" => {
                    close_spans(&mut spans, &mut item, &mut para);
                    flush_para(&mut para, &mut out);
                    if !lists.is_empty() {
                        out.lose("nested lists");
                        // Items of a nested list join the outer list.
                        if let (Some(i), Some((_, items))) = (item.take(), lists.last_mut()) {
                            if !i.trim().is_empty() {
                                items.push(i.trim().to_string());
                            }
                        }
                    }
                    lists.push((name == "ol", Vec::new()));
                }
                "li" => {
                    close_spans(&mut spans, &mut item, &mut para);
                    if lists.is_empty() {
                        flush_para(&mut para, &mut out);
                        lists.push((false, Vec::new()));
                    }
                    finish_item(&mut item, &mut lists);
                    item = Some(String::new());
                }
                "code" | "tt" | "kbd" | "samp" => spans.push(Span {
                    kind: "`",
                    text: String::new(),
                }),
                "em" | "i" | "cite" | "var" => spans.push(Span {
                    kind: "*",
                    text: String::new(),
                }),
                "strong" | "b" => spans.push(Span {
                    kind: "**",
                    text: String::new(),
                }),
                "br" => {
                    if item.is_some() || !spans.is_empty() {
                        sink(&mut spans, &mut item, &mut para).push(' ');
                    } else {
                        flush_para(&mut para, &mut out);
                    }
                }
                "img" => out.lose("images"),
                "a" if attrs.iter().any(|(n, v)| n == "href" && !v.is_empty()) => {
                    out.lose("links");
                }
                "table" => {
                    close_spans(&mut spans, &mut item, &mut para);
                    flush_para(&mut para, &mut out);
                    out.lose("tables");
                }
                "td" | "th" => sink(&mut spans, &mut item, &mut para).push(' '),
                "sub" | "sup" => out.lose("subscripts and superscripts"),
                n if is_block(n) => {
                    if item.is_some() {
                        sink(&mut spans, &mut item, &mut para).push(' ');
                    } else {
                        close_spans(&mut spans, &mut item, &mut para);
                        flush_para(&mut para, &mut out);
                    }
                }
                _ => {}
            },
            Tok::Close(name) => match name.as_str() {
                "code" | "tt" | "kbd" | "samp" => close_span("`", &mut spans, &mut item, &mut para),
                "em" | "i" | "cite" | "var" => close_span("*", &mut spans, &mut item, &mut para),
                "strong" | "b" => close_span("**", &mut spans, &mut item, &mut para),
                "li" => {
                    close_spans(&mut spans, &mut item, &mut para);
                    finish_item(&mut item, &mut lists);
                }
                "ul" | "ol" => {
                    close_spans(&mut spans, &mut item, &mut para);
                    finish_item(&mut item, &mut lists);
                    if let Some((ordered, items)) = lists.pop() {
                        if let Some((_, outer)) = lists.last_mut() {
                            outer.extend(items);
                        } else if !items.is_empty() {
                            out.blocks.push(MdBlock::List(ordered, items));
                        }
                    }
                }
                n if is_block(n) || n == "table" => {
                    if item.is_some() {
                        sink(&mut spans, &mut item, &mut para).push(' ');
                    } else {
                        close_spans(&mut spans, &mut item, &mut para);
                        flush_para(&mut para, &mut out);
                    }
                }
                _ => {}
            },
        }
    }
    if let Some((text, lang)) = pre.take() {
        out.blocks.push(MdBlock::Code(pre_text(&text), lang));
    }
    close_spans(&mut spans, &mut item, &mut para);
    finish_item(&mut item, &mut lists);
    while let Some((ordered, items)) = lists.pop() {
        if let Some((_, outer)) = lists.last_mut() {
            outer.extend(items);
        } else if !items.is_empty() {
            out.blocks.push(MdBlock::List(ordered, items));
        }
    }
    flush_para(&mut para, &mut out);
    out
}

/// The text of a `<pre>`: without the newline right after `<pre>` (HTML's rule) and
/// without trailing line breaks.
fn pre_text(text: &str) -> String {
    text.strip_prefix('\n')
        .unwrap_or(text)
        .trim_end_matches('\n')
        .to_string()
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "hr"
            | "tr"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "figcaption"
    )
}

fn language(attrs: &[(String, String)]) -> Option<String> {
    attrs
        .iter()
        .filter(|(n, _)| n == "class")
        .flat_map(|(_, v)| v.split_whitespace())
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .map(str::to_string)
}

fn finish_item(item: &mut Option<String>, lists: &mut [(bool, Vec<String>)]) {
    if let Some(i) = item.take() {
        let i = i.trim().to_string();
        if let (false, Some((_, items))) = (i.is_empty(), lists.last_mut()) {
            items.push(i);
        }
    }
}

fn close_span(kind: &str, spans: &mut Vec<Span>, item: &mut Option<String>, para: &mut String) {
    if spans.iter().any(|s| s.kind == kind) {
        while let Some(span) = spans.pop() {
            let done = span.kind == kind;
            emit_span(span, spans, item, para);
            if done {
                break;
            }
        }
    }
}

fn close_spans(spans: &mut Vec<Span>, item: &mut Option<String>, para: &mut String) {
    while let Some(span) = spans.pop() {
        emit_span(span, spans, item, para);
    }
}

/// Writes a finished span into its parent: marked up at the outermost level, plain inside
/// another span (our Markdown does not nest).
fn emit_span(span: Span, spans: &mut [Span], item: &mut Option<String>, para: &mut String) {
    let text = if spans.is_empty() {
        marked(span.kind, &span.text)
    } else {
        span.text
    };
    let target = if let Some(s) = spans.last_mut() {
        &mut s.text
    } else if let Some(i) = item.as_mut() {
        i
    } else {
        para
    };
    target.push_str(&text);
}

/// Markdown blocks as Markdown text.
pub(crate) fn blocks_to_md(blocks: &[MdBlock]) -> String {
    let mut parts = Vec::new();
    for b in blocks {
        parts.push(match b {
            MdBlock::Para(s) => s.clone(),
            MdBlock::List(ordered, items) => items
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    if *ordered {
                        format!("{}. {t}", i + 1)
                    } else {
                        format!("- {t}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            MdBlock::Code(code, _) => {
                if code.is_empty() {
                    "```\n```".to_string()
                } else {
                    format!("```\n{code}\n```")
                }
            }
        });
    }
    parts.join("\n\n")
}

/// HTML as Markdown (see [`html_to_blocks`]), with what was dropped. (Moodle splits the
/// blocks itself to find the question's code; QTI can take the whole.)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn html_to_md(html: &str) -> (String, Vec<&'static str>) {
    let converted = html_to_blocks(html);
    (blocks_to_md(&converted.blocks), converted.lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_tree_with_cdata_entities_and_positions() {
        let xml = "<?xml version=\"1.0\"?>\n<quiz>\n  <question type=\"a&amp;b\">\n    <text><![CDATA[<p>x]]>&lt;&#65;</text>\n  </question>\n</quiz>\n";
        let root = parse(xml.as_bytes()).unwrap();
        assert_eq!(root.name, "quiz");
        let q = root.child("question").unwrap();
        assert_eq!(q.attr("type"), Some("a&b"));
        assert_eq!((q.line, q.col), (3, 3));
        assert_eq!(q.find(&["text"]).unwrap().text(), "<p>x<A");
    }

    #[test]
    fn malformed_xml_gives_line_and_column() {
        let err = parse(b"<quiz>\n  <question>\n  </quiz>\n").unwrap_err();
        assert!(err.at.starts_with("line 3, column"), "{err}");
        let err = parse(b"<quiz>\n  <question>\n").unwrap_err();
        assert_eq!(err.at, "line 2, column 3", "{err}");
        assert!(err.message.contains("<question> is never closed"), "{err}");
        let err = parse(b"<quiz>&nbsp;</quiz>").unwrap_err();
        assert!(err.message.contains("unknown entity &nbsp;"), "{err}");
        let err = parse(b"").unwrap_err();
        assert!(err.message.contains("no root element"), "{err}");
        let err = parse(b"<a/>\n<b/>").unwrap_err();
        assert_eq!(err.at, "line 2, column 1", "{err}");
        let err = parse(b"<a>\xff</a>").unwrap_err();
        assert!(err.message.contains("UTF-8"), "{err}");
    }

    #[test]
    fn cdata_survives_its_own_terminator() {
        let doc = format!("<t>{}</t>", cdata("a]]>b"));
        assert_eq!(parse(doc.as_bytes()).unwrap().text(), "a]]>b");
    }

    #[test]
    fn markdown_to_html_escapes_and_keeps_code() {
        let html = md_to_html("Is `a < b` **true**?\n\n```\nif a < b:\n    print(\"&\")\n```");
        assert_eq!(
            html,
            "<p>Is <code>a &lt; b</code> <strong>true</strong>?</p>\n<pre><code>if a &lt; b:\n    print(&quot;&amp;&quot;)</code></pre>"
        );
        assert_eq!(md_inline_html("just *this*"), "just <em>this</em>");
    }

    #[test]
    fn markdown_round_trips_through_html() {
        for md in [
            "Is `a < b` **true** and *not* f(*args)?",
            "One.\n\n- a `x`\n- b\n\n1. c\n2. d\n\n```\n  x = 1\n\n  y  = 2\n```\n\nAfter  two spaces.",
            "Tom & Jerry <tag> \"quoted\" 'single'",
        ] {
            let back = html_to_md(&md_to_html(md)).0;
            assert_eq!(
                markdown::parse(&back),
                markdown::parse(md),
                "{md:?} → {back:?}"
            );
        }
    }

    #[test]
    fn hand_written_html_becomes_conservative_markdown() {
        let (md, lost) = html_to_md(
            "<p>Which is\n   <b>right</b>?<br>Pick one.</p><ul><li><p>a</p></li><li>b <a href=\"x\">link</a></li></ul>\
             <pre>x = 1\n</pre><p>&nbsp;<img src=\"a.png\"> <i> spaced </i></p><script>alert(1)</script>",
        );
        assert_eq!(
            md,
            "Which is **right**?\n\nPick one.\n\n- a\n- b link\n\n```\nx = 1\n```\n\n*spaced*"
        );
        assert_eq!(lost, vec!["links", "images"]);
    }

    #[test]
    fn nested_spans_do_not_nest_markdown() {
        let (md, _) = html_to_md("<strong>a <em>b</em> c</strong> and <code>x`y</code>");
        assert_eq!(md, "**a b c** and x`y");
    }
}
