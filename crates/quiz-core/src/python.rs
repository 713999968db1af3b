//! The CPython versions a question holds for: `python = ">=3.12"` in a bank file. The widget
//! shows a badge from it and the checker runs a question's code only on matching versions.

use std::cmp::Ordering;
use std::fmt;

/// A comparison of one clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Op {
    /// `>=`
    AtLeast,
    /// `<`
    Below,
    /// `<=`
    AtMost,
    /// `==`
    Exactly,
}

impl Op {
    /// Longest first, so `<=` is not read as `<`.
    const ALL: [(&'static str, Op); 4] = [
        (">=", Op::AtLeast),
        ("<=", Op::AtMost),
        ("==", Op::Exactly),
        ("<", Op::Below),
    ];

    fn as_str(self) -> &'static str {
        match self {
            Op::AtLeast => ">=",
            Op::Below => "<",
            Op::AtMost => "<=",
            Op::Exactly => "==",
        }
    }
}

/// A `major.minor` CPython version.
type Version = (u32, u32);

/// A CPython version range: comma-separated clauses of `>=`, `<`, `<=` or `==` with
/// `major.minor` versions, all of which must hold (`">=3.11,<3.13"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PythonRange {
    clauses: Vec<(Op, Version)>,
}

impl PythonRange {
    /// Parses `">=3.12"` or `">=3.11,<3.13"` (spaces around clauses and operators allowed).
    ///
    /// # Errors
    /// A message naming the clause that is wrong, or saying that no version matches.
    pub fn parse(s: &str) -> Result<PythonRange, String> {
        if s.trim().is_empty() {
            return Err("it is empty; write e.g. \">=3.12\"".into());
        }
        let mut clauses = Vec::new();
        for clause in s.split(',').map(str::trim) {
            if clause.is_empty() {
                return Err("it has an empty clause between commas".into());
            }
            let Some((op, rest)) = Op::ALL
                .iter()
                .find_map(|(text, op)| clause.strip_prefix(text).map(|rest| (*op, rest)))
            else {
                return Err(format!(
                    "clause \"{clause}\" does not start with >=, <, <= or ==, as in \">=3.12\""
                ));
            };
            let version = parse_version(rest.trim()).ok_or_else(|| {
                format!(
                    "in clause \"{clause}\", \"{}\" is not a major.minor version such as 3.12",
                    rest.trim()
                )
            })?;
            clauses.push((op, version));
        }
        let range = PythonRange { clauses };
        let (lo, hi) = range.bounds();
        if hi.is_some_and(|hi| lo >= hi) {
            return Err("it matches no Python version".into());
        }
        Ok(range)
    }

    /// Whether CPython `major.minor` is in the range (`matches((3, 12))`).
    pub fn matches(&self, version: (u32, u32)) -> bool {
        self.clauses.iter().all(|(op, v)| match op {
            Op::AtLeast => version >= *v,
            Op::Below => version < *v,
            Op::AtMost => version <= *v,
            Op::Exactly => version == *v,
        })
    }

    /// The range as one interval: lowest matching version (inclusive) and the first version
    /// past it (exclusive, `None` when unbounded).
    fn bounds(&self) -> (Version, Option<Version>) {
        let mut lo: Version = (0, 0);
        let mut hi: Option<Version> = None;
        let mut below = |v: Version| {
            hi = Some(hi.map_or(v, |h| h.min(v)));
        };
        for &(op, v) in &self.clauses {
            let next = (v.0, v.1.saturating_add(1));
            match op {
                Op::AtLeast => lo = lo.max(v),
                Op::Below => below(v),
                Op::AtMost => below(next),
                Op::Exactly => {
                    lo = lo.max(v);
                    below(next);
                }
            }
        }
        (lo, hi)
    }

    /// A short, language-neutral label for a badge: `3.12+`, `3.11–3.12`, `3.12`, `≤3.12`,
    /// or the range itself when it has no simpler form.
    pub fn label(&self) -> String {
        let (lo, hi) = self.bounds();
        // The last version inside the range, when the range ends inside the same major.
        let last = hi.and_then(|(major, minor)| minor.checked_sub(1).map(|m| (major, m)));
        let show = |v: Version| format!("{}.{}", v.0, v.1);
        match (lo, hi, last) {
            (lo, None, _) if lo != (0, 0) => format!("{}+", show(lo)),
            ((0, 0), Some(_), Some(last)) => format!("≤{}", show(last)),
            (lo, Some(_), Some(last)) if lo.0 == last.0 => match lo.cmp(&last) {
                Ordering::Equal => show(lo),
                _ => format!("{}–{}", show(lo), show(last)),
            },
            _ => self.to_string(),
        }
    }
}

fn parse_version(s: &str) -> Option<Version> {
    let (major, minor) = s.split_once('.')?;
    let number = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    Some((number(major)?, number(minor)?))
}

impl fmt::Display for PythonRange {
    /// The canonical text: clauses in authored order, comma-separated, no spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (op, (major, minor))) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{}{major}.{minor}", op.as_str())?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PythonRange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(s: &str) -> PythonRange {
        PythonRange::parse(s).unwrap()
    }

    #[test]
    fn versions_match_each_operator() {
        let at_least = range(">=3.12");
        assert!(!at_least.matches((3, 11)));
        assert!(at_least.matches((3, 12)));
        assert!(at_least.matches((3, 13)));
        assert!(at_least.matches((4, 0)));
        let below = range("<3.13");
        assert!(below.matches((3, 12)));
        assert!(!below.matches((3, 13)));
        let at_most = range("<=3.12");
        assert!(at_most.matches((3, 12)));
        assert!(!at_most.matches((3, 13)));
        let exactly = range("==3.12");
        assert!(exactly.matches((3, 12)));
        assert!(!exactly.matches((3, 11)) && !exactly.matches((3, 13)));
        // Numeric, not textual: 3.9 < 3.10.
        assert!(!range(">=3.10").matches((3, 9)));
    }

    #[test]
    fn all_clauses_must_hold() {
        let r = range(">=3.11, <3.13");
        assert!(!r.matches((3, 10)));
        assert!(r.matches((3, 11)));
        assert!(r.matches((3, 12)));
        assert!(!r.matches((3, 13)));
    }

    #[test]
    fn displays_canonically_and_labels_briefly() {
        assert_eq!(range(" >= 3.11 ,<3.13").to_string(), ">=3.11,<3.13");
        assert_eq!(range(">=3.12").label(), "3.12+");
        assert_eq!(range(">=3.11,<3.13").label(), "3.11–3.12");
        assert_eq!(range(">=3.11,<=3.12").label(), "3.11–3.12");
        assert_eq!(range("==3.12").label(), "3.12");
        assert_eq!(range("<3.13").label(), "≤3.12");
        assert_eq!(range(">=3.11,<4.0").label(), ">=3.11,<4.0");
    }

    #[test]
    fn malformed_ranges_are_named() {
        for (bad, needle) in [
            ("", "empty"),
            ("3.12", "\"3.12\" does not start with"),
            (">3.12", "\">3.12\" does not start with"),
            (">=3", "\"3\" is not a major.minor"),
            (">=3.12.1", "\"3.12.1\" is not a major.minor"),
            (">=3.x", "\"3.x\" is not"),
            (">=3.12,", "empty clause"),
            (">=3.13,<3.12", "matches no Python version"),
            ("==3.12,<3.12", "matches no Python version"),
            (">=99999.1", "is not a major.minor"),
        ] {
            let err = PythonRange::parse(bad).unwrap_err();
            assert!(err.contains(needle), "{bad:?}: {err}");
        }
    }
}
