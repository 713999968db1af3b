//! The small Markdown subset of prompts, choices and explanations: paragraphs, `-`/`1.`
//! lists, ``` fences, `code`, *em* and **strong**. Everything else is text, and text is
//! never HTML: renderers put it in text nodes.

/// A block of Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bulleted (`false`) or numbered (`true`) list of items.
    List(bool, Vec<Vec<Inline>>),
    /// A fenced code block (language tag dropped).
    Code(String),
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `code`.
    Code(String),
    /// *emphasis*.
    Em(String),
    /// **strong**.
    Strong(String),
}

/// Parses `src` into blocks.
pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut lines = src.lines();
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Para(inlines(&para.join(" "))));
            para.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List(
                ordered,
                items.iter().map(|i| inlines(i)).collect(),
            ));
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                code.push(l);
            }
            blocks.push(Block::Code(code.join("\n")));
        } else if trimmed.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
        } else if let Some((ordered, item)) = list_item(trimmed) {
            flush_para(&mut para, &mut blocks);
            match &mut list {
                Some((o, items)) if *o == ordered => items.push(item.to_string()),
                _ => {
                    flush_list(&mut list, &mut blocks);
                    list = Some((ordered, vec![item.to_string()]));
                }
            }
        } else if let (Some((_, items)), true) = (&mut list, line.starts_with("  ")) {
            // An indented line continues the last item.
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            flush_list(&mut list, &mut blocks);
            para.push(trimmed);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line.get(digits..)?;
    (digits > 0)
        .then(|| rest.strip_prefix(". ").map(|r| (true, r)))
        .flatten()
}

/// Parses inline Markdown: `code`, **strong**, *em*. Unclosed markers stay text.
pub fn inlines(src: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        let span = match c {
            '`' => closed(rest, "`").map(|(inner, after)| (Inline::Code(inner.to_string()), after)),
            '*' if rest.starts_with("**") => {
                closed(rest, "**").map(|(inner, after)| (Inline::Strong(inner.to_string()), after))
            }
            '*' => closed(rest, "*").map(|(inner, after)| (Inline::Em(inner.to_string()), after)),
            _ => None,
        };
        match span {
            Some((inline, after)) => {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(inline);
                rest = after;
            }
            None => {
                text.push(c);
                rest = rest.get(c.len_utf8()..).unwrap_or("");
            }
        }
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// For `rest` starting with `mark`, the text up to the closing `mark` and what follows it.
fn closed<'a>(rest: &'a str, mark: &str) -> Option<(&'a str, &'a str)> {
    let body = rest.get(mark.len()..)?;
    let end = body.find(mark)?;
    let inner = body.get(..end)?;
    let emphasis = mark != "`";
    if inner.is_empty() || (emphasis && (inner.starts_with(' ') || inner.ends_with(' '))) {
        return None;
    }
    Some((inner, body.get(end + mark.len()..)?))
}

/// The text of inlines without markup, for labels and plain-text contexts.
pub fn plain(src: &str) -> String {
    inlines(src)
        .into_iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Code(s) | Inline::Em(s) | Inline::Strong(s) => s,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    #[test]
    fn inline_code_emphasis_and_strong() {
        assert_eq!(
            inlines("use `x < y` and *not* **this**"),
            vec![
                Text("use ".into()),
                Code("x < y".into()),
                Text(" and ".into()),
                Em("not".into()),
                Text(" ".into()),
                Strong("this".into())
            ]
        );
    }

    #[test]
    fn unclosed_or_spaced_markers_stay_text() {
        assert_eq!(
            inlines("a * b * c and `tick"),
            vec![Text("a * b * c and `tick".into())]
        );
        assert_eq!(inlines("f(*args)"), vec![Text("f(*args)".into())]);
    }

    #[test]
    fn html_looking_text_is_just_text() {
        assert_eq!(
            parse("<script>alert(1)</script> & co"),
            vec![Block::Para(vec![Text(
                "<script>alert(1)</script> & co".into()
            )])]
        );
    }

    #[test]
    fn blocks_paragraphs_lists_and_fences() {
        let md = "First line\ncontinues.\n\n- one\n- `two`\n\n1. a\n2. b\n\n```python\nif x:\n    y()\n```\nAfter.";
        let blocks = parse(md);
        assert_eq!(blocks.len(), 5);
        assert_eq!(
            blocks[0],
            Block::Para(vec![Text("First line continues.".into())])
        );
        assert_eq!(
            blocks[1],
            Block::List(
                false,
                vec![vec![Text("one".into())], vec![Code("two".into())]]
            )
        );
        assert!(matches!(&blocks[2], Block::List(true, items) if items.len() == 2));
        assert_eq!(
            blocks[3],
            Block::Code("if x:\n    y()".into()),
            "indentation kept"
        );
        assert_eq!(blocks[4], Block::Para(vec![Text("After.".into())]));
    }

    #[test]
    fn plain_strips_markup() {
        assert_eq!(plain("the `__slots__` *trick*"), "the __slots__ trick");
    }
}
