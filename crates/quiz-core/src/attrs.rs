//! Reading the widget's attributes (`difficulty="easy,hard"`, `count="10"`, …). Every bad
//! value becomes an [`AttrError`] naming the attribute and what it accepts, which the widget
//! shows in place of the quiz.

use std::fmt;

use crate::model::{Difficulty, TopicInfo};
use crate::select::Count;

/// A bad attribute value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttrError {
    /// The attribute's name.
    pub attribute: &'static str,
    /// The value given.
    pub value: String,
    /// What it accepts.
    pub expected: String,
}

impl fmt::Display for AttrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}=\"{}\" is not valid: {}",
            self.attribute, self.value, self.expected
        )
    }
}

impl std::error::Error for AttrError {}

fn err(attribute: &'static str, value: &str, expected: impl Into<String>) -> AttrError {
    AttrError {
        attribute,
        value: value.to_string(),
        expected: expected.into(),
    }
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// `difficulty`: a comma list of easy, medium, hard (empty: all).
///
/// # Errors
/// An unknown difficulty.
pub fn difficulties(value: &str) -> Result<Vec<Difficulty>, AttrError> {
    let mut named = Vec::new();
    for part in list(value) {
        named.push(
            Difficulty::from_slug(&part.to_ascii_lowercase())
                .ok_or_else(|| err("difficulty", value, "a comma list of easy, medium, hard"))?,
        );
    }
    // In the fixed order, each once.
    Ok(Difficulty::ALL
        .into_iter()
        .filter(|d| named.contains(d))
        .collect())
}

/// How many questions a quiz has when the host does not say.
pub const DEFAULT_COUNT: Count = Count::Total(10);

/// `count`: `all`, a positive number, or `easy:5,medium:3,hard:2`; empty means
/// [`DEFAULT_COUNT`].
///
/// # Errors
/// Anything else.
pub fn count(value: &str) -> Result<Count, AttrError> {
    if value.trim().is_empty() {
        return Ok(DEFAULT_COUNT);
    }
    Count::parse(value).map_err(|why| {
        err(
            "count",
            value,
            format!("{why}; use all, a number like 10, or a mix like easy:5,medium:3,hard:2"),
        )
    })
}

/// `seed`: a whole number from 0 to 4294967295.
///
/// # Errors
/// Anything else.
pub fn seed(value: &str) -> Result<Option<u32>, AttrError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<u32>()
        .map(Some)
        .map_err(|_| err("seed", value, "a whole number from 0 to 4294967295"))
}

/// `topics`: a comma list of topic or category slugs of the bank.
///
/// # Errors
/// A slug that is neither a topic nor a category.
pub fn topics(value: &str, known: &[TopicInfo]) -> Result<Vec<String>, AttrError> {
    let mut out = Vec::new();
    for part in list(value) {
        let part = part.to_ascii_lowercase();
        if !known.iter().any(|t| t.slug == part || t.category == part) {
            let mut cats: Vec<&str> = known.iter().map(|t| t.category.as_str()).collect();
            cats.dedup();
            return Err(err(
                "topics",
                value,
                format!(
                    "\"{part}\" is not a topic or category; categories are {}",
                    cats.join(", ")
                ),
            ));
        }
        if !out.contains(&part) {
            out.push(part);
        }
    }
    Ok(out)
}

/// `ids`: a comma list of question ids, kept in order.
///
/// # Errors
/// An id that is not kebab-case.
pub fn ids(value: &str) -> Result<Vec<String>, AttrError> {
    list(value)
        .map(|id| {
            let ok = id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if ok {
                Ok(id.to_string())
            } else {
                Err(err(
                    "ids",
                    value,
                    "a comma list of question ids (kebab-case)",
                ))
            }
        })
        .collect()
}

/// `filters`: `visible` (default) or `hidden`; returns whether hidden.
///
/// # Errors
/// Anything else.
pub fn filters_hidden(value: &str) -> Result<bool, AttrError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "visible" | "shown" => Ok(false),
        "hidden" | "none" => Ok(true),
        _ => Err(err("filters", value, "visible or hidden")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difficulty_list_parses_and_names_bad_values() {
        assert_eq!(
            difficulties("hard, easy,hard"),
            Ok(vec![Difficulty::Easy, Difficulty::Hard])
        );
        assert_eq!(difficulties(""), Ok(vec![]));
        let e = difficulties("impossible").unwrap_err();
        assert_eq!(
            e.to_string(),
            "difficulty=\"impossible\" is not valid: a comma list of easy, medium, hard"
        );
    }

    #[test]
    fn count_seed_and_filters() {
        assert_eq!(count("20"), Ok(Count::Total(20)));
        assert_eq!(count(""), Ok(DEFAULT_COUNT));
        assert!(
            count("-3")
                .unwrap_err()
                .to_string()
                .starts_with("count=\"-3\"")
        );
        assert_eq!(seed("42"), Ok(Some(42)));
        assert_eq!(seed(""), Ok(None));
        assert!(seed("4294967296").is_err());
        assert!(seed("1.5").is_err());
        assert_eq!(filters_hidden("hidden"), Ok(true));
        assert!(filters_hidden("maybe").is_err());
    }

    #[test]
    fn topics_accept_topic_and_category_slugs_only() {
        let known = vec![TopicInfo {
            slug: "closures".into(),
            title: "C".into(),
            category: "functions".into(),
            counts: [1, 0, 0],
        }];
        assert_eq!(
            topics("closures,functions", &known),
            Ok(vec!["closures".into(), "functions".into()])
        );
        let e = topics("nope", &known).unwrap_err();
        assert!(
            e.to_string()
                .contains("\"nope\" is not a topic or category")
        );
    }

    #[test]
    fn ids_keep_order() {
        assert_eq!(ids("b-1, a"), Ok(vec!["b-1".to_string(), "a".to_string()]));
        assert!(ids("Bad Id!").is_err());
    }
}
