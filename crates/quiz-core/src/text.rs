//! How typed answers are compared: one place, used by grading and by validation.

/// Normalises printed output for comparison: `\r\n` and `\r` become `\n`, trailing spaces and
/// tabs are dropped from every line, and trailing blank lines are dropped. Case is kept.
pub fn normalize_output(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified
        .split('\n')
        .map(|l| l.trim_end_matches([' ', '\t']))
        .collect();
    lines.join("\n").trim_end_matches('\n').to_string()
}

/// Normalises a short typed answer: surrounding whitespace dropped, inner runs of whitespace
/// collapsed to one space, lower-cased.
pub fn normalize_text(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_ignores_line_endings_and_trailing_space_but_keeps_case() {
        assert_eq!(normalize_output("A b  \r\nc\r\n\r\n"), "A b\nc");
        assert_ne!(normalize_output("True"), normalize_output("true"));
        assert_ne!(
            normalize_output(" x"),
            normalize_output("x"),
            "leading space is output"
        );
    }

    #[test]
    fn text_ignores_case_and_surrounding_whitespace() {
        assert_eq!(normalize_text("  __Init__ \n"), "__init__");
        assert_eq!(normalize_text("dict  comprehension"), "dict comprehension");
    }
}
