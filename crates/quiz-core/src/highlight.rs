//! A small Python tokenizer for syntax highlighting: keywords, builtins, strings, numbers,
//! comments and decorators. Good enough to colour 15-line snippets; it never fails, and the
//! spans always concatenate back to the input.

/// What a span of code is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// Anything without a colour of its own.
    Plain,
    /// `def`, `class`, `return`, …
    Keyword,
    /// `print`, `len`, `True`, `None`, …
    Builtin,
    /// String and bytes literals, prefixes included.
    Str,
    /// Numeric literals.
    Number,
    /// `# …` to the end of the line.
    Comment,
    /// `@name` at the start of a line.
    Decorator,
}

impl Token {
    /// The CSS class suffix used by renderers (`tok-kw`, …); empty for plain text.
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "",
            Token::Keyword => "tok-kw",
            Token::Builtin => "tok-bi",
            Token::Str => "tok-str",
            Token::Number => "tok-num",
            Token::Comment => "tok-com",
            Token::Decorator => "tok-dec",
        }
    }
}

const KEYWORDS: &str = "and as assert async await break class continue def del elif else except \
finally for from global if import in is lambda nonlocal not or pass raise return try while with \
yield match case";
const BUILTINS: &str = "True False None print len range list dict set tuple str int float bool \
type object super isinstance enumerate zip map filter sorted reversed sum min max any all iter \
next open repr id hash self cls bytes frozenset getattr setattr hasattr callable property \
staticmethod classmethod abs round divmod";

/// Splits `code` into coloured spans.
pub fn tokens(code: &str) -> Vec<(Token, &str)> {
    let mut out: Vec<(Token, &str)> = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let rest = code.get(i..).unwrap_or("");
        let c = rest.chars().next().unwrap_or(' ');
        let (token, len) = if c == '#' {
            (Token::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some(len) = string_len(rest) {
            (Token::Str, len)
        } else if c.is_ascii_digit() {
            (
                Token::Number,
                rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_'))
                    .unwrap_or(rest.len()),
            )
        } else if c == '@' && line_start {
            (Token::Decorator, 1 + ident_len(rest.get(1..).unwrap_or("")))
        } else if c.is_alphabetic() || c == '_' {
            let len = ident_len(rest);
            let word = rest.get(..len).unwrap_or("");
            let token = if KEYWORDS.split(' ').any(|k| k == word) {
                Token::Keyword
            } else if BUILTINS.split_whitespace().any(|b| b == word) {
                Token::Builtin
            } else {
                Token::Plain
            };
            (token, len)
        } else {
            (Token::Plain, c.len_utf8())
        };
        let len = len.max(1);
        let text = code.get(i..i + len).unwrap_or(rest);
        if !c.is_whitespace() {
            line_start = false;
        }
        if c == '\n' {
            line_start = true;
        }
        match out.last_mut() {
            Some((Token::Plain, prev)) if token == Token::Plain => {
                let start = i - prev.len();
                *prev = code.get(start..i + len).unwrap_or(prev);
            }
            _ => out.push((token, text)),
        }
        i += len;
    }
    out
}

fn ident_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len())
}

/// Length of the string literal `s` starts with (prefix included), if it starts with one.
fn string_len(s: &str) -> Option<usize> {
    let prefix = s.find(['\'', '"'])?;
    let p = s.get(..prefix)?;
    if p.len() > 2 || !p.chars().all(|c| "rRbBfFuU".contains(c)) {
        return None;
    }
    let body = s.get(prefix..)?;
    let quote = body.get(..1)?;
    let triple = quote.repeat(3);
    let raw = p.contains(['r', 'R']);
    let (open, close): (&str, &str) = if body.starts_with(&triple) {
        (&triple, &triple)
    } else {
        (quote, quote)
    };
    let mut j = open.len();
    let b = body.as_bytes();
    while j < b.len() {
        if !raw && b.get(j) == Some(&b'\\') {
            j += 2;
            continue;
        }
        if body.get(j..).is_some_and(|r| r.starts_with(close)) {
            return Some(prefix + j + close.len());
        }
        if close.len() == 1 && b.get(j) == Some(&b'\n') {
            return Some(prefix + j);
        }
        j += 1;
    }
    Some(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(code: &str) -> Vec<(Token, &str)> {
        tokens(code)
            .into_iter()
            .filter(|(t, _)| *t != Token::Plain)
            .collect()
    }

    #[test]
    fn colours_the_parts_of_a_snippet() {
        let code = "@cache\ndef f(x=1):  # note\n    return f\"{x}\" + 'a\\'b' + len(x)\n";
        assert_eq!(
            kinds(code),
            vec![
                (Token::Decorator, "@cache"),
                (Token::Keyword, "def"),
                (Token::Number, "1"),
                (Token::Comment, "# note"),
                (Token::Keyword, "return"),
                (Token::Str, "f\"{x}\""),
                (Token::Str, "'a\\'b'"),
                (Token::Builtin, "len"),
            ]
        );
    }

    #[test]
    fn spans_rebuild_the_input_exactly_even_when_broken() {
        for code in [
            "x = '''open",
            "s = \"a\nb\"",
            "a @ b",
            "é = 'ü' # ñ",
            "rb'\\d' + 0x1F",
        ] {
            let joined: String = tokens(code).iter().map(|(_, s)| *s).collect();
            assert_eq!(joined, code);
        }
    }

    #[test]
    fn identifiers_with_keyword_prefixes_are_not_keywords() {
        assert_eq!(kinds("format = iffy"), vec![]);
    }
}
